/** letters' front door (server side; its pure rules are in ./domain). */
export { LETTERS_ENTITIES } from './letters.entities';
export { LETTER_RENDER_TOPIC, LetterRequests } from './letter-requests.repository';
export { LettersModule } from './letters.module';
export { LettersService } from './letters.service';
export { LETTERS_QUEUE } from './queue/letters-queue';
export { LettersWorkerModule } from './worker/letters-worker.module';
export * from './domain';
export type { ResolutionAnnex, ResolutionAnnexLine, ResolutionAnnexPart, ResolutionAnnexTotals } from './documents/resolution-annex';
export { CallDocuments, type DocumentKey, type ReadyDocument } from './documents/call-documents.service';
export { DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from './documents/document-kind';
export { minutesCsv } from './render/documents/minutes-csv';
export { annexCsv } from './render/documents/annex-csv';
export { annexXlsx } from './render/documents/annex-xlsx';
