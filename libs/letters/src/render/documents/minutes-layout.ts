import type { CommissionMinutes, CommissionMinutesPart } from '../../domain/commission-minutes';
import type { DocumentTemplate } from './document-template';
import { czechCzk, czechDayOf, czechScore, drawHeading, drawLetterhead, drawLine, fill } from './document-text';
import { drawTable, type TableColumn, type TableRow } from './table-layout';

/** The member's column in the score table: Č1, Č2, … in the order of the minutes' members. */
export const memberColumn = (i: number): string => `Č${i + 1}`;

function partValues(part: CommissionMinutesPart): Record<string, string> {
  return {
    'part.code': part.code,
    'part.name': part.name,
    'part.allocation': czechCzk(part.allocationCzk),
    'part.proposed': czechCzk(part.proposedCzk),
    'part.remaining': czechCzk(part.fundingLine.remainingCzk),
    'part.lastFundedRank': part.fundingLine.lastFundedRank === null ? '—' : String(part.fundingLine.lastFundedRank),
    'part.requested': czechCzk(part.applications.reduce((s, a) => s + a.requestedCzk, 0)),
    'part.awarded': '—',
  };
}

/** Every text the minutes print from their data (to check the font has its characters). */
export function minutesDataTexts(m: CommissionMinutes): string[] {
  return [
    m.call.title,
    m.call.programmeCode,
    m.call.programmeName,
    ...m.members.map((x) => x.name),
    ...m.parts.flatMap((p) => [p.code, p.name, ...p.applications.flatMap((a) => [a.referenceNumber, a.applicantName, a.ico, a.title, ...a.conflicts.map((c) => c.reason ?? '')])]),
  ];
}

/** The title of the minutes (also the PDF's). */
export function minutesTitle(t: DocumentTemplate): string {
  return t.texts.title;
}

/**
 * The minutes on landscape pages: letterhead, title, the call and the
 * evaluation's terms, the members (each with their column, the chair
 * marked), then per part its allocation and funding line, the table of
 * applications by rank (each member's total, average, normalised score,
 * recommendation, proposal; a row marks the funding line) and the conflicts;
 * the legend and the signatures.
 */
export function drawMinutes(doc: PDFKit.PDFDocument, t: DocumentTemplate, m: CommissionMinutes): void {
  const call = { 'call.title': m.call.title, 'programme.code': m.call.programmeCode, 'programme.name': m.call.programmeName, 'programme.year': String(m.call.year) };
  drawLetterhead(doc, t.letterhead);
  drawHeading(doc, minutesTitle(t), 13);
  drawLine(doc, fill(t.texts.call, call), true);
  drawLine(doc, fill(t.texts.programme, call));
  drawLine(doc, fill(t.texts.closedOn, { 'evaluation.closedOn': czechDayOf(m.evaluationClosedAt) }));
  drawLine(
    doc,
    fill(t.texts.rules, {
      'ranking.method': m.rankingMethod === 'normalised' ? t.texts.methodNormalised : t.texts.methodAverage,
      'ranking.quorum': String(m.quorum),
      'ranking.minScore': String(m.minScore),
      'ranking.maxTotal': String(m.maxTotal),
    }),
  );

  drawHeading(doc, t.texts.membersHeading);
  m.members.forEach((member, i) => drawLine(doc, fill(member.chair ? t.texts.chair : t.texts.member, { 'member.column': memberColumn(i), 'member.name': member.name })));

  const columns: TableColumn[] = [
    { header: t.columns.rank, weight: 3 },
    { header: t.columns.reference, weight: 8 },
    { header: t.columns.applicant, weight: 12 },
    { header: t.columns.title, weight: 15 },
    { header: t.columns.requested, weight: 8, align: 'right' },
    ...m.members.map((_, i) => ({ header: fill(t.columns.member, { 'member.column': memberColumn(i) }), weight: 3.5, align: 'right' as const })),
    { header: t.columns.average, weight: 5, align: 'right' },
    { header: t.columns.normalised, weight: 5, align: 'right' },
    { header: t.columns.recommended, weight: 6.5 },
    { header: t.columns.proposed, weight: 8, align: 'right' },
  ];
  const titleColumn = 3;

  for (const part of m.parts) {
    const values = partValues(part);
    drawHeading(doc, fill(t.texts.part, values));
    drawLine(doc, fill(t.texts.allocation, values));
    drawLine(doc, fill(part.fundingLine.lastFundedRank === null ? t.texts.noFundingLine : t.texts.fundingLine, values));
    doc.moveDown(0.4);
    const rows: TableRow[] = [];
    part.applications.forEach((a, i) => {
      rows.push({
        cells: [
          String(a.rank),
          a.referenceNumber,
          `${a.applicantName}\nIČO ${a.ico}`,
          a.title,
          czechCzk(a.requestedCzk),
          ...a.scores.map((s) => (s.state === 'scored' ? String(s.totalPoints) : s.state === 'conflict' ? t.texts.scoreConflict : t.texts.scoreNone)),
          czechScore(a.averageScore),
          czechScore(a.normalisedScore),
          a.recommended ? t.texts.yes : t.texts.no,
          czechCzk(a.proposedCzk),
        ],
      });
      const next = part.applications[i + 1];
      if (a.rank === part.fundingLine.lastFundedRank && next) {
        const cells = columns.map(() => '');
        cells[titleColumn] = fill(t.texts.fundingLineRow, values);
        rows.push({ cells, emphasis: true });
      }
    });
    drawTable(doc, columns, rows);

    drawLine(doc, fill(t.texts.conflictsHeading, values), true);
    const conflicts = part.applications.flatMap((a) => a.conflicts.map((c) => ({ a, c })));
    if (conflicts.length === 0) drawLine(doc, fill(t.texts.noConflicts, values));
    for (const { a, c } of conflicts) {
      drawLine(
        doc,
        fill(t.texts.conflict, {
          'application.referenceNumber': a.referenceNumber,
          'member.name': c.name,
          'conflict.kind': c.kind === 'declared' ? t.texts.conflictDeclared : t.texts.conflictAutomatic,
          'conflict.reason': c.reason ?? t.texts.conflictNoReason,
        }),
      );
    }
  }
  doc.moveDown(0.6);
  drawLine(doc, t.texts.legend);
  doc.moveDown(2);
  drawLine(doc, t.texts.signatures);
}
