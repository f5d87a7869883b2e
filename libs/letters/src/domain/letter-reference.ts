import { pragueYear } from '@app/core/domain';
import type { LetterKind } from './letter-kind';

/** The kind of a letter in its reference number (ASCII: it is also a file name). */
export const LETTER_KIND_CODES: Readonly<Record<LetterKind, string>> = {
  approval: 'SCH', // schválení
  rejection: 'ZAM', // zamítnutí
  ineligible: 'VYR', // vyřazení
  correction_request: 'VYZ', // výzva k odstranění nedostatků
};

/**
 * The letter's reference number (číslo jednací, č. j.):
 * `MHMP/<Prague year of the decision>/<application reference number>/<kind code>-<letter>`,
 * e.g. `MHMP/2027/INT27-1-0042/SCH-3F2A9C1E`, `<letter>` being the first eight
 * hexadecimal digits of the letter's id. The id is there because one
 * application can receive two letters of one kind (a second request to correct
 * defects), and two letters must never share a reference number; it is part of
 * the letter's data, so the number stays a pure function of it.
 */
export function letterReferenceNumber(input: { letterId: string; kind: LetterKind; decidedAt: Date; applicationReferenceNumber: string }): string {
  const letter = input.letterId.replace(/-/g, '').slice(0, 8).toUpperCase();
  if (!/^[0-9A-F]{8}$/.test(letter)) throw new RangeError(`letterId must be a UUID, got ${JSON.stringify(input.letterId)}`);
  const ref = input.applicationReferenceNumber.trim();
  if (ref === '') throw new RangeError('applicationReferenceNumber must not be empty');
  return `MHMP/${pragueYear(input.decidedAt)}/${ref}/${LETTER_KIND_CODES[input.kind]}-${letter}`;
}
