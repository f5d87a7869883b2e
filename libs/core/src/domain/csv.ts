/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF after every record,
 * a field in double quotes when it holds a comma, a quote or a line break
 * (quotes doubled), UTF-8 with a byte order mark so that Excel shows Czech
 * diacritics. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) is prefixed with an apostrophe and
 * quoted (OWASP "CSV injection"): organisation names and references come from
 * users. Numbers are written as they are.
 */

export type CsvCell = string | number | null;

export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`);
  return `${UTF8_BOM}${records.join('')}`;
}
