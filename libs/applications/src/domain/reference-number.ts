/**
 * Prefix of the reference numbers of one call: `INT-2027` for the programme's
 * first call, `INT-2027-2` for its second, so numbers never repeat across calls.
 */
export function referencePrefix(programmeCode: string, year: number, callSequenceInProgramme: number): string {
  if (programmeCode === '') throw new RangeError('programmeCode must not be empty');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be a 4-digit integer, got ${year}`);
  if (!Number.isInteger(callSequenceInProgramme) || callSequenceInProgramme < 1) {
    throw new RangeError(`callSequenceInProgramme must be an integer ≥ 1, got ${callSequenceInProgramme}`);
  }
  return callSequenceInProgramme === 1 ? `${programmeCode}-${year}` : `${programmeCode}-${year}-${callSequenceInProgramme}`;
}

/** `INT-2027-0001`: at least 4 digits, more once a call passes 9,999 applications. */
export function formatReferenceNumber(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`reference sequence must be an integer ≥ 1, got ${n}`);
  return `${prefix}-${String(n).padStart(4, '0')}`;
}
