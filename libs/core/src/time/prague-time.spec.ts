import fc from 'fast-check';
import { addDays, BUSINESS_TIME_ZONE, daysBetween, formatPragueDateTime, isIsoDate, pragueDate, pragueYear } from './prague-time';

describe('pragueDate / pragueYear', () => {
  it('uses Europe/Prague', () => {
    expect(BUSINESS_TIME_ZONE).toBe('Europe/Prague');
  });

  it.each([
    // winter, CET = UTC+1
    ['2026-01-15T22:59:59Z', '2026-01-15'],
    ['2026-01-15T23:00:00Z', '2026-01-16'],
    // the night DST starts (2026-03-29 01:00 UTC): still UTC+1 before it
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    // summer, CEST = UTC+2
    ['2026-07-01T21:59:59Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
    // the night DST ends (2026-10-25 01:00 UTC)
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // offsets in the input are just other spellings of the same instant
    ['2027-03-01T00:00:00+01:00', '2027-03-01'],
  ])('%s is %s in Prague', (iso, expected) => {
    expect(pragueDate(new Date(iso))).toBe(expected);
  });

  it('gives the Prague year around New Year', () => {
    expect(pragueYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(pragueYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(pragueDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => pragueDate(new Date('nope'))).toThrow(RangeError);
    expect(() => pragueYear(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatPragueDateTime', () => {
  it.each([
    ['2027-02-28T23:00:00Z', '2027-03-01 00:00'],
    ['2027-03-31T14:00:00Z', '2027-03-31 16:00'], // CEST
    ['2026-10-25T00:30:00Z', '2026-10-25 02:30'], // first 02:30, still CEST
    ['2026-10-25T01:30:00Z', '2026-10-25 02:30'], // the repeated hour, CET
    ['2026-12-31T23:59:00Z', '2027-01-01 00:59'],
  ])('%s is %s in Prague', (iso, expected) => {
    expect(formatPragueDateTime(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatPragueDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each(['2028-02-29', '2000-02-29', '2027-01-01', '2027-12-31', '2027-04-30', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    '2027-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '2027-01-32',
    '2027-1-01',
    '27-01-01',
    '2027/01/01',
    '2027-01-01T00:00:00Z',
    ' 2027-01-01',
    '2027-01-01 ',
    '20270101',
    '',
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
});

describe('daysBetween / addDays', () => {
  it.each([
    ['2027-01-01', '2027-01-31', 30],
    ['2027-01-31', '2027-01-01', -30],
    ['2027-01-01', '2027-01-01', 0],
    ['2027-02-28', '2027-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-03-28', '2026-03-30', 2], // across the spring DST change
    ['2026-10-24', '2026-10-26', 2], // across the autumn DST change
    ['2026-12-31', '2027-01-01', 1],
    ['2027-01-01', '2028-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['1970-01-01', '2000-01-01', 10957],
    ['0050-03-01', '0050-03-02', 1], // Date.UTC would read year 50 as 1950
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('adds across month, year and leap boundaries', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(addDays('2027-01-01', 0)).toBe('2027-01-01');
  });

  it('agrees with UTC Date arithmetic for any pair of dates', () => {
    const day = fc.integer({ min: Date.UTC(1971, 0, 1) / 86400000, max: Date.UTC(2999, 11, 31) / 86400000 });
    const iso = (n: number) => new Date(n * 86400000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(iso(a), iso(b))).toBe(b - a);
        expect(addDays(iso(a), b - a)).toBe(iso(b));
      }),
    );
  });

  it('throws on input that is not a date', () => {
    expect(() => daysBetween('2027-02-29', '2027-03-01')).toThrow(RangeError);
    expect(() => addDays('2027-1-1', 1)).toThrow(RangeError);
    expect(() => addDays('2027-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});
