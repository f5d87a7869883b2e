import ExcelJS from 'exceljs';
import { annexFixture, minutesFixture } from '../testing/document-fixtures';
import { annexCsv } from './annex-csv';
import { annexXlsx } from './annex-xlsx';
import { minutesCsv } from './minutes-csv';
import { zipEntryDates } from './zip-dates';

/** RFC 4180 records of a CSV (quoted fields with commas, quotes and line breaks), the byte order mark removed. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const text = csv.slice(1);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe('annexCsv', () => {
  it('writes a header and one record per line, by part and position, amounts as plain numbers, empty for none', () => {
    const records = parseCsv(annexCsv(annexFixture()));
    expect(records[0]).toEqual([
      'Pořadí', 'Část', 'Název části', 'Registrační číslo', 'Žadatel', 'IČO', 'Název projektu',
      'Požadováno (Kč)', 'Návrh Komise DOT (Kč)', 'Výsledek', 'Přiděleno (Kč)', 'Odůvodnění',
    ]);
    expect(records).toHaveLength(6);
    expect(records[1]).toEqual(['1', '1', 'Vzdělávací aktivity', 'INT27-1-0001', 'Poradna pro integraci cizinců, z. ú.', '26612933', 'Čeština pro rodiče', '200000', '200000', 'schváleno', '185000', 'Krácení o nezpůsobilé náklady na občerstvení']);
    expect(records[3]).toEqual(['3', '1', 'Vzdělávací aktivity', 'INT27-1-0003', 'Spolek Ďáblice', '87654321', 'Letní tábor', '90000', '0', 'zamítnuto', '', 'Pod hranicí financování (vyčerpána alokace části)']);
    expect(records[5]).toEqual(['5', '2', 'Komunitní práce', 'INT27-2-0005', 'Nadační fond „Rovnost“', '99887766', 'Právní poradna', '1000000', '', 'nesplňuje podmínky', '', 'Žadatel nemá sídlo na území hlavního města Prahy.']);
    // The awarded column sums to the annex's total.
    expect(records.slice(1).reduce((s, r) => s + Number(r[10] || 0), 0)).toBe(285_000);
  });

  it('quotes commas, quotes and line breaks, and neutralises text a spreadsheet would run', () => {
    const annex = annexFixture();
    annex.parts[0].lines[0].applicantName = 'Spolek „A“, z. s. "Praha"';
    annex.parts[0].lines[0].projectTitle = '=HYPERLINK("http://x")';
    annex.parts[0].lines[0].reason = 'první řádek\r\ndruhý řádek';
    const csv = annexCsv(annex);
    expect(csv).toContain(',"Spolek „A“, z. s. ""Praha""",');
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(parseCsv(csv)[1][11]).toBe('první řádek\r\ndruhý řádek');
    expect(parseCsv(csv)[1][6]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('annexXlsx', () => {
  async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0];
  }

  it('reads back with the title, a header, the lines with numbers as numbers, a totals row per part and overall', async () => {
    const sheet = await read(await annexXlsx(annexFixture()));
    expect(sheet.name).toBe('Příloha');
    expect(sheet.getCell('A1').value).toBe('Příloha k usnesení Rady hlavního města Prahy č. UR 1234 ze dne 15. března 2027');
    expect(sheet.getRow(4).values).toEqual([undefined, 'Pořadí', 'Část', 'Název části', 'Registrační číslo', 'Žadatel', 'IČO', 'Název projektu', 'Požadováno (Kč)', 'Návrh Komise DOT (Kč)', 'Výsledek', 'Přiděleno (Kč)', 'Odůvodnění']);
    const row5 = sheet.getRow(5);
    expect(row5.getCell(1).value).toBe(1);
    expect(row5.getCell(6).value).toBe('26612933');
    expect(row5.getCell(8).value).toBe(200_000);
    expect(row5.getCell(11).value).toBe(185_000);
    expect(row5.getCell(11).numFmt).toBe('#,##0 "Kč"');
    const part1 = sheet.getRow(8);
    expect([part1.getCell(3).value, part1.getCell(8).value, part1.getCell(9).value, part1.getCell(11).value]).toEqual(['Celkem část 1', 440_000, 300_000, 285_000]);
    const part2 = sheet.getRow(11);
    expect([part2.getCell(3).value, part2.getCell(8).value, part2.getCell(9).value, part2.getCell(11).value]).toEqual(['Celkem část 2', 1_400_000, 0, 0]);
    const total = sheet.getRow(12);
    expect([total.getCell(3).value, total.getCell(8).value, total.getCell(9).value, total.getCell(11).value]).toEqual(['Celkem', 1_840_000, 300_000, 285_000]);
    // A part's totals row is the sum of its lines' numbers.
    let awarded = 0;
    for (let r = 5; r <= 7; r++) awarded += Number(sheet.getRow(r).getCell(11).value ?? 0);
    expect(awarded).toBe(285_000);
    expect(sheet.getRow(10).getCell(10).value).toBe('nesplňuje podmínky');
  });

  it('titles a draft "NÁVRH" with its version, and gives the same bytes twice', async () => {
    const draft = annexFixture({ status: 'draft', resolutionNumber: null, resolutionDate: null, version: 2 });
    const a = await annexXlsx(draft);
    const sheet = await read(a);
    expect(sheet.getCell('A1').value).toBe('NÁVRH – příloha k návrhu usnesení Rady hlavního města Prahy (verze 2)');
    expect((await annexXlsx(draft)).equals(a)).toBe(true);
  });

  it("dates every entry of the archive with the annex's own date, not the time of writing", async () => {
    const annex = annexFixture({});
    const entries = zipEntryDates(await annexXlsx(annex));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // MS-DOS dates keep two-second steps.
    const expected = new Date(Math.floor(Date.parse(annex.evaluationClosedAt) / 2000) * 2000);
    for (const entry of entries) expect([entry.name, entry.central, entry.local]).toEqual([entry.name, expected, expected]);
  });
});

describe('minutesCsv', () => {
  it('writes one record per application with a column per member (chair marked), SZ for a conflict, Czech yes/no', () => {
    const records = parseCsv(minutesCsv(minutesFixture()));
    expect(records[0]).toEqual([
      'Část', 'Název části', 'Pořadí', 'Registrační číslo', 'Žadatel', 'IČO', 'Název projektu', 'Požadováno (Kč)',
      'Jana Dvořáková (předseda)', 'Petr Šťastný', 'Zdeňka Říhová',
      'Počet hodnotitelů', 'Průměr bodů', 'Normalizované skóre', 'Doporučeno', 'Navrženo (Kč)', 'Nad hranicí financování', 'Střet zájmů',
    ]);
    expect(records).toHaveLength(5);
    expect(records[2]).toEqual(['1', 'Vzdělávací aktivity', '2', 'INT27-1-0002', 'Žižkovská škola „Ůsměv“, o. p. s.', '12345678', 'Doučování', '150000', '70', 'střet zájmů', '66', '2', '68', '67.25', 'ano', '100000', 'ano', 'Petr Šťastný (ohlášený)']);
    expect(records[3].slice(15, 17)).toEqual(['0', 'ne']);
    expect(records[4]).toEqual(['2', 'Komunitní práce', '1', 'INT27-2-0004', 'Komunitní centrum Kotlářka', '11223344', 'Sousedské večery', '400000', '30', '40', '35', '3', '35', '36.1', 'ne', '', 'ne', '']);
  });
});
