import { fromHundredths, roundRatioToHundredths } from './rounding';

export interface ScoreAggregate {
  /** Members who submitted a sheet for the application (conflicted members never do). */
  scorers: number;
  /** Mean of the members' totals, rounded half up to 2 decimals; null without scorers. */
  averageScore: number | null;
  /** The same, as an exact integer number of hundredths (1733 for 17.33), for comparing without floats. */
  averageHundredths: number | null;
  /** Highest minus lowest total; null without scorers. */
  spread: number | null;
  /** The members disagree by more than a quarter of the points available: worth a discussion. */
  spreadFlagged: boolean;
}

const isPoints = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * The application's score is the average, not the sum, of its members' totals,
 * so that members who abstain or are conflicted do not pull it down. The mean
 * is taken exactly (integer sum over count) and rounded only at the end.
 */
export function aggregateScores(totals: readonly number[], maxTotal: number): ScoreAggregate {
  if (!isPoints(maxTotal)) throw new RangeError(`maxTotal must be a non-negative integer, got ${maxTotal}`);
  for (const t of totals) {
    if (!isPoints(t) || t > maxTotal) throw new RangeError(`a sheet total must be an integer from 0 to ${maxTotal}, got ${t}`);
  }
  if (totals.length === 0) return { scorers: 0, averageScore: null, averageHundredths: null, spread: null, spreadFlagged: false };

  let sum = 0n;
  let min = totals[0];
  let max = totals[0];
  for (const t of totals) {
    sum += BigInt(t);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const hundredths = roundRatioToHundredths(sum, BigInt(totals.length));
  const spread = max - min;
  return {
    scorers: totals.length,
    averageScore: fromHundredths(hundredths),
    averageHundredths: Number(hundredths),
    spread,
    // spread > maxTotal / 4, kept in integers.
    spreadFlagged: 4 * spread > maxTotal,
  };
}
