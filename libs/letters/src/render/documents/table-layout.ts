import { FACE } from '../letter-layout';

/** A landscape A4 page, in points, for the documents' wide tables. */
export const DOCUMENT_PAGE = { size: 'A4', layout: 'landscape', margins: { top: 40, left: 42, right: 42, bottom: 40 } } as const;

export interface TableColumn {
  header: string;
  /** Relative width (the columns share the table's width in these proportions). */
  weight: number;
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: string[];
  /** A totals row, or the funding line: bold, shaded. */
  emphasis?: boolean;
}

const SIZE = 7.5;
const PAD = 3;
const HEADER_FILL = '#dcdcdc';
const EMPHASIS_FILL = '#f0f0f0';

/**
 * Draws a table from the current y down the page, full width between the
 * margins: a bold shaded header row, repeated at the top of every page the
 * table continues on; each row as tall as its tallest (wrapped) cell, moved
 * whole to the next page when it does not fit. Amounts are right-aligned by
 * their column. Leaves doc.y under the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
  const left = DOCUMENT_PAGE.margins.left;
  const width = doc.page.width - DOCUMENT_PAGE.margins.left - DOCUMENT_PAGE.margins.right;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (width * c.weight) / total);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const bottom = () => doc.page.height - DOCUMENT_PAGE.margins.bottom;

  const heightOf = (cells: readonly string[], bold: boolean): number => {
    doc.font(bold ? FACE.bold : FACE.regular).fontSize(SIZE);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i] - 2 * PAD, lineGap: 0.5 }))) + 2 * PAD;
  };

  const drawRow = (cells: readonly string[], y: number, height: number, bold: boolean, fill: string | null): void => {
    if (fill) doc.save().rect(left, y, width, height).fill(fill).restore();
    doc.font(bold ? FACE.bold : FACE.regular).fontSize(SIZE).fillColor('black');
    cells.forEach((text, i) => {
      doc.text(text, xs[i] + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: columns[i].align ?? 'left', lineGap: 0.5, lineBreak: true });
    });
    doc.save().lineWidth(0.4).strokeColor('#808080');
    doc.rect(left, y, width, height).stroke();
    for (let i = 1; i < columns.length; i++) doc.moveTo(xs[i], y).lineTo(xs[i], y + height).stroke();
    doc.restore();
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, true);
  let y = doc.y;
  const header = (): void => {
    drawRow(headers, y, headerHeight, true, HEADER_FILL);
    y += headerHeight;
  };
  if (y + headerHeight + heightOf(rows[0]?.cells ?? headers, false) > bottom()) {
    doc.addPage();
    y = DOCUMENT_PAGE.margins.top;
  }
  header();
  for (const row of rows) {
    const height = heightOf(row.cells, row.emphasis ?? false);
    if (y + height > bottom()) {
      doc.addPage();
      y = DOCUMENT_PAGE.margins.top;
      header();
    }
    drawRow(row.cells, y, height, row.emphasis ?? false, row.emphasis ? EMPHASIS_FILL : null);
    y += height;
  }
  doc.x = left;
  doc.y = y + 8;
}
