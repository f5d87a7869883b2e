import type { ErrorStatusTable } from '@app/core/domain';

/** calls' error codes and the HTTP status of each (core's ErrorCodeTables). */
export const CALLS_ERRORS = {
  NOT_A_COMMISSION_MEMBER: 403,
  PROGRAMME_EXISTS: 409,
  CALL_NOT_EDITABLE: 409,
  ANNOUNCEMENT_TOO_LATE: 422,
  ALLOCATIONS_EXCEED_APPROPRIATION: 422,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    calls: typeof CALLS_ERRORS;
  }
}
