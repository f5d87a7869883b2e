import { formatCzk, formatDate, formatInstant, formatPercent, pragueToday } from './format';

// Intl output uses narrow no-break spaces; compare with plain spaces.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCzk', () => {
  it('writes whole crowns the way each language reads them', () => {
    expect(plain(formatCzk(150000, 'cs'))).toBe('150 000 Kč');
    expect(plain(formatCzk(150000, 'en'))).toBe('CZK 150,000');
    expect(plain(formatCzk(150000, 'uk'))).toBe('150 000 CZK');
    expect(plain(formatCzk(0, 'cs'))).toBe('0 Kč');
    expect(plain(formatCzk(1234567890, 'cs'))).toBe('1 234 567 890 Kč');
  });

  it('falls back to Czech for an unknown language', () => {
    expect(plain(formatCzk(4000000, 'de'))).toBe('4 000 000 Kč');
  });
});

describe('formatDate', () => {
  it('formats a Prague business date without shifting it by the time zone', () => {
    expect(plain(formatDate('2027-02-01', 'cs'))).toBe('1. 2. 2027');
    expect(plain(formatDate('2027-02-01', 'en'))).toBe('1 Feb 2027');
    expect(plain(formatDate('2027-12-31', 'uk'))).toMatch(/^31 груд\. 2027( р\.)?$/);
  });

  it('leaves a malformed date as it is', () => {
    expect(formatDate('soon', 'cs')).toBe('soon');
  });
});

describe('formatInstant', () => {
  it('shows Prague wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(plain(formatInstant('2027-01-15T09:00:00.000Z', 'cs'))).toBe('15. 1. 2027 10:00');
    expect(plain(formatInstant('2027-07-15T09:00:00.000Z', 'cs'))).toBe('15. 7. 2027 11:00');
    expect(plain(formatInstant('2027-07-15T22:30:00.000Z', 'en'))).toBe('16 Jul 2027, 00:30');
  });
});

describe('pragueToday', () => {
  it('is the Prague date, which can differ from the UTC date around midnight', () => {
    expect(pragueToday(new Date('2027-03-31T22:30:00Z'))).toBe('2027-04-01');
    expect(pragueToday(new Date('2027-01-31T22:59:59Z'))).toBe('2027-01-31');
    expect(pragueToday(new Date('2027-01-31T23:00:00Z'))).toBe('2027-02-01');
  });
});

describe('formatPercent', () => {
  it('writes a share with one decimal', () => {
    expect(plain(formatPercent(2 / 3, 'cs'))).toBe('66,7 %');
    expect(plain(formatPercent(0.7, 'en'))).toBe('70%');
  });
});
