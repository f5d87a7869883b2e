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
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    evaluation: typeof EVALUATION_ERRORS;
  }
}
