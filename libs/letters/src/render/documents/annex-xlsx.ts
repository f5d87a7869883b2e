import ExcelJS from 'exceljs';
import type { ResolutionAnnex } from '../../documents/resolution-annex';
import { formatCzechDate } from '../../domain/czech-date';
import { ANNEX_COLUMNS, annexRows } from './annex-columns';
import { withZipEntryDates } from './zip-dates';

/** Whole CZK with the thousands grouped, as Excel shows them in Czech: 1 250 000 Kč. */
const CZK_FORMAT = '#,##0 "Kč"';
const AMOUNT_COLUMNS = [8, 9, 11];
const WIDTHS = [8, 6, 24, 16, 34, 11, 40, 16, 18, 18, 16, 48];

/**
 * The annex as an XLSX workbook: one sheet, "Příloha", with the title rows
 * (body, number and date, or "NÁVRH" and the version), a header row, the
 * lines by part with a part column and a totals row after each part (sums
 * of the part's lines), then the overall totals. Amounts are numbers (whole
 * CZK, formatted as Kč); the totals are the annex's own figures (the same
 * the PDF prints), written as values. Deterministic: the workbook's dates,
 * and its archive entries' dates, are the annex's.
 */
export async function annexXlsx(annex: ResolutionAnnex): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const at = new Date(annex.evaluationClosedAt);
  workbook.creator = 'prague-grants';
  workbook.created = at;
  workbook.modified = at;
  const sheet = workbook.addWorksheet('Příloha', { views: [{ state: 'frozen', ySplit: 4 }] });
  const body = annex.body === 'council' ? 'Rady hlavního města Prahy' : 'Zastupitelstva hlavního města Prahy';
  sheet.addRow([
    annex.status === 'adopted' && annex.resolutionNumber && annex.resolutionDate
      ? `Příloha k usnesení ${body} č. ${annex.resolutionNumber} ze dne ${formatCzechDate(annex.resolutionDate)}`
      : `NÁVRH – příloha k návrhu usnesení ${body} (verze ${annex.version})`,
  ]).font = { bold: true, size: 13 };
  sheet.addRow([`Výzva: ${annex.call.title} (${annex.call.programmeCode} – ${annex.call.programmeName}, ${annex.call.year})`]);
  sheet.addRow([]);
  const header = sheet.addRow([...ANNEX_COLUMNS]);
  header.font = { bold: true };
  const rows = annexRows(annex);
  let next = 0;
  for (const part of annex.parts) {
    for (let i = 0; i < part.lines.length; i++) sheet.addRow(rows[next++]);
    const total = sheet.addRow([null, part.code, `Celkem část ${part.code}`, null, null, null, null, part.totals.requestedCzk, part.totals.proposedCzk, null, part.totals.awardedCzk, null]);
    total.font = { bold: true };
  }
  const overall = sheet.addRow([null, null, 'Celkem', null, null, null, null, annex.totals.requestedCzk, annex.totals.proposedCzk, null, annex.totals.awardedCzk, null]);
  overall.font = { bold: true };
  WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const c of AMOUNT_COLUMNS) sheet.getColumn(c).numFmt = CZK_FORMAT;
  sheet.getColumn(6).numFmt = '@';
  const buffer = await workbook.xlsx.writeBuffer();
  return withZipEntryDates(Buffer.from(buffer as ArrayBuffer), at);
}
