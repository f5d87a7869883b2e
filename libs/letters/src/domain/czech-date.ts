import { isIsoDate } from '@app/core/domain';

/**
 * Calendar dates (Prague `YYYY-MM-DD`) as Czech letters write them.
 *
 * Decisions:
 * - The day is an ordinal number: figures followed by a full stop, with no
 *   leading zero (`3.`), as are the month in `3. 3. 2027`.
 * - In words the month stands in the genitive (`3. března 2027`): "the third
 *   (day) of March".
 * - The words are separated by ordinary spaces, as the letters' templates
 *   expect; a template that must not break a date across lines can replace
 *   them. (Amounts, by contrast, always carry no-break spaces.)
 * - The year is written in full, without grouping (`2027`, never `2 027`).
 */

/** The months in the genitive, January first. */
export const CZECH_MONTHS_GENITIVE = [
  'ledna',
  'února',
  'března',
  'dubna',
  'května',
  'června',
  'července',
  'srpna',
  'září',
  'října',
  'listopadu',
  'prosince',
] as const;

function parts(isoDate: string): { year: number; month: number; day: number } {
  if (typeof isoDate !== 'string' || !isIsoDate(isoDate)) throw new RangeError(`isoDate must be a date (YYYY-MM-DD), got ${JSON.stringify(isoDate)}`);
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)), day: Number(isoDate.slice(8, 10)) };
}

/** `2027-03-03` → `3. března 2027`. */
export function formatCzechDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${day}. ${CZECH_MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** `2027-03-03` → `3. 3. 2027`. */
export function formatCzechDateNumeric(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${day}. ${month}. ${year}`;
}
