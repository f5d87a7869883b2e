import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LetterKind } from '../domain/letter-kind';
import { LetterDataError, LetterRenderer } from './letter-renderer';
import { LETTER_ID, letterData } from './testing/letter-fixtures';

const TEMPLATES = join(__dirname, '../../../../templates');
const KINDS: LetterKind[] = ['approval', 'rejection', 'ineligible', 'correction_request'];

function pdfText(pdf: Buffer): string {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr.toString()}`);
  // Line breaks and no-break spaces become plain spaces: the tests look for words, not at the layout.
  return out.stdout.toString('utf8').replace(/[\s\u00A0\u202F]+/g, ' ');
}

describe('LetterRenderer', () => {
  const renderer = LetterRenderer.load(TEMPLATES);
  const texts = new Map<LetterKind, string>();

  beforeAll(async () => {
    for (const kind of KINDS) texts.set(kind, pdfText((await renderer.render({ id: LETTER_ID, kind, data: letterData(kind) })).pdf));
  });

  it.each(KINDS)('prints the letterhead, recipient, IČO and reference numbers of a %s letter', (kind) => {
    const text = texts.get(kind)!;
    expect(text).toContain('Hlavní město Praha — Magistrát hlavního města Prahy');
    expect(text).toContain('oddělení národnostních menšin a cizinců');
    expect(text).toContain('Poradna pro integraci cizinců, z. ú.');
    expect(text).toContain('Žitná 1578/52');
    expect(text).toContain('120 00 Praha 2');
    expect(text).toContain('IČO: 26612933');
    expect(text).toContain('INT27-1-0042');
    expect(text.replace(/ /g, '')).toContain(`MHMP/2027/INT27-1-0042/`);
    expect(text).toContain('3. března 2027');
    expect(text).toContain('„Čeština pro rodiče dětí s odlišným mateřským jazykem“');
    expect(text).toContain('okruh 1 – Aktivity');
  });

  it('prints the approval: amount in figures and words, resolution, conditions', () => {
    const text = texts.get('approval')!;
    expect(text).toContain('185 000 Kč (slovy: sto osmdesát pět tisíc korun českých)');
    expect(text).toContain('usnesením Rady hlavního města Prahy č. UR 1234 ze dne 1. března 2027');
    expect(text).toContain('SCH-3F2A9C1E');
    expect(text).toContain('veřejnoprávní smlouvy');
    expect(text).toContain('Vyúčtování dotace předložte nejpozději do 31. ledna 2028');
    expect(text).toContain('zajišťovat publicitu');
  });

  it('prints the reasons of a rejection and the body that decided', () => {
    const text = texts.get('rejection')!;
    expect(text).toContain('usnesením Zastupitelstva hlavního města Prahy č. UZ 57/12 ze dne 1. března 2027');
    expect(text).toContain('Odůvodnění');
    expect(text).toContain('1. Projekt nedosáhl minimálního počtu bodů.');
    expect(text).toContain('2. Alokace okruhu byla vyčerpána.');
    expect(text).not.toContain('Kč (slovy');
  });

  it('prints the reasons of an ineligibility', () => {
    const text = texts.get('ineligible')!;
    expect(text).toContain('Důvody vyřazení');
    expect(text).toContain('Žadatel nemá sídlo na území hlavního města Prahy.');
  });

  it('prints the defects and the due date of a correction request', () => {
    const text = texts.get('correction_request')!;
    expect(text).toContain('Chybí výpis z evidence skutečných majitelů.');
    expect(text).toContain('Rozpočet není podepsán.');
    expect(text).toContain('nejpozději do 17. března 2027');
  });

  it('keeps every Czech letter with a diacritic intact, in natural official words', () => {
    const words: Record<LetterKind, string[]> = {
      approval: ['přidělení', 'dotace', 'účel', 'úřední', 'Vyúčtování', 'odpověď', 'splňuje', 'vraťte', 'zajišťovat', 'průběhu', 'Výše', 'Děkujeme', 'žádost', 'nejpozději'],
      rejection: ['Odůvodnění', 'neposkytnout', 'nárok', 'přihlásíte'],
      ineligible: ['vyřazení', 'nesplňuje', 'náležitostí', 'udělování', 'národnostních'],
      correction_request: ['odstraňte', 'nedostatky', 'zodpovíme', 'stanovené', 'lhůtě', 'vyřazena'],
    };
    const seen = new Set<string>();
    for (const kind of KINDS) {
      for (const word of words[kind]) {
        expect(texts.get(kind)).toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
        for (const ch of word.toLowerCase()) seen.add(ch);
      }
    }
    for (const ch of 'ěščřžýáíéůúňťď') expect([...seen]).toContain(ch);
  });

  it('prints the English version, with the amount in Czech words', async () => {
    const text = pdfText((await renderer.render({ id: LETTER_ID, kind: 'approval', data: letterData('approval'), language: 'en' })).pdf);
    expect(text).toContain('Notice of the award of a grant');
    expect(text).toContain('185 000 Kč (in Czech words: sto osmdesát pět tisíc korun českých)');
    expect(text).toContain('the Prague City Council decided');
    expect(text).toContain('3 March 2027');
    expect(text).toContain('Company ID (IČO): 26612933');
  });

  it('gives the same bytes for the same letter, other bytes for another decision time', async () => {
    const a = await renderer.render({ id: LETTER_ID, kind: 'approval', data: letterData('approval') });
    const b = await LetterRenderer.load(TEMPLATES).render({ id: LETTER_ID, kind: 'approval', data: letterData('approval') });
    expect(b.sha256).toBe(a.sha256);
    expect(b.pdf.equals(a.pdf)).toBe(true);
    const later = await renderer.render({ id: LETTER_ID, kind: 'approval', data: letterData('approval', { decidedAt: '2027-03-03T09:15:01+01:00' }) });
    expect(later.sha256).not.toBe(a.sha256);
  });

  it('gives the same bytes whatever the renderer rendered before', async () => {
    const fresh = await LetterRenderer.load(TEMPLATES).render({ id: LETTER_ID, kind: 'correction_request', data: letterData('correction_request') });
    const used = LetterRenderer.load(TEMPLATES);
    for (const language of ['cs', 'en'] as const) for (const kind of KINDS) await used.render({ id: LETTER_ID, kind, data: letterData(kind), language });
    const again = await used.render({ id: LETTER_ID, kind: 'correction_request', data: letterData('correction_request') });
    expect(again.sha256).toBe(fresh.sha256);
  });

  it('gives the same bytes in another process', async () => {
    const here = await renderer.render({ id: LETTER_ID, kind: 'rejection', data: letterData('rejection') });
    // A fresh node process compiles the same sources with swc (as jest does) and prints the hash.
    const child = `
      const fs = require('node:fs'), path = require('node:path'), Module = require('node:module'), swc = require('@swc/core');
      const libs = ${JSON.stringify(join(__dirname, '../../..'))};
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        const m = /^@app\\/([a-z-]+)\\/(.*)$/.exec(request);
        return resolve.call(this, m ? path.join(libs, m[1], 'src', m[2]) : request, ...rest);
      };
      require.extensions['.ts'] = (module, file) => module._compile(swc.transformSync(fs.readFileSync(file, 'utf8'),
        { filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, file);
      const { LetterRenderer } = require(${JSON.stringify(join(__dirname, 'letter-renderer.ts'))});
      const { LETTER_ID, letterData } = require(${JSON.stringify(join(__dirname, 'testing/letter-fixtures.ts'))});
      LetterRenderer.load(${JSON.stringify(TEMPLATES)}).render({ id: LETTER_ID, kind: 'rejection', data: letterData('rejection') })
        .then((r) => process.stdout.write(r.sha256));`;
    const run = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', cwd: join(__dirname, '../../../..') });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(here.sha256);
  }, 30_000);

  it('refuses data that lacks what the letter says, naming every problem', async () => {
    const data = letterData('approval', { recipient: { name: 'X', ico: '123', street: 'S', city: 'C' } });
    (data.decision as Record<string, unknown>).amountCzk = '12.5';
    const err = await renderer.render({ id: LETTER_ID, kind: 'approval', data }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LetterDataError);
    expect((err as LetterDataError).problems).toEqual([
      'recipient.ico must be 8 digits, got "123"',
      'recipient.postalCode must be a non-empty string, got nothing',
      'decision.amountCzk must be a positive whole amount of CZK, got "12.5"',
    ]);
  });

  it('prints the names of the policy’s largest groups of foreigners: Ukrainian, Russian, Vietnamese, Romanian', async () => {
    const data = letterData('approval');
    (data.application as Record<string, unknown>).title = 'Українська громада — Cộng đồng người Việt — Școală';
    (data.recipient as Record<string, unknown>).name = 'Спільнота «Надія», z. s.';
    const text = pdfText((await renderer.render({ id: LETTER_ID, kind: 'approval', data })).pdf);
    expect(text).toContain('Українська громада');
    expect(text).toContain('Cộng đồng người Việt');
    expect(text).toContain('Școală');
    expect(text).toContain('Спільнота «Надія», z. s.');
  });

  it('refuses text its font cannot print, rather than printing boxes', async () => {
    const data = letterData('approval');
    (data.application as Record<string, unknown>).title = 'Komunita 中文';
    const err = await renderer.render({ id: LETTER_ID, kind: 'approval', data }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LetterDataError);
    expect((err as Error).message).toContain('"中" (U+4E2D)');
  });
});

describe('LetterRenderer.load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'letter-templates-'));
    cpSync(TEMPLATES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function edit(file: string, change: (t: Record<string, unknown>) => void): void {
    const path = join(dir, 'letters', file);
    const t = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(t);
    writeFileSync(path, JSON.stringify(t));
  }

  it('names the template and the placeholder it does not know', () => {
    edit('rejection.cs.json', (t) => (t.title = 'Nevyhověno: {{decision.amount}}'));
    expect(() => LetterRenderer.load(dir)).toThrow(/rejection\.cs\.json: "title" uses the unknown placeholder \{\{decision\.amount\}\}/);
  });

  it('names the template with a broken placeholder', () => {
    edit('approval.en.json', (t) => (t.title = 'Grant {{recipient.name}'));
    expect(() => LetterRenderer.load(dir)).toThrow(/approval\.en\.json: "title": a stray brace/);
  });

  it('names a template that is missing or not JSON', () => {
    rmSync(join(dir, 'letters', 'ineligible.en.json'));
    expect(() => LetterRenderer.load(dir)).toThrow(/ineligible\.en\.json: cannot be read/);
    writeFileSync(join(dir, 'letters', 'ineligible.en.json'), '{ "title": ');
    expect(() => LetterRenderer.load(dir)).toThrow(/ineligible\.en\.json: is not valid JSON/);
  });

  it('names a template with text the font cannot print', () => {
    edit('common.cs.json', (t) => (t.closing = 'S pozdravem ✓'));
    expect(() => LetterRenderer.load(dir)).toThrow(/common\.cs\.json: the embedded font cannot print "✓" \(U\+2713\)/);
  });

  it('names a missing font', () => {
    rmSync(join(dir, 'fonts', 'DejaVuSans-Bold.subset.ttf'));
    expect(() => LetterRenderer.load(dir)).toThrow(/DejaVuSans-Bold\.subset\.ttf cannot be read/);
  });
});
