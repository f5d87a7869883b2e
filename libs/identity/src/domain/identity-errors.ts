import type { ErrorStatusTable } from '@app/core/domain';

/** identity's error codes and the HTTP status of each (core's ErrorCodeTables). */
export const IDENTITY_ERRORS = {
  INVALID_ICO: 400,
  INVALID_BANK_ACCOUNT: 400,
  ORGANISATION_EXISTS: 409,
  EMAIL_TAKEN: 409,
  BANK_ACCOUNT_REQUEST_PENDING: 409,
  BANK_ACCOUNT_REQUEST_DECIDED: 409,
  /** The right password of an account an admin has disabled. */
  ACCOUNT_DISABLED: 403,
  /** An admin's disable or role change of their own account. */
  CANNOT_CHANGE_OWN_ACCOUNT: 409,
  /** A password change whose current password is wrong. */
  CURRENT_PASSWORD_WRONG: 422,
  /** A password reset token that is unknown, expired, used, replaced, or of a disabled account. */
  RESET_TOKEN_INVALID: 400,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    identity: typeof IDENTITY_ERRORS;
  }
}
