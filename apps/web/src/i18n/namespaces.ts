/** Message catalogues: `locales/<language>/<namespace>.json`. */
export const LANGUAGES = ['cs', 'en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'cs';

/** Pages applicants and the public see: Czech, English and Ukrainian, every key in each. */
export const APPLICANT_NAMESPACES = ['common', 'errors', 'public', 'applicant', 'grant'] as const;
/** Staff pages: Czech and English (Ukrainian falls back to English there). */
export const STAFF_NAMESPACES = ['commission', 'officer', 'budget', 'admin'] as const;

export const STAFF_LANGUAGES: readonly Language[] = ['cs', 'en'];
