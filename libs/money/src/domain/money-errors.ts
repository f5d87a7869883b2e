import type { ErrorStatusTable } from '@app/core/domain';
// money also raises codes of the libraries below (identity's INVALID_BANK_ACCOUNT, applications'
// INVALID_STATUS_TRANSITION, evaluation's ALLOCATION_EXCEEDED, PROPOSAL_EXCEEDS_REQUEST and, for staff
// affiliated with the applicant, CONFLICT_OF_INTEREST):
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
  BANK_ACCOUNT_NOT_REGISTERED: 422,
  /** A resolution dated before the call's evaluation closed (issue 12, item 6). */
  RESOLUTION_BEFORE_EVALUATION_CLOSE: 422,
  /** An approval of a not recommended application, or above the proposal, without the reason for deviating (issue 12, item 7). */
  DEVIATION_REASON_REQUIRED: 422,
  /** The contract's settlement deadline after the settlement was reviewed. */
  CONTRACT_NOT_EDITABLE: 409,
  /** A single decision on an application that is a line of a resolution draft: the resolution decides it. */
  APPLICATION_IN_RESOLUTION: 409,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    money: typeof MONEY_ERRORS;
  }
}
