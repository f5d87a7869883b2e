import type { Violation } from '@app/core/domain';
import { czk } from '@app/money/domain';
import type { LineState, ResolutionPartView, ResolutionTotals } from './resolution.types';

/** What the totals need of a line. */
export interface TotalledLine extends Pick<LineState, 'outcome' | 'amountCzk'> {
  partId: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

/** Counts and sums of lines: requested, proposed (none counts as 0) and approved (the approved lines' amounts). */
export function totalsOf(lines: readonly TotalledLine[]): ResolutionTotals {
  const totals: ResolutionTotals = { lines: 0, approved: 0, rejected: 0, ineligible: 0, requestedCzk: 0, proposedCzk: 0, approvedCzk: 0 };
  for (const line of lines) {
    totals.lines += 1;
    totals[line.outcome] += 1;
    totals.requestedCzk += line.requestedCzk;
    totals.proposedCzk += line.proposedCzk ?? 0;
    if (line.outcome === 'approved') totals.approvedCzk += line.amountCzk ?? 0;
  }
  return totals;
}

export interface PartFigures {
  partId: string;
  code: string;
  name: string;
  allocationCzk: number;
  /** The allocation less what is committed now. */
  availableCzk: number;
}

/** Each part of the call with the sums of the resolution's lines in it (parts without lines too: their sums are 0). */
export function partViews(parts: readonly PartFigures[], lines: readonly TotalledLine[]): ResolutionPartView[] {
  return parts.map((part) => {
    const totals = totalsOf(lines.filter((l) => l.partId === part.partId));
    return { ...part, requestedCzk: totals.requestedCzk, proposedCzk: totals.proposedCzk, approvedCzk: totals.approvedCzk };
  });
}

/**
 * A part's approved lines must fit what is left of its allocation: the
 * approved amounts of the part's lines in the call's live drafts against the
 * allocation less what is committed now (ALLOCATION_EXCEEDED, naming the part
 * in `parts.<code>`).
 */
export function checkPartAllocation(part: PartFigures, approvedCzk: number): Violation[] {
  if (approvedCzk <= part.availableCzk) return [];
  return [
    {
      code: 'ALLOCATION_EXCEEDED',
      field: `parts.${part.code}`,
      message:
        `Part ${part.code} (${part.name}): the approved lines come to ${czk(approvedCzk)}, ` +
        `${czk(approvedCzk - part.availableCzk)} above the ${czk(part.availableCzk)} left of its allocation of ${czk(part.allocationCzk)}.`,
    },
  ];
}
