import { assertCalendarDate, isCalendarDate } from './calendar-date';

describe('isCalendarDate', () => {
  it.each(['2027-01-01', '2027-12-31', '2028-02-29', '2000-02-29', '2027-04-30'])('accepts %s', (s) => {
    expect(isCalendarDate(s)).toBe(true);
  });

  it.each(['2027-02-29', '1900-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-1-1', '31.12.2027', '2027-01-01T00:00', ''])(
    'rejects %j',
    (s) => {
      expect(isCalendarDate(s)).toBe(false);
    },
  );

  it('throws with the name of the input', () => {
    expect(() => assertCalendarDate('todayInPrague', '2027-02-30')).toThrow(new RangeError('todayInPrague must be a date (YYYY-MM-DD), got "2027-02-30"'));
    expect(() => assertCalendarDate('todayInPrague', '2027-02-28')).not.toThrow();
  });
});
