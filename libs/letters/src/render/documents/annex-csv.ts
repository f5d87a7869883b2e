import { toCsv } from '@app/core/domain';
import type { ResolutionAnnex } from '../../documents/resolution-annex';
import { ANNEX_COLUMNS, annexRows } from './annex-columns';

/**
 * The annex as CSV (RFC 4180 as the reports': comma, CRLF, a header row,
 * UTF-8 with a byte order mark, formula-like text neutralised): one record
 * per line of the annex, by part and position, no totals (a spreadsheet sums
 * them; the XLSX and the PDF carry them). An empty field: no proposal, no
 * amount awarded, no reason.
 */
export function annexCsv(annex: ResolutionAnnex): string {
  return toCsv(ANNEX_COLUMNS, annexRows(annex));
}
