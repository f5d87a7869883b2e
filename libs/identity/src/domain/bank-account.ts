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

/**
 * `[prefix-]number/bankcode` with spaces and leading zeros dropped, so
 * `000019-0000000123/0800` and `19-123/0800` compare equal; anything
 * unparseable is compared as written (without spaces).
 */
export function normaliseBankAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  const m = /^(?:([0-9]{1,6})-)?([0-9]{1,10})\/([0-9]{4})$/.exec(s);
  if (!m) return s;
  const prefix = (m[1] ?? '').replace(/^0+/, '');
  const number = m[2].replace(/^0+/, '');
  return `${prefix ? `${prefix}-` : ''}${number}/${m[3]}`;
}

export const sameBankAccount = (a: string, b: string): boolean => normaliseBankAccount(a) === normaliseBankAccount(b);

/**
 * A period in which an account was an organisation's registered one, in
 * Prague dates: from the day it was registered (at registration, or when its
 * change was confirmed) to the day it was replaced (null: it still is).
 */
export interface RegisteredAccountPeriod {
  bankAccount: string;
  from: string;
  until: string | null;
}

/**
 * The accounts registered at any moment of a Prague date: on the day of a
 * change both the old and the new account count (a payment order of that
 * morning and one of that afternoon are both right).
 */
export function accountsRegisteredOn(periods: readonly RegisteredAccountPeriod[], date: string): string[] {
  return periods.filter((p) => p.from <= date && (p.until === null || date <= p.until)).map((p) => p.bankAccount);
}
