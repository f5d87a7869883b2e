import type { ErrorStatusTable } from '@app/core/domain';
// money also raises codes of the libraries below (identity's INVALID_BANK_ACCOUNT, applications'
// INVALID_STATUS_TRANSITION, evaluation's ALLOCATION_EXCEEDED and PROPOSAL_EXCEEDS_REQUEST):
// their tables come into scope with their pure front doors.
import type {} from '@app/applications/domain';
import type {} from '@app/evaluation/domain';
import type {} from '@app/identity/domain';

/** money's error codes and the HTTP status of each (core's ErrorCodeTables). */
export const MONEY_ERRORS = {
  CONTRACT_REQUIRED: 409,
  CONTRACT_NUMBER_TAKEN: 409,
  PAYMENT_EXCEEDS_AWARD: 409,
  ASSEMBLY_DECISION_REQUIRED: 422,
  SETTLEMENT_EXCEEDS_PAYMENTS: 422,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    money: typeof MONEY_ERRORS;
  }
}
