import { isIsoDate } from '@app/core/domain';
import { assertPositiveCzk, czk, type Violation } from './czk';

/*
 * The money ledger: append-only, double-entry, whole CZK.
 *
 * Every movement is one transaction of entries whose signed amounts sum to
 * zero. An entry's amount is positive when money arrives in the account
 * (debit) and negative when it leaves (credit), so a movement of X "from A to
 * B" is the pair { A: −X, B: +X }. Nothing is ever updated or deleted: a
 * mistake is corrected by a reversal, the same entries with the signs swapped.
 *
 * Chart of accounts (ids must not contain ':'):
 *
 *   city:budget                                  the rest of the city's books: where appropriations come from (external)
 *   city:penalties                               the city's income from §22 penalties (external)
 *   programme:<programmeId>:unallocated          appropriation not yet allocated to a call part
 *   part:<partId>:available                      a part's allocation not committed to any application
 *   part:<partId>:application:<applicationId>:
 *     committed      awarded, not yet paid
 *     paid           paid out and still with the recipient, not (yet) claimed back
 *     return_due     claimed back on the settlement review, not yet returned
 *     returned       returned to the city
 *     penalty_due    §22 penalty levied, not yet paid
 *     penalty_paid   §22 penalty paid
 *
 * The external accounts may go negative (they are the other side of the city's
 * books); every other account must stay ≥ 0, and that is what makes
 * overspending, paying above an award or returning more than was paid
 * impossible. The rule functions (checkCommitment, checkPayment, checkReturn,
 * checkReversal…) keep it; negativeBalancesAfter is the last check before
 * posting, and the same condition belongs in CHECK constraints on cached balances.
 *
 * Money of a part's allocation never leaves the part: it is `available`, or in
 * one of its applications' committed / paid / return_due / returned accounts.
 * Returned money stays counted as committed (it was awarded and is not
 * re-awarded within the call); a release moves an unpaid commitment back to
 * `available`. Penalties are new money, outside any allocation.
 *
 * Movements (type: from → to):
 *   appropriation    city:budget → programme:unallocated
 *   budget_measure   city:budget → programme:unallocated (a negative measure the other way)
 *   allocation       programme:unallocated → part:available
 *   commitment       part:available → application:committed     (approval)
 *   release          application:committed → part:available     (award reduced, or unpaid rest after the settlement)
 *   payment          application:committed → application:paid
 *   return_due       application:paid → application:return_due  (settlement review: paid − returned − accepted)
 *   return           application:return_due, then application:paid → application:returned
 *   penalty          city:penalties → application:penalty_due
 *   penalty_payment  application:penalty_due → application:penalty_paid
 *   reversal         the negated entries of another transaction
 */

export const MOVEMENT_TYPES = [
  'appropriation',
  'budget_measure',
  'allocation',
  'commitment',
  'release',
  'payment',
  'return_due',
  'return',
  'penalty',
  'penalty_payment',
  'reversal',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];
export type ReversibleType = Exclude<MovementType, 'reversal'>;

export const APPLICATION_BUCKETS = ['committed', 'paid', 'return_due', 'returned', 'penalty_due', 'penalty_paid'] as const;
export type ApplicationBucket = (typeof APPLICATION_BUCKETS)[number];

export type Account =
  | { kind: 'city'; name: 'budget' | 'penalties' }
  | { kind: 'programme'; programmeId: string }
  | { kind: 'part'; partId: string }
  | { kind: 'application'; partId: string; applicationId: string; bucket: ApplicationBucket };

export const CITY_BUDGET = 'city:budget';
export const CITY_PENALTIES = 'city:penalties';

function assertId(name: string, id: string): void {
  if (id === '' || id.includes(':')) throw new RangeError(`${name} must be a non-empty id without ':', got ${JSON.stringify(id)}`);
}

export const unallocatedAccount = (programmeId: string): string => {
  assertId('programmeId', programmeId);
  return `programme:${programmeId}:unallocated`;
};

export const availableAccount = (partId: string): string => {
  assertId('partId', partId);
  return `part:${partId}:available`;
};

export const applicationAccount = (partId: string, applicationId: string, bucket: ApplicationBucket): string => {
  assertId('partId', partId);
  assertId('applicationId', applicationId);
  return `part:${partId}:application:${applicationId}:${bucket}`;
};

export function parseAccount(key: string): Account {
  const p = key.split(':');
  if (key === CITY_BUDGET) return { kind: 'city', name: 'budget' };
  if (key === CITY_PENALTIES) return { kind: 'city', name: 'penalties' };
  if (p.length === 3 && p[0] === 'programme' && p[1] !== '' && p[2] === 'unallocated') return { kind: 'programme', programmeId: p[1] };
  if (p.length === 3 && p[0] === 'part' && p[1] !== '' && p[2] === 'available') return { kind: 'part', partId: p[1] };
  if (
    p.length === 5 &&
    p[0] === 'part' &&
    p[1] !== '' &&
    p[2] === 'application' &&
    p[3] !== '' &&
    (APPLICATION_BUCKETS as readonly string[]).includes(p[4])
  ) {
    return { kind: 'application', partId: p[1], applicationId: p[3], bucket: p[4] as ApplicationBucket };
  }
  throw new RangeError(`Not an account of the chart: ${JSON.stringify(key)}`);
}

/** Accounts outside the programme's money, allowed to go negative. */
export const isExternalAccount = (key: string): boolean => key === CITY_BUDGET || key === CITY_PENALTIES;

export interface LedgerEntry {
  transactionId: string;
  account: string;
  /** Signed whole CZK: + money arrives in the account (debit), − it leaves (credit). Never 0. */
  amountCzk: number;
}

export interface LedgerTransaction {
  id: string;
  type: MovementType;
  /** The business date of the movement (Prague), e.g. the day a payment left or a return arrived. */
  occurredOn: string;
  /** Resolution number, payment reference, bank statement line… */
  reference: string;
  /** Set on a reversal: the transaction it cancels. */
  reverses: { id: string; type: ReversibleType } | null;
  entries: LedgerEntry[];
}

export interface TransactionMeta {
  id: string;
  occurredOn: string;
  reference: string;
}

interface ApplicationMovement extends TransactionMeta {
  partId: string;
  applicationId: string;
  amountCzk: number;
}

function transaction(meta: TransactionMeta, type: MovementType, moves: readonly [from: string, to: string, amountCzk: number][]): LedgerTransaction {
  if (meta.id === '') throw new RangeError('transaction id must not be empty');
  if (!isIsoDate(meta.occurredOn)) throw new RangeError(`occurredOn must be a date (YYYY-MM-DD), got ${JSON.stringify(meta.occurredOn)}`);
  const entries: LedgerEntry[] = [];
  for (const [from, to, amountCzk] of moves) {
    if (amountCzk === 0) continue;
    entries.push({ transactionId: meta.id, account: from, amountCzk: -amountCzk });
    entries.push({ transactionId: meta.id, account: to, amountCzk });
  }
  return { id: meta.id, type, occurredOn: meta.occurredOn, reference: meta.reference, reverses: null, entries };
}

const meta = ({ id, occurredOn, reference }: TransactionMeta): TransactionMeta => ({ id, occurredOn, reference });

/** The programme's appropriation as adopted in the city budget. */
export function appropriationEntries(input: TransactionMeta & { programmeId: string; amountCzk: number }): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  return transaction(meta(input), 'appropriation', [[CITY_BUDGET, unallocatedAccount(input.programmeId), input.amountCzk]]);
}

/** A recorded budget measure: positive raises the appropriation, negative lowers it. */
export function budgetMeasureEntries(input: TransactionMeta & { programmeId: string; amountCzk: number }): LedgerTransaction {
  const { amountCzk } = input;
  if (!Number.isSafeInteger(amountCzk) || amountCzk === 0) throw new RangeError(`a budget measure must be a non-zero whole number of CZK, got ${amountCzk}`);
  const unallocated = unallocatedAccount(input.programmeId);
  return transaction(
    meta(input),
    'budget_measure',
    amountCzk > 0 ? [[CITY_BUDGET, unallocated, amountCzk]] : [[unallocated, CITY_BUDGET, -amountCzk]],
  );
}

export function allocationEntries(input: TransactionMeta & { programmeId: string; partId: string; amountCzk: number }): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  return transaction(meta(input), 'allocation', [[unallocatedAccount(input.programmeId), availableAccount(input.partId), input.amountCzk]]);
}

/** An approval: the award leaves the part's available allocation. */
export function commitmentEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  const { partId, applicationId } = input;
  return transaction(meta(input), 'commitment', [[availableAccount(partId), applicationAccount(partId, applicationId, 'committed'), input.amountCzk]]);
}

/** An unpaid commitment given back to the part (award reduced, or what was never paid once the settlement is reviewed). */
export function releaseEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  const { partId, applicationId } = input;
  return transaction(meta(input), 'release', [[applicationAccount(partId, applicationId, 'committed'), availableAccount(partId), input.amountCzk]]);
}

export function paymentEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  const { partId, applicationId } = input;
  return transaction(meta(input), 'payment', [
    [applicationAccount(partId, applicationId, 'committed'), applicationAccount(partId, applicationId, 'paid'), input.amountCzk],
  ]);
}

/** The settlement review claims back what was paid and not accepted (returnDueCzk > 0). */
export function returnDueEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  const { partId, applicationId } = input;
  return transaction(meta(input), 'return_due', [
    [applicationAccount(partId, applicationId, 'paid'), applicationAccount(partId, applicationId, 'return_due'), input.amountCzk],
  ]);
}

/**
 * Money returned by the recipient. It settles the claimed return due first;
 * anything beyond it is a voluntary return of money still held (e.g. unused
 * money sent back with the settlement, before the review).
 */
export function returnEntries(input: ApplicationMovement & { returnDueCzk: number }): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  if (!Number.isSafeInteger(input.returnDueCzk) || input.returnDueCzk < 0) {
    throw new RangeError(`returnDueCzk must be whole, non-negative CZK, got ${input.returnDueCzk}`);
  }
  const { partId, applicationId, amountCzk } = input;
  const fromDue = Math.min(amountCzk, input.returnDueCzk);
  const returned = applicationAccount(partId, applicationId, 'returned');
  return transaction(meta(input), 'return', [
    [applicationAccount(partId, applicationId, 'return_due'), returned, fromDue],
    [applicationAccount(partId, applicationId, 'paid'), returned, amountCzk - fromDue],
  ]);
}

export function penaltyEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  return transaction(meta(input), 'penalty', [[CITY_PENALTIES, applicationAccount(input.partId, input.applicationId, 'penalty_due'), input.amountCzk]]);
}

export function penaltyPaymentEntries(input: ApplicationMovement): LedgerTransaction {
  assertPositiveCzk('amountCzk', input.amountCzk);
  const { partId, applicationId } = input;
  return transaction(meta(input), 'penalty_payment', [
    [applicationAccount(partId, applicationId, 'penalty_due'), applicationAccount(partId, applicationId, 'penalty_paid'), input.amountCzk],
  ]);
}

/** The correction of a recorded movement: the same entries with the signs swapped. See checkReversal. */
export function reversalOf(original: LedgerTransaction, correction: TransactionMeta): LedgerTransaction {
  if (original.type === 'reversal' || original.reverses !== null) throw new RangeError(`transaction ${original.id} is itself a reversal`);
  const m = transaction(meta(correction), 'reversal', []);
  return {
    ...m,
    reverses: { id: original.id, type: original.type },
    entries: original.entries.map((e) => ({ transactionId: m.id, account: e.account, amountCzk: -e.amountCzk })),
  };
}

export const entriesOf = (transactions: readonly LedgerTransaction[]): LedgerEntry[] => transactions.flatMap((t) => t.entries);

/** Every transaction's entries sum to zero, and none is of zero or fractional CZK. */
export function isBalanced(entries: readonly LedgerEntry[]): boolean {
  const sums = new Map<string, number>();
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amountCzk) || e.amountCzk === 0) return false;
    sums.set(e.transactionId, (sums.get(e.transactionId) ?? 0) + e.amountCzk);
  }
  for (const sum of sums.values()) if (sum !== 0) return false;
  return true;
}

export function accountBalances(entries: readonly LedgerEntry[]): Map<string, number> {
  const balances = new Map<string, number>();
  for (const e of entries) balances.set(e.account, (balances.get(e.account) ?? 0) + e.amountCzk);
  return balances;
}

/** Accounts other than the external ones that `tx` would leave below zero. */
export function negativeBalancesAfter(
  balances: ReadonlyMap<string, number>,
  tx: LedgerTransaction,
): { account: string; balanceCzk: number }[] {
  const after = new Map<string, number>();
  for (const e of tx.entries) after.set(e.account, (after.get(e.account) ?? balances.get(e.account) ?? 0) + e.amountCzk);
  return [...after]
    .filter(([account, balanceCzk]) => balanceCzk < 0 && !isExternalAccount(account))
    .map(([account, balanceCzk]) => ({ account, balanceCzk }));
}

/**
 * A reversal is allowed once per transaction, never of a reversal, and only
 * while no later movement depends on the money it takes back (a payment of a
 * commitment, a return of a payment): reverse those first.
 */
export function checkReversal(original: LedgerTransaction, ledger: readonly LedgerTransaction[]): Violation[] {
  if (original.type === 'reversal') {
    return [{ code: 'INVALID_STATUS_TRANSITION', message: 'A reversal cannot be reversed; record the movement again instead.' }];
  }
  const earlier = ledger.find((t) => t.reverses?.id === original.id);
  if (earlier) {
    return [{ code: 'INVALID_STATUS_TRANSITION', message: `Transaction ${original.id} was already reversed by ${earlier.id}.` }];
  }
  const negative = negativeBalancesAfter(accountBalances(entriesOf(ledger)), reversalOf(original, { id: '-', occurredOn: original.occurredOn, reference: '' }));
  return negative.map(({ account, balanceCzk }) => ({
    code: 'INVALID_STATUS_TRANSITION',
    message:
      `Reversing ${original.type} ${original.id} would leave ${account} at ${czk(balanceCzk)}; ` +
      'later movements depend on it, so reverse them first.',
  }));
}

/** An approval must fit in what is left of the part's allocation (the decision's ALLOCATION_EXCEEDED). */
export function checkCommitment(input: { availableCzk: number; amountCzk: number }): Violation[] {
  if (input.amountCzk <= input.availableCzk) return [];
  return [
    {
      code: 'ALLOCATION_EXCEEDED',
      field: 'amountCzk',
      message: `The part has ${czk(input.availableCzk)} left of its allocation; the award of ${czk(input.amountCzk)} does not fit.`,
    },
  ];
}

export interface ProgrammeBalance {
  programmeId: string;
  /** Appropriations and budget measures, net of reversals. */
  appropriationCzk: number;
  /** Allocated to the programme's call parts. */
  allocatedCzk: number;
  unallocatedCzk: number;
}

export interface PartBalance {
  partId: string;
  /** Allocated to the part, net of reversals. */
  allocationCzk: number;
  /** Awarded, net of releases: unpaid + paid + claimed back + returned. */
  committedCzk: number;
  /** Paid out, in total (returns do not lower it). */
  paidCzk: number;
  returnedCzk: number;
  /** allocationCzk − committedCzk. */
  availableCzk: number;
  /** Committed, not yet paid. */
  unpaidCzk: number;
  /** Claimed back on settlement reviews, not yet returned. */
  returnDueCzk: number;
}

export interface ApplicationBalance {
  applicationId: string;
  partId: string;
  /** Awarded, net of releases. */
  committedCzk: number;
  /** Paid out, in total (returns do not lower it). */
  paidCzk: number;
  returnedCzk: number;
  /** Committed, not yet paid. */
  unpaidCzk: number;
  /** Paid and still with the recipient, not claimed back. */
  heldCzk: number;
  /** Claimed back on the settlement review, not yet returned. */
  returnDueCzk: number;
  /** §22 penalties levied, paid or not. */
  penaltyCzk: number;
  /** What the recipient owes now: the return due plus unpaid penalties. */
  owedCzk: number;
}

export interface LedgerBalances {
  programmes: ProgrammeBalance[];
  parts: PartBalance[];
  applications: ApplicationBalance[];
}

const emptyBuckets = (): Record<ApplicationBucket, number> => ({
  committed: 0,
  paid: 0,
  return_due: 0,
  returned: 0,
  penalty_due: 0,
  penalty_paid: 0,
});

/**
 * Every balance, recomputed from the transactions alone. Allocations and
 * appropriations are summed from their own movements (and reversals of them),
 * not from the accounts they feed, so `allocation = available + committed`
 * is a real check that no movement leaks money out of a part.
 */
export function balancesFrom(transactions: readonly LedgerTransaction[]): LedgerBalances {
  const programmes = new Map<string, ProgrammeBalance>();
  const parts = new Map<string, { available: number; allocation: number }>();
  const applications = new Map<string, { partId: string; buckets: Record<ApplicationBucket, number> }>();

  const programme = (programmeId: string): ProgrammeBalance => {
    let p = programmes.get(programmeId);
    if (!p) programmes.set(programmeId, (p = { programmeId, appropriationCzk: 0, allocatedCzk: 0, unallocatedCzk: 0 }));
    return p;
  };
  const part = (partId: string) => {
    let p = parts.get(partId);
    if (!p) parts.set(partId, (p = { available: 0, allocation: 0 }));
    return p;
  };

  for (const tx of transactions) {
    const type = tx.type === 'reversal' ? (tx.reverses?.type ?? 'reversal') : tx.type;
    for (const e of tx.entries) {
      const account = parseAccount(e.account);
      switch (account.kind) {
        case 'city':
          break;
        case 'programme': {
          const p = programme(account.programmeId);
          p.unallocatedCzk += e.amountCzk;
          if (type === 'appropriation' || type === 'budget_measure') p.appropriationCzk += e.amountCzk;
          if (type === 'allocation') p.allocatedCzk -= e.amountCzk;
          break;
        }
        case 'part': {
          const p = part(account.partId);
          p.available += e.amountCzk;
          if (type === 'allocation') p.allocation += e.amountCzk;
          break;
        }
        case 'application': {
          part(account.partId);
          let a = applications.get(account.applicationId);
          if (!a) applications.set(account.applicationId, (a = { partId: account.partId, buckets: emptyBuckets() }));
          if (a.partId !== account.partId) {
            throw new RangeError(`application ${account.applicationId} appears under parts ${a.partId} and ${account.partId}`);
          }
          a.buckets[account.bucket] += e.amountCzk;
          break;
        }
      }
    }
  }

  const applicationBalances: ApplicationBalance[] = [...applications].map(([applicationId, { partId, buckets: b }]) => ({
    applicationId,
    partId,
    committedCzk: b.committed + b.paid + b.return_due + b.returned,
    paidCzk: b.paid + b.return_due + b.returned,
    returnedCzk: b.returned,
    unpaidCzk: b.committed,
    heldCzk: b.paid,
    returnDueCzk: b.return_due,
    penaltyCzk: b.penalty_due + b.penalty_paid,
    owedCzk: b.return_due + b.penalty_due,
  }));

  const partBalances = new Map<string, PartBalance>(
    [...parts].map(([partId, p]) => [
      partId,
      { partId, allocationCzk: p.allocation, committedCzk: 0, paidCzk: 0, returnedCzk: 0, availableCzk: p.available, unpaidCzk: 0, returnDueCzk: 0 },
    ]),
  );
  for (const a of applicationBalances) {
    const p = partBalances.get(a.partId);
    if (!p) continue; // cannot happen: an application account registers its part
    p.committedCzk += a.committedCzk;
    p.paidCzk += a.paidCzk;
    p.returnedCzk += a.returnedCzk;
    p.unpaidCzk += a.unpaidCzk;
    p.returnDueCzk += a.returnDueCzk;
  }

  return { programmes: [...programmes.values()], parts: [...partBalances.values()], applications: applicationBalances };
}
