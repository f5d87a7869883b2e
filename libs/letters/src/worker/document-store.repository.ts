import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/core';
import type { DocumentKind, DocumentStatus } from '../documents/document-kind';

export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  subjectId: string;
  revision: number;
  status: DocumentStatus;
  generation: number;
  data: unknown;
}

/**
 * The worker's reads and writes of the call's documents, as LetterStoreRepository's
 * of letters: ready or failed only while the document waits in the job's
 * generation, with its audit event (actor: the system) in the same statement or transaction.
 */
@Injectable()
export class DocumentStoreRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async load(id: string): Promise<StoredDocument | null> {
    const rows: StoredDocument[] = await this.dataSource.query(
      `SELECT id, kind, subject_id AS "subjectId", revision, status, generation, data FROM call_document WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** True when this call made the document ready; false when it was not waiting (any more) in this generation. */
  async markReady(document: StoredDocument, rendered: { pdf: Buffer; sha256: string }, attempts: number): Promise<boolean> {
    const event = this.audit.prepare({
      actor: null,
      action: 'document.ready',
      entityType: 'call_document',
      entityId: document.id,
      before: { status: 'queued', generation: document.generation },
      after: {
        status: 'ready',
        kind: document.kind,
        subjectId: document.subjectId,
        revision: document.revision,
        sha256: rendered.sha256,
        bytes: rendered.pdf.length,
        attempts,
      },
    });
    const rows: unknown[] = await this.dataSource.query(MARK_READY, [rendered.pdf, rendered.sha256, attempts, document.id, document.generation, ...event.params]);
    return rows.length > 0;
  }

  /** After the last attempt: failed with the reason (the next request for it queues it again). */
  async markFailed(documentId: string, generation: number, reason: string, attempts: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { kind: string; subject_id: string; revision: number }[] = await manager.query(
        `WITH failed AS (
           UPDATE call_document SET status = 'failed', failure_reason = $3, attempts = $4
            WHERE id = $1 AND generation = $2 AND status = 'queued'
            RETURNING kind, subject_id, revision
         )
         SELECT kind, subject_id, revision FROM failed`,
        [documentId, generation, reason, attempts],
      );
      if (rows.length === 0) return false;
      await this.audit.append(manager, {
        actor: null,
        action: 'document.failed',
        entityType: 'call_document',
        entityId: documentId,
        before: { status: 'queued', generation },
        after: { status: 'failed', kind: rows[0].kind, subjectId: rows[0].subject_id, revision: rows[0].revision, reason, attempts },
      });
      return true;
    });
  }
}

/** The PDF in, then the audit event ($6…$16) for the row it changed: one row from `ready` or none. */
const MARK_READY = `WITH ready AS (
  UPDATE call_document SET status = 'ready', pdf = $1, sha256 = $2, ready_at = now(), attempts = $3, failure_reason = NULL
   WHERE id = $4 AND generation = $5 AND status = 'queued'
  RETURNING id
)
SELECT audit_append($6::uuid, $7::timestamptz, $8::uuid, $9::varchar, $10::varchar, $11::varchar, $12::varchar, $13::jsonb, $14::jsonb, $15::text, $16::text) AS audit_seq
  FROM ready`;
