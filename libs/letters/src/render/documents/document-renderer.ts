import { createHash } from 'node:crypto';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { DocumentKind } from '../../documents/document-kind';
import type { ResolutionAnnex } from '../../documents/resolution-annex';
import type { CommissionMinutes } from '../../domain/commission-minutes';
import { LetterDataError } from '../letter-data';
import { FACE } from '../letter-layout';
import { describe, embeddedFaces, firstMissing, PRODUCER, readJson, type Faces, type RenderedLetter } from '../letter-renderer';
import { TemplateError } from '../letter-template';
import { annexDataTexts, annexTitle, drawAnnex } from './annex-layout';
import { documentTemplateTexts, parseDocumentTemplate, type DocumentTemplate } from './document-template';
import { drawMinutes, minutesDataTexts, minutesTitle } from './minutes-layout';
import { DOCUMENT_PAGE } from './table-layout';

export interface DocumentToRender {
  kind: DocumentKind;
  /** The snapshot stored with the document: CommissionMinutes or ResolutionAnnex. */
  data: unknown;
}

/** What each kind needs to draw itself. */
interface KindRendering<T> {
  check(data: unknown): T;
  title(t: DocumentTemplate, data: T): string;
  /** The PDF's CreationDate: an instant of the data, so the bytes depend on the data only. */
  date(data: T): Date;
  texts(data: T): string[];
  draw(doc: PDFKit.PDFDocument, t: DocumentTemplate, data: T): void;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function instant(v: unknown, where: string): Date {
  const d = typeof v === 'string' ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) throw new LetterDataError([`${where} must be an ISO timestamp, got ${JSON.stringify(v)}`]);
  return d;
}

/** The snapshots are written by this code base (CommissionMinutesService, the resolutions' annex): checked for their frame only. */
function framed<T>(data: unknown, what: string, listKey: string): T {
  if (!isObject(data) || !isObject(data.call) || !Array.isArray(data.parts) || !data.parts.every((p) => isObject(p) && Array.isArray(p[listKey]))) {
    throw new LetterDataError([`the data is not ${what}`]);
  }
  instant(data.evaluationClosedAt, 'evaluationClosedAt');
  return data as T;
}

const RENDERINGS: { [K in DocumentKind]: KindRendering<K extends 'commission_minutes' ? CommissionMinutes : ResolutionAnnex> } = {
  commission_minutes: {
    check: (data) => {
      const m = framed<CommissionMinutes>(data, 'commission minutes', 'applications');
      if (!Array.isArray(m.members)) throw new LetterDataError(['the minutes have no members']);
      return m;
    },
    title: (t) => minutesTitle(t),
    date: (m) => new Date(m.evaluationClosedAt),
    texts: minutesDataTexts,
    draw: drawMinutes,
  },
  resolution_annex: {
    check: (data) => framed<ResolutionAnnex>(data, 'a resolution annex', 'lines'),
    title: annexTitle,
    // An adopted annex is dated by its resolution (noon UTC of that day), a draft by the evaluation's close.
    date: (a) => (a.status === 'adopted' && a.resolutionDate ? instant(`${a.resolutionDate}T12:00:00Z`, 'resolutionDate') : new Date(a.evaluationClosedAt)),
    texts: annexDataTexts,
    draw: drawAnnex,
  },
} as const;

/**
 * Renders the call's documents (the commission's minutes, a resolution's
 * annex) to PDF: templates/documents/<kind>.cs.json filled from the
 * document's snapshot, in the letters' embedded DejaVu Sans subset, tables
 * on landscape A4. Pure: no I/O after load(), and the same snapshot always
 * gives the same bytes (every date in the file is the data's).
 */
export class DocumentRenderer {
  private constructor(
    private readonly templates: ReadonlyMap<DocumentKind, DocumentTemplate>,
    private readonly faces: Faces,
  ) {}

  /** Reads and validates templates/documents/* and the fonts once; throws a clear Error naming the file on a broken template. */
  static load(templatesDir: string): DocumentRenderer {
    const faces = embeddedFaces(join(templatesDir, 'fonts'));
    const templates = new Map<DocumentKind, DocumentTemplate>();
    for (const kind of Object.keys(RENDERINGS) as DocumentKind[]) {
      const file = join(templatesDir, 'documents', `${kind.replace('_', '-')}.cs.json`);
      const template = parseDocumentTemplate(readJson(file), file, kind);
      for (const text of documentTemplateTexts(template)) {
        const ch = firstMissing(text, faces.covers!);
        if (ch) throw new TemplateError(file, `the embedded font cannot print ${describe(ch)}, used in ${JSON.stringify(text)}`);
      }
      templates.set(kind, template);
    }
    return new DocumentRenderer(templates, faces);
  }

  /** Deterministic: same snapshot → byte-identical PDF. Throws LetterDataError when the data is not the kind's, or the font cannot print it. */
  async render(document: DocumentToRender): Promise<RenderedLetter> {
    const rendering = RENDERINGS[document.kind] as KindRendering<unknown> | undefined;
    const template = this.templates.get(document.kind);
    if (!rendering || !template) throw new LetterDataError([`no template for a document of kind ${JSON.stringify(document.kind)}`]);
    const data = rendering.check(document.data);
    const problems = rendering.texts(data).flatMap((text) => {
      const ch = firstMissing(text, this.faces.covers!);
      return ch ? [`the font cannot print ${describe(ch)} in ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`] : [];
    });
    if (problems.length) throw new LetterDataError(problems);
    const pdf = await this.draw(rendering.title(template, data), rendering.date(data), (doc) => rendering.draw(doc, template, data));
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  private draw(title: string, date: Date, layout: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({
        size: DOCUMENT_PAGE.size,
        layout: DOCUMENT_PAGE.layout,
        margins: DOCUMENT_PAGE.margins,
        font: '',
        lang: 'cs-CZ',
        info: { Title: title, Producer: PRODUCER, Creator: PRODUCER, CreationDate: date, ModDate: date },
      });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      try {
        doc.registerFont(FACE.regular, this.faces.regular.source);
        doc.registerFont(FACE.bold, this.faces.bold.source);
        layout(doc);
        doc.end();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
