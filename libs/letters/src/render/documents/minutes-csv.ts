import { toCsv, type CsvCell } from '@app/core/domain';
import type { CommissionMinutes } from '../../domain/commission-minutes';

/** The minutes' CSV columns before and after the members' (one column per member, named after them). */
const LEADING = ['Část', 'Název části', 'Pořadí', 'Registrační číslo', 'Žadatel', 'IČO', 'Název projektu', 'Požadováno (Kč)'] as const;
const TRAILING = ['Počet hodnotitelů', 'Průměr bodů', 'Normalizované skóre', 'Doporučeno', 'Navrženo (Kč)', 'Nad hranicí financování', 'Střet zájmů'] as const;

/** What a member's column says of an application they have no counted total for. */
export const NO_SCORE = { conflict: 'střet zájmů', none: '' } as const;

/**
 * The commission's minutes as CSV (RFC 4180 as the reports': comma, CRLF, a
 * header row, UTF-8 with a byte order mark): one record per application, by
 * part and rank, with one column per member (the chair marked) holding the
 * total they scored. Fixed Czech column names (an export format, not a
 * template); amounts in whole CZK and scores as plain numbers.
 */
export function minutesCsv(minutes: CommissionMinutes): string {
  const header = [...LEADING, ...minutes.members.map((m) => (m.chair ? `${m.name} (předseda)` : m.name)), ...TRAILING];
  const rows: CsvCell[][] = minutes.parts.flatMap((part) =>
    part.applications.map((a) => [
      part.code,
      part.name,
      a.rank,
      a.referenceNumber,
      a.applicantName,
      a.ico,
      a.title,
      a.requestedCzk,
      ...a.scores.map((s) => (s.state === 'scored' ? s.totalPoints : NO_SCORE[s.state])),
      a.scorers,
      a.averageScore,
      a.normalisedScore,
      a.recommended ? 'ano' : 'ne',
      a.proposedCzk,
      a.funded ? 'ano' : 'ne',
      a.conflicts.map((c) => `${c.name} (${c.kind === 'declared' ? 'ohlášený' : 'automatický'})`).join('; '),
    ]),
  );
  return toCsv(header, rows);
}
