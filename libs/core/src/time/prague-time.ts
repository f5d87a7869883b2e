/** Dates of the business (deadlines, submission days, years) are Prague calendar dates. */
export const BUSINESS_TIME_ZONE = 'Europe/Prague';

// Created once: constructing an Intl formatter is far costlier than using it.
const PRAGUE_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const PRAGUE_DATE_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pragueParts(instant: Date): { year: number; month: number; day: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of PRAGUE_PARTS.formatToParts(instant)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
  }
  return { year, month, day };
}

/** The calendar date (YYYY-MM-DD) of an instant in Prague, DST included. */
export function pragueDate(instant: Date): string {
  const { year, month, day } = pragueParts(instant);
  return formatDate(year, month, day);
}

export function pragueYear(instant: Date): number {
  return pragueParts(instant).year;
}

/** `YYYY-MM-DD HH:mm` wall-clock time in Prague, for messages to users. */
export function formatPragueDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  const p: Record<string, string> = {};
  for (const part of PRAGUE_DATE_TIME.formatToParts(instant)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Strict `YYYY-MM-DD` naming a real (proleptic Gregorian) calendar day. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parseDate(s: string): { y: number; m: number; d: number } {
  if (!isIsoDate(s)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

function formatDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Day numbers relative to 1970-01-01 by pure integer arithmetic (H. Hinnant's
// days_from_civil), so no time zone, DST or Date two-digit-year quirk can leak in.
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range 0000..9999 (day ${n})`);
  return formatDate(y, m, d);
}

/** Calendar days from `fromDate` to `toDate`; negative when `toDate` is earlier. */
export function daysBetween(fromDate: string, toDate: string): number {
  const a = parseDate(fromDate);
  const b = parseDate(toDate);
  return toDayNumber(b.y, b.m, b.d) - toDayNumber(a.y, a.m, a.d);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const { y, m, d } = parseDate(date);
  return fromDayNumber(toDayNumber(y, m, d) + days);
}
