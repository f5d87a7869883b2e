/** The letters the system writes to an applicant, and where each one is in its life. */
export const LETTER_KINDS = ['approval', 'rejection', 'ineligible', 'correction_request'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterStatus = 'queued' | 'ready' | 'failed';
