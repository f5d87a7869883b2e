import { announcementPreview, earliestOpeningOn } from './announcement';

describe('earliestOpeningOn', () => {
  it('is 30 calendar days after publication, across months, years and leap days', () => {
    expect(earliestOpeningOn('2027-01-15')).toBe('2027-02-14');
    expect(earliestOpeningOn('2026-12-10')).toBe('2027-01-09');
    expect(earliestOpeningOn('2028-02-01')).toBe('2028-03-02');
    expect(earliestOpeningOn('2027-02-01')).toBe('2027-03-03');
  });
});

describe('announcementPreview', () => {
  const today = '2027-01-10';

  it('counts from today when the announcement date has passed or is today', () => {
    const p = announcementPreview({ announcedOn: '2027-01-02', submissionOpensAt: '2027-02-15T09:00:00+01:00', today });
    expect(p).toEqual({ minDays: 30, countsFrom: today, earliestOpeningOn: '2027-02-09', opensOn: '2027-02-15', noticeKept: true });
    expect(announcementPreview({ announcedOn: today, submissionOpensAt: '', today }).countsFrom).toBe(today);
  });

  it('counts from a future announcement date', () => {
    const p = announcementPreview({ announcedOn: '2027-01-20', submissionOpensAt: '2027-02-15T09:00:00+01:00', today });
    expect(p).toMatchObject({ countsFrom: '2027-01-20', earliestOpeningOn: '2027-02-19', noticeKept: false });
  });

  it('keeps the notice on exactly the 30th day and not a day earlier, by the Prague date of the opening', () => {
    expect(announcementPreview({ announcedOn: today, submissionOpensAt: '2027-02-09T00:00:00+01:00', today }).noticeKept).toBe(true);
    // 2027-02-08 23:30 in Prague is 22:30 UTC: still the 8th, one day short.
    const short = announcementPreview({ announcedOn: today, submissionOpensAt: '2027-02-08T22:30:00Z', today });
    expect(short).toMatchObject({ opensOn: '2027-02-08', noticeKept: false });
    // 23:30 UTC on the 8th is already the 9th in Prague.
    expect(announcementPreview({ announcedOn: today, submissionOpensAt: '2027-02-08T23:30:00Z', today })).toMatchObject({ opensOn: '2027-02-09', noticeKept: true });
  });

  it('says nothing about the opening while there is no valid one', () => {
    for (const submissionOpensAt of ['', 'soon', '2027-13-01T09:00']) {
      expect(announcementPreview({ announcedOn: '', submissionOpensAt, today })).toMatchObject({ countsFrom: today, opensOn: null, noticeKept: null });
    }
  });
});
