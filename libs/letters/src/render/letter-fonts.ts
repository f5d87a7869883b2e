import PDFDocument from 'pdfkit';

/** What pdfkit needs of a parsed (fontkit) font, and what the checks use. */
interface ParsedFont {
  layout(text: string): unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphsForString(text: string): unknown[];
  characterSet: number[];
  postscriptName: string;
}

/** A face of the letters' font, parsed once and shared by every document. */
export interface LetterFace {
  /** What `doc.registerFont` takes: the parsed font, or a standard font's name. */
  source: PDFKit.Mixins.PDFFontSource;
  /** Whether the face can print a character; null for a standard font (not checked). */
  covers: ((codePoint: number) => boolean) | null;
}

/**
 * Characters every letter prints whatever its data: the Czech alphabet,
 * digits, the no-break spaces of amounts (formatCzk) and postal codes, and
 * the punctuation of the templates.
 */
export const REQUIRED_CHARACTERS =
  'AÁBCČDĎEÉĚFGHIÍJKLMNŇOÓPQRŘSŠTŤUÚŮVWXYÝZŽaábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž0123456789 .,;:!?()/§–—„“”‚‘’…•€\u00A0\u202F';

function isParsedFont(v: unknown): v is ParsedFont {
  const f = v as Partial<ParsedFont> | null;
  return (
    typeof f?.layout === 'function' &&
    typeof f.hasGlyphForCodePoint === 'function' &&
    typeof f.glyphsForString === 'function' &&
    Array.isArray(f.characterSet) &&
    typeof f.postscriptName === 'string'
  );
}

/**
 * Parses a TrueType font once. pdfkit parses a Buffer afresh in every
 * document (and shapes with it from cold caches); given the parsed font
 * instead, which pdfkit's font factory accepts, each document only subsets
 * it: a letter renders in well under half the time (see templates/README.md).
 * pdfkit does not export its parser, so the font is taken from a probe
 * document; a pdfkit upgrade that changes this fails here, at load, loudly.
 *
 * A shared font must not carry one letter's history into the next: fontkit
 * caches each glyph with the characters it was first met for, and pdfkit
 * writes those into the PDF's text layer (ToUnicode). "C" first met as a part
 * of "Č" (while a subset is written) is cached with no character, and every
 * later letter's "C" would then extract as nothing, and its bytes would
 * depend on which letters came before. So every glyph of the character map is
 * met here first, in code point order: the cache is the same in every
 * process, whatever it renders after.
 */
export function parseFace(file: string, bytes: Buffer): LetterFace {
  const probe = new PDFDocument({ autoFirstPage: false, font: '' });
  try {
    probe.font(bytes);
  } catch (e) {
    throw new Error(`Letter font ${file} is not a font pdfkit can read (${(e as Error).message})`, { cause: e });
  }
  const font = (probe as unknown as { _font?: { font?: unknown } })._font?.font;
  if (!isParsedFont(font)) throw new Error(`Letter font ${file}: this pdfkit does not expose its parsed font any more; update parseFace()`);
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) font.glyphsForString(String.fromCodePoint(cp));
  for (const ch of REQUIRED_CHARACTERS) {
    const cp = ch.codePointAt(0)!;
    if (!font.hasGlyphForCodePoint(cp)) throw new Error(`Letter font ${file} lacks U+${cp.toString(16).toUpperCase().padStart(4, '0')} ("${ch}"); see scripts/subset-fonts.sh`);
  }
  return { source: font as unknown as PDFKit.Mixins.PDFFontSource, covers: (cp) => font.hasGlyphForCodePoint(cp) };
}

/** pdfkit's built-in Helvetica: no embedding, no Czech (the benchmark's baseline). */
export function standardFace(name: 'Helvetica' | 'Helvetica-Bold'): LetterFace {
  return { source: name, covers: null };
}
