import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentKind, DocumentStatus } from './document-kind';
import { DOCUMENT_RENDER_TOPIC } from './document-queue';

export interface DocumentRow {
  id: string;
  status: DocumentStatus;
  sha256: string | null;
  generation: number;
  failureReason: string | null;
}

/** The API's statements on `call_document`: find one, queue it (with its outbox message), queue a failed one again, read its PDF. */
@Injectable()
export class CallDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(kind: DocumentKind, subjectId: string, revision: number): Promise<DocumentRow | null> {
    const rows: DocumentRow[] = await this.dataSource.query(
      `SELECT id, status, sha256, generation, failure_reason AS "failureReason"
         FROM call_document WHERE kind = $1 AND subject_id = $2 AND revision = $3`,
      [kind, subjectId, revision],
    );
    return rows[0] ?? null;
  }

  /** The document, queued, and its outbox message; null when another request queued it first (nothing written). */
  async queue(manager: EntityManager, kind: DocumentKind, subjectId: string, revision: number, data: unknown, at: Date): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(QUEUE, [kind, subjectId, revision, JSON.stringify(data), at, DOCUMENT_RENDER_TOPIC]);
    return rows[0]?.id ?? null;
  }

  /** A failed document back to queued in its next generation, with its outbox message; null when it is not failed (any more). */
  async requeueFailed(manager: EntityManager, id: string, at: Date): Promise<{ generation: number; previousFailureReason: string } | null> {
    const rows: { generation: number; previous_failure_reason: string }[] = await manager.query(REQUEUE, [id, at, DOCUMENT_RENDER_TOPIC]);
    const r = rows[0];
    return r ? { generation: r.generation, previousFailureReason: r.previous_failure_reason } : null;
  }

  async pdfOf(id: string): Promise<Buffer | null> {
    const rows: { pdf: Buffer | null }[] = await this.dataSource.query('SELECT pdf FROM call_document WHERE id = $1', [id]);
    return rows[0]?.pdf ?? null;
  }
}

const QUEUE = `WITH queued AS (
  INSERT INTO call_document (kind, subject_id, revision, status, data, created_at)
  VALUES ($1, $2::uuid, $3, 'queued', $4::jsonb, $5::timestamptz)
  ON CONFLICT (kind, subject_id, revision) DO NOTHING
  RETURNING id, generation
), queued_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $6, jsonb_build_object('documentId', id, 'generation', generation), $5::timestamptz FROM queued
  RETURNING id
)
SELECT id FROM queued`;

const REQUEUE = `WITH previous AS (
  SELECT id, failure_reason FROM call_document WHERE id = $1 AND status = 'failed' FOR UPDATE
), requeued AS (
  UPDATE call_document d SET status = 'queued', generation = d.generation + 1, attempts = 0, failure_reason = NULL
    FROM previous p WHERE d.id = p.id
  RETURNING d.id, d.generation, p.failure_reason AS previous_failure_reason
), requeued_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $3, jsonb_build_object('documentId', id, 'generation', generation), $2::timestamptz FROM requeued
  RETURNING id
)
SELECT generation, previous_failure_reason FROM requeued`;
