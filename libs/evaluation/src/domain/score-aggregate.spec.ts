import fc from 'fast-check';
import { aggregateScores } from './score-aggregate';

const times = (n: number, value: number): number[] => Array.from({ length: n }, () => value);

describe('aggregateScores', () => {
  it('has no average and no spread without scorers', () => {
    expect(aggregateScores([], 100)).toEqual({ scorers: 0, averageScore: null, averageHundredths: null, spread: null, spreadFlagged: false });
  });

  it('averages, counts and measures the spread of the totals', () => {
    expect(aggregateScores([15, 17, 20], 40)).toEqual({
      scorers: 3,
      averageScore: 17.33, // 52 / 3 = 17.333…
      averageHundredths: 1733,
      spread: 5,
      spreadFlagged: false,
    });
    expect(aggregateScores([17, 18], 40)).toMatchObject({ averageScore: 17.5, averageHundredths: 1750, spread: 1 });
    expect(aggregateScores([33], 40)).toMatchObject({ scorers: 1, averageScore: 33, spread: 0, spreadFlagged: false });
  });

  it('is the average, not the sum: a member fewer does not lower the score', () => {
    expect(aggregateScores([30, 30, 30], 40).averageScore).toBe(aggregateScores([30, 30], 40).averageScore);
  });

  it.each<[number[], number]>([
    [[0, 1, 1], 0.67], // 2/3
    [[0, 0, 1], 0.33], // 1/3
    [[1, 2], 1.5],
    [[...times(7, 0), 1], 0.13], // 0.125
    [[...times(39, 1), 2], 1.03], // 1.025: naive float arithmetic gives 1.02
    [[...times(199, 1), 2], 1.01], // 1.005: naive float arithmetic gives 1.00
    [[...times(199, 17), 18], 17.01], // 17.005
    [[...times(3, 0), 1], 0.25],
  ])('rounds %j half up to %p', (totals, average) => {
    expect(aggregateScores(totals, 100).averageScore).toBe(average);
  });

  describe('flags a spread above a quarter of the maximum', () => {
    it.each<[number[], number, boolean]>([
      [[50, 75], 100, false], // 25 is not more than 25
      [[50, 76], 100, true],
      [[0, 2], 10, false], // 2 ≤ 2.5
      [[0, 3], 10, true], // 3 > 2.5
      [[10, 10, 10], 10, false],
      [[0, 10], 10, true],
    ])('%j of %i: %p', (totals, max, flagged) => {
      expect(aggregateScores(totals, max).spreadFlagged).toBe(flagged);
    });
  });

  it.each([[[-1]], [[1.5]], [[41]], [[Number.NaN]]])('rejects the total %j', (totals) => {
    expect(() => aggregateScores(totals, 40)).toThrow(RangeError);
  });

  it('rejects a maximum that is not a whole number', () => {
    expect(() => aggregateScores([1], 40.5)).toThrow(RangeError);
  });

  const sheets = fc.integer({ min: 1, max: 500 }).chain((max) =>
    fc.tuple(fc.constant(max), fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 250 })),
  );

  it('rounds the exact mean half up: h − ½ ≤ 100·sum/count < h + ½', () => {
    fc.assert(
      fc.property(sheets, ([max, totals]) => {
        const { averageHundredths: h, scorers } = aggregateScores(totals, max);
        const hundredfoldSum = 100 * totals.reduce((a, b) => a + b, 0);
        expect(scorers).toBe(totals.length);
        expect((2 * h! - 1) * scorers <= 2 * hundredfoldSum).toBe(true);
        expect(2 * hundredfoldSum < (2 * h! + 1) * scorers).toBe(true);
      }),
    );
  });

  it('lies between the lowest and highest total, whatever the order of the sheets', () => {
    fc.assert(
      fc.property(sheets, ([max, totals]) => {
        const a = aggregateScores(totals, max);
        expect(a.averageScore!).toBeGreaterThanOrEqual(Math.min(...totals));
        expect(a.averageScore!).toBeLessThanOrEqual(Math.max(...totals));
        expect(a.spread).toBe(Math.max(...totals) - Math.min(...totals));
        expect(aggregateScores([...totals].reverse(), max)).toEqual(a);
      }),
    );
  });
});
