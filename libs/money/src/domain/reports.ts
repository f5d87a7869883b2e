import { assertWholeCzk } from './czk';

/*
 * The money stage's reports, as pure functions over what the books say.
 *
 * - Disbursements: one row per money movement between the city and a
 *   recipient. Amounts are always positive; the direction is in `type`
 *   (`payment` out to the recipient, `return` of grant money back to the city,
 *   `penalty` a §22 penalty paid to the city, which is new money and not a
 *   return of the grant, so it is not counted in `returnedCzk`).
 * - Reconciliation of a part: outstanding = committed − paid, i.e. awarded
 *   and not (yet) paid out; available = allocation − committed. Returned money
 *   stays committed (it was awarded and is not re-awarded within the call).
 * - Policy breakdown: the amounts of the approving decisions, grouped by the
 *   primary measure's priority, sub-area and measure, and by target group and
 *   district. An application names several target groups and districts: it
 *   counts its full amount in each of them, so those two breakdowns overlap
 *   and do not add up to the total.
 */

export const DISBURSEMENT_TYPES = ['payment', 'return', 'penalty'] as const;
export type DisbursementType = (typeof DISBURSEMENT_TYPES)[number];

export interface PartBalances {
  code: string;
  allocationCzk: number;
  committedCzk: number;
  paidCzk: number;
  returnedCzk: number;
}

export interface PartReconciliation extends PartBalances {
  /** Awarded and not yet paid out: committed − paid. */
  outstandingCzk: number;
  /** Not awarded: allocation − committed. */
  availableCzk: number;
}

export function reconcilePart(part: PartBalances): PartReconciliation {
  for (const [name, n] of [
    ['allocationCzk', part.allocationCzk],
    ['committedCzk', part.committedCzk],
    ['paidCzk', part.paidCzk],
    ['returnedCzk', part.returnedCzk],
  ] as const) {
    assertWholeCzk(name, n);
  }
  return {
    ...part,
    // The CHECKs on call_part keep paid ≤ committed ≤ allocation; a negative here would be a broken cache, shown as it is.
    outstandingCzk: part.committedCzk - part.paidCzk,
    availableCzk: part.allocationCzk - part.committedCzk,
  };
}

/** One approved application as the policy report sees it. */
export interface PolicyAward {
  applicationId: string;
  /** The amount of the approving decision. */
  awardedCzk: number;
  primaryMeasure: {
    code: string;
    text: string;
    /** Order of the measure in the policy document. */
    position: number;
    priority: { number: number; name: string };
    subArea: { letter: string; name: string };
  };
  targetGroups: readonly string[];
  districts: readonly string[];
}

export interface PolicyGroup {
  /** Priority `3`, sub-area `3A` (priority and letter), measure `16.II`. */
  code: string;
  name: string;
  awardedCzk: number;
  applications: number;
}

export interface PolicyTotal {
  awardedCzk: number;
  applications: number;
}

export interface PolicyBreakdown {
  totalAwardedCzk: number;
  applications: number;
  byPriority: PolicyGroup[];
  bySubArea: PolicyGroup[];
  byMeasure: PolicyGroup[];
  byTargetGroup: (PolicyTotal & { targetGroup: string })[];
  byDistrict: (PolicyTotal & { district: string })[];
}

// Czech order, numbers by value: "Praha 2" before "Praha 10".
const CZECH = new Intl.Collator('cs', { numeric: true });

/** Free text as entered, trimmed and with inner whitespace collapsed; empty entries dropped, repeats within one application counted once. */
function labels(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().replace(/\s+/g, ' ')).filter((v) => v !== ''))];
}

interface Bucket {
  key: string;
  order: number;
  name: string;
  awardedCzk: number;
  applications: number;
}

function add(buckets: Map<string, Bucket>, key: string, order: number, name: string, amount: number): void {
  const b = buckets.get(key) ?? { key, order, name, awardedCzk: 0, applications: 0 };
  b.awardedCzk += amount;
  b.applications += 1;
  buckets.set(key, b);
}

const inPolicyOrder = (buckets: Map<string, Bucket>): PolicyGroup[] =>
  [...buckets.values()]
    .sort((a, b) => a.order - b.order)
    .map((b) => ({ code: b.key, name: b.name, awardedCzk: b.awardedCzk, applications: b.applications }));

const byAmount = (buckets: Map<string, Bucket>) =>
  [...buckets.values()].sort((a, b) => b.awardedCzk - a.awardedCzk || CZECH.compare(a.key, b.key));

/**
 * Awarded CZK by the policy's structure (priority, sub-area, measure of the
 * primary measure; in the policy's order) and by target group and district
 * (largest amount first, then in Czech alphabetical order). Only groups that
 * received an award are listed.
 */
export function policyBreakdown(awards: readonly PolicyAward[]): PolicyBreakdown {
  const priorities = new Map<string, Bucket>();
  const subAreas = new Map<string, Bucket>();
  const measures = new Map<string, Bucket>();
  const targetGroups = new Map<string, Bucket>();
  const districts = new Map<string, Bucket>();
  let total = 0;
  for (const a of awards) {
    assertWholeCzk('awardedCzk', a.awardedCzk);
    total += a.awardedCzk;
    const m = a.primaryMeasure;
    add(priorities, String(m.priority.number), m.priority.number, m.priority.name, a.awardedCzk);
    // Letters A..Z after the priority number keep sub-areas in the document's order.
    add(subAreas, `${m.priority.number}${m.subArea.letter}`, m.priority.number * 100 + m.subArea.letter.charCodeAt(0), m.subArea.name, a.awardedCzk);
    add(measures, m.code, m.position, m.text, a.awardedCzk);
    for (const g of labels(a.targetGroups)) add(targetGroups, g, 0, g, a.awardedCzk);
    for (const d of labels(a.districts)) add(districts, d, 0, d, a.awardedCzk);
  }
  return {
    totalAwardedCzk: total,
    applications: awards.length,
    byPriority: inPolicyOrder(priorities),
    bySubArea: inPolicyOrder(subAreas),
    byMeasure: inPolicyOrder(measures),
    byTargetGroup: byAmount(targetGroups).map((b) => ({ targetGroup: b.key, awardedCzk: b.awardedCzk, applications: b.applications })),
    byDistrict: byAmount(districts).map((b) => ({ district: b.key, awardedCzk: b.awardedCzk, applications: b.applications })),
  };
}
