import type { DocumentKind } from '../../documents/document-kind';
import { placeholdersOf, TemplateError } from '../letter-template';

/**
 * The templates of the call's documents: templates/documents/<kind>.cs.json,
 * described in templates/README.md. Every text the PDF prints (title, lines,
 * labels, column headers) is a key of `texts` or `columns`; each key has the
 * placeholders it may use. A missing or unknown key, or a placeholder the key
 * has no value for, stops the load with the file's name.
 */
export interface DocumentTemplate {
  /** Lines at the top, the first in bold. */
  letterhead: string[];
  texts: Record<string, string>;
  columns: Record<string, string>;
}

const CALL = ['call.title', 'programme.code', 'programme.name', 'programme.year'];
const PART = ['part.code', 'part.name', 'part.allocation', 'part.proposed', 'part.remaining', 'part.lastFundedRank', 'part.requested', 'part.awarded'];

/** Per kind: each text's key and the placeholders it may use. */
export const DOCUMENT_TEXTS: Record<DocumentKind, Record<string, readonly string[]>> = {
  commission_minutes: {
    title: [],
    call: CALL,
    programme: CALL,
    closedOn: ['evaluation.closedOn'],
    rules: ['ranking.method', 'ranking.quorum', 'ranking.minScore', 'ranking.maxTotal'],
    methodAverage: [],
    methodNormalised: [],
    membersHeading: [],
    member: ['member.column', 'member.name'],
    chair: ['member.column', 'member.name'],
    part: PART,
    allocation: PART,
    fundingLine: PART,
    noFundingLine: PART,
    fundingLineRow: PART,
    conflictsHeading: PART,
    conflict: ['application.referenceNumber', 'member.name', 'conflict.kind', 'conflict.reason'],
    conflictDeclared: [],
    conflictAutomatic: [],
    conflictNoReason: [],
    noConflicts: PART,
    legend: [],
    yes: [],
    no: [],
    scoreConflict: [],
    scoreNone: [],
    signatures: [],
  },
  resolution_annex: {
    title: ['resolution.body', 'resolution.number', 'resolution.date'],
    draftTitle: ['resolution.body', 'resolution.version'],
    draftMark: [],
    bodyCouncil: [],
    bodyAssembly: [],
    call: CALL,
    programme: CALL,
    closedOn: ['evaluation.closedOn'],
    part: PART,
    partTotal: PART,
    total: [],
    summary: ['totals.lines', 'totals.approved', 'totals.rejected', 'totals.ineligible'],
    approved: [],
    rejected: [],
    ineligible: [],
  },
};

/** Per kind: the table's column headers. */
export const DOCUMENT_COLUMNS: Record<DocumentKind, readonly string[]> = {
  commission_minutes: ['rank', 'reference', 'applicant', 'title', 'requested', 'member', 'average', 'normalised', 'recommended', 'proposed'],
  resolution_annex: ['position', 'reference', 'applicant', 'title', 'requested', 'proposed', 'outcome', 'awarded', 'reason'],
};

/** The one column header with a placeholder: a member's score column of the minutes (Č1, Č2, …). */
const COLUMN_PLACEHOLDERS: Record<string, readonly string[]> = { member: ['member.column'] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(file: string, where: string, value: unknown, keys: Record<string, readonly string[]>): Record<string, string> {
  if (!isObject(value)) throw new TemplateError(file, `"${where}" must be an object of texts`);
  for (const key of Object.keys(value)) {
    if (!(key in keys)) throw new TemplateError(file, `"${where}" has an unknown key "${key}" (expected ${Object.keys(keys).join(', ')})`);
  }
  const out: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(keys)) {
    const text = value[key];
    if (typeof text !== 'string' || text.trim() === '') throw new TemplateError(file, `"${where}.${key}" must be a non-empty string`);
    let names: string[];
    try {
      names = placeholdersOf(text);
    } catch (e) {
      throw new TemplateError(file, `"${where}.${key}": ${(e as Error).message}`);
    }
    for (const name of names) {
      if (!allowed.includes(name)) {
        throw new TemplateError(file, `"${where}.${key}" uses the unknown placeholder {{${name}}} (known here: ${allowed.join(', ') || 'none'})`);
      }
    }
    out[key] = text;
  }
  return out;
}

export function parseDocumentTemplate(json: unknown, file: string, kind: DocumentKind): DocumentTemplate {
  if (!isObject(json)) throw new TemplateError(file, 'must be a JSON object');
  for (const key of Object.keys(json)) {
    if (!['letterhead', 'texts', 'columns'].includes(key)) throw new TemplateError(file, `the template has an unknown key "${key}" (expected letterhead, texts, columns)`);
  }
  const letterhead = json.letterhead;
  if (!Array.isArray(letterhead) || letterhead.length === 0 || letterhead.some((l) => typeof l !== 'string' || l.trim() === '' || /[{}]/.test(l))) {
    throw new TemplateError(file, '"letterhead" must be a non-empty array of strings without placeholders');
  }
  return {
    letterhead: letterhead as string[],
    texts: strings(file, 'texts', json.texts, DOCUMENT_TEXTS[kind]),
    columns: strings(file, 'columns', json.columns, Object.fromEntries(DOCUMENT_COLUMNS[kind].map((c) => [c, COLUMN_PLACEHOLDERS[c] ?? []]))),
  };
}

/** Every fixed text of a template (to check the font has its characters). */
export function documentTemplateTexts(t: DocumentTemplate): string[] {
  return [...t.letterhead, ...Object.values(t.texts), ...Object.values(t.columns)];
}
