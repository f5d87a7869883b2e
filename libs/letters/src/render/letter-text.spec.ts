import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterKind } from '../domain/letter-kind';
import { parseLetterData } from './letter-data';
import { parseCommonTemplate, parseKindTemplate, type LetterLanguage } from './letter-template';
import { composeLetter, contentTexts, formatEnglishDate, formatPostalCode, letterValues, type LetterContent } from './letter-text';
import { LETTER_ID, letterData } from './testing/letter-fixtures';

const LETTERS = join(__dirname, '../../../../templates/letters');

function compose(kind: LetterKind, language: LetterLanguage = 'cs', data = letterData(kind)): LetterContent {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(LETTERS, name), 'utf8'));
  const templates = {
    common: parseCommonTemplate(read(`common.${language}.json`), 'common'),
    kind: parseKindTemplate(read(`${kind}.${language}.json`), kind, kind),
  };
  return composeLetter(templates, LETTER_ID, parseLetterData(kind, data), language);
}

const textOf = (c: LetterContent): string => contentTexts(c).join('\n');

describe('letterValues', () => {
  it('fills the common values, with Prague dates and no-break spaces in amounts and postal codes', () => {
    const { values, lists } = letterValues(LETTER_ID, parseLetterData('approval', letterData('approval')), 'cs');
    expect(values).toMatchObject({
      'recipient.postalCode': '120\u00A000',
      'application.submittedOn': '10. února 2027',
      'application.requestedAmount': '200\u00A0000\u00A0Kč',
      'letter.referenceNumber': 'MHMP/2027/INT27-1-0042/SCH-3F2A9C1E',
      'letter.date': '3. března 2027',
      'decision.body': 'Rada hlavního města Prahy',
      'decision.bodyGenitive': 'Rady hlavního města Prahy',
      'decision.resolutionDate': '1. března 2027',
      'decision.amount': '185\u00A0000\u00A0Kč',
      'decision.amountInWords': 'sto osmdesát pět tisíc korun českých',
      'settlement.dueDate': '31. ledna 2028',
    });
    expect(lists).toEqual({});
  });

  it('prints the call’s settlement deadline (which the contract copies), not a date of its own', () => {
    const call = { id: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', title: 'Integrace cizinců 2027', settlementDueOn: '2028-03-15' };
    expect(letterValues(LETTER_ID, parseLetterData('approval', letterData('approval', { call })), 'cs').values['settlement.dueDate']).toBe('15. března 2028');
    expect(letterValues(LETTER_ID, parseLetterData('approval', letterData('approval', { call })), 'en').values['settlement.dueDate']).toBe('15 March 2028');
  });

  it('an approval’s data must name the call’s settlement deadline', () => {
    const call = { id: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', title: 'Integrace cizinců 2027' };
    expect(() => parseLetterData('approval', letterData('approval', { call }))).toThrow('call.settlementDueOn must be a date (YYYY-MM-DD), got nothing');
    expect(parseLetterData('rejection', letterData('rejection', { call })).call.settlementDueOn).toBeNull();
  });

  it('takes the letter date in Prague (23:30 UTC on 31 December is 1 January there)', () => {
    const { values } = letterValues(LETTER_ID, parseLetterData('ineligible', letterData('ineligible', { decidedAt: '2027-12-31T23:30:00Z' })), 'cs');
    expect(values['letter.date']).toBe('1. ledna 2028');
    expect(values['letter.referenceNumber']).toBe('MHMP/2028/INT27-1-0042/VYR-3F2A9C1E');
  });

  it('gives each kind only its own values', () => {
    const rejection = letterValues(LETTER_ID, parseLetterData('rejection', letterData('rejection')), 'cs');
    expect(rejection.values['decision.bodyGenitive']).toBe('Zastupitelstva hlavního města Prahy');
    expect(rejection.values['decision.amount']).toBeUndefined();
    expect(rejection.lists.reasons).toEqual(['Projekt nedosáhl minimálního počtu bodů.', 'Alokace okruhu byla vyčerpána.']);
    const correction = letterValues(LETTER_ID, parseLetterData('correction_request', letterData('correction_request')), 'en');
    expect(correction.values['correction.dueDate']).toBe('17 March 2027');
    expect(correction.values['decision.body']).toBeUndefined();
  });
});

describe('composeLetter', () => {
  it('approval: amount in figures and words, resolution, conditions', () => {
    const text = textOf(compose('approval'));
    expect(text).toContain('Výše přidělené dotace: 185\u00A0000\u00A0Kč (slovy: sto osmdesát pět tisíc korun českých).');
    expect(text).toContain('usnesením Rady hlavního města Prahy č. UR 1234 ze dne 1. března 2027');
    expect(text).toContain('veřejnoprávní smlouvy podle § 10a odst. 5 zákona č. 250/2000 Sb.');
    expect(text).toContain('nejpozději do 31. ledna 2028');
    expect(text).toContain('zajišťovat publicitu poskytovatele');
  });

  it("approval deviating from the DOT Commission: the reason in the letter, after the amount; none, and the paragraph is left out", () => {
    const data = letterData('approval');
    (data.decision as Record<string, unknown>).deviationReason = 'Rada ocenila přínos projektu pro rodiny na Praze 14.';
    const deviating = compose('approval', 'cs', data);
    const paragraph =
      'Rada hlavního města Prahy se při rozhodnutí odchyluje od doporučení nebo návrhu Komise Rady hlavního města Prahy pro udělování grantů ' +
      'v oblasti národnostních menšin a integrace cizinců. Odůvodnění: Rada ocenila přínos projektu pro rodiny na Praze 14.';
    const amountAt = deviating.blocks.findIndex((b) => 'strong' in b && b.strong.startsWith('Výše přidělené dotace'));
    expect(deviating.blocks[amountAt + 1]).toEqual({ paragraph });
    expect(textOf(compose('approval', 'en', data))).toContain(
      'In its decision, the Prague City Council deviates from the recommendation or proposal of the DOT Commission',
    );
    const plain = compose('approval');
    expect(plain.blocks).toHaveLength(deviating.blocks.length - 1);
    expect(textOf(plain)).not.toContain('odchyluje');
    expect(textOf(compose('approval', 'en'))).not.toContain('deviates');
  });

  it('rejection and ineligibility: the reasons as a list', () => {
    const rejection = compose('rejection');
    expect(rejection.blocks).toContainEqual({ list: ['Projekt nedosáhl minimálního počtu bodů.', 'Alokace okruhu byla vyčerpána.'] });
    expect(textOf(rejection)).toContain('usnesením Zastupitelstva hlavního města Prahy č. UZ 57/12');
    expect(compose('ineligible').blocks).toContainEqual({ list: ['Žadatel nemá sídlo na území hlavního města Prahy.'] });
  });

  it('correction request: the defects and the due date', () => {
    const c = compose('correction_request');
    expect(c.blocks).toContainEqual({ list: ['Chybí výpis z evidence skutečných majitelů.', 'Rozpočet není podepsán.'] });
    expect(c.blocks).toContainEqual({ strong: 'Nedostatky odstraňte a opravenou žádost podejte nejpozději do 17. března 2027.' });
  });

  it.each<LetterKind>(['approval', 'rejection', 'ineligible', 'correction_request'])('%s: letterhead, recipient, references, signature', (kind) => {
    const c = compose(kind);
    expect(c.letterhead).toEqual(['Hlavní město Praha — Magistrát hlavního města Prahy', 'oddělení národnostních menšin a cizinců']);
    expect(c.address).toEqual(['Poradna pro integraci cizinců, z. ú.', 'Žitná 1578/52', '120\u00A000 Praha 2', 'IČO: 26612933']);
    expect(c.references[0][1]).toMatch(/^MHMP\/2027\/INT27-1-0042\/[A-Z]{3}-3F2A9C1E$/);
    expect(textOf(c)).toContain('č. INT27-1-0042 „Čeština pro rodiče dětí s odlišným mateřským jazykem“');
    expect(textOf(c)).toContain('okruh 1 – Aktivity');
    expect(c.signature[0]).toBe('vedoucí oddělení národnostních menšin a cizinců');
  });

  it('English: English words and dates, the amount in Czech words', () => {
    const c = compose('approval', 'en');
    expect(c.title).toBe('Notice of the award of a grant');
    const text = textOf(c);
    expect(text).toContain('by resolution No. UR 1234 of 1 March 2027, the Prague City Council decided');
    expect(text).toContain('185\u00A0000\u00A0Kč (in Czech words: sto osmdesát pět tisíc korun českých)');
    expect(text).toContain('by 31 January 2028');
    expect(c.references.at(-1)).toEqual(['Prague,', '3 March 2027']);
  });
});

describe('small formats', () => {
  it('formatEnglishDate', () => {
    expect(formatEnglishDate('2027-03-03')).toBe('3 March 2027');
    expect(formatEnglishDate('2027-12-31')).toBe('31 December 2027');
    expect(() => formatEnglishDate('2027-02-29')).toThrow(RangeError);
  });

  it('formatPostalCode', () => {
    expect(formatPostalCode('11000')).toBe('110\u00A000');
    expect(formatPostalCode('110 00')).toBe('110\u00A000');
    expect(formatPostalCode('D-10115')).toBe('D-10115');
  });
});
