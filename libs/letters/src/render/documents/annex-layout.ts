import type { ResolutionAnnex, ResolutionAnnexLine, ResolutionAnnexPart, ResolutionAnnexTotals } from '../../documents/resolution-annex';
import { formatCzechDate } from '../../domain/czech-date';
import type { DocumentTemplate } from './document-template';
import { czechCzk, czechDayOf, drawHeading, drawLetterhead, drawLine, fill } from './document-text';
import { drawTable, type TableColumn, type TableRow } from './table-layout';

function bodyOf(t: DocumentTemplate, annex: ResolutionAnnex): string {
  return annex.body === 'council' ? t.texts.bodyCouncil : t.texts.bodyAssembly;
}

/** The annex's title (also the PDF's): the adopted resolution's body, number and date, or "NÁVRH" and the draft's version. */
export function annexTitle(t: DocumentTemplate, annex: ResolutionAnnex): string {
  if (annex.status === 'adopted' && annex.resolutionNumber && annex.resolutionDate) {
    return fill(t.texts.title, { 'resolution.body': bodyOf(t, annex), 'resolution.number': annex.resolutionNumber, 'resolution.date': formatCzechDate(annex.resolutionDate) });
  }
  return fill(t.texts.draftTitle, { 'resolution.body': bodyOf(t, annex), 'resolution.version': String(annex.version) });
}

/** Every text the annex prints from its data (to check the font has its characters). */
export function annexDataTexts(a: ResolutionAnnex): string[] {
  return [
    a.call.title,
    a.call.programmeCode,
    a.call.programmeName,
    a.resolutionNumber ?? '',
    ...a.parts.flatMap((p) => [p.code, p.name, ...p.lines.flatMap((l) => [l.referenceNumber, l.applicantName, l.ico, l.projectTitle, l.reason ?? ''])]),
  ];
}

function partValues(part: ResolutionAnnexPart): Record<string, string> {
  return {
    'part.code': part.code,
    'part.name': part.name,
    'part.allocation': czechCzk(part.allocationCzk),
    'part.proposed': czechCzk(part.totals.proposedCzk),
    'part.remaining': czechCzk(part.allocationCzk - part.totals.awardedCzk),
    'part.lastFundedRank': '—',
    'part.requested': czechCzk(part.totals.requestedCzk),
    'part.awarded': czechCzk(part.totals.awardedCzk),
  };
}

/**
 * The annex on landscape pages: letterhead, the title (with "NÁVRH" across a
 * draft), the call; per part a table of its lines (position, reference
 * number, applicant and IČO, project, requested, proposed, outcome, awarded,
 * reason) closed by the part's totals row; then the overall totals.
 */
export function drawAnnex(doc: PDFKit.PDFDocument, t: DocumentTemplate, annex: ResolutionAnnex): void {
  const call = { 'call.title': annex.call.title, 'programme.code': annex.call.programmeCode, 'programme.name': annex.call.programmeName, 'programme.year': String(annex.call.year) };
  drawLetterhead(doc, t.letterhead);
  if (annex.status !== 'adopted') drawHeading(doc, t.texts.draftMark, 16);
  drawHeading(doc, annexTitle(t, annex), 12);
  drawLine(doc, fill(t.texts.call, call), true);
  drawLine(doc, fill(t.texts.programme, call));
  drawLine(doc, fill(t.texts.closedOn, { 'evaluation.closedOn': czechDayOf(annex.evaluationClosedAt) }));

  const columns: TableColumn[] = [
    { header: t.columns.position, weight: 3 },
    { header: t.columns.reference, weight: 8 },
    { header: t.columns.applicant, weight: 13 },
    { header: t.columns.title, weight: 16 },
    { header: t.columns.requested, weight: 8, align: 'right' },
    { header: t.columns.proposed, weight: 8, align: 'right' },
    { header: t.columns.outcome, weight: 7 },
    { header: t.columns.awarded, weight: 8, align: 'right' },
    { header: t.columns.reason, weight: 16 },
  ];
  const outcome = (l: ResolutionAnnexLine): string => t.texts[l.outcome];
  const totalsRow = (label: string, totals: ResolutionAnnexTotals): TableRow => ({
    cells: ['', '', label, '', czechCzk(totals.requestedCzk), czechCzk(totals.proposedCzk), '', czechCzk(totals.awardedCzk), ''],
    emphasis: true,
  });

  for (const part of annex.parts) {
    const values = partValues(part);
    drawHeading(doc, fill(t.texts.part, values));
    const rows: TableRow[] = part.lines.map((l) => ({
      cells: [
        String(l.position),
        l.referenceNumber,
        `${l.applicantName}\nIČO ${l.ico}`,
        l.projectTitle,
        czechCzk(l.requestedCzk),
        czechCzk(l.proposedCzk),
        outcome(l),
        czechCzk(l.awardedCzk),
        l.reason ?? '',
      ],
    }));
    rows.push(totalsRow(fill(t.texts.partTotal, values), part.totals));
    drawTable(doc, columns, rows);
  }
  drawTable(doc, columns, [totalsRow(t.texts.total, annex.totals)]);
  drawLine(
    doc,
    fill(t.texts.summary, {
      'totals.lines': String(annex.totals.lines),
      'totals.approved': String(annex.totals.approved),
      'totals.rejected': String(annex.totals.rejected),
      'totals.ineligible': String(annex.totals.ineligible),
    }),
  );
}
