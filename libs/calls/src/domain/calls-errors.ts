import type { ErrorStatusTable } from '@app/core/domain';

/** calls' error codes and the HTTP status of each (core's ErrorCodeTables). */
export const CALLS_ERRORS = {
  NOT_A_COMMISSION_MEMBER: 403,
  PROGRAMME_EXISTS: 409,
  CALL_NOT_EDITABLE: 409,
  ANNOUNCEMENT_TOO_LATE: 422,
  ALLOCATIONS_EXCEED_APPROPRIATION: 422,
  /** The window has closed: a change of the commission needs a reason; after the evaluation's close it cannot change. */
  COMMISSION_FROZEN: 409,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    calls: typeof CALLS_ERRORS;
  }
}
