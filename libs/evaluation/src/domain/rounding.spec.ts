import fc from 'fast-check';
import { fromHundredths, roundRatioToHundredths, roundToHundredths } from './rounding';

describe('roundRatioToHundredths (exact)', () => {
  it.each<[bigint, bigint, bigint]>([
    [2n, 3n, 67n], // 0.666… → 0.67
    [1n, 3n, 33n],
    [52n, 3n, 1733n], // 17.333…
    [35n, 2n, 1750n],
    [1n, 8n, 13n], // 0.125: a half goes up
    [41n, 40n, 103n], // 1.025: 41 / 40 * 100 is 102.49999999999999 in floating point
    [201n, 200n, 101n], // 1.005: the textbook float trap
    [0n, 7n, 0n],
    [-201n, 200n, -101n], // a half goes away from zero
    [-1n, 3n, -33n],
  ])('%i / %i → %i hundredths', (n, d, h) => {
    expect(roundRatioToHundredths(n, d)).toBe(h);
  });

  it('is needed: naive float rounding gets the halves wrong', () => {
    expect(Math.round((41 / 40) * 100)).toBe(102);
    expect(Math.round((201 / 200) * 100)).toBe(100);
    expect((1.005).toFixed(2)).toBe('1.00');
  });

  it('rejects a denominator that is not positive', () => {
    expect(() => roundRatioToHundredths(1n, 0n)).toThrow(RangeError);
    expect(() => roundRatioToHundredths(1n, -3n)).toThrow(RangeError);
  });

  it('brackets the value: h − ½ ≤ 100·n/d < h + ½', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const h = roundRatioToHundredths(n, d);
        expect((2n * h - 1n) * d <= 200n * n).toBe(true);
        expect(200n * n < (2n * h + 1n) * d).toBe(true);
      }),
    );
  });
});

describe('roundToHundredths (floating point)', () => {
  it.each<[number, number]>([
    [2 / 3, 67],
    [1.005, 101], // stored as 1.00499999999999989…
    [1.015, 102],
    [1.045, 105],
    [19.775, 1978], // 19.775 * 100 is 1977.4999999999998
    [1.0049, 100],
    [14.188611699158105, 1419],
    [30, 3000],
    [-1.005, -101],
    [-0.001, 0],
  ])('%p → %i hundredths', (x, h) => {
    expect(roundToHundredths(x)).toBe(h);
  });

  it('never returns −0', () => {
    expect(Object.is(roundToHundredths(-0.001), 0)).toBe(true);
    expect(Object.is(roundToHundredths(-0), 0)).toBe(true);
  });

  it('rejects what is not a finite number', () => {
    expect(() => roundToHundredths(Number.NaN)).toThrow(RangeError);
    expect(() => roundToHundredths(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('agrees with exact rounding on every ratio a score average can be', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 200 }), (n, d) => {
        expect(roundToHundredths(n / d)).toBe(Number(roundRatioToHundredths(BigInt(n), BigInt(d))));
      }),
    );
  });
});

describe('fromHundredths', () => {
  it('gives the number JSON prints with 2 decimals', () => {
    expect(fromHundredths(1733)).toBe(17.33);
    expect(fromHundredths(101n)).toBe(1.01);
    expect(JSON.stringify(fromHundredths(1750))).toBe('17.5');
    expect(JSON.stringify(fromHundredths(67))).toBe('0.67');
  });
});
