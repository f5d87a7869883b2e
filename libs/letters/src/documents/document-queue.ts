/** The outbox topic and the BullMQ queue of the call's documents (minutes, annexes): next to the letters', rendered by the same worker. */
export const DOCUMENT_RENDER_TOPIC = 'document.render';
export const DOCUMENTS_QUEUE = 'documents';

/** The job of a document: which document, and which generation of it (a failed document requested again starts a new one). */
export interface DocumentJobData {
  documentId: string;
  generation: number;
}

/** One job id per document and generation (BullMQ refuses ':' in custom ids). */
export function documentJobId(data: DocumentJobData): string {
  return `document-${data.documentId}-${data.generation}`;
}

/** The outbox payload of a document, as CallDocuments writes it. */
export function documentJobDataOf(payload: Record<string, unknown>): DocumentJobData {
  const { documentId, generation } = payload;
  if (typeof documentId !== 'string' || documentId === '') throw new Error(`outbox payload without a documentId: ${JSON.stringify(payload)}`);
  if (!(Number.isInteger(generation) && (generation as number) >= 0)) throw new Error(`outbox payload with a bad generation: ${JSON.stringify(payload)}`);
  return { documentId, generation: generation as number };
}
