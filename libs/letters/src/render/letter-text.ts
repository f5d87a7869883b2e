import { pragueDate } from '@app/core/domain';
import type { LetterKind } from '../domain/letter-kind';
import { czkInWords, formatCzk } from '../domain/czech-amount';
import { formatCzechDate } from '../domain/czech-date';
import { letterReferenceNumber } from '../domain/letter-reference';
import type { ApprovingBody, LetterData } from './letter-data';
import {
  fillPlaceholders,
  OPTIONAL_PLACEHOLDERS,
  placeholdersOf,
  type CommonTemplate,
  type KindTemplate,
  type LetterLanguage,
  type ListName,
  type Placeholder,
} from './letter-template';

/** A letter's text, filled in, ready to be laid out. */
export interface LetterContent {
  title: string;
  letterhead: string[];
  address: string[];
  references: [label: string, value: string][];
  blocks: ({ heading: string } | { paragraph: string } | { strong: string } | { list: string[] })[];
  closing: string;
  signature: string[];
}

export interface LetterTemplates {
  common: CommonTemplate;
  kind: KindTemplate;
}

const BODY: Record<LetterLanguage, Record<ApprovingBody, { nominative: string; genitive: string }>> = {
  cs: {
    council: { nominative: 'Rada hlavního města Prahy', genitive: 'Rady hlavního města Prahy' },
    assembly: { nominative: 'Zastupitelstvo hlavního města Prahy', genitive: 'Zastupitelstva hlavního města Prahy' },
  },
  en: {
    council: { nominative: 'the Prague City Council', genitive: 'the Prague City Council' },
    assembly: { nominative: 'the Prague City Assembly', genitive: 'the Prague City Assembly' },
  },
};

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-03-03` → `3 March 2027`. */
export function formatEnglishDate(isoDate: string): string {
  formatCzechDate(isoDate); // the same validation
  return `${Number(isoDate.slice(8, 10))} ${ENGLISH_MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

function dateIn(language: LetterLanguage, isoDate: string): string {
  return language === 'cs' ? formatCzechDate(isoDate) : formatEnglishDate(isoDate);
}

/** `11000` → `110 00` (Czech postal codes are written 3 + 2, with a no-break space); anything else as given. */
export function formatPostalCode(postalCode: string): string {
  const digits = postalCode.replace(/\s/g, '');
  return /^[0-9]{5}$/.test(digits) ? `${digits.slice(0, 3)}\u00A0${digits.slice(3)}` : postalCode;
}

/** The value of every placeholder a letter of this kind can use, and its lists. */
export function letterValues(
  letterId: string,
  data: LetterData,
  language: LetterLanguage,
): { values: Partial<Record<Placeholder, string>>; lists: Partial<Record<ListName, string[]>> } {
  const kind: LetterKind = data.decision.kind;
  const values: Partial<Record<Placeholder, string>> = {
    'recipient.name': data.recipient.name,
    'recipient.ico': data.recipient.ico,
    'recipient.street': data.recipient.street,
    'recipient.city': data.recipient.city,
    'recipient.postalCode': formatPostalCode(data.recipient.postalCode),
    'application.referenceNumber': data.application.referenceNumber,
    'application.title': data.application.title,
    'application.submittedOn': data.application.submittedAt ? dateIn(language, pragueDate(data.application.submittedAt)) : '—',
    'application.requestedAmount': formatCzk(data.application.requestedCzk),
    'part.code': data.part.code,
    'part.name': data.part.name,
    'call.title': data.call.title,
    'programme.code': data.programme.code,
    'programme.name': data.programme.name,
    'programme.year': String(data.programme.year),
    'letter.referenceNumber': letterReferenceNumber({ letterId, kind, decidedAt: data.decidedAt, applicationReferenceNumber: data.application.referenceNumber }),
    'letter.date': dateIn(language, pragueDate(data.decidedAt)),
  };
  const d = data.decision;
  if (d.kind === 'approval' || d.kind === 'rejection') {
    values['decision.body'] = BODY[language][d.body].nominative;
    values['decision.bodyGenitive'] = BODY[language][d.body].genitive;
    values['decision.resolutionNumber'] = d.resolutionNumber;
    values['decision.resolutionDate'] = dateIn(language, d.resolutionDate);
  }
  if (d.kind === 'approval') {
    values['decision.amount'] = formatCzk(d.amountCzk);
    // Czech also in the English letter: the amount in words is what binds.
    values['decision.amountInWords'] = czkInWords(d.amountCzk);
    // The call's settlement deadline, which the contract copies (the letter is written before there is a contract).
    if (data.call.settlementDueOn === null) throw new Error('An approval letter needs the call’s settlement deadline');
    values['settlement.dueDate'] = dateIn(language, data.call.settlementDueOn);
    if (d.deviationReason !== null) values['decision.deviationReason'] = d.deviationReason;
  }
  if (d.kind === 'correction_request') values['correction.dueDate'] = dateIn(language, d.correctionDueOn);
  return { values, lists: d.kind === 'approval' ? {} : { reasons: d.reasons } };
}

/** Fills the templates of a letter with its values. */
export function composeLetter(templates: LetterTemplates, letterId: string, data: LetterData, language: LetterLanguage): LetterContent {
  const { values, lists } = letterValues(letterId, data, language);
  const fill = (text: string): string => fillPlaceholders(text, values);
  /** A text naming an optional placeholder this letter has no value for is left out (see OPTIONAL_PLACEHOLDERS). */
  const present = (text: string): boolean =>
    placeholdersOf(text).every((name) => !OPTIONAL_PLACEHOLDERS.includes(name as Placeholder) || values[name as Placeholder] !== undefined);
  const { common, kind } = templates;
  return {
    title: fill(kind.title),
    letterhead: common.letterhead.map(fill),
    address: common.address.map(fill),
    references: common.references.map(([label, value]) => [fill(label), fill(value)]),
    blocks: kind.blocks.flatMap((b): LetterContent['blocks'] => {
      if ('heading' in b) return present(b.heading) ? [{ heading: fill(b.heading) }] : [];
      if ('paragraph' in b) return present(b.paragraph) ? [{ paragraph: fill(b.paragraph) }] : [];
      if ('strong' in b) return present(b.strong) ? [{ strong: fill(b.strong) }] : [];
      if ('list' in b) {
        const items = b.list.filter(present).map(fill);
        return items.length ? [{ list: items }] : [];
      }
      const items = lists[b.listOf];
      if (!items) throw new Error(`A ${data.decision.kind} letter has no list "${b.listOf}"`);
      return [{ list: items }];
    }),
    closing: fill(common.closing),
    signature: common.signature.map(fill),
  };
}

/** Every string of a letter, for checks (the font's coverage, tests). */
export function contentTexts(c: LetterContent): string[] {
  return [
    c.title,
    ...c.letterhead,
    ...c.address,
    ...c.references.flat(),
    ...c.blocks.flatMap((b) => ('list' in b ? b.list : Object.values(b as Record<string, string>))),
    c.closing,
    ...c.signature,
  ];
}
