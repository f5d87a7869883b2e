import { ApiError } from './problem';

/**
 * The answer with its field paths renamed to the form's: creating a staff user reports a taken
 * e-mail under the registration form's path (`user.email`), while the staff-user form's field is
 * `email`. Fields not in `names` keep their path.
 */
export function renameProblemFields(error: unknown, names: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.problem.errors ?? [];
  if (!errors.some((e) => e.field !== undefined && e.field in names)) return error;
  return new ApiError(error.status, {
    ...error.problem,
    errors: errors.map((e) => (e.field !== undefined && e.field in names ? { ...e, field: names[e.field] } : e)),
  });
}

/** The organisation ids as the API takes them: trimmed, blanks left out, each once (the order kept). */
export function organisationIdsForApi(typed: readonly string[]): string[] {
  return [...new Set(typed.map((id) => id.trim()).filter((id) => id !== ''))];
}

/**
 * Where the API's `organisationIds[i]` problem belongs in the form, whose rows may include blanks
 * the request left out: the row index of the i-th sent id.
 */
export function rowOfSentId(typed: readonly string[], sentIndex: number): number {
  const sent = organisationIdsForApi(typed);
  const id = sent[sentIndex];
  return id === undefined ? -1 : typed.findIndex((row) => row.trim() === id);
}
