import type { ErrorStatusTable } from '@app/core/domain';

/** letters' error codes and the HTTP status of each (core's ErrorCodeTables). */
export const LETTERS_ERRORS = {
  LETTER_NOT_READY: 409,
  LETTER_NOT_FAILED: 409,
  /** A call's document (commission minutes, a resolution's annex) is queued for the worker, or failed and is queued again. */
  DOCUMENT_NOT_READY: 409,
} as const satisfies ErrorStatusTable;

declare module '@app/core/domain' {
  interface ErrorCodeTables {
    letters: typeof LETTERS_ERRORS;
  }
}
