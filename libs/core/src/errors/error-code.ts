/**
 * Stable, machine-readable error codes of the HTTP contract (docs/api.md), each
 * with the HTTP status it answers with. Core holds the platform's codes; every
 * feature library declares its own next to its rules, in
 * `libs/<lib>/src/domain/<lib>-errors.ts`:
 *
 *   export const IDENTITY_ERRORS = { INVALID_ICO: 400, … } as const satisfies ErrorStatusTable;
 *   declare module '@app/core/domain' {
 *     interface ErrorCodeTables { identity: typeof IDENTITY_ERRORS }
 *   }
 *
 * `ErrorCode` is every code of every table, so a misspelt code does not
 * compile. The API composes the tables into the one map its problem details
 * use (apps/api/src/common/error-codes.ts).
 */

/** The statuses an error code may answer with (each has its title in error-status.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

/** Error codes → HTTP status: core's table, each feature's, and the app's composition of them. */
export type ErrorStatusTable<Code extends string = string> = { readonly [C in Code]: ErrorStatus };

/**
 * The platform's codes: any library may raise them, and the HTTP pipeline
 * answers with them itself (validation, authentication, CSRF, unknown routes,
 * idempotent replays, rate limits, unexpected errors, the queue being away).
 */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_CHECK_FAILED: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 409,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  QUEUE_UNAVAILABLE: 503,
} as const satisfies ErrorStatusTable;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

/**
 * Every library's table of error codes, by library. Core's is the platform's;
 * each feature library adds its own by module augmentation (see above).
 */
export interface ErrorCodeTables {
  platform: typeof PLATFORM_ERRORS;
}

/** Any code of any library's table. */
export type ErrorCode = { [Lib in keyof ErrorCodeTables]: keyof ErrorCodeTables[Lib] & string }[keyof ErrorCodeTables];
