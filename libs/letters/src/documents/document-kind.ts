/** The documents of a call's decision the worker renders next to the letters, and where each one is in its life. */
export const DOCUMENT_KINDS = ['commission_minutes', 'resolution_annex'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentStatus = 'queued' | 'ready' | 'failed';
