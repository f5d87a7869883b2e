import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LetterDataError } from '../letter-data';
import { annexFixture, minutesFixture } from '../testing/document-fixtures';
import { DocumentRenderer } from './document-renderer';

const TEMPLATES = join(__dirname, '../../../../../templates');

function pdfText(pdf: Buffer): string {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr.toString()}`);
  // Line breaks and no-break spaces become plain spaces: the tests look for words, not at the layout.
  return out.stdout.toString('utf8').replace(/[\s\u00A0\u202F]+/g, ' ');
}

/** The lines of the PDF as pdftotext lays them out (-layout), each trimmed and with no-break spaces plain. */
function pdfLines(pdf: Buffer): string[] {
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr.toString()}`);
  return out.stdout
    .toString('utf8')
    .split('\n')
    .map((l) => l.replace(/[\u00A0\u202F]/g, ' ').replace(/ {2,}/g, '  ').trim());
}

function pages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

describe('DocumentRenderer: the commission’s minutes', () => {
  const renderer = DocumentRenderer.load(TEMPLATES);
  let pdf: Buffer;
  let text: string;
  let lines: string[];

  beforeAll(async () => {
    pdf = (await renderer.render({ kind: 'commission_minutes', data: minutesFixture() })).pdf;
    text = pdfText(pdf);
    lines = pdfLines(pdf);
  });

  it('prints the call, the date the evaluation closed, and the members with the chair marked', () => {
    expect(text).toContain('Zápis z jednání Komise pro udělování dotací (Komise DOT)');
    expect(text).toContain('Výzva: Integrace cizinců 2027');
    expect(text).toContain('Program: INT – Program podpory aktivit v oblasti integrace cizinců, rok 2027');
    expect(text).toContain('Hodnocení uzavřeno dne 2. března 2027');
    expect(text).toContain('Č1 – Jana Dvořáková (předseda Komise)');
    expect(text).toContain('Č2 – Petr Šťastný');
    expect(text).not.toContain('Petr Šťastný (předseda');
    expect(text).toContain('Č3 – Zdeňka Říhová');
  });

  it('prints each application’s row: scores per member (SZ for the conflict), average, normalised score, recommendation, amounts right-aligned the Czech way', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^1 +INT27-1-0001 +Poradna pro integraci +Čeština pro rodiče dětí s odlišným +200 000 Kč +90 +80 +85 +85 +86,5 +ano +200 000 Kč$/));
    expect(lines).toContainEqual(expect.stringMatching(/^2 +INT27-1-0002 +Žižkovská škola „Ůsměv“, +Doučování +150 000 Kč +70 +SZ +66 +68 +67,25 +ano +100 000 Kč$/));
    expect(lines).toContainEqual(expect.stringMatching(/^3 +INT27-1-0003 +Spolek Ďáblice +Letní tábor +90 000 Kč +60 +55 +58 +57,67 +56 +ano +0 Kč$/));
    expect(lines).toContainEqual(expect.stringMatching(/^1 +INT27-2-0004 +Komunitní centrum +Sousedské večery +400 000 Kč +30 +40 +35 +35 +36,1 +ne +—$/));
  });

  it('marks the funding line in the table and states it per part, with the allocation', () => {
    expect(text).toContain('Alokace: 300 000 Kč; navrženo celkem: 300 000 Kč; nerozděleno: 0 Kč');
    expect(text).toContain('Hranice financování: navrženy jsou žádosti do 2. místa pořadí včetně.');
    const line = lines.indexOf('— hranice financování —');
    const second = lines.findIndex((l) => /^2 +INT27-1-0002/.test(l));
    const third = lines.findIndex((l) => /^3 +INT27-1-0003/.test(l));
    expect(second).toBeGreaterThan(0);
    expect(line).toBeGreaterThan(second);
    expect(line).toBeLessThan(third);
    expect(lines.filter((l) => l === '— hranice financování —')).toHaveLength(1);
    expect(text).toContain('Alokace: 1 250 000 Kč; navrženo celkem: 0 Kč; nerozděleno: 1 250 000 Kč');
    expect(text).toContain('Hranice financování: žádné žádosti nebyla navržena dotace.');
  });

  it('lists the conflicts per part, declared and automatic, with the reason', () => {
    expect(text).toContain('Střet zájmů – část 1 INT27-1-0002: Petr Šťastný – ohlášený střet zájmů; Člen správní rady žadatele');
    expect(text).toContain('Střet zájmů – část 2 Žádný člen Komise nebyl ve střetu zájmů.');
  });

  it('gives the same bytes for the same minutes, other bytes for another close', async () => {
    const again = await renderer.render({ kind: 'commission_minutes', data: minutesFixture() });
    expect(again.pdf.equals(pdf)).toBe(true);
    const later = await renderer.render({ kind: 'commission_minutes', data: { ...minutesFixture(), evaluationClosedAt: '2027-03-03T08:00:00.000Z' } });
    expect(later.pdf.equals(pdf)).toBe(false);
    expect(pdfText(later.pdf)).toContain('Hodnocení uzavřeno dne 3. března 2027');
  });

  it('repeats the header row on every page a long table continues on', async () => {
    const m = minutesFixture();
    const [template] = m.parts[0].applications;
    m.parts[0].applications = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      applicationId: `x${i}`,
      referenceNumber: `INT27-1-${String(i + 1).padStart(4, '0')}`,
      rank: i + 1,
    }));
    m.parts[0].fundingLine.lastFundedRank = 60;
    const long = (await renderer.render({ kind: 'commission_minutes', data: m })).pdf;
    const n = pages(long);
    expect(n).toBeGreaterThanOrEqual(3);
    const headers = pdfLines(long).filter((l) => /^Poř\. +Reg\. číslo +Žadatel, IČO/.test(l));
    // Part 1's header on each of its pages, and part 2's once.
    expect(headers.length).toBeGreaterThanOrEqual(n);
    expect(pdfText(long)).toContain('INT27-1-0060');
  });

  it('refuses data that is not minutes, and text its font cannot print', async () => {
    await expect(renderer.render({ kind: 'commission_minutes', data: { call: {} } })).rejects.toThrow(LetterDataError);
    const m = minutesFixture();
    m.parts[0].applications[0].title = 'Projekt ✓';
    await expect(renderer.render({ kind: 'commission_minutes', data: m })).rejects.toThrow('the font cannot print "✓" (U+2713)');
  });
});

describe('DocumentRenderer: the resolution’s annex', () => {
  const renderer = DocumentRenderer.load(TEMPLATES);

  it('prints the adopted resolution’s body, number and date, each part’s lines and totals, and the overall totals', async () => {
    const pdf = (await renderer.render({ kind: 'resolution_annex', data: annexFixture() })).pdf;
    const text = pdfText(pdf);
    const lines = pdfLines(pdf);
    expect(text).toContain('Příloha k usnesení Rady hlavního města Prahy č. UR 1234 ze dne 15. března 2027');
    expect(text).not.toContain('NÁVRH');
    expect(text).toContain('Část 1: Vzdělávací aktivity (alokace 300 000 Kč)');
    expect(lines).toContainEqual(expect.stringMatching(/^1 +INT27-1-0001 +Poradna pro integraci +Čeština pro rodiče +200 000 Kč +200 000 Kč schváleno +185 000 Kč Krácení o nezpůsobilé náklady na$/));
    expect(lines).toContainEqual(expect.stringMatching(/^3 +INT27-1-0003 +Spolek Ďáblice +Letní tábor +90 000 Kč +0 Kč zamítnuto +— Pod hranicí financování$/));
    expect(lines).toContainEqual(expect.stringMatching(/^5 +INT27-2-0005 +Nadační fond „Rovnost“ +Právní poradna +1 000 000 Kč +— nesplňuje +— Žadatel nemá sídlo na území$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Celkem část 1 +440 000 Kč +300 000 Kč +285 000 Kč$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Celkem část 2 +1 400 000 Kč +0 Kč +0 Kč$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Celkem +1 840 000 Kč +300 000 Kč +285 000 Kč$/));
    expect(text).toContain('IČO 26612933');
    expect(text).toContain('Žádostí celkem: 5; schváleno: 2; zamítnuto: 2; nesplnilo podmínky: 1.');
  });

  it('marks a draft "NÁVRH" with its version, for the Assembly too', async () => {
    const draft = annexFixture({ status: 'draft', body: 'assembly', resolutionNumber: null, resolutionDate: null, version: 7 });
    const text = pdfText((await renderer.render({ kind: 'resolution_annex', data: draft })).pdf);
    expect(text).toContain('NÁVRH Příloha k návrhu usnesení Zastupitelstva hlavního města Prahy (verze 7)');
  });

  it('keeps the Czech diacritics of the data intact and gives the same bytes twice', async () => {
    const a = await renderer.render({ kind: 'resolution_annex', data: annexFixture() });
    const b = await renderer.render({ kind: 'resolution_annex', data: annexFixture() });
    expect(b.pdf.equals(a.pdf)).toBe(true);
    expect(b.sha256).toBe(a.sha256);
    const text = pdfText(a.pdf);
    for (const word of ['Žižkovská', 'Ďáblice', 'Čeština', 'občerstvení', 'Nadační fond „Rovnost“', 'Komunitní centrum Kotlářka', 'Sousedské večery']) expect(text).toContain(word);
  });
});

describe('DocumentRenderer.load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'document-templates-'));
    cpSync(TEMPLATES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function edit(file: string, change: (t: { texts: Record<string, string>; columns: Record<string, string> }) => void): void {
    const path = join(dir, 'documents', file);
    const template = JSON.parse(readFileSync(path, 'utf8'));
    change(template);
    writeFileSync(path, JSON.stringify(template));
  }

  it('names the template and a placeholder its text has no value for', () => {
    edit('resolution-annex.cs.json', (t) => (t.texts.partTotal = 'Celkem {{resolution.number}}'));
    expect(() => DocumentRenderer.load(dir)).toThrow(/resolution-annex\.cs\.json: "texts\.partTotal" uses the unknown placeholder \{\{resolution\.number\}\}/);
  });

  it('names a missing or unknown text', () => {
    edit('commission-minutes.cs.json', (t) => delete t.texts.legend);
    expect(() => DocumentRenderer.load(dir)).toThrow(/commission-minutes\.cs\.json: "texts\.legend" must be a non-empty string/);
    edit('commission-minutes.cs.json', (t) => {
      t.texts.legend = 'Legenda';
      t.columns.score = 'Body';
    });
    expect(() => DocumentRenderer.load(dir)).toThrow(/"columns" has an unknown key "score"/);
  });

  it('names a text the font cannot print', () => {
    edit('commission-minutes.cs.json', (t) => (t.texts.yes = 'ano ✓'));
    expect(() => DocumentRenderer.load(dir)).toThrow(/commission-minutes\.cs\.json: the embedded font cannot print "✓"/);
  });
});
