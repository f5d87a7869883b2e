import type { ErrorStatusTable } from '@app/core/domain';
// evaluation's rules also raise codes of the libraries below (calls' NOT_A_COMMISSION_MEMBER,
// applications' INVALID_STATUS_TRANSITION): their tables come into scope with their pure front
// doors, also where only these rules are compiled (the portal).
import type {} from '@app/applications/domain';
import type {} from '@app/calls/domain';

/** evaluation's error codes and the HTTP status of each (core's ErrorCodeTables). */
export const EVALUATION_ERRORS = {
  CONFLICT_OF_INTEREST: 403,
  FORMAL_CHECK_NOT_OPEN: 409,
  FORMAL_CHECK_PENDING: 409,
  COI_DECLARATION_REQUIRED: 409,
  COI_DECLARATION_FIXED: 409,
  SCORING_NOT_OPEN: 409,
  SCORING_CLOSED: 409,
  QUORUM_NOT_MET: 409,
  /** Also raised by money's ledger. */
  ALLOCATION_EXCEEDED: 409,
  POINTS_OUT_OF_RANGE: 422,
  /** Also raised by money's decisions. */
  PROPOSAL_EXCEEDS_REQUEST: 422,
  /** A submitted score sheet changes only after the chair reopens it. */
  SCORE_SHEET_SUBMITTED: 409,
  /** Only a submitted score sheet can be reopened. */
  SCORE_SHEET_NOT_SUBMITTED: 409,
  /** Reopening a submitted score sheet is the chair's. */
  NOT_COMMISSION_CHAIR: 403,
  /** Applications changed status (a withdrawal) between the read and the write of a proposal or the close, in every attempt. */
  RANKING_CHANGED: 409,
  /** What needs the closed evaluation (the commission's minutes, a resolution's draft) before it closed. */
  EVALUATION_NOT_CLOSED: 409,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    evaluation: typeof EVALUATION_ERRORS;
  }
}
