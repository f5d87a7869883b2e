export interface CzechBankAccount {
  prefix: string | null;
  number: string;
  bankCode: string;
}

const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1] as const;
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1] as const;
const FORMAT = /^(?:([0-9]{1,6})-)?([0-9]{2,10})\/([0-9]{4})$/;

/** Weights are right-aligned: a shorter part is read as if padded with leading zeros. */
function divisibleBy11(digits: string, weights: readonly number[]): boolean {
  const offset = weights.length - digits.length;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += weights[offset + i] * (digits.charCodeAt(i) - 48);
  return sum % 11 === 0;
}

/**
 * Parses `[prefix-]number/bankcode` (Decree 169/2011 Coll.): prefix up to 6 digits,
 * number 2–10 digits with at least two significant digits, each mod-11; bank code
 * 4 digits. Parts are returned as written (leading zeros kept). No trimming: the
 * caller decides what input normalisation is acceptable.
 */
export function parseCzechBankAccount(s: string): CzechBankAccount | null {
  const m = FORMAT.exec(s);
  if (!m) return null;
  const [, prefix, number, bankCode] = m;
  if (prefix !== undefined && !divisibleBy11(prefix, PREFIX_WEIGHTS)) return null;
  // "0000000019" is fine, "0000000000" and "0000000005" are not: two significant digits.
  if (number.replace(/^0+/, '').length < 2) return null;
  if (!divisibleBy11(number, NUMBER_WEIGHTS)) return null;
  return { prefix: prefix ?? null, number, bankCode };
}

export function isValidCzechBankAccount(s: string): boolean {
  return parseCzechBankAccount(s) !== null;
}
