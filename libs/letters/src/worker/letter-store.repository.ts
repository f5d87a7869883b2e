import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/core';
import type { LetterKind, LetterStatus } from '../domain/letter-kind';

export interface StoredLetter {
  id: string;
  applicationId: string;
  kind: LetterKind;
  status: LetterStatus;
  generation: number;
  data: unknown;
}

/**
 * The worker's reads and writes of letters. Becoming ready or failed is
 * conditional on the letter still waiting in the job's generation, so a
 * repeated or stale job changes nothing, and writes its audit event in the
 * same transaction (actor: the system): the event belongs to the statement
 * or transaction of the change, so it is written here, with the change.
 */
@Injectable()
export class LetterStoreRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async load(id: string): Promise<StoredLetter | null> {
    const rows: StoredLetter[] = await this.dataSource.query(
      `SELECT id, application_id AS "applicationId", kind, status, generation, data FROM letter WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * True when this call made the letter ready; false when it was not waiting (any more) in this generation.
   * One statement (atomic on its own): the update, then the audit event for the row it changed, so the
   * audit chain's lock is held only to the end of the statement rather than across round trips.
   */
  async markReady(letter: StoredLetter, rendered: { pdf: Buffer; sha256: string }, attempts: number): Promise<boolean> {
    const event = this.audit.prepare({
      actor: null,
      action: 'letter.ready',
      entityType: 'letter',
      entityId: letter.id,
      before: { status: 'queued', generation: letter.generation },
      after: { status: 'ready', applicationId: letter.applicationId, kind: letter.kind, sha256: rendered.sha256, bytes: rendered.pdf.length, attempts },
    });
    const rows: unknown[] = await this.dataSource.query(MARK_READY, [rendered.pdf, rendered.sha256, attempts, letter.id, letter.generation, ...event.params]);
    return rows.length > 0;
  }

  /** After the last attempt: failed with the reason, for an officer to retry. */
  async markFailed(letterId: string, generation: number, reason: string, attempts: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { application_id: string; kind: string }[] = await manager.query(
        `WITH failed AS (
           UPDATE letter SET status = 'failed', failure_reason = $3, attempts = $4
            WHERE id = $1 AND generation = $2 AND status = 'queued'
            RETURNING application_id, kind
         )
         SELECT application_id, kind FROM failed`,
        [letterId, generation, reason, attempts],
      );
      if (rows.length === 0) return false;
      await this.audit.append(manager, {
        actor: null,
        action: 'letter.failed',
        entityType: 'letter',
        entityId: letterId,
        before: { status: 'queued', generation },
        after: { status: 'failed', applicationId: rows[0].application_id, kind: rows[0].kind, reason, attempts },
      });
      return true;
    });
  }
}

/** The PDF in, then the audit event ($6…$16) for the row it changed: one row from `ready` or none, so no event when nothing changed. */
const MARK_READY = `WITH ready AS (
  UPDATE letter SET status = 'ready', pdf = $1, sha256 = $2, ready_at = now(), attempts = $3, failure_reason = NULL
   WHERE id = $4 AND generation = $5 AND status = 'queued'
  RETURNING id
)
SELECT audit_append($6::uuid, $7::timestamptz, $8::uuid, $9::varchar, $10::varchar, $11::varchar, $12::varchar, $13::jsonb, $14::jsonb, $15::text, $16::text) AS audit_seq
  FROM ready`;
