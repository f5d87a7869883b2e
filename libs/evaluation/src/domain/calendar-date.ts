const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Strict `YYYY-MM-DD` naming a real calendar day. Such strings order
 * chronologically as plain strings, which the deadline rules rely on.
 * (Same rule as isIsoDate in @app/core/time/prague-time; kept here so the
 * evaluation domain has no runtime dependency outside its folder.)
 */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}

export function assertCalendarDate(name: string, s: string): void {
  if (!isCalendarDate(s)) throw new RangeError(`${name} must be a date (YYYY-MM-DD), got ${JSON.stringify(s)}`);
}
