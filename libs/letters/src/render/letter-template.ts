import type { LetterKind } from '../domain/letter-kind';

/**
 * Letter templates: JSON files in templates/letters/, described in
 * templates/README.md. Text holds `{{placeholders}}`, filled from the letter's
 * data; which placeholders a template may use depends on its kind, and a
 * template naming any other one is refused when the templates are loaded.
 */

export type LetterLanguage = 'cs' | 'en';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['cs', 'en'];

/** What every letter of a language shares: letterhead, address, references, signature. */
export interface CommonTemplate {
  letterhead: string[];
  address: string[];
  references: [label: string, value: string][];
  closing: string;
  signature: string[];
}

export type Block =
  | { heading: string }
  | { paragraph: string }
  /** A paragraph in bold. */
  | { strong: string }
  /** A numbered list of fixed items. */
  | { list: string[] }
  /** A numbered list with one item per entry of a list from the data. */
  | { listOf: ListName };

/** One kind of letter in one language. */
export interface KindTemplate {
  /** The subject line, also the PDF's title. */
  title: string;
  blocks: Block[];
}

/** Placeholders that every letter can fill. */
export const COMMON_PLACEHOLDERS = [
  'recipient.name',
  'recipient.ico',
  'recipient.street',
  'recipient.city',
  'recipient.postalCode',
  'application.referenceNumber',
  'application.title',
  'application.submittedOn',
  'application.requestedAmount',
  'part.code',
  'part.name',
  'call.title',
  'programme.code',
  'programme.name',
  'programme.year',
  'letter.referenceNumber',
  'letter.date',
] as const;

const RESOLUTION_PLACEHOLDERS = ['decision.body', 'decision.bodyGenitive', 'decision.resolutionNumber', 'decision.resolutionDate'] as const;

/** Placeholders only letters of one kind can fill, because only their data has them. */
export const KIND_PLACEHOLDERS = {
  approval: [...RESOLUTION_PLACEHOLDERS, 'decision.amount', 'decision.amountInWords', 'settlement.dueDate', 'decision.deviationReason'],
  rejection: [...RESOLUTION_PLACEHOLDERS],
  ineligible: [],
  correction_request: ['correction.dueDate'],
} as const satisfies Record<LetterKind, readonly string[]>;

export type Placeholder = (typeof COMMON_PLACEHOLDERS)[number] | (typeof KIND_PLACEHOLDERS)[LetterKind][number];

/**
 * Placeholders that a letter of their kind may have no value for: a block (or a list item) that uses one the
 * letter has no value for is left out. `decision.deviationReason`: only a decision that deviates from the DOT
 * Commission has one.
 */
export const OPTIONAL_PLACEHOLDERS: readonly Placeholder[] = ['decision.deviationReason'];

export type ListName = 'reasons';

/** Every kind of letter, from a record over LetterKind: a new kind cannot be forgotten here. */
export const RENDERED_KINDS = Object.keys(KIND_PLACEHOLDERS) as LetterKind[];

/** The lists from the data a kind of letter has (for `listOf`). */
export const KIND_LISTS: Readonly<Record<LetterKind, readonly ListName[]>> = {
  approval: [],
  rejection: ['reasons'],
  ineligible: ['reasons'],
  correction_request: ['reasons'],
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\}\}/g;

/** The placeholders of `text`; throws on a brace that does not make one (`{{name}`, `{name}}`). */
export function placeholdersOf(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const rest = text.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) throw new Error(`a stray brace (placeholders are written {{name}}) in ${JSON.stringify(text)}`);
  return names;
}

/** Replaces each `{{name}}`; values are not searched for placeholders again. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the placeholder {{${name}}}`);
    return value;
  });
}

/** A template file that is not what the renderer needs. */
export class TemplateError extends Error {
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`Letter template ${file}: ${problem}`, options);
    this.name = 'TemplateError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class TemplateReader {
  constructor(
    private readonly file: string,
    private readonly allowed: ReadonlySet<string>,
  ) {}

  fail(problem: string): never {
    throw new TemplateError(this.file, problem);
  }

  onlyKeys(o: Json, keys: readonly string[], where: string): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${where} has an unknown key "${k}" (expected ${keys.join(', ')})`);
  }

  text(v: unknown, where: string, { allowEmpty = false } = {}): string {
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) this.fail(`${where} must be a non-empty string`);
    let names: string[];
    try {
      names = placeholdersOf(v);
    } catch (e) {
      this.fail(`${where}: ${(e as Error).message}`);
    }
    for (const name of names) {
      if (!this.allowed.has(name)) this.fail(`${where} uses the unknown placeholder {{${name}}} (known here: ${[...this.allowed].join(', ')})`);
    }
    return v;
  }

  texts(v: unknown, where: string): string[] {
    if (!Array.isArray(v) || v.length === 0) this.fail(`${where} must be a non-empty array of strings`);
    return v.map((t, i) => this.text(t, `${where}[${i}]`));
  }
}

export function parseCommonTemplate(json: unknown, file: string): CommonTemplate {
  const r: TemplateReader = new TemplateReader(file, new Set(COMMON_PLACEHOLDERS));
  if (!isObject(json)) r.fail('must be a JSON object');
  r.onlyKeys(json, ['letterhead', 'address', 'references', 'closing', 'signature'], 'the template');
  const refs = json.references;
  if (!Array.isArray(refs) || refs.length === 0) r.fail('"references" must be a non-empty array of [label, value] pairs');
  return {
    letterhead: r.texts(json.letterhead, '"letterhead"'),
    address: r.texts(json.address, '"address"'),
    references: refs.map((pair, i): [string, string] => {
      if (!Array.isArray(pair) || pair.length !== 2) r.fail(`"references"[${i}] must be a [label, value] pair`);
      return [r.text(pair[0], `"references"[${i}][0]`), r.text(pair[1], `"references"[${i}][1]`)];
    }),
    closing: r.text(json.closing, '"closing"'),
    signature: r.texts(json.signature, '"signature"'),
  };
}

const BLOCK_TYPES = ['heading', 'paragraph', 'strong', 'list', 'listOf'] as const;

export function parseKindTemplate(json: unknown, file: string, kind: LetterKind): KindTemplate {
  const r: TemplateReader = new TemplateReader(file, new Set<string>([...COMMON_PLACEHOLDERS, ...KIND_PLACEHOLDERS[kind]]));
  if (!isObject(json)) r.fail('must be a JSON object');
  r.onlyKeys(json, ['title', 'blocks'], 'the template');
  const title = r.text(json.title, '"title"');
  if (!Array.isArray(json.blocks) || json.blocks.length === 0) r.fail('"blocks" must be a non-empty array');
  const blocks = json.blocks.map((b: unknown, i): Block => {
    const where = `"blocks"[${i}]`;
    if (!isObject(b) || Object.keys(b).length !== 1) r.fail(`${where} must be an object with one key: ${BLOCK_TYPES.join(', ')}`);
    r.onlyKeys(b, BLOCK_TYPES, where);
    if ('heading' in b) return { heading: r.text(b.heading, `${where}.heading`) };
    if ('paragraph' in b) return { paragraph: r.text(b.paragraph, `${where}.paragraph`) };
    if ('strong' in b) return { strong: r.text(b.strong, `${where}.strong`) };
    if ('list' in b) return { list: r.texts(b.list, `${where}.list`) };
    const name = b.listOf;
    if (!KIND_LISTS[kind].includes(name as ListName)) {
      r.fail(`${where}.listOf names the unknown list ${JSON.stringify(name)} (known here: ${KIND_LISTS[kind].join(', ') || 'none'})`);
    }
    return { listOf: name as ListName };
  });
  return { title, blocks };
}

/** Every piece of fixed text of a template (to check the font has its characters). */
export function templateTexts(t: CommonTemplate | KindTemplate): string[] {
  if ('blocks' in t) {
    return [t.title, ...t.blocks.flatMap((b) => ('list' in b ? b.list : 'listOf' in b ? [] : Object.values(b as Record<string, string>)))];
  }
  return [...t.letterhead, ...t.address, ...t.references.flat(), t.closing, ...t.signature];
}
