/**
 * Amounts of whole CZK as Czech official letters write them: in figures
 * (`1 250 000 Kč`) and in words (`jeden milion dvě stě padesát tisíc korun
 * českých`).
 *
 * Decisions (the rules of Czech grammar and the usage of official letters):
 *
 * - **Grouping.** Groups of three digits are separated by a no-break space
 *   (U+00A0), and a no-break space stands before `Kč`, so that a line never
 *   breaks inside an amount. Four-digit amounts are grouped too (`1 250 Kč`):
 *   ČSN 01 6910 allows both, and grouping all amounts keeps the columns of a
 *   letter alike.
 * - **The case of the currency.** The noun follows the whole numeral: one
 *   standing alone takes the nominative singular (`jedna koruna česká`), two
 *   to four standing alone the nominative plural (`dvě koruny české`), and
 *   every other amount, zero included, the genitive plural (`nula korun
 *   českých`, `pět korun českých`). A compound numeral ending in one to four
 *   (21, 101, 1 001, 22, 104, ...) also takes the genitive plural: `dvacet
 *   jedna korun českých`, `sto dva korun`... Czech grammars (Internetová
 *   jazyková příručka ÚJČ AV ČR) accept both `dvacet jedna korun` and
 *   `dvacet jedna koruna`, but official letters, contracts and bank forms
 *   use the genitive plural, which is also the one form that reads right for
 *   every compound amount. The same rule governs the orders: `dva tisíce`
 *   but `dvacet dva tisíc`, `dva miliony` but `dvacet dva milionů`.
 * - **Gender of the last word of the numeral.** It agrees with the noun it
 *   counts, also inside a compound: koruna and miliarda are feminine (`jedna`,
 *   `dvě`: `dvacet dvě korun českých`, `dvě miliardy`), tisíc and milion
 *   masculine (`jeden`, `dva`: `dvacet jeden tisíc`, `dva miliony`).
 * - **`jeden tisíc`, not `tisíc`.** Amounts in words on official letters,
 *   cheques and contracts write the one out (`jeden tisíc`, `jeden milion`,
 *   `jedna miliarda`), so nothing can be put before the words without the
 *   change showing, and it reads the same way as `dva tisíce`. A hundred is
 *   `sto` (`jedno sto` is not Czech usage): `sto jedna korun českých`.
 * - **`milion`**, not the older `milión`: both are correct; the current
 *   Pravidla českého pravopisu put `milion` first.
 * - **Range.** Words go up to 999 999 999 999 CZK (`devět set devadesát devět
 *   miliard ...`): far beyond any grant. Figures take any safe integer.
 */

const NBSP = '\u00A0';

/** The largest amount `czkInWords` can write (below a bilion). */
export const MAX_CZK_IN_WORDS = 999_999_999_999;

function assertWholeCzk(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be whole, non-negative CZK, got ${n}`);
}

/** `1 250 000 Kč`, the spaces being U+00A0. */
export function formatCzk(amount: number): string {
  assertWholeCzk('amount', amount);
  const digits = String(amount);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${groups.join(NBSP)}${NBSP}Kč`;
}

type Gender = 'masculine' | 'feminine';

const UNITS = ['', 'jeden', 'dva', 'tři', 'čtyři', 'pět', 'šest', 'sedm', 'osm', 'devět'] as const;
const TEENS = ['deset', 'jedenáct', 'dvanáct', 'třináct', 'čtrnáct', 'patnáct', 'šestnáct', 'sedmnáct', 'osmnáct', 'devatenáct'] as const;
const TENS = ['', '', 'dvacet', 'třicet', 'čtyřicet', 'padesát', 'šedesát', 'sedmdesát', 'osmdesát', 'devadesát'] as const;
const HUNDREDS = ['', 'sto', 'dvě stě', 'tři sta', 'čtyři sta', 'pět set', 'šest set', 'sedm set', 'osm set', 'devět set'] as const;

function unit(n: number, gender: Gender): string {
  if (gender === 'feminine' && n === 1) return 'jedna';
  if (gender === 'feminine' && n === 2) return 'dvě';
  return UNITS[n];
}

/** 1..999 in words, the last word agreeing with a noun of the given gender. */
function belowThousand(n: number, gender: Gender): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(HUNDREDS[hundreds]);
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]);
  else {
    if (rest >= 20) words.push(TENS[Math.floor(rest / 10)]);
    if (rest % 10 > 0) words.push(unit(rest % 10, gender));
  }
  return words.join(' ');
}

/** The form of a noun counted by `n`: [one, two to four, other]. */
type Forms = readonly [string, string, string];

function nounFor(n: number, forms: Forms): string {
  if (n === 1) return forms[0];
  if (n >= 2 && n <= 4) return forms[1];
  return forms[2];
}

const ORDERS: readonly { size: number; gender: Gender; forms: Forms }[] = [
  { size: 1_000_000_000, gender: 'feminine', forms: ['miliarda', 'miliardy', 'miliard'] },
  { size: 1_000_000, gender: 'masculine', forms: ['milion', 'miliony', 'milionů'] },
  { size: 1_000, gender: 'masculine', forms: ['tisíc', 'tisíce', 'tisíc'] },
];

const CURRENCY: Forms = ['koruna česká', 'koruny české', 'korun českých'];

/** `sto osmdesát pět tisíc korun českých`: lower case, single spaces. */
export function czkInWords(amount: number): string {
  assertWholeCzk('amount', amount);
  if (amount > MAX_CZK_IN_WORDS) throw new RangeError(`amount must be at most ${MAX_CZK_IN_WORDS} CZK to be written in words, got ${amount}`);
  if (amount === 0) return `nula ${CURRENCY[2]}`;
  const words: string[] = [];
  let rest = amount;
  for (const order of ORDERS) {
    const count = Math.floor(rest / order.size);
    rest %= order.size;
    if (count > 0) words.push(belowThousand(count, order.gender), nounFor(count, order.forms));
  }
  if (rest > 0) words.push(belowThousand(rest, 'feminine'));
  words.push(nounFor(amount, CURRENCY));
  return words.join(' ');
}

/** `185 000 Kč (slovy: sto osmdesát pět tisíc korun českých)`. */
export function amountWithWords(amount: number): string {
  return `${formatCzk(amount)} (slovy: ${czkInWords(amount)})`;
}
