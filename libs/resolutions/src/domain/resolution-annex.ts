import { totalsOf } from './part-totals';
import type { LineState } from './resolution.types';

/**
 * The annex's parts and totals, the same shapes as letters' ResolutionAnnex
 * (libs/letters/src/documents/resolution-annex.ts; pure rules cannot import the
 * letters' server-side front door, the service's return type checks they match).
 */
export interface AnnexLine {
  position: number;
  applicationId: string;
  referenceNumber: string;
  applicantName: string;
  ico: string;
  projectTitle: string;
  requestedCzk: number;
  proposedCzk: number | null;
  outcome: LineState['outcome'];
  awardedCzk: number | null;
  reason: string | null;
}

export interface AnnexTotals {
  lines: number;
  approved: number;
  rejected: number;
  ineligible: number;
  requestedCzk: number;
  proposedCzk: number;
  awardedCzk: number;
}

export interface AnnexPart {
  partId: string;
  code: string;
  name: string;
  allocationCzk: number;
  lines: AnnexLine[];
  totals: AnnexTotals;
}

/** A line of the resolution, in annex order, as the annex takes it. */
export interface AnnexSourceLine extends LineState {
  partId: string;
  applicationId: string;
  referenceNumber: string;
  applicantName: string;
  ico: string;
  title: string;
  requestedCzk: number;
  proposedCzk: number | null;
}

/**
 * The annex of a resolution: its lines grouped by part (the parts in the
 * order given, those without a line left out), numbered 1.. across the whole
 * annex in the order given, with the totals of each part and of the annex. An
 * approved line's reason is why it deviates from the commission (if it does);
 * a rejected or ineligible line's, why it is not funded.
 */
export function annexOf(
  parts: readonly { partId: string; code: string; name: string; allocationCzk: number }[],
  lines: readonly AnnexSourceLine[],
): { parts: AnnexPart[]; totals: AnnexTotals } {
  let position = 0;
  const annexParts: AnnexPart[] = [];
  for (const part of parts) {
    const own = lines.filter((l) => l.partId === part.partId);
    if (!own.length) continue;
    annexParts.push({
      partId: part.partId,
      code: part.code,
      name: part.name,
      allocationCzk: part.allocationCzk,
      lines: own.map((l) => ({
        position: ++position,
        applicationId: l.applicationId,
        referenceNumber: l.referenceNumber,
        applicantName: l.applicantName,
        ico: l.ico,
        projectTitle: l.title,
        requestedCzk: l.requestedCzk,
        proposedCzk: l.proposedCzk,
        outcome: l.outcome,
        awardedCzk: l.outcome === 'approved' ? l.amountCzk : null,
        reason: l.outcome === 'approved' ? l.deviationReason : l.reason,
      })),
      totals: annexTotals(own),
    });
  }
  const placed = new Set(annexParts.map((p) => p.partId));
  const stray = lines.filter((l) => !placed.has(l.partId));
  if (stray.length) throw new RangeError(`Lines of parts the call does not have: ${stray.map((l) => l.applicationId).join(', ')}`);
  return { parts: annexParts, totals: annexTotals(lines) };
}

function annexTotals(lines: readonly AnnexSourceLine[]): AnnexTotals {
  const { approvedCzk, ...rest } = totalsOf(lines);
  return { ...rest, awardedCzk: approvedCzk };
}
