import { APPLICATIONS_ERRORS } from '@app/applications';
import { CALLS_ERRORS } from '@app/calls';
import { ErrorStatuses, PLATFORM_ERRORS } from '@app/core';
import { EVALUATION_ERRORS } from '@app/evaluation';
import { IDENTITY_ERRORS } from '@app/identity';
import { LETTERS_ERRORS } from '@app/letters';
import { MONEY_ERRORS } from '@app/money';
import { RESOLUTIONS_ERRORS } from '@app/resolutions';
import { ERROR_CODES, ERROR_STATUSES } from './error-codes';

/** The contract's statuses (docs/api.md), as they were before the codes moved to their libraries. */
const CONTRACT: Record<number, string[]> = {
  400: ['VALIDATION_FAILED', 'INVALID_ICO', 'INVALID_BANK_ACCOUNT', 'RESET_TOKEN_INVALID'],
  401: ['UNAUTHENTICATED'],
  403: ['FORBIDDEN', 'CSRF_CHECK_FAILED', 'NOT_A_COMMISSION_MEMBER', 'CONFLICT_OF_INTEREST', 'ACCOUNT_DISABLED', 'NOT_COMMISSION_CHAIR'],
  404: ['NOT_FOUND'],
  409: [
    'ORGANISATION_EXISTS',
    'PROGRAMME_EXISTS',
    'EMAIL_TAKEN',
    'CALL_NOT_EDITABLE',
    'SUBMISSION_WINDOW_CLOSED',
    'SUBMISSION_WINDOW_NOT_OPEN',
    'APPLICATION_NOT_EDITABLE',
    'INVALID_STATUS_TRANSITION',
    'TOO_MANY_APPLICATIONS',
    'COI_DECLARATION_REQUIRED',
    'COI_DECLARATION_FIXED',
    'FORMAL_CHECK_NOT_OPEN',
    'FORMAL_CHECK_PENDING',
    'SCORING_NOT_OPEN',
    'SCORING_CLOSED',
    'QUORUM_NOT_MET',
    'ALLOCATION_EXCEEDED',
    'CONTRACT_REQUIRED',
    'CONTRACT_NUMBER_TAKEN',
    'PAYMENT_EXCEEDS_AWARD',
    'LETTER_NOT_READY',
    'LETTER_NOT_FAILED',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    'BANK_ACCOUNT_REQUEST_PENDING',
    'BANK_ACCOUNT_REQUEST_DECIDED',
    'CANNOT_CHANGE_OWN_ACCOUNT',
    'SCORE_SHEET_SUBMITTED',
    'SCORE_SHEET_NOT_SUBMITTED',
    'COMMISSION_FROZEN',
    'RANKING_CHANGED',
    'CONTRACT_NOT_EDITABLE',
    'EVALUATION_NOT_CLOSED',
    'NOTHING_TO_RESOLVE',
    'RESOLUTION_NOT_DRAFT',
    'RESOLUTION_CHANGED',
    'RESOLUTION_NOT_ADOPTABLE',
    'DOCUMENT_NOT_READY',
    'APPLICATION_IN_RESOLUTION',
  ],
  422: [
    'ANNOUNCEMENT_TOO_LATE',
    'ALLOCATIONS_EXCEED_APPROPRIATION',
    'APPLICANT_NOT_ELIGIBLE',
    'REQUEST_OUT_OF_RANGE',
    'COFINANCING_REQUIRED',
    'MEASURE_NOT_ELIGIBLE',
    'PROJECT_PERIOD_OUTSIDE_CALL_YEAR',
    'POINTS_OUT_OF_RANGE',
    'PROPOSAL_EXCEEDS_REQUEST',
    'ASSEMBLY_DECISION_REQUIRED',
    'SETTLEMENT_EXCEEDS_PAYMENTS',
    'BANK_ACCOUNT_NOT_REGISTERED',
    'CURRENT_PASSWORD_WRONG',
    'RESOLUTION_BEFORE_EVALUATION_CLOSE',
    'DEVIATION_REASON_REQUIRED',
    'RESOLUTION_BODY_MISMATCH',
  ],
  429: ['RATE_LIMITED'],
  500: ['INTERNAL_ERROR'],
  503: ['QUEUE_UNAVAILABLE'],
};

const TABLES = { PLATFORM_ERRORS, IDENTITY_ERRORS, CALLS_ERRORS, APPLICATIONS_ERRORS, EVALUATION_ERRORS, MONEY_ERRORS, LETTERS_ERRORS, RESOLUTIONS_ERRORS };

describe('error codes (core platform codes + each library’s table, composed by the API)', () => {
  it('answer every code with the contract’s status', () => {
    const expected = Object.fromEntries(Object.entries(CONTRACT).flatMap(([status, codes]) => codes.map((code) => [code, Number(status)])));
    expect(ERROR_STATUSES).toEqual(expected);
    const statuses = new ErrorStatuses(ERROR_STATUSES);
    for (const code of ERROR_CODES) expect(statuses.of(code)).toBe(expected[code]);
  });

  it('give each code to exactly one library', () => {
    const owners = new Map<string, string[]>();
    for (const [table, codes] of Object.entries(TABLES)) {
      for (const code of Object.keys(codes)) owners.set(code, [...(owners.get(code) ?? []), table]);
    }
    expect([...owners].filter(([, tables]) => tables.length > 1)).toEqual([]);
    expect(owners.size).toBe(Object.keys(ERROR_STATUSES).length);
  });

  it('list every code once for the OpenAPI document', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(ERROR_STATUSES).sort());
  });

  it('refuse a code that is in no table', () => {
    const statuses = new ErrorStatuses(ERROR_STATUSES);
    expect(() => statuses.of('NO_SUCH_CODE' as never)).toThrow('Unmapped error code NO_SUCH_CODE');
  });
});
