import fc from 'fast-check';
import { amountWithWords, czkInWords, formatCzk, MAX_CZK_IN_WORDS } from './czech-amount';

const NBSP = '\u00A0';
/** Writes the expected strings readably: `_` stands for a no-break space. */
const nb = (s: string) => s.replace(/_/g, NBSP);

describe('formatCzk', () => {
  it('groups digits by three with no-break spaces and ends with a no-break space and Kč', () => {
    expect(formatCzk(1_250_000)).toBe('1\u00A0250\u00A0000\u00A0Kč');
    expect(formatCzk(185_000)).toBe(nb('185_000_Kč'));
    expect(formatCzk(0)).toBe(nb('0_Kč'));
  });

  it('groups at every length', () => {
    expect(formatCzk(7)).toBe(nb('7_Kč'));
    expect(formatCzk(42)).toBe(nb('42_Kč'));
    expect(formatCzk(999)).toBe(nb('999_Kč'));
    expect(formatCzk(1_000)).toBe(nb('1_000_Kč'));
    expect(formatCzk(1_250)).toBe(nb('1_250_Kč'));
    expect(formatCzk(12_345)).toBe(nb('12_345_Kč'));
    expect(formatCzk(100_000)).toBe(nb('100_000_Kč'));
    expect(formatCzk(1_000_001)).toBe(nb('1_000_001_Kč'));
    expect(formatCzk(999_999_999_999)).toBe(nb('999_999_999_999_Kč'));
    expect(formatCzk(Number.MAX_SAFE_INTEGER)).toBe(nb('9_007_199_254_740_991_Kč'));
  });

  it('contains no ordinary space', () => {
    expect(formatCzk(1_250_000)).not.toContain(' ');
  });

  it('refuses what is not whole, non-negative, safe CZK', () => {
    for (const bad of [-1, 0.5, 1_250_000.01, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1, -0.1]) {
      expect(() => formatCzk(bad)).toThrow(RangeError);
    }
  });
});

describe('czkInWords', () => {
  it.each<[number, string]>([
    [0, 'nula korun českých'],
    [1, 'jedna koruna česká'],
    [2, 'dvě koruny české'],
    [3, 'tři koruny české'],
    [4, 'čtyři koruny české'],
    [5, 'pět korun českých'],
    [9, 'devět korun českých'],
    [10, 'deset korun českých'],
    [11, 'jedenáct korun českých'],
    [12, 'dvanáct korun českých'],
    [14, 'čtrnáct korun českých'],
    [15, 'patnáct korun českých'],
    [19, 'devatenáct korun českých'],
    [20, 'dvacet korun českých'],
    [21, 'dvacet jedna korun českých'],
    [22, 'dvacet dvě korun českých'],
    [24, 'dvacet čtyři korun českých'],
    [40, 'čtyřicet korun českých'],
    [56, 'padesát šest korun českých'],
    [67, 'šedesát sedm korun českých'],
    [78, 'sedmdesát osm korun českých'],
    [99, 'devadesát devět korun českých'],
    [100, 'sto korun českých'],
    [101, 'sto jedna korun českých'],
    [102, 'sto dvě korun českých'],
    [111, 'sto jedenáct korun českých'],
    [200, 'dvě stě korun českých'],
    [300, 'tři sta korun českých'],
    [400, 'čtyři sta korun českých'],
    [500, 'pět set korun českých'],
    [999, 'devět set devadesát devět korun českých'],
  ])('writes %i as "%s"', (n, words) => {
    expect(czkInWords(n)).toBe(words);
  });

  it.each<[number, string]>([
    [1_000, 'jeden tisíc korun českých'],
    [1_001, 'jeden tisíc jedna korun českých'],
    [1_100, 'jeden tisíc sto korun českých'],
    [1_250, 'jeden tisíc dvě stě padesát korun českých'],
    [2_000, 'dva tisíce korun českých'],
    [3_000, 'tři tisíce korun českých'],
    [4_000, 'čtyři tisíce korun českých'],
    [5_000, 'pět tisíc korun českých'],
    [10_000, 'deset tisíc korun českých'],
    [11_000, 'jedenáct tisíc korun českých'],
    [21_000, 'dvacet jeden tisíc korun českých'],
    [22_000, 'dvacet dva tisíc korun českých'],
    [100_000, 'sto tisíc korun českých'],
    [101_000, 'sto jeden tisíc korun českých'],
    [185_000, 'sto osmdesát pět tisíc korun českých'],
    [200_000, 'dvě stě tisíc korun českých'],
    [50_001, 'padesát tisíc jedna korun českých'],
    [1_000_000, 'jeden milion korun českých'],
    [1_000_001, 'jeden milion jedna korun českých'],
    [1_000_005, 'jeden milion pět korun českých'],
    [1_001_000, 'jeden milion jeden tisíc korun českých'],
    [1_250_000, 'jeden milion dvě stě padesát tisíc korun českých'],
    [2_000_000, 'dva miliony korun českých'],
    [4_000_000, 'čtyři miliony korun českých'],
    [5_000_000, 'pět milionů korun českých'],
    [21_000_000, 'dvacet jeden milionů korun českých'],
    [32_000_000, 'třicet dva milionů korun českých'],
    [100_000_000, 'sto milionů korun českých'],
    [999_999_999, 'devět set devadesát devět milionů devět set devadesát devět tisíc devět set devadesát devět korun českých'],
    [1_000_000_000, 'jedna miliarda korun českých'],
    [2_000_000_000, 'dvě miliardy korun českých'],
    [4_000_000_000, 'čtyři miliardy korun českých'],
    [5_000_000_000, 'pět miliard korun českých'],
    [22_000_000_000, 'dvacet dvě miliard korun českých'],
    [1_002_003_004, 'jedna miliarda dva miliony tři tisíce čtyři korun českých'],
    [
      MAX_CZK_IN_WORDS,
      'devět set devadesát devět miliard devět set devadesát devět milionů devět set devadesát devět tisíc devět set devadesát devět korun českých',
    ],
  ])('writes %i as "%s"', (n, words) => {
    expect(czkInWords(n)).toBe(words);
  });

  it('refuses what is not whole, non-negative CZK', () => {
    for (const bad of [-1, 0.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => czkInWords(bad)).toThrow(RangeError);
    }
  });

  it('refuses amounts beyond 999 999 999 999', () => {
    expect(() => czkInWords(MAX_CZK_IN_WORDS + 1)).toThrow(RangeError);
    expect(() => czkInWords(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});

describe('amountWithWords', () => {
  it('puts the words in brackets after the figures', () => {
    expect(amountWithWords(185_000)).toBe(nb('185_000_Kč (slovy: sto osmdesát pět tisíc korun českých)'));
    expect(amountWithWords(1_250_000)).toBe(nb('1_250_000_Kč (slovy: jeden milion dvě stě padesát tisíc korun českých)'));
    expect(amountWithWords(1)).toBe(nb('1_Kč (slovy: jedna koruna česká)'));
    expect(amountWithWords(0)).toBe(nb('0_Kč (slovy: nula korun českých)'));
  });

  it('refuses what the parts refuse', () => {
    expect(() => amountWithWords(-5)).toThrow(RangeError);
    expect(() => amountWithWords(1.5)).toThrow(RangeError);
    expect(() => amountWithWords(MAX_CZK_IN_WORDS + 1)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const upToBillion = fc.integer({ min: 0, max: 999_999_999 });
  const inWordsRange = fc.integer({ min: 0, max: MAX_CZK_IN_WORDS });

  it('words are lower case, trimmed, single-spaced Czech letters', () => {
    fc.assert(
      fc.property(inWordsRange, (n) => {
        const w = czkInWords(n);
        expect(w).toBe(w.trim());
        expect(w).not.toMatch(/\s{2}/);
        expect(w).toBe(w.toLowerCase());
        expect(w).toMatch(/^[a-záčďéěíňóřšťúůýž]+( [a-záčďéěíňóřšťúůýž]+)*$/);
      }),
    );
  });

  it('the currency takes the form the whole amount asks for', () => {
    fc.assert(
      fc.property(upToBillion, (n) => {
        const w = czkInWords(n);
        const expected = n === 1 ? ' koruna česká' : n >= 2 && n <= 4 ? ' koruny české' : ' korun českých';
        expect(w.endsWith(expected)).toBe(true);
        const forms = [' koruna česká', ' koruny české', ' korun českých'].filter((f) => w.includes(f));
        expect(forms).toEqual([expected]);
      }),
    );
  });

  it('zero is written only for zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CZK_IN_WORDS }), (n) => {
        expect(czkInWords(n).split(' ')).not.toContain('nula');
      }),
    );
  });

  it('each order is written once, with the gender of its noun', () => {
    fc.assert(
      fc.property(inWordsRange, (n) => {
        const words = czkInWords(n).split(' ');
        for (const noun of [/^miliard/, /^milion/, /^tisíc/]) expect(words.filter((x) => noun.test(x)).length).toBeLessThanOrEqual(1);
        // The word before a feminine noun is never a masculine one or two, and vice versa.
        words.forEach((word, i) => {
          const before = words[i - 1];
          if (/^(koruna|koruny|korun|miliarda|miliardy|miliard)$/.test(word)) expect(['jeden', 'dva']).not.toContain(before);
          if (/^(tisíc|tisíce|milion|miliony|milionů)$/.test(word)) expect(['jedna', 'dvě']).not.toContain(before);
        });
      }),
    );
  });

  it('numbers differing only in the thousands differ only before "tisíc"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (thousands, units) => {
        const w = czkInWords(thousands * 1_000 + units);
        const tail = czkInWords(units);
        if (units === 0 || units === 1 || (units >= 2 && units <= 4)) return; // the currency form follows the whole amount
        if (thousands > 0) expect(w.endsWith(` ${tail}`)).toBe(true);
        else expect(w).toBe(tail);
      }),
    );
  });

  it('formatCzk round-trips once the separators and the currency are removed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const s = formatCzk(n);
        expect(s.endsWith(`${NBSP}Kč`)).toBe(true);
        expect(s).toMatch(/^\d{1,3}(\u00A0\d{3})*\u00A0Kč$/);
        expect(Number(s.slice(0, -3).replace(/\u00A0/g, ''))).toBe(n);
      }),
    );
  });

  it('amountWithWords is the two parts put together', () => {
    fc.assert(
      fc.property(inWordsRange, (n) => {
        expect(amountWithWords(n)).toBe(`${formatCzk(n)} (slovy: ${czkInWords(n)})`);
      }),
    );
  });
});
