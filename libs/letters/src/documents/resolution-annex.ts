/**
 * The annex of a Council or Assembly resolution on one call, as the city's
 * materials print it: one line per application of the call (approved with its
 * amount; rejected or ineligible with the reason), grouped by part, with the
 * totals. What the annex's renderers (PDF, CSV, XLSX) take, and what
 * `GET /resolutions/:id/annex` answers as JSON. Amounts are whole CZK.
 */
export interface ResolutionAnnex {
  resolutionId: string;
  /** Bumped by every edit of the draft: a rendered annex names the version it shows. */
  version: number;
  body: 'council' | 'assembly';
  status: 'draft' | 'adopted' | 'rejected' | 'withdrawn';
  /** The resolution's number and date once adopted (null on a draft). */
  resolutionNumber: string | null;
  resolutionDate: string | null;
  call: { id: string; title: string; programmeCode: string; programmeName: string; year: number };
  /** When the DOT Commission's evaluation closed (ISO timestamp). */
  evaluationClosedAt: string;
  parts: ResolutionAnnexPart[];
  totals: ResolutionAnnexTotals;
}

export interface ResolutionAnnexPart {
  partId: string;
  code: string;
  name: string;
  allocationCzk: number;
  lines: ResolutionAnnexLine[];
  totals: ResolutionAnnexTotals;
}

export interface ResolutionAnnexLine {
  /** Order in the annex: 1.. across the whole annex (by part, then the commission's rank). */
  position: number;
  applicationId: string;
  referenceNumber: string;
  applicantName: string;
  ico: string;
  projectTitle: string;
  requestedCzk: number;
  /** The DOT Commission's proposal (null when it proposed none). */
  proposedCzk: number | null;
  outcome: 'approved' | 'rejected' | 'ineligible';
  /** The amount awarded (approved lines only; null otherwise). */
  awardedCzk: number | null;
  /** Why a line is rejected or ineligible, or why an approval deviates from the commission; null when none. */
  reason: string | null;
}

export interface ResolutionAnnexTotals {
  lines: number;
  approved: number;
  rejected: number;
  ineligible: number;
  requestedCzk: number;
  /** Sum of the commission's proposals (nulls count as 0). */
  proposedCzk: number;
  awardedCzk: number;
}
