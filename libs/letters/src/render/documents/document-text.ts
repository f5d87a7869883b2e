import { pragueDate } from '@app/core/domain';
import { formatCzk } from '../../domain/czech-amount';
import { formatCzechDate } from '../../domain/czech-date';
import { FACE } from '../letter-layout';
import { fillPlaceholders } from '../letter-template';
import { DOCUMENT_PAGE } from './table-layout';

/** A score the Czech way: a decimal comma (`72,33`); null as the dash. */
export function czechScore(score: number | null): string {
  return score === null ? '—' : String(score).replace('.', ',');
}

/** An amount the Czech way (`1 250 000 Kč`); null as the dash. */
export function czechCzk(amount: number | null): string {
  return amount === null ? '—' : formatCzk(amount);
}

/** The Prague calendar day of an instant, the Czech way (`3. března 2027`). */
export function czechDayOf(isoInstant: string): string {
  return formatCzechDate(pragueDate(new Date(isoInstant)));
}

export const fill = fillPlaceholders;

/** The letterhead (the first line bold and larger), a rule under it. */
export function drawLetterhead(doc: PDFKit.PDFDocument, lines: readonly string[]): void {
  const left = DOCUMENT_PAGE.margins.left;
  const width = doc.page.width - DOCUMENT_PAGE.margins.left - DOCUMENT_PAGE.margins.right;
  const [head, ...rest] = lines;
  doc.font(FACE.bold).fontSize(11).text(head, left, DOCUMENT_PAGE.margins.top, { width });
  doc.font(FACE.regular).fontSize(9);
  for (const line of rest) doc.text(line, { width });
  const ruleY = doc.y + 4;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.6).stroke();
  doc.y = ruleY + 10;
}

export function drawHeading(doc: PDFKit.PDFDocument, text: string, size = 10.5): void {
  const left = DOCUMENT_PAGE.margins.left;
  const width = doc.page.width - DOCUMENT_PAGE.margins.left - DOCUMENT_PAGE.margins.right;
  doc.moveDown(0.4).font(FACE.bold).fontSize(size).text(text, left, undefined, { width });
  doc.moveDown(0.3);
}

export function drawLine(doc: PDFKit.PDFDocument, text: string, bold = false): void {
  const left = DOCUMENT_PAGE.margins.left;
  const width = doc.page.width - DOCUMENT_PAGE.margins.left - DOCUMENT_PAGE.margins.right;
  doc.font(bold ? FACE.bold : FACE.regular).fontSize(9).text(text, left, undefined, { width, lineGap: 1 });
}
