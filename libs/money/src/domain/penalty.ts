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
 * The §22 penalty for a return due on `dueOn`, returned in the given parts.
 * Money still missing is counted as late up to `asOf` (today), so the result
 * is provisional until everything has arrived.
 */
export function assessPenalty(input: { owedCzk: number; dueOn: string; returns: readonly ReturnReceipt[]; asOf: string }): PenaltyAssessment {
  assertWholeCzk('owedCzk', input.owedCzk);
  assertDate('dueOn', input.dueOn);
  assertDate('asOf', input.asOf);
  const returns = [...input.returns].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));

  let remaining = input.owedCzk;
  const portions: PenaltyPortion[] = [];
  for (const r of returns) {
    assertPositiveCzk('amountCzk', r.amountCzk);
    assertDate('receivedOn', r.receivedOn);
    if (remaining === 0) break;
    const amountCzk = Math.min(r.amountCzk, remaining);
    remaining -= amountCzk;
    portions.push({ amountCzk, receivedOn: r.receivedOn, daysLate: Math.max(0, daysBetween(input.dueOn, r.receivedOn)) });
  }
  if (remaining > 0) portions.push({ amountCzk: remaining, receivedOn: null, daysLate: Math.max(0, daysBetween(input.dueOn, input.asOf)) });

  // Exact: products of CZK and days can pass 2^53 only in absurd cases, but bigint costs nothing here.
  let perMilleDays = 0n;
  let lateCzk = 0;
  for (const p of portions) {
    if (p.daysLate === 0) continue;
    perMilleDays += BigInt(p.amountCzk) * BigInt(p.daysLate) * BigInt(PENALTY_PER_MILLE_PER_DAY);
    lateCzk += p.amountCzk;
  }
  const raw = perMilleDays / 1000n; // bigint division truncates: rounds down, amounts being non-negative
  const computedCzk = Number(raw < BigInt(lateCzk) ? raw : BigInt(lateCzk));
  return {
    penaltyCzk: computedCzk > PENALTY_NOT_LEVIED_UP_TO_CZK ? computedCzk : 0,
    computedCzk,
    lateCzk,
    outstandingCzk: remaining,
    final: remaining === 0,
    portions,
  };
}

/** The §22 penalty for `owedCzk` due on `dueOn` and returned in full on `paidOn`. */
export function penaltyFor(input: { owedCzk: number; dueOn: string; paidOn: string }): number {
  assertWholeCzk('owedCzk', input.owedCzk);
  const returns = input.owedCzk > 0 ? [{ amountCzk: input.owedCzk, receivedOn: input.paidOn }] : [];
  return assessPenalty({ owedCzk: input.owedCzk, dueOn: input.dueOn, returns, asOf: input.paidOn }).penaltyCzk;
}
