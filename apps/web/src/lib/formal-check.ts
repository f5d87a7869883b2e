import { correctionDeadlinePassed } from '@app/applications/domain';
import { ApiError } from './problem';

/** Reasons or defects typed one per line, as the API takes them: each line trimmed, empty lines left out. */
export function reasonsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The API names a problem with one reason as `reasons[2]`; the form has one text area for all of
 * them (`reasons`). The same error with such fields moved onto the text area, so the summary's
 * link and the field's own messages find it.
 */
export function onReasonsField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.problem.errors ?? [];
  if (!errors.some((problem) => /^reasons\[\d+\]$/.test(problem.field ?? ''))) return error;
  return new ApiError(error.status, {
    ...error.problem,
    errors: errors.map((problem) => (/^reasons\[\d+\]$/.test(problem.field ?? '') ? { ...problem, field: 'reasons' } : problem)),
  });
}

/**
 * An application returned for correction is the applicant's until its deadline (a Prague date,
 * that day included); from the day after, the officer checks it again as it is.
 */
export function mayCheckAgain(correctionDueOn: string | null, todayInPrague: string): boolean {
  return correctionDueOn !== null && correctionDeadlinePassed({ todayInPrague, correctionDueOn });
}
