import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** An outbox row claimed for hand-over to the queue. */
export interface PendingOutboxMessage {
  id: string;
  payload: Record<string, unknown>;
}

/** A queued letter and the generation its job renders. */
export interface WaitingLetter {
  letterId: string;
  generation: number;
}

/** A queued call document and the generation its job renders. */
export interface WaitingDocument {
  documentId: string;
  generation: number;
}

/**
 * The worker's statements on the outbox: the relay claims pending messages
 * and marks them sent in its transaction; the rescue finds queued letters
 * whose messages were all handed over long ago; the retention job deletes
 * old sent messages.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` unsent messages of the topic, oldest first, row-locked to
   * the end of the caller's transaction; rows another transaction holds are
   * skipped (FOR UPDATE SKIP LOCKED), so several workers share the work.
   */
  claimPending(manager: EntityManager, topic: string, limit: number): Promise<PendingOutboxMessage[]> {
    return manager.query(
      `SELECT id, payload FROM outbox_message
        WHERE sent_at IS NULL AND topic = $1
        ORDER BY id LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [topic, limit],
    );
  }

  async markSent(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query('UPDATE outbox_message SET sent_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  /**
   * Up to `limit` letters still queued `ageMs` after their last hand-over
   * (sent_at, by the database's clock, not the letter's own time) with no
   * message of the topic pending, longest-waiting first.
   */
  queuedLettersSentBefore(ageMs: number, topic: string, limit: number): Promise<WaitingLetter[]> {
    return this.dataSource.query(
      `SELECT l.id AS "letterId", l.generation
         FROM letter l
         JOIN (SELECT payload->>'letterId' AS letter_id, bool_or(sent_at IS NULL) AS pending, max(sent_at) AS last_sent
                 FROM outbox_message
                WHERE topic = $2 AND payload->>'letterId' IN (SELECT id::text FROM letter WHERE status = 'queued')
                GROUP BY 1) o ON o.letter_id = l.id::text
        WHERE l.status = 'queued' AND NOT o.pending
          AND o.last_sent < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY o.last_sent LIMIT $3`,
      [ageMs, topic, limit],
    );
  }

  /** The same for the call's documents (their messages carry `documentId`). */
  queuedDocumentsSentBefore(ageMs: number, topic: string, limit: number): Promise<WaitingDocument[]> {
    return this.dataSource.query(
      `SELECT d.id AS "documentId", d.generation
         FROM call_document d
         JOIN (SELECT payload->>'documentId' AS document_id, bool_or(sent_at IS NULL) AS pending, max(sent_at) AS last_sent
                 FROM outbox_message
                WHERE topic = $2 AND payload->>'documentId' IN (SELECT id::text FROM call_document WHERE status = 'queued')
                GROUP BY 1) o ON o.document_id = d.id::text
        WHERE d.status = 'queued' AND NOT o.pending
          AND o.last_sent < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY o.last_sent LIMIT $3`,
      [ageMs, topic, limit],
    );
  }

  /**
   * Deletes the messages handed over to the queue more than `days` ago (by
   * the database's clock), except those of letters and documents still queued, which the
   * lost-job rescue reads; the number deleted. Pending messages always stay.
   */
  async purgeSentBefore(days: number): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `WITH purged AS (
         DELETE FROM outbox_message o
          WHERE o.sent_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.id::text = o.payload->>'letterId' AND l.status = 'queued')
            AND NOT EXISTS (SELECT 1 FROM call_document d WHERE d.id::text = o.payload->>'documentId' AND d.status = 'queued')
         RETURNING 1)
       SELECT count(*)::int AS n FROM purged`,
      [days],
    );
    return row.n;
  }
}
