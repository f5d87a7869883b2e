import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { LetterKind } from './domain/letter-kind';

/** The outbox topic the letters relay reads. */
export const LETTER_RENDER_TOPIC = 'letter.render';

export interface LetterRequest {
  applicationId: string;
  kind: LetterKind;
  /** When the decision was made: the letter's date and its PDF's creation date. */
  decidedAt: Date;
  /** What the decision says (reasons, due date, amount, body, resolution). */
  decision: Record<string, unknown>;
}

/**
 * Queues a decision letter inside the transaction of the decision: the
 * `letter` row (queued, with a snapshot of the recipient and the application)
 * and its `outbox_message`, in one statement. Nothing reaches Redis here: the
 * relay moves outbox rows to the queue, so a decision never waits for, nor
 * fails because of, Redis.
 */
@Injectable()
export class LetterRequests {
  async request(manager: EntityManager, request: LetterRequest): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('A letter is queued inside the transaction of its decision');
    const id = randomUUID();
    const rows: { id: string }[] = await manager.query(REQUEST, [
      request.applicationId,
      request.decidedAt,
      JSON.stringify(request.decision),
      id,
      request.kind,
      LETTER_RENDER_TOPIC,
    ]);
    if (!rows[0]?.id) throw new Error(`Application ${request.applicationId} vanished while its letter was queued`);
    return id;
  }
}

/**
 * The letter (queued, with a snapshot of the recipient and the application
 * from the view `letter_subject`, which money's single decision statement
 * reads too) and its outbox row.
 */
const REQUEST = `WITH letter_snapshot AS (
  SELECT application_id AS id, data || jsonb_build_object('decidedAt', $2::timestamptz, 'decision', $3::jsonb) AS data
    FROM letter_subject WHERE application_id = $1::uuid
), letter AS (
  INSERT INTO letter (id, application_id, kind, status, data, created_at)
  SELECT $4::uuid, id, $5, 'queued', data, $2::timestamptz FROM letter_snapshot
  RETURNING id
), letter_outbox AS (
  INSERT INTO outbox_message (topic, payload, created_at)
  SELECT $6, jsonb_build_object('letterId', id), $2::timestamptz FROM letter
  RETURNING id
)
SELECT id FROM letter`;
