import { invalid, type Violation } from './violation';

export interface FundingCandidate {
  requestedCzk: number;
  recommended: boolean;
}

export type Proposed<T> = T & {
  /**
   * CZK the commission proposes. A number for every recommended application
   * (0 once the allocation is used up, i.e. below the funding line); null for
   * an application that is not recommended, which gets no proposal at all.
   */
  proposedCzk: number | null;
};

export interface FundingLine<T> {
  items: Proposed<T>[];
  proposedTotalCzk: number;
  /** Allocation left after the proposals. */
  remainingCzk: number;
}

const isWholeCzk = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

/**
 * The funding line of one part: going down the ranking (`ranked` must be in
 * rank order), each recommended application is proposed what it requested, or
 * what is left of the allocation if that is less, until the allocation is used.
 * The application at the line may therefore get part of its request; the
 * officer can adjust any proposal afterwards (checkProposalAdjustment).
 * Proposals never exceed a request, and their sum never exceeds the allocation.
 */
export function proposeFunding<T extends FundingCandidate>(ranked: readonly T[], allocationCzk: number): FundingLine<T> {
  if (!isWholeCzk(allocationCzk)) throw new RangeError(`allocationCzk must be whole, non-negative CZK, got ${allocationCzk}`);
  let remaining = allocationCzk;
  const items = ranked.map((item) => {
    if (!isWholeCzk(item.requestedCzk)) throw new RangeError(`requestedCzk must be whole, non-negative CZK, got ${item.requestedCzk}`);
    if (!item.recommended) return { ...item, proposedCzk: null };
    const proposedCzk = Math.min(item.requestedCzk, remaining);
    remaining -= proposedCzk;
    return { ...item, proposedCzk };
  });
  return { items, proposedTotalCzk: allocationCzk - remaining, remainingCzk: remaining };
}

/** Only an eligible application (in the evaluation, not yet closed) can be proposed funding. */
export function checkMayPropose(status: string): Violation[] {
  if (status === 'eligible') return [];
  return [{ code: 'INVALID_STATUS_TRANSITION', message: `Only an eligible application can be proposed funding; this one is ${status}.` }];
}

/** An officer's change of one proposal: within the request, and all proposals of the part within its allocation. */
export function checkProposalAdjustment(input: {
  proposedCzk: number;
  requestedCzk: number;
  allocationCzk: number;
  /** Sum of the part's other proposals, this application's excluded. */
  otherProposalsSumCzk: number;
}): Violation[] {
  const { proposedCzk, requestedCzk, allocationCzk, otherProposalsSumCzk } = input;
  if (!isWholeCzk(proposedCzk)) return [invalid('proposedCzk', 'The proposal must be a whole, non-negative number of CZK.')];
  const v: Violation[] = [];
  if (proposedCzk > requestedCzk) {
    v.push({
      code: 'PROPOSAL_EXCEEDS_REQUEST',
      field: 'proposedCzk',
      message: `The proposed ${czk(proposedCzk)} is more than the ${czk(requestedCzk)} requested.`,
    });
  }
  if (otherProposalsSumCzk + proposedCzk > allocationCzk) {
    const left = Math.max(0, allocationCzk - otherProposalsSumCzk);
    v.push({
      code: 'ALLOCATION_EXCEEDED',
      field: 'proposedCzk',
      message:
        `With the other proposals of ${czk(otherProposalsSumCzk)}, the proposed ${czk(proposedCzk)} would exceed ` +
        `the part's allocation of ${czk(allocationCzk)}; at most ${czk(left)} can be proposed.`,
    });
  }
  return v;
}
