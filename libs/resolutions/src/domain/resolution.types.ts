import type { ApprovingBody } from '@app/money/domain';

/** The body a resolution is put before: the City Council (Rada) or the City Assembly (Zastupitelstvo). */
export type ResolutionBody = ApprovingBody;

export type ResolutionStatus = 'draft' | 'adopted' | 'rejected' | 'withdrawn';

export const RESOLUTION_STATUSES: readonly ResolutionStatus[] = ['draft', 'adopted', 'rejected', 'withdrawn'];

/** What the resolution does with one application of the call. */
export type LineOutcome = 'approved' | 'rejected' | 'ineligible';

export const LINE_OUTCOMES: readonly LineOutcome[] = ['approved', 'rejected', 'ineligible'];

/** The application's status when the draft was built: what the DOT Commission (or the formal check) concluded. */
export type CommissionStatus = 'recommended' | 'not_recommended' | 'ineligible';

export const COMMISSION_STATUSES: readonly CommissionStatus[] = ['recommended', 'not_recommended', 'ineligible'];

/** A line of a resolution as stored: the outcome the officers propose for one application. */
export interface LineState {
  outcome: LineOutcome;
  /** Approved lines only (> 0); null otherwise. */
  amountCzk: number | null;
  /** Why a line is rejected or ineligible; null on an approved line. */
  reason: string | null;
  /** Why an approved line deviates from the DOT Commission; null when it does not. */
  deviationReason: string | null;
}

/** One application of the call, as the draft is built from it. */
export interface DraftCandidate {
  applicationId: string;
  partId: string;
  partCode: string;
  ico: string;
  referenceNumber: string;
  commissionStatus: CommissionStatus;
  requestedCzk: number;
  proposedCzk: number | null;
  /** The commission's rank in its part (null for an ineligible application: it was never ranked). */
  rank: number | null;
  averageScore: number | null;
  /** The formal check's reasons (ineligible applications). */
  ineligibleReasons: readonly string[];
}

/** A line of the resolution's view (ResolutionView.lines). */
export interface ResolutionLineView extends LineState {
  applicationId: string;
  referenceNumber: string;
  title: string;
  applicantName: string;
  ico: string;
  partId: string;
  partCode: string;
  rank: number | null;
  averageScore: number | null;
  commissionStatus: CommissionStatus;
  requestedCzk: number;
  proposedCzk: number | null;
  /** The decision letter once adopted (null on a draft and for ineligible lines). */
  letterId: string | null;
}

export interface ResolutionPartView {
  partId: string;
  code: string;
  name: string;
  allocationCzk: number;
  /** The allocation less what is committed now. */
  availableCzk: number;
  requestedCzk: number;
  proposedCzk: number;
  /** Sum of the approved lines of this resolution in the part. */
  approvedCzk: number;
}

export interface ResolutionTotals {
  lines: number;
  approved: number;
  rejected: number;
  ineligible: number;
  requestedCzk: number;
  proposedCzk: number;
  approvedCzk: number;
}

/** A resolution with its annex, as `GET /resolutions/:id` answers it. */
export interface ResolutionView {
  id: string;
  callId: string;
  body: ResolutionBody;
  status: ResolutionStatus;
  version: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  createdAt: string;
  adoptedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  parts: ResolutionPartView[];
  totals: ResolutionTotals;
  lines: ResolutionLineView[];
}
