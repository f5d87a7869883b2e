import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { LetterKind } from '../domain/letter-kind';
import { LetterDataError, parseLetterData } from './letter-data';
import { parseFace, standardFace, type LetterFace } from './letter-fonts';
import { drawLetter, FACE, PAGE } from './letter-layout';
import { LETTER_LANGUAGES, RENDERED_KINDS, parseCommonTemplate, parseKindTemplate, TemplateError, templateTexts, type LetterLanguage } from './letter-template';
import { composeLetter, contentTexts, type LetterTemplates } from './letter-text';

export { LetterDataError } from './letter-data';

export interface RenderedLetter {
  pdf: Buffer;
  sha256: string;
}

export interface LetterToRender {
  id: string;
  kind: LetterKind;
  data: unknown;
  language?: LetterLanguage;
}

/** The embedded faces (a DejaVu Sans subset, see scripts/subset-fonts.sh). */
export const FONT_FILES = { regular: 'DejaVuSans.subset.ttf', bold: 'DejaVuSans-Bold.subset.ttf' } as const;

export const PRODUCER = 'prague-grants letter renderer';

export interface Faces {
  regular: LetterFace;
  bold: LetterFace;
  /** The characters both faces can print; null: not checked (the Helvetica baseline). */
  covers: ((codePoint: number) => boolean) | null;
}

export interface LetterRendererOptions {
  /**
   * 'helvetica' draws the same letters in pdfkit's built-in Helvetica, with no
   * embedded font: a benchmark baseline only, as it cannot print ě š č ř ž ů ň ť ď.
   */
  font?: 'embedded' | 'helvetica';
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TemplateError(file, `cannot be read (${(e as Error).message})`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TemplateError(file, `is not valid JSON (${(e as Error).message})`, { cause: e });
  }
}

function readFace(file: string): LetterFace {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`Letter font ${file} cannot be read (${(e as Error).message}); run scripts/subset-fonts.sh`, { cause: e });
  }
  return parseFace(file, bytes);
}

export function firstMissing(text: string, covers: (codePoint: number) => boolean): string | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp !== 0x0a && !covers(cp)) return ch;
  }
  return null;
}

export function describe(ch: string): string {
  return `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Renders decision letters to PDF: templates/letters/* filled with the
 * letter's data, in the embedded DejaVu Sans subset of templates/fonts/.
 * Pure: no I/O after load(), and the same letter always gives the same bytes.
 */
export class LetterRenderer {
  private constructor(
    private readonly templates: ReadonlyMap<string, LetterTemplates>,
    private readonly faces: Faces,
  ) {}

  /** Reads and validates templates/letters/* and templates/fonts/* once; throws a clear Error naming the file on a broken template. */
  static load(templatesDir: string, options: LetterRendererOptions = {}): LetterRenderer {
    const faces = options.font === 'helvetica' ? helveticaFaces() : embeddedFaces(join(templatesDir, 'fonts'));
    const templates = new Map<string, LetterTemplates>();
    for (const language of LETTER_LANGUAGES) {
      const commonFile = join(templatesDir, 'letters', `common.${language}.json`);
      const common = parseCommonTemplate(readJson(commonFile), commonFile);
      checkCoverage(commonFile, templateTexts(common), faces);
      for (const kind of RENDERED_KINDS) {
        const file = join(templatesDir, 'letters', `${kind}.${language}.json`);
        const template = parseKindTemplate(readJson(file), file, kind);
        checkCoverage(file, templateTexts(template), faces);
        templates.set(`${kind}.${language}`, { common, kind: template });
      }
    }
    return new LetterRenderer(templates, faces);
  }

  /** Deterministic: same input → byte-identical PDF. Throws LetterDataError when the data lacks what the letter needs. */
  async render(letter: LetterToRender): Promise<RenderedLetter> {
    const language = letter.language ?? 'cs';
    const templates = this.templates.get(`${letter.kind}.${language}`);
    if (!templates) throw new LetterDataError([`no template for a ${String(letter.kind)} letter in ${JSON.stringify(language)}`]);
    if (typeof letter.id !== 'string' || !/^[0-9a-f]{8}-?[0-9a-f]{4}/i.test(letter.id)) throw new LetterDataError([`the letter's id must be a UUID, got ${JSON.stringify(letter.id)}`]);
    const data = parseLetterData(letter.kind, letter.data);
    const content = composeLetter(templates, letter.id, data, language);
    const covers = this.faces.covers;
    if (covers) {
      const problems = contentTexts(content).flatMap((text) => {
        const ch = firstMissing(text, covers);
        return ch ? [`the font cannot print ${describe(ch)} in ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`] : [];
      });
      if (problems.length) throw new LetterDataError(problems);
    }
    const pdf = await this.draw(content.title, data.decidedAt, language, (doc) => drawLetter(doc, content));
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  private draw(title: string, decidedAt: Date, language: LetterLanguage, layout: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      // Every date in the file is the decision's, and the document id is computed
      // from this info in the constructor: so the bytes depend on the letter only.
      const doc = new PDFDocument({
        size: PAGE.size,
        margins: PAGE.margins,
        // No default font: pdfkit would load Helvetica's metrics into every document, unused.
        font: '',
        lang: language === 'cs' ? 'cs-CZ' : 'en-GB',
        info: { Title: title, Producer: PRODUCER, Creator: PRODUCER, CreationDate: decidedAt, ModDate: decidedAt },
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

function helveticaFaces(): Faces {
  return { regular: standardFace('Helvetica'), bold: standardFace('Helvetica-Bold'), covers: null };
}

export function embeddedFaces(dir: string): Faces {
  const regular = readFace(join(dir, FONT_FILES.regular));
  const bold = readFace(join(dir, FONT_FILES.bold));
  return { regular, bold, covers: (cp) => regular.covers!(cp) && bold.covers!(cp) };
}

function checkCoverage(file: string, texts: readonly string[], faces: Faces): void {
  if (!faces.covers) return;
  for (const text of texts) {
    const ch = firstMissing(text, faces.covers);
    if (ch) throw new TemplateError(file, `the embedded font cannot print ${describe(ch)}, used in ${JSON.stringify(text)}`);
  }
}
