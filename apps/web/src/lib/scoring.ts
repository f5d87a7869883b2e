import { maxTotal, sheetTotal } from '@app/evaluation/domain';
import { localeOf } from './format';

/** A criterion of the call as the score sheet shows it. */
export interface SheetCriterion {
  code: string;
  name: string;
  maxPoints: number;
}

/**
 * Points as typed into one row of the score sheet, as the number the API is sent:
 * "12" → 12, "-1" → -1, "2,5" → 2.5 (the API names what is not whole or out of range);
 * null for what is not a number at all ("", "abc"), which the API refuses as missing.
 */
export function pointsFromTyped(typed: string): number | null {
  const compact = typed.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d{1,6}([.,]\d{1,3})?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

export interface SheetSummary {
  /** The sum of the whole points typed so far (rows not yet a whole number count as 0). */
  totalPoints: number;
  /** The sum of the criteria's maximum points. */
  maxTotal: number;
  /** Rows still without a whole number of points. */
  unfilled: number;
}

/**
 * The live total under the score sheet, by the same domain functions the API totals a sheet
 * with; the API alone decides whether the points are within each criterion's range.
 */
export function summariseSheet(criteria: readonly SheetCriterion[], typed: readonly string[]): SheetSummary {
  const points = criteria.map((c, i) => {
    const value = pointsFromTyped(typed[i] ?? '');
    return { criterionCode: c.code, points: value !== null && Number.isInteger(value) ? value : null };
  });
  return {
    totalPoints: sheetTotal(points.map((p) => ({ criterionCode: p.criterionCode, points: p.points ?? 0 }))),
    maxTotal: maxTotal(criteria),
    unfilled: points.filter((p) => p.points === null).length,
  };
}

/** A score as the API gives it (2 decimals, already rounded) in the user's language: 81.5 → "81,50" (cs), "81.50" (en). */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}
