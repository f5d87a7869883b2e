import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, type AuthUser, Clock, DomainError } from '@app/core';
import { CallDocumentsRepository } from './call-documents.repository';
import type { DocumentKind } from './document-kind';

/** Which document: its kind, its subject (the call, the resolution) and revision (1 for minutes; the annex's version). */
export interface DocumentKey {
  kind: DocumentKind;
  subjectId: string;
  revision: number;
}

export interface ReadyDocument extends DocumentKey {
  id: string;
  sha256: string;
  pdf: Buffer;
}

/**
 * The PDFs of a call's documents, rendered by the worker like the letters.
 * One method for every route that serves one: the ready PDF (its bytes
 * checked against the stored SHA-256), or, on the first request, the
 * document queued (row with the snapshot, outbox message and audit event in
 * one transaction) and 409 DOCUMENT_NOT_READY; 409 too while it is queued;
 * a failed document is queued again (its next generation) and answered 409
 * with the reason it failed.
 */
@Injectable()
export class CallDocuments {
  private readonly logger = new Logger(CallDocuments.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: CallDocumentsRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** `snapshot` is called only when the document does not exist yet: what it will say, for ever (a pure function renders it). */
  async pdf(caller: AuthUser, key: DocumentKey, snapshot: () => Promise<unknown>): Promise<ReadyDocument> {
    const found = await this.documents.find(key.kind, key.subjectId, key.revision);
    if (found?.status === 'ready' && found.sha256) {
      const pdf = await this.documents.pdfOf(found.id);
      if (!pdf) throw new Error(`Ready document ${found.id} has no PDF`);
      const actual = createHash('sha256').update(pdf).digest('hex');
      if (actual !== found.sha256) {
        this.logger.error({ documentId: found.id, stored: found.sha256, actual }, 'A document’s PDF does not match its stored SHA-256');
        throw new Error(`Document ${found.id}: PDF does not match its SHA-256`);
      }
      return { ...key, id: found.id, sha256: found.sha256, pdf };
    }
    if (found?.status === 'failed') {
      const reason = await this.requeue(caller, found.id);
      throw new DomainError('DOCUMENT_NOT_READY', `The document could not be generated (${reason ?? found.failureReason}); it is queued again: try again shortly.`);
    }
    if (!found) await this.queue(caller, key, await snapshot());
    throw new DomainError('DOCUMENT_NOT_READY', 'The document is being generated; try again shortly.');
  }

  private async queue(caller: AuthUser, key: DocumentKey, data: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const id = await this.documents.queue(manager, key.kind, key.subjectId, key.revision, data, this.clock.now());
      // Another request queued it first: its transaction wrote the event.
      if (!id) return;
      await this.audit.append(manager, {
        actor: caller,
        action: 'document.requested',
        entityType: 'call_document',
        entityId: id,
        before: null,
        after: { status: 'queued', kind: key.kind, subjectId: key.subjectId, revision: key.revision },
      });
    });
  }

  /** The reason it had failed, or null when a concurrent request queued it again first. */
  private async requeue(caller: AuthUser, id: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const requeued = await this.documents.requeueFailed(manager, id, this.clock.now());
      if (!requeued) return null;
      await this.audit.append(manager, {
        actor: caller,
        action: 'document.retry',
        entityType: 'call_document',
        entityId: id,
        before: { status: 'failed', generation: requeued.generation - 1, failureReason: requeued.previousFailureReason },
        after: { status: 'queued', generation: requeued.generation },
      });
      return requeued.previousFailureReason;
    });
  }
}
