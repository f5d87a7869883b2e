import type { LetterContent } from './letter-text';

/** The page, in points (A4; margins after ČSN 01 6910: 25 mm left, 20 mm right). */
export const PAGE = { size: 'A4', margins: { top: 50, left: 71, right: 57, bottom: 57 } } as const;

const SIZE = { letterhead: 13, division: 10, small: 9, body: 10.5, heading: 11.5, title: 13 } as const;
const LINE_GAP = 2;
const LIST_INDENT = 18;

/** The registered names of the two faces the layout uses. */
export const FACE = { regular: 'letter-regular', bold: 'letter-bold' } as const;

/**
 * Lays a letter out on `doc`, whose fonts FACE.regular and FACE.bold are
 * registered: the one layout of every letter, whatever its font.
 */
export function drawLetter(doc: PDFKit.PDFDocument, c: LetterContent): void {
  const left = PAGE.margins.left;
  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;

  // Letterhead: the city, the office, the division; a rule below.
  const [head, ...division] = c.letterhead;
  doc.font(FACE.bold).fontSize(SIZE.letterhead).text(head, left, PAGE.margins.top, { width });
  doc.font(FACE.regular).fontSize(SIZE.division);
  for (const line of division) doc.text(line, { width });
  const ruleY = doc.y + 6;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.6).stroke();

  // The recipient's address, then the references (label: value), full width.
  doc.fontSize(SIZE.body);
  c.address.forEach((line, i) => {
    doc.font(i === 0 ? FACE.bold : FACE.regular).text(line, left, i === 0 ? ruleY + 22 : undefined, { width: width * 0.6, lineGap: 1 });
  });
  const labelWidth = 92;
  let y = doc.y + 18;
  doc.fontSize(SIZE.small);
  for (const [label, value] of c.references) {
    doc.font(FACE.regular).text(label, left, y, { width: labelWidth });
    doc.font(FACE.bold).text(value, left + labelWidth, y, { width: width - labelWidth });
    y = doc.y + 2;
  }

  // Subject and body.
  doc.font(FACE.bold).fontSize(SIZE.title).text(c.title, left, y + 22, { width });
  doc.moveDown(0.8);
  for (const block of c.blocks) {
    if ('heading' in block) {
      doc.moveDown(0.3).font(FACE.bold).fontSize(SIZE.heading).text(block.heading, left, undefined, { width });
      doc.moveDown(0.3);
    } else if ('paragraph' in block || 'strong' in block) {
      const text = 'paragraph' in block ? block.paragraph : block.strong;
      doc.font('paragraph' in block ? FACE.regular : FACE.bold).fontSize(SIZE.body).text(text, left, undefined, { width, lineGap: LINE_GAP });
      doc.moveDown(0.6);
    } else {
      doc.font(FACE.regular).fontSize(SIZE.body);
      block.list.forEach((item, i) => {
        const top = doc.y;
        doc.text(`${i + 1}.`, left, top, { width: LIST_INDENT, lineGap: LINE_GAP });
        doc.text(item, left + LIST_INDENT, top, { width: width - LIST_INDENT, lineGap: LINE_GAP });
        doc.moveDown(0.25);
      });
      doc.moveDown(0.4);
    }
  }

  // Closing and signature block.
  doc.font(FACE.regular).fontSize(SIZE.body).text(c.closing, left, doc.y + 8, { width });
  doc.moveDown(3);
  c.signature.forEach((line, i) => doc.font(i === 0 ? FACE.bold : FACE.regular).text(line, left, undefined, { width }));
}
