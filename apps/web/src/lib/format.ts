/** Display formats of the portal: whole CZK and dates as people in Prague read them, in the user's language. */

export type Language = 'cs' | 'en' | 'uk';

const LOCALES: Record<Language, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' };

export function localeOf(language: string): string {
  return LOCALES[(language as Language) in LOCALES ? (language as Language) : 'cs'];
}

const czkFormats = new Map<string, Intl.NumberFormat>();

/** `150000` → "150 000 Kč" (cs), "CZK 150,000" (en), "150 000 CZK" (uk). Whole CZK only, as the API. */
export function formatCzk(amountCzk: number, language: string): string {
  const locale = localeOf(language);
  let format = czkFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CZK', maximumFractionDigits: 0, minimumFractionDigits: 0 });
    czkFormats.set(locale, format);
  }
  return format.format(amountCzk);
}

/** A business date `YYYY-MM-DD` (already a Prague calendar date): "1. 2. 2027" (cs), "1 February 2027" (en). */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO 8601 with offset) as Prague wall-clock time, whatever the browser's time zone. */
export function formatInstant(instant: string, language: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Prague' }).format(date);
}

/** Today's calendar date in Prague (`YYYY-MM-DD`), e.g. to compare with due dates. */
export function pragueToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A share such as 0.6667 as "66,7 %" (cs) / "66.7%" (en). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
