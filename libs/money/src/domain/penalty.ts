import { daysBetween, isIsoDate } from '@app/core/domain';
import { assertPositiveCzk, assertWholeCzk } from './czk';

/*
 * Act 250/2000 Coll. §22: money withheld after it was due to be returned is a
 * breach of budget discipline, and carries a penalty ("penále") of 1 per mille
 * of the withheld amount for every day, from the day after the due date to the
 * day the money arrives, both included; at most the withheld amount; not levied
 * when it comes to CZK 1,000 or less.
 *
 * Decisions where the law leaves room:
 * - Whole CZK, rounded down ("zaokrouhluje se na celé koruny dolů"), once, on
 *   the exact total: Σ(amount × days) / 1000 in integers, then floored.
 * - A return in parts: each part is late by its own days (money returned on
 *   time carries nothing), and the penalty of the breach is the sum. The cap
 *   is the money withheld late (the parts that arrived after the due date plus
 *   anything still missing), and the CZK 1,000 threshold applies to that sum,
 *   not to each part.
 * - Returns beyond what was owed are not part of this breach and are ignored.
 */
export const PENALTY_PER_MILLE_PER_DAY = 1;
export const PENALTY_NOT_LEVIED_UP_TO_CZK = 1_000;

export interface ReturnReceipt {
  amountCzk: number;
  receivedOn: string;
}

export interface PenaltyPortion {
  amountCzk: number;
  /** null for money not yet returned, counted up to `asOf`. */
  receivedOn: string | null;
  daysLate: number;
}

export interface PenaltyAssessment {
  /** The penalty to levy: 0 when the computed one is CZK 1,000 or less. */
  penaltyCzk: number;
  /** Before the CZK 1,000 threshold: floor(Σ amount × days / 1000), capped. */
  computedCzk: number;
  /** Money withheld after the due date: the cap. */
  lateCzk: number;
  /** Owed and not yet returned at `asOf`. */
  outstandingCzk: number;
  /** False while money is still missing: the penalty keeps growing until it arrives. */
  final: boolean;
  portions: PenaltyPortion[];
}

function assertDate(name: string, s: string): void {
  if (!isIsoDate(s)) throw new RangeError(`${name} must be a date (YYYY-MM-DD), got ${JSON.stringify(s)}`);
}

/**
 * One sum the recipient must pay back by a deadline: the unspent money (paid −
 * spent as settled) by the contract's settlement deadline, the amounts the
 * review refused (spent − accepted) by the remedy deadline the review sets.
 */
export interface Debt {
  kind: 'unspent' | 'refused';
  owedCzk: number;
  dueOn: string;
}

export interface DebtAssessment extends Debt {
  /** Money of this debt withheld after its due date (its cap). */
  lateCzk: number;
  /** Σ amount × days late over its portions: the penalty in thousandths of CZK, before the cap. */
  perMilleDays: number;
  /** Still missing at `asOf`. */
  outstandingCzk: number;
  portions: PenaltyPortion[];
}

export interface SettlementPenaltyAssessment extends PenaltyAssessment {
  debts: DebtAssessment[];
}

/**
 * What a review leaves owing, in amounts: the unspent money, paid − spent, and
 * what the review refuses, spent − accepted. `paidCzk` is everything paid
 * (returns not deducted: money returned before the deadline pays the unspent
 * debt in time). Were a payment reversed after the settlement (paid < spent),
 * nothing is unspent and only what was paid can be refused: the two always
 * add up to paid − accepted.
 */
export function settlementDebtAmounts(input: { paidCzk: number; spentCzk: number; acceptedCzk: number }): { unspentCzk: number; refusedCzk: number } {
  assertWholeCzk('paidCzk', input.paidCzk);
  assertWholeCzk('spentCzk', input.spentCzk);
  assertWholeCzk('acceptedCzk', input.acceptedCzk);
  const spent = Math.min(input.spentCzk, input.paidCzk);
  if (input.acceptedCzk > spent) throw new RangeError(`acceptedCzk ${input.acceptedCzk} exceeds what was spent of what was paid (${spent})`);
  return { unspentCzk: input.paidCzk - spent, refusedCzk: spent - input.acceptedCzk };
}

/**
 * The debts of a reviewed settlement: the unspent money is due on the
 * contract's settlement deadline, the refused money on the review's remedy
 * deadline. Debts of CZK 0 are left out.
 */
export function reviewDebts(input: { unspentCzk: number; refusedCzk: number; settlementDueOn: string; remedyDueOn: string | null }): Debt[] {
  assertWholeCzk('unspentCzk', input.unspentCzk);
  assertWholeCzk('refusedCzk', input.refusedCzk);
  assertDate('settlementDueOn', input.settlementDueOn);
  const debts: Debt[] = [];
  if (input.unspentCzk > 0) debts.push({ kind: 'unspent', owedCzk: input.unspentCzk, dueOn: input.settlementDueOn });
  if (input.refusedCzk > 0) {
    if (input.remedyDueOn === null) throw new RangeError('remedyDueOn is needed when part of the amount spent is refused');
    assertDate('remedyDueOn', input.remedyDueOn);
    debts.push({ kind: 'refused', owedCzk: input.refusedCzk, dueOn: input.remedyDueOn });
  }
  return debts;
}

/** settlementDebtAmounts, then reviewDebts. */
export function settlementDebts(input: { paidCzk: number; spentCzk: number; acceptedCzk: number; settlementDueOn: string; remedyDueOn: string | null }): Debt[] {
  return reviewDebts({ ...settlementDebtAmounts(input), settlementDueOn: input.settlementDueOn, remedyDueOn: input.remedyDueOn });
}

/**
 * Money returned paid against the debts, the earliest due first (on the same
 * day, in the order given): what is still owed of each, amounts only.
 */
export function outstandingDebts(debts: readonly Debt[], returnedCzk: number): (Debt & { outstandingCzk: number })[] {
  assertWholeCzk('returnedCzk', returnedCzk);
  let left = returnedCzk;
  return byDueDate(debts).map((d) => {
    const paid = Math.min(left, d.owedCzk);
    left -= paid;
    return { ...d, outstandingCzk: d.owedCzk - paid };
  });
}

function byDueDate<T extends { dueOn: string }>(debts: readonly T[]): T[] {
  return debts.map((d, i) => ({ d, i })).sort((a, b) => (a.d.dueOn < b.d.dueOn ? -1 : a.d.dueOn > b.d.dueOn ? 1 : a.i - b.i)).map((x) => x.d);
}

/**
 * The §22 penalty for several debts, each with its own due date, repaid by
 * the given returns. Each return pays the earliest-due debt still open (so
 * money sent back is never held against a debt not yet due while an overdue
 * one waits); each portion is late by its own days from the day after its
 * debt's due date. Each debt is capped at its own late money; the total is
 * rounded down once; the CZK 1,000 threshold applies to the total, which is
 * levied at once. Money still missing is late up to `asOf`.
 */
export function assessDebtsPenalty(input: { debts: readonly Debt[]; returns: readonly ReturnReceipt[]; asOf: string }): SettlementPenaltyAssessment {
  assertDate('asOf', input.asOf);
  for (const d of input.debts) {
    assertWholeCzk('owedCzk', d.owedCzk);
    assertDate('dueOn', d.dueOn);
  }
  const returns = [...input.returns].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  for (const r of returns) {
    assertPositiveCzk('amountCzk', r.amountCzk);
    assertDate('receivedOn', r.receivedOn);
  }
  const open = byDueDate(input.debts).map((d) => ({ debt: d, remaining: d.owedCzk, portions: [] as PenaltyPortion[] }));
  let i = 0;
  for (const r of returns) {
    let amount = r.amountCzk;
    while (amount > 0 && i < open.length) {
      const o = open[i];
      const part = Math.min(amount, o.remaining);
      if (part > 0) {
        o.portions.push({ amountCzk: part, receivedOn: r.receivedOn, daysLate: Math.max(0, daysBetween(o.debt.dueOn, r.receivedOn)) });
        o.remaining -= part;
        amount -= part;
      }
      if (o.remaining === 0) i += 1;
    }
    // Returns beyond what was owed are not part of this breach.
  }
  // Exact: products of CZK and days can pass 2^53 only in absurd cases, but bigint costs nothing here.
  let cappedThousandths = 0n;
  let lateTotal = 0;
  let outstandingTotal = 0;
  const portionsAll: PenaltyPortion[] = [];
  const debts: DebtAssessment[] = open.map((o) => {
    if (o.remaining > 0) o.portions.push({ amountCzk: o.remaining, receivedOn: null, daysLate: Math.max(0, daysBetween(o.debt.dueOn, input.asOf)) });
    let pmd = 0n;
    let late = 0;
    for (const p of o.portions) {
      if (p.daysLate === 0) continue;
      pmd += BigInt(p.amountCzk) * BigInt(p.daysLate) * BigInt(PENALTY_PER_MILLE_PER_DAY);
      late += p.amountCzk;
    }
    const cap = BigInt(late) * 1000n;
    cappedThousandths += pmd < cap ? pmd : cap;
    lateTotal += late;
    outstandingTotal += o.remaining;
    portionsAll.push(...o.portions);
    return { ...o.debt, lateCzk: late, perMilleDays: Number(pmd), outstandingCzk: o.remaining, portions: o.portions };
  });
  const computedCzk = Number(cappedThousandths / 1000n); // bigint division truncates: rounds down, amounts being non-negative
  return {
    penaltyCzk: computedCzk > PENALTY_NOT_LEVIED_UP_TO_CZK ? computedCzk : 0,
    computedCzk,
    lateCzk: lateTotal,
    outstandingCzk: outstandingTotal,
    final: outstandingTotal === 0,
    portions: portionsAll,
    debts,
  };
}

/**
 * The §22 penalty for a return due on `dueOn`, returned in the given parts.
 * Money still missing is counted as late up to `asOf` (today), so the result
 * is provisional until everything has arrived.
 */
export function assessPenalty(input: { owedCzk: number; dueOn: string; returns: readonly ReturnReceipt[]; asOf: string }): PenaltyAssessment {
  assertWholeCzk('owedCzk', input.owedCzk);
  assertDate('dueOn', input.dueOn);
  const debts: Debt[] = input.owedCzk > 0 ? [{ kind: 'refused', owedCzk: input.owedCzk, dueOn: input.dueOn }] : [];
  const a = assessDebtsPenalty({ debts, returns: input.returns, asOf: input.asOf });
  return { penaltyCzk: a.penaltyCzk, computedCzk: a.computedCzk, lateCzk: a.lateCzk, outstandingCzk: a.outstandingCzk, final: a.final, portions: a.portions };
}

/** The §22 penalty for `owedCzk` due on `dueOn` and returned in full on `paidOn`. */
export function penaltyFor(input: { owedCzk: number; dueOn: string; paidOn: string }): number {
  assertWholeCzk('owedCzk', input.owedCzk);
  const returns = input.owedCzk > 0 ? [{ amountCzk: input.owedCzk, receivedOn: input.paidOn }] : [];
  return assessPenalty({ owedCzk: input.owedCzk, dueOn: input.dueOn, returns, asOf: input.paidOn }).penaltyCzk;
}
