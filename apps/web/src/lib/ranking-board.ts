import { proposeFunding } from '@app/evaluation/domain';

/** A ranking row as the board needs it, in rank order. */
export interface BoardLine {
  requestedCzk: number;
  /** null while the API hides it (never for the officer). */
  recommended: boolean | null;
}

export interface FundingLinePosition {
  /**
   * The line is drawn after this row (−1: above the first row); null when the
   * allocation reaches every recommended application in full.
   */
  afterIndex: number | null;
  /** The row at the line that the rest of the allocation reaches only in part. */
  partlyFundedIndex: number | null;
  /** What would be left of the allocation with every recommended request funded down the ranking. */
  remainingCzk: number;
}

/**
 * Where a part's allocation runs out going down the ranking: the domain's own
 * funding rule (the one "Fill proposals" applies on the server) run over the
 * ranking as it stands; the first recommended application it cannot fund in
 * full is where the line falls (below it when it still gets part of its request).
 */
export function fundingLinePosition(rows: readonly BoardLine[], allocationCzk: number): FundingLinePosition {
  const line = proposeFunding(
    rows.map((r) => ({ requestedCzk: r.requestedCzk, recommended: r.recommended === true })),
    allocationCzk,
  );
  const short = line.items.findIndex((item) => item.proposedCzk !== null && item.proposedCzk < item.requestedCzk);
  if (short === -1) return { afterIndex: null, partlyFundedIndex: null, remainingCzk: line.remainingCzk };
  const partly = (line.items[short].proposedCzk ?? 0) > 0;
  return { afterIndex: partly ? short : short - 1, partlyFundedIndex: partly ? short : null, remainingCzk: line.remainingCzk };
}

/** The sticky summary of a part: its allocation, the proposals so far and what is left of it. */
export function allocationSummary(part: { allocationCzk: number; proposedCzk: number }): { allocationCzk: number; proposedCzk: number; remainingCzk: number } {
  return { allocationCzk: part.allocationCzk, proposedCzk: part.proposedCzk, remainingCzk: part.allocationCzk - part.proposedCzk };
}
