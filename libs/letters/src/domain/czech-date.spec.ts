import fc from 'fast-check';
import { CZECH_MONTHS_GENITIVE, formatCzechDate, formatCzechDateNumeric } from './czech-date';

describe('formatCzechDate', () => {
  it('writes the day without a leading zero and the month in the genitive', () => {
    expect(formatCzechDate('2027-03-03')).toBe('3. března 2027');
    expect(formatCzechDate('2027-12-31')).toBe('31. prosince 2027');
    expect(formatCzechDate('2028-02-29')).toBe('29. února 2028');
  });

  it.each<[string, string]>([
    ['2027-01-01', '1. ledna 2027'],
    ['2027-02-10', '10. února 2027'],
    ['2027-03-15', '15. března 2027'],
    ['2027-04-09', '9. dubna 2027'],
    ['2027-05-20', '20. května 2027'],
    ['2027-06-30', '30. června 2027'],
    ['2027-07-04', '4. července 2027'],
    ['2027-08-21', '21. srpna 2027'],
    ['2027-09-01', '1. září 2027'],
    ['2027-10-28', '28. října 2027'],
    ['2027-11-17', '17. listopadu 2027'],
    ['2027-12-24', '24. prosince 2027'],
  ])('writes %s as "%s"', (iso, text) => {
    expect(formatCzechDate(iso)).toBe(text);
  });

  it('refuses what is not a real YYYY-MM-DD day', () => {
    for (const bad of ['2027-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-3-3', '03.03.2027', '2027-03-03T00:00', '', ' 2027-03-03']) {
      expect(() => formatCzechDate(bad)).toThrow(RangeError);
    }
    expect(() => formatCzechDate(undefined as unknown as string)).toThrow(RangeError);
  });
});

describe('formatCzechDateNumeric', () => {
  it('writes day, month and year with full stops and spaces, no leading zeros', () => {
    expect(formatCzechDateNumeric('2027-03-03')).toBe('3. 3. 2027');
    expect(formatCzechDateNumeric('2027-12-31')).toBe('31. 12. 2027');
    expect(formatCzechDateNumeric('2027-10-01')).toBe('1. 10. 2027');
    expect(formatCzechDateNumeric('2028-02-29')).toBe('29. 2. 2028');
  });

  it('refuses an invalid date', () => {
    expect(() => formatCzechDateNumeric('2027-02-30')).toThrow(RangeError);
    expect(() => formatCzechDateNumeric('not a date')).toThrow(RangeError);
  });
});

describe('properties', () => {
  const dates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('both forms carry the same day, month and year', () => {
    fc.assert(
      fc.property(dates, (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        expect(formatCzechDateNumeric(iso)).toBe(`${d}. ${m}. ${y}`);
        expect(formatCzechDate(iso)).toBe(`${d}. ${CZECH_MONTHS_GENITIVE[m - 1]} ${y}`);
        expect(formatCzechDate(iso)).toMatch(/^[1-9]\d?\. [a-zúáéíčřě]+ \d{4}$/);
      }),
    );
  });
});
