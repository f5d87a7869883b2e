import { formatScore, pointsFromTyped, summariseSheet, type SheetCriterion } from './scoring';

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

const criteria: SheetCriterion[] = [
  { code: 'K1', name: 'Relevance', maxPoints: 30 },
  { code: 'K2', name: 'Need', maxPoints: 20 },
  { code: 'K3', name: 'Budget', maxPoints: 50 },
];

describe('pointsFromTyped', () => {
  it('reads whole points, and passes on what the API must judge (fractions, negatives, above the maximum)', () => {
    expect(pointsFromTyped('12')).toBe(12);
    expect(pointsFromTyped(' 0 ')).toBe(0);
    expect(pointsFromTyped('31')).toBe(31);
    expect(pointsFromTyped('-1')).toBe(-1);
    expect(pointsFromTyped('2,5')).toBe(2.5);
    expect(pointsFromTyped('2.5')).toBe(2.5);
  });

  it('is null for what is not a number', () => {
    for (const typed of ['', '  ', 'abc', '1e3', '12 points', '--1', '1,2,3']) expect(pointsFromTyped(typed)).toBeNull();
  });
});

describe('summariseSheet', () => {
  it('totals the whole points typed against the sum of the maxima', () => {
    expect(summariseSheet(criteria, ['25', '15', '40'])).toEqual({ totalPoints: 80, maxTotal: 100, unfilled: 0 });
  });

  it('counts rows still empty or not whole as unfilled and as 0 in the total', () => {
    expect(summariseSheet(criteria, ['25', '', '2,5'])).toEqual({ totalPoints: 25, maxTotal: 100, unfilled: 2 });
    expect(summariseSheet(criteria, [])).toEqual({ totalPoints: 0, maxTotal: 100, unfilled: 3 });
  });

  it('adds points above a maximum as typed: the API, not the total, refuses them', () => {
    expect(summariseSheet(criteria, ['31', '20', '50']).totalPoints).toBe(101);
  });
});

describe('formatScore', () => {
  it('always shows two decimals in the user language', () => {
    expect(formatScore(81.5, 'cs')).toBe('81,50');
    expect(formatScore(81.5, 'en')).toBe('81.50');
    expect(plain(formatScore(1234.567, 'cs'))).toBe('1 234,57');
    expect(formatScore(0, 'en')).toBe('0.00');
  });
});
