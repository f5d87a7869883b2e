import type { ErrorCode } from './error-code';

/** HTTP status of each code. Exhaustive: a new code without a status does not compile. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_ICO':
    case 'INVALID_BANK_ACCOUNT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_CHECK_FAILED':
    case 'NOT_A_COMMISSION_MEMBER':
    case 'CONFLICT_OF_INTEREST':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ORGANISATION_EXISTS':
    case 'PROGRAMME_EXISTS':
    case 'EMAIL_TAKEN':
    case 'CALL_NOT_EDITABLE':
    case 'SUBMISSION_WINDOW_CLOSED':
    case 'SUBMISSION_WINDOW_NOT_OPEN':
    case 'APPLICATION_NOT_EDITABLE':
    case 'INVALID_STATUS_TRANSITION':
    case 'TOO_MANY_APPLICATIONS':
    case 'COI_DECLARATION_REQUIRED':
    case 'COI_DECLARATION_FIXED':
    case 'FORMAL_CHECK_NOT_OPEN':
    case 'FORMAL_CHECK_PENDING':
    case 'SCORING_NOT_OPEN':
    case 'SCORING_CLOSED':
    case 'QUORUM_NOT_MET':
    case 'ALLOCATION_EXCEEDED':
    case 'CONTRACT_REQUIRED':
    case 'CONTRACT_NUMBER_TAKEN':
    case 'PAYMENT_EXCEEDS_AWARD':
    case 'LETTER_NOT_READY':
    case 'LETTER_NOT_FAILED':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IDEMPOTENCY_REQUEST_IN_PROGRESS':
      return 409;
    case 'ANNOUNCEMENT_TOO_LATE':
    case 'ALLOCATIONS_EXCEED_APPROPRIATION':
    case 'APPLICANT_NOT_ELIGIBLE':
    case 'REQUEST_OUT_OF_RANGE':
    case 'COFINANCING_REQUIRED':
    case 'MEASURE_NOT_ELIGIBLE':
    case 'PROJECT_PERIOD_OUTSIDE_CALL_YEAR':
    case 'POINTS_OUT_OF_RANGE':
    case 'PROPOSAL_EXCEEDS_REQUEST':
    case 'ASSEMBLY_DECISION_REQUIRED':
    case 'SETTLEMENT_EXCEEDS_PAYMENTS':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
    case 'QUEUE_UNAVAILABLE':
      return 503;
    default:
      return assertNever(code);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

function assertNever(x: never): never {
  throw new Error(`Unmapped error code ${String(x)}`);
}
