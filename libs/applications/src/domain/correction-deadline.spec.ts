import { correctionDeadlinePassed } from './correction-deadline';

describe('correctionDeadlinePassed', () => {
  it.each<[string, boolean]>([
    ['2027-04-20', false],
    ['2027-04-21', false], // the due date itself is still the applicant's
    ['2027-04-22', true],
  ])('on %s: %p', (todayInPrague, passed) => {
    expect(correctionDeadlinePassed({ todayInPrague, correctionDueOn: '2027-04-21' })).toBe(passed);
  });

  it('compares calendar dates across months and years', () => {
    expect(correctionDeadlinePassed({ todayInPrague: '2027-12-31', correctionDueOn: '2028-01-01' })).toBe(false);
    expect(correctionDeadlinePassed({ todayInPrague: '2028-01-01', correctionDueOn: '2027-12-31' })).toBe(true);
  });

  it('throws on what is not a date', () => {
    expect(() => correctionDeadlinePassed({ todayInPrague: '2027-04-21', correctionDueOn: '21.4.2027' })).toThrow(RangeError);
    expect(() => correctionDeadlinePassed({ todayInPrague: '2027-4-7', correctionDueOn: '2027-04-21' })).toThrow(RangeError);
  });
});
