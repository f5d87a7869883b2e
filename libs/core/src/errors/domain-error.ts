import type { ErrorCode } from './error-code';

/** One problem with one field (or with the request as a whole when `field` is absent). */
export interface FieldProblem {
  field?: string;
  message: string;
  /** Set when the problem has its own code, e.g. one of several submission violations. */
  code?: ErrorCode;
}

/**
 * The only error business code throws. Plain TypeScript: no HTTP here; the
 * problem-details filter maps `code` to a status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }

  /** Several rule violations at once: the first one names the error, all are listed. */
  static fromViolations(violations: readonly Violation[]): DomainError {
    const [first] = violations;
    if (!first) throw new Error('fromViolations needs at least one violation');
    const detail =
      violations.length === 1 ? first.message : `${violations.length} rules are not met; see errors.`;
    return new DomainError(
      first.code,
      detail,
      violations.map((v) => ({ field: v.field, message: v.message, code: v.code })),
    );
  }
}

/** A broken business rule, as returned by the pure rule functions. */
export interface Violation {
  code: ErrorCode;
  message: string;
  field?: string;
}
