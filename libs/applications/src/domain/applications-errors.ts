import type { ErrorStatusTable } from '@app/core/domain';

/** applications' error codes and the HTTP status of each (core's ErrorCodeTables). */
export const APPLICATIONS_ERRORS = {
  SUBMISSION_WINDOW_CLOSED: 409,
  SUBMISSION_WINDOW_NOT_OPEN: 409,
  APPLICATION_NOT_EDITABLE: 409,
  /** Raised by every writer of application.status (evaluation and money too). */
  INVALID_STATUS_TRANSITION: 409,
  TOO_MANY_APPLICATIONS: 409,
  APPLICANT_NOT_ELIGIBLE: 422,
  REQUEST_OUT_OF_RANGE: 422,
  COFINANCING_REQUIRED: 422,
  MEASURE_NOT_ELIGIBLE: 422,
  PROJECT_PERIOD_OUTSIDE_CALL_YEAR: 422,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    applications: typeof APPLICATIONS_ERRORS;
  }
}
