/**
 * Scores are published to 2 decimals, rounded half up (a half goes away from
 * zero, as in "17.335 → 17.34"). Rounding happens once, at the end, on the
 * exact value wherever the value is rational.
 */

/** `numerator / denominator` in hundredths, rounded half up, in exact integer arithmetic. */
export function roundRatioToHundredths(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError(`denominator must be positive, got ${denominator}`);
  const magnitude = numerator < 0n ? -numerator : numerator;
  // floor(100·n/d + 1/2) without leaving the integers.
  const hundredths = (200n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -hundredths : hundredths;
}

/**
 * Tolerance for values that are only known as floating point (the normalised
 * score involves square roots): within one part in 10^9 of a half-hundredth
 * counts as the half, so a value that is exactly x.xx5 mathematically but
 * computed as x.xx4999999… still rounds up. Rounding errors of the few
 * operations involved are far below that; a genuine irrational value that
 * close to a half-hundredth has no practical meaning for a score.
 */
export const HALF_TOLERANCE = 1e-9;

/** A floating-point value in hundredths, rounded half up (see HALF_TOLERANCE). */
export function roundToHundredths(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const scaled = Math.abs(x) * 100;
  const hundredths = Math.floor(scaled + 0.5 + HALF_TOLERANCE * Math.max(1, scaled));
  return x < 0 && hundredths !== 0 ? -hundredths : hundredths;
}

/** 1733 → 17.33: the double nearest to the decimal, as JSON prints it. */
export const fromHundredths = (hundredths: number | bigint): number => Number(hundredths) / 100;
