import type { ErrorStatusTable } from '@app/core/domain';

/** identity's error codes and the HTTP status of each (core's ErrorCodeTables). */
export const IDENTITY_ERRORS = {
  INVALID_ICO: 400,
  INVALID_BANK_ACCOUNT: 400,
  ORGANISATION_EXISTS: 409,
  EMAIL_TAKEN: 409,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    identity: typeof IDENTITY_ERRORS;
  }
}
