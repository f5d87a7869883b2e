import fc from 'fast-check';
import {
  accountBalances,
  allocationEntries,
  appropriationEntries,
  balancesFrom,
  budgetMeasureEntries,
  checkCommitment,
  checkReversal,
  commitmentEntries,
  entriesOf,
  isBalanced,
  isExternalAccount,
  type LedgerBalances,
  type LedgerTransaction,
  negativeBalancesAfter,
  paymentEntries,
  penaltyEntries,
  penaltyPaymentEntries,
  releaseEntries,
  returnDueEntries,
  returnEntries,
  reversalOf,
} from './ledger';
import { checkPayment } from './payment.rules';
import { checkReturn, checkSettlement, checkSettlementReview, settlementReviewOutcome } from './settlement.rules';

/*
 * Random lives of four grants in two parts of one programme: approve, pay,
 * settle, review, return, penalty, budget measures, allocations and reversals
 * of any earlier movement, each applied only when the domain rules allow it.
 * After every step the ledger is recomputed from scratch and compared with a
 * plain model kept beside it, and the invariants are checked.
 */

const DAY = '2027-06-01';
const PARTS = ['p1', 'p2'] as const;
const APPS = [
  { applicationId: 'a1', partId: 'p1', requestedCzk: 500_000 },
  { applicationId: 'a2', partId: 'p1', requestedCzk: 800_000 },
  { applicationId: 'a3', partId: 'p2', requestedCzk: 300_000 },
  { applicationId: 'a4', partId: 'p2', requestedCzk: 90_000 },
] as const;

type Status = 'recommended' | 'contracted' | 'settlement_submitted' | 'settled';

type AppOpKind = 'approve' | 'pay' | 'settle' | 'review' | 'return' | 'penalty' | 'payPenalty';
type Op =
  /** `next`: whatever the grant's life does next (approve, pay, settle, review, return), so random runs get far. */
  | { kind: AppOpKind | 'next'; app: number; pct: number }
  | { kind: 'allocate'; part: number; pct: number }
  | { kind: 'measure'; amountCzk: number }
  | { kind: 'reverse'; index: number };

const pct = fc.integer({ min: 0, max: 120 });
const app = fc.integer({ min: 0, max: APPS.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('next' as const), app, pct }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constantFrom('approve', 'pay', 'settle', 'review', 'return', 'penalty', 'payPenalty' as const), app, pct }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('allocate' as const), part: fc.integer({ min: 0, max: 1 }), pct }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('measure' as const), amountCzk: fc.integer({ min: -2_000_000, max: 2_000_000 }).filter((n) => n !== 0) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reverse' as const), index: fc.nat() }), weight: 1 },
);

/** The model: plain counters, changed by the same amounts the rules let through. */
type Counters = Record<string, number>;

function add(into: Counters, delta: Counters, sign = 1): void {
  for (const [k, v] of Object.entries(delta)) into[k] = (into[k] ?? 0) + sign * v;
}

const share = (of: number, p: number) => Math.floor((of * p) / 100);

function nextStep(status: Status, a: { committedCzk: number; paidCzk: number; returnDueCzk: number; owedCzk: number }): AppOpKind {
  switch (status) {
    case 'recommended':
      return 'approve';
    case 'contracted':
      return a.paidCzk < a.committedCzk ? 'pay' : 'settle';
    case 'settlement_submitted':
      return 'review';
    case 'settled':
      return a.returnDueCzk > 0 ? 'return' : a.owedCzk > 0 ? 'payPenalty' : 'penalty';
  }
}

function simulate(ops: readonly Op[]): void {
  let n = 0;
  const meta = () => ({ id: `t${++n}`, occurredOn: DAY, reference: `ref ${n}` });
  const ledger: LedgerTransaction[] = [];
  const deltas = new Map<string, Counters>();
  const model: Counters = {};
  const status: Status[] = APPS.map(() => 'recommended');
  const spent: number[] = APPS.map(() => 0);

  const running = new Map<string, number>();
  const post = (tx: LedgerTransaction, delta: Counters) => {
    // Whatever the rules let through never overdraws an account.
    expect(negativeBalancesAfter(running, tx)).toEqual([]);
    for (const e of tx.entries) running.set(e.account, (running.get(e.account) ?? 0) + e.amountCzk);
    ledger.push(tx);
    deltas.set(tx.id, delta);
    add(model, delta);
  };

  post(appropriationEntries({ ...meta(), programmeId: 'prog', amountCzk: 3_000_000 }), { appropriation: 3_000_000 });
  post(allocationEntries({ ...meta(), programmeId: 'prog', partId: 'p1', amountCzk: 1_000_000 }), { 'p1:allocation': 1_000_000 });
  post(allocationEntries({ ...meta(), programmeId: 'prog', partId: 'p2', amountCzk: 400_000 }), { 'p2:allocation': 400_000 });

  let b = balancesFrom(ledger);
  for (const o of ops) {
    const progBal = b.programmes[0];
    const partBal = (partId: string) => b.parts.find((p) => p.partId === partId);
    const appBal = (applicationId: string) =>
      b.applications.find((a) => a.applicationId === applicationId) ?? {
        committedCzk: 0,
        paidCzk: 0,
        returnedCzk: 0,
        heldCzk: 0,
        returnDueCzk: 0,
        penaltyCzk: 0,
        owedCzk: 0,
        unpaidCzk: 0,
      };

    switch (o.kind) {
      case 'measure': {
        if (o.amountCzk < 0 && -o.amountCzk > progBal.unallocatedCzk) break; // never below what is allocated
        post(budgetMeasureEntries({ ...meta(), programmeId: 'prog', amountCzk: o.amountCzk }), { appropriation: o.amountCzk });
        break;
      }
      case 'allocate': {
        const amount = share(progBal.unallocatedCzk, Math.min(o.pct, 100));
        if (amount === 0) break;
        const partId = PARTS[o.part];
        post(allocationEntries({ ...meta(), programmeId: 'prog', partId, amountCzk: amount }), { [`${partId}:allocation`]: amount });
        break;
      }
      case 'reverse': {
        if (ledger.length === 0) break;
        const original = ledger[o.index % ledger.length];
        if (checkReversal(original, ledger).length > 0) break;
        const reversal = reversalOf(original, meta());
        const undo: Counters = {};
        add(undo, deltas.get(original.id) ?? {}, -1);
        post(reversal, undo);
        break;
      }
      default: {
        const { applicationId, partId, requestedCzk } = APPS[o.app];
        const a = appBal(applicationId);
        const ids = { applicationId, partId };
        const k = (name: string) => `${applicationId}:${name}`;
        const kind: AppOpKind = o.kind !== 'next' ? o.kind : nextStep(status[o.app], a);
        switch (kind) {
          case 'approve': {
            const amount = share(requestedCzk, o.pct);
            const available = partBal(partId)?.availableCzk ?? 0;
            if (status[o.app] !== 'recommended' || amount === 0 || amount > requestedCzk) break;
            if (checkCommitment({ availableCzk: available, amountCzk: amount }).length > 0) break;
            post(commitmentEntries({ ...meta(), ...ids, amountCzk: amount }), { [k('award')]: amount });
            status[o.app] = 'contracted';
            break;
          }
          case 'pay': {
            const amount = share(a.committedCzk - a.paidCzk, o.pct) || o.pct;
            if (status[o.app] !== 'contracted') break;
            if (checkPayment({ hasContract: true, awardCzk: a.committedCzk, paidSoFarCzk: a.paidCzk, amountCzk: amount }).length > 0) break;
            post(paymentEntries({ ...meta(), ...ids, amountCzk: amount }), { [k('paid')]: amount });
            break;
          }
          case 'settle': {
            const amount = share(a.paidCzk - a.returnedCzk, o.pct);
            const input = {
              status: status[o.app],
              paidCzk: a.paidCzk,
              returnedCzk: a.returnedCzk,
              spentCzk: amount,
              lines: [{ category: 'staff', spentCzk: amount }],
              report: 'Done.',
            };
            if (checkSettlement(input).length > 0) break;
            spent[o.app] = amount;
            status[o.app] = 'settlement_submitted';
            break;
          }
          case 'review': {
            const accepted = share(spent[o.app], o.pct);
            const input = { status: status[o.app], paidCzk: a.paidCzk, returnedCzk: a.returnedCzk, spentCzk: spent[o.app], acceptedCzk: accepted, note: 'x', today: DAY };
            if (checkSettlementReview(input).length > 0) break;
            const outcome = settlementReviewOutcome({ ...input, awardCzk: a.committedCzk, reviewedOn: DAY, settlementDueOn: DAY });
            expect(outcome.returnDueCzk).toBe(a.paidCzk - a.returnedCzk - accepted);
            if (outcome.returnDueCzk > 0) {
              post(returnDueEntries({ ...meta(), ...ids, amountCzk: outcome.returnDueCzk }), { [k('due')]: outcome.returnDueCzk });
            }
            if (outcome.releaseCzk > 0) {
              post(releaseEntries({ ...meta(), ...ids, amountCzk: outcome.releaseCzk }), { [k('award')]: -outcome.releaseCzk });
            }
            status[o.app] = 'settled';
            break;
          }
          case 'return': {
            const amount = share(a.returnDueCzk + a.heldCzk, o.pct) || o.pct;
            if (checkReturn({ amountCzk: amount, returnDueCzk: a.returnDueCzk, heldCzk: a.heldCzk, receivedOn: DAY, today: DAY }).length > 0) break;
            const fromDue = Math.min(amount, model[k('due')] ?? 0);
            post(returnEntries({ ...meta(), ...ids, amountCzk: amount, returnDueCzk: a.returnDueCzk }), {
              [k('returned')]: amount,
              [k('due')]: -fromDue,
            });
            break;
          }
          case 'penalty': {
            if (status[o.app] !== 'settled' || o.pct === 0) break;
            post(penaltyEntries({ ...meta(), ...ids, amountCzk: o.pct * 100 }), { [k('penalty')]: o.pct * 100 });
            break;
          }
          case 'payPenalty': {
            const due = a.owedCzk - a.returnDueCzk;
            const amount = share(due, o.pct);
            if (amount === 0 || amount > due) break;
            post(penaltyPaymentEntries({ ...meta(), ...ids, amountCzk: amount }), { [k('penaltyPaid')]: amount });
            break;
          }
        }
      }
    }

    // Recomputed from scratch after every step (one expect per check: jest's expect is slow in a hot loop).
    const entries = entriesOf(ledger);
    const balances = accountBalances(entries);
    const after = (b = balancesFrom(ledger));
    expect(isBalanced(entries)).toBe(true);
    expect(sameBalances(balances, running)).toBe(true);
    expect(brokenInvariants(after, balances)).toEqual([]);
    expect(observed(after)).toEqual(expected(model, after));
  }
}

function sameBalances(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The invariants of the issue, as readable failures. */
function brokenInvariants(after: LedgerBalances, balances: ReadonlyMap<string, number>): string[] {
  const broken: string[] = [];
  for (const [account, balance] of balances) {
    if (!isExternalAccount(account) && balance < 0) broken.push(`${account} = ${balance}`);
  }
  for (const prog of after.programmes) {
    if (prog.appropriationCzk !== prog.unallocatedCzk + prog.allocatedCzk) broken.push(`appropriation ≠ unallocated + allocated`);
    if (prog.allocatedCzk !== after.parts.reduce((s, p) => s + p.allocationCzk, 0)) broken.push('allocated ≠ Σ part allocations');
  }
  for (const p of after.parts) {
    if (p.allocationCzk !== p.availableCzk + p.committedCzk) broken.push(`${p.partId}: allocation ≠ available + committed`);
    if (p.availableCzk < 0) broken.push(`${p.partId}: available < 0`);
  }
  for (const a of after.applications) {
    if (a.paidCzk > a.committedCzk) broken.push(`${a.applicationId}: paid > committed`);
    if (a.returnedCzk > a.paidCzk) broken.push(`${a.applicationId}: returned > paid`);
    if (a.returnedCzk + a.returnDueCzk + a.heldCzk !== a.paidCzk) broken.push(`${a.applicationId}: returned + due + held ≠ paid`);
  }
  return broken;
}

const observed = (after: LedgerBalances) => ({
  appropriation: after.programmes[0].appropriationCzk,
  parts: after.parts.map((p) => [p.partId, p.allocationCzk]),
  applications: after.applications.map((a) => [a.applicationId, a.committedCzk, a.paidCzk, a.returnedCzk, a.returnDueCzk, a.penaltyCzk, a.owedCzk]),
});

const expected = (model: Counters, after: LedgerBalances) => {
  const m = (key: string) => model[key] ?? 0;
  return {
    appropriation: m('appropriation'),
    parts: after.parts.map((p) => [p.partId, m(`${p.partId}:allocation`)]),
    applications: after.applications.map(({ applicationId: id }) => [
      id,
      m(`${id}:award`),
      m(`${id}:paid`),
      m(`${id}:returned`),
      m(`${id}:due`),
      m(`${id}:penalty`),
      m(`${id}:due`) + m(`${id}:penalty`) - m(`${id}:penaltyPaid`),
    ]),
  };
};

describe('the ledger under random sequences of movements', () => {
  it('balances, never overdraws, and agrees with a plain model', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 100, size: 'max' }), (ops) => simulate(ops)), { numRuns: 100 });
  });

  it('a reversal restores every balance as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }), fc.nat(), (payments, pick) => {
        let n = 0;
        const meta = () => ({ id: `t${++n}`, occurredOn: DAY, reference: '' });
        const award = payments.reduce((s, x) => s + x, 0);
        const ledger = [
          appropriationEntries({ ...meta(), programmeId: 'prog', amountCzk: award }),
          allocationEntries({ ...meta(), programmeId: 'prog', partId: 'p1', amountCzk: award }),
          commitmentEntries({ ...meta(), partId: 'p1', applicationId: 'a1', amountCzk: award }),
          ...payments.map((amountCzk) => paymentEntries({ ...meta(), partId: 'p1', applicationId: 'a1', amountCzk })),
        ];
        const chosen = ledger[3 + (pick % payments.length)];
        const without = ledger.filter((t) => t !== chosen);
        expect(checkReversal(chosen, ledger)).toEqual([]);
        expect(balancesFrom([...ledger, reversalOf(chosen, meta())])).toEqual(balancesFrom(without));
      }),
    );
  });
});
