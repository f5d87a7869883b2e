import { APPLICATIONS_ERRORS } from '@app/applications';
import { CALLS_ERRORS } from '@app/calls';
import { type ErrorCode, type ErrorStatusTable, PLATFORM_ERRORS } from '@app/core';
import { EVALUATION_ERRORS } from '@app/evaluation';
import { IDENTITY_ERRORS } from '@app/identity';
import { LETTERS_ERRORS } from '@app/letters';
import { MONEY_ERRORS } from '@app/money';
import { RESOLUTIONS_ERRORS } from '@app/resolutions';

/**
 * The HTTP status of every error code: core's platform codes and each feature
 * library's table. A library whose codes are left out here does not compile.
 */
export const ERROR_STATUSES = {
  ...PLATFORM_ERRORS,
  ...IDENTITY_ERRORS,
  ...CALLS_ERRORS,
  ...APPLICATIONS_ERRORS,
  ...EVALUATION_ERRORS,
  ...MONEY_ERRORS,
  ...LETTERS_ERRORS,
  ...RESOLUTIONS_ERRORS,
} as const satisfies ErrorStatusTable<ErrorCode>;

/**
 * Every code, in the order the OpenAPI document (and so the portal's generated
 * client) has always listed them; a new code goes at the end. A code missing
 * here, or one that is no code, does not compile.
 */
export const ERROR_CODES = everyCode([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_CHECK_FAILED',
  'NOT_FOUND',
  'INVALID_ICO',
  'INVALID_BANK_ACCOUNT',
  'ORGANISATION_EXISTS',
  'PROGRAMME_EXISTS',
  'EMAIL_TAKEN',
  'CALL_NOT_EDITABLE',
  'ANNOUNCEMENT_TOO_LATE',
  'ALLOCATIONS_EXCEED_APPROPRIATION',
  'SUBMISSION_WINDOW_CLOSED',
  'SUBMISSION_WINDOW_NOT_OPEN',
  'APPLICATION_NOT_EDITABLE',
  'INVALID_STATUS_TRANSITION',
  'APPLICANT_NOT_ELIGIBLE',
  'TOO_MANY_APPLICATIONS',
  'REQUEST_OUT_OF_RANGE',
  'COFINANCING_REQUIRED',
  'MEASURE_NOT_ELIGIBLE',
  'PROJECT_PERIOD_OUTSIDE_CALL_YEAR',
  'FORMAL_CHECK_NOT_OPEN',
  'FORMAL_CHECK_PENDING',
  'NOT_A_COMMISSION_MEMBER',
  'CONFLICT_OF_INTEREST',
  'COI_DECLARATION_REQUIRED',
  'COI_DECLARATION_FIXED',
  'SCORING_NOT_OPEN',
  'SCORING_CLOSED',
  'POINTS_OUT_OF_RANGE',
  'QUORUM_NOT_MET',
  'ALLOCATION_EXCEEDED',
  'PROPOSAL_EXCEEDS_REQUEST',
  'ASSEMBLY_DECISION_REQUIRED',
  'CONTRACT_REQUIRED',
  'CONTRACT_NUMBER_TAKEN',
  'PAYMENT_EXCEEDS_AWARD',
  'SETTLEMENT_EXCEEDS_PAYMENTS',
  'LETTER_NOT_READY',
  'LETTER_NOT_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'QUEUE_UNAVAILABLE',
  'BANK_ACCOUNT_NOT_REGISTERED',
  'BANK_ACCOUNT_REQUEST_PENDING',
  'BANK_ACCOUNT_REQUEST_DECIDED',
  'ACCOUNT_DISABLED',
  'CANNOT_CHANGE_OWN_ACCOUNT',
  'CURRENT_PASSWORD_WRONG',
  'RESET_TOKEN_INVALID',
  'SCORE_SHEET_SUBMITTED',
  'SCORE_SHEET_NOT_SUBMITTED',
  'NOT_COMMISSION_CHAIR',
  'COMMISSION_FROZEN',
  'RANKING_CHANGED',
  'RESOLUTION_BEFORE_EVALUATION_CLOSE',
  'DEVIATION_REASON_REQUIRED',
  'CONTRACT_NOT_EDITABLE',
  'EVALUATION_NOT_CLOSED',
  'NOTHING_TO_RESOLVE',
  'RESOLUTION_NOT_DRAFT',
  'RESOLUTION_CHANGED',
  'RESOLUTION_NOT_ADOPTABLE',
  'RESOLUTION_BODY_MISMATCH',
  'DOCUMENT_NOT_READY',
  'APPLICATION_IN_RESOLUTION',
]);

/** `codes`, if they are every ErrorCode: else the compile error names the missing ones. */
function everyCode<const Codes extends readonly ErrorCode[]>(
  codes: Codes & ([Exclude<ErrorCode, Codes[number]>] extends [never] ? unknown : { missing: Exclude<ErrorCode, Codes[number]> }),
): Codes {
  return codes;
}
