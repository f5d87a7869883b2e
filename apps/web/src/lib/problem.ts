import type { components } from '../api/schema.gen';

export type ProblemDetails = components['schemas']['ProblemDetailsDto'];
export type ErrorCode = ProblemDetails['code'];
export type FieldProblem = components['schemas']['FieldProblemDto'];

/** An API answer that was not 2xx, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
}

/** Whatever a failed request answered (problem JSON, text, nothing) as problem details. */
export function toProblem(status: number, body: unknown): ProblemDetails {
  if (body && typeof body === 'object' && typeof (body as ProblemDetails).code === 'string') return body as ProblemDetails;
  const code: ErrorCode =
    status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'INTERNAL_ERROR';
  return { type: 'about:blank', title: String(status), status, detail: typeof body === 'string' ? body : '', code, errors: [] };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface FieldMessage {
  field: string;
  message: string;
}

/**
 * The messages to show for a problem, in the user's language: the code's message for
 * the whole answer, and one message per field problem (the field's own code when the
 * API gave one, else the answer's code). In English the API's own, more specific
 * wording follows, since the API writes its messages in English.
 */
export function describeProblem(problem: ProblemDetails, t: Translate, language: string): { summary: string; fields: FieldMessage[] } {
  const summary = t(`errors:${problem.code}`);
  const fields = (problem.errors ?? []).map((e) => {
    const code = e.code ?? (problem.code === 'VALIDATION_FAILED' ? 'VALIDATION_FAILED' : problem.code);
    const message = code === 'VALIDATION_FAILED' ? t('errors:field.invalid') : t(`errors:${code}`);
    return { field: e.field ?? '', message: language === 'en' && e.message ? `${message} ${e.message}` : message };
  });
  return { summary, fields };
}

/** Field messages keyed by the form's field path (`budgetLines[2].requestedCzk`), several per field possible. */
export function messagesByField(fields: readonly FieldMessage[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { field, message } of fields) {
    const list = map.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    map.set(field, list);
  }
  return map;
}
