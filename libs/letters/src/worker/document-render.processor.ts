import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DOCUMENTS_QUEUE, type DocumentJobData } from '../documents/document-queue';
import { attemptOf, failureReasonOf, nothingToRender } from '../domain/letter-job.rules';
import { DocumentRenderer } from '../render/documents/document-renderer';
import { DocumentStoreRepository } from './document-store.repository';
import type { QueueProcessor } from './queue-processor';

/**
 * One call document per job (the commission's minutes, a resolution's annex),
 * as LetterRenderProcessor does letters: load, render (deterministic), store
 * the PDF and its SHA-256 with the audit event. Idempotent; a failure is
 * thrown for BullMQ to retry with backoff; on the last attempt the document
 * becomes `failed` with the reason.
 */
@Injectable()
export class DocumentRenderProcessor implements QueueProcessor<DocumentJobData> {
  readonly queue = DOCUMENTS_QUEUE;
  private readonly logger = new Logger(DocumentRenderProcessor.name);

  constructor(
    private readonly store: DocumentStoreRepository,
    private readonly renderer: DocumentRenderer,
  ) {}

  async process(job: Job<DocumentJobData>): Promise<string> {
    const { documentId, generation } = job.data;
    const { attempt, last } = attemptOf(job.attemptsMade, job.opts.attempts);
    try {
      const document = await this.store.load(documentId);
      if (!document) throw new Error(`document ${documentId} does not exist`);
      const skip = nothingToRender(document, generation);
      if (skip) return skip;
      const rendered = await this.renderer.render({ kind: document.kind, data: document.data });
      return (await this.store.markReady(document, rendered, attempt)) ? 'ready' : 'settled meanwhile';
    } catch (error) {
      if (last) await this.fail(documentId, generation, failureReasonOf(error), attempt);
      throw error;
    }
  }

  async onAbandoned(job: Job<DocumentJobData>, error: Error): Promise<void> {
    await this.fail(job.data.documentId, job.data.generation, failureReasonOf(error), job.attemptsMade);
  }

  private async fail(documentId: string, generation: number, reason: string, attempts: number): Promise<void> {
    try {
      if (await this.store.markFailed(documentId, generation, reason, attempts)) {
        this.logger.warn(`Document ${documentId} failed after ${attempts} attempt(s): ${reason}`);
      }
    } catch (error) {
      this.logger.error(`Document ${documentId} could not be marked failed: ${failureReasonOf(error)}`);
    }
  }
}
