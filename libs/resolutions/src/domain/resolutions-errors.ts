import type { ErrorStatusTable } from '@app/core/domain';
// resolutions also raise codes of the libraries below (money's DEVIATION_REASON_REQUIRED, evaluation's
// EVALUATION_NOT_CLOSED, ALLOCATION_EXCEEDED and PROPOSAL_EXCEEDS_REQUEST, applications' INVALID_STATUS_TRANSITION): their tables
// come into scope with their pure front doors.
import type {} from '@app/money/domain';

/** resolutions' error codes and the HTTP status of each (core's ErrorCodeTables). */
export const RESOLUTIONS_ERRORS = {
  /** Every application of the call is decided already or in a live resolution. */
  NOTHING_TO_RESOLVE: 409,
  /** The resolution is no longer a draft (adopted, rejected or withdrawn). */
  RESOLUTION_NOT_DRAFT: 409,
  /** The draft changed since the version the edit was based on. */
  RESOLUTION_CHANGED: 409,
  /** At least one line of the annex cannot be decided as drafted: every offending line is listed, nothing was written. */
  RESOLUTION_NOT_ADOPTABLE: 409,
  /** The body named in the adoption is not the body the draft was prepared for. */
  RESOLUTION_BODY_MISMATCH: 422,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    resolutions: typeof RESOLUTIONS_ERRORS;
  }
}
