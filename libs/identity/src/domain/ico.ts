const WEIGHTS = [8, 7, 6, 5, 4, 3, 2] as const;

/** Check digit for the first 7 digits of an IČO (always a single digit: r = 0 → 1, r = 1 → 0). */
function checkDigit(first7: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += WEIGHTS[i] * (first7.charCodeAt(i) - 48);
  const r = sum % 11;
  if (r === 0) return 1;
  if (r === 1) return 0;
  return 11 - r;
}

/** Czech company id (IČO): exactly 8 ASCII digits, the last one a mod-11 check digit. */
export function isValidIco(ico: string): boolean {
  if (!/^[0-9]{8}$/.test(ico)) return false;
  return checkDigit(ico) === ico.charCodeAt(7) - 48;
}

/**
 * A valid IČO for demo data and benchmarks: the seed as the first 7 digits plus
 * its check digit. Every 7-digit prefix has exactly one check digit, so distinct
 * seeds give distinct IČOs.
 */
export function generateValidIco(seed: number): string {
  if (!Number.isInteger(seed) || seed < 0 || seed > 9_999_999) {
    throw new RangeError(`IČO seed must be an integer 0..9999999, got ${seed}`);
  }
  const first7 = String(seed).padStart(7, '0');
  return `${first7}${checkDigit(first7)}`;
}
