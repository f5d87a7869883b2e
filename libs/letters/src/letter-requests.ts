import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LetterKind } from './letter.entity';

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
    const rows: { id: string }[] = await manager.query(
      `WITH snapshot AS (
         SELECT jsonb_build_object(
                  'recipient', jsonb_build_object('name', o.name, 'ico', o.ico, 'street', o.street, 'city', o.city, 'postalCode', o.postal_code),
                  'application', jsonb_build_object('id', a.id, 'referenceNumber', a.reference_number, 'title', a.title,
                                                    'submittedAt', a.submitted_at, 'requestedCzk', a.requested_czk),
                  'part', jsonb_build_object('code', cp.code, 'name', cp.name),
                  'call', jsonb_build_object('id', c.id, 'title', c.title),
                  'programme', jsonb_build_object('code', p.code, 'name', p.name, 'year', p.year),
                  'decidedAt', $3::timestamptz,
                  'decision', $4::jsonb) AS data
           FROM application a
           JOIN organisation o ON o.id = a.organisation_id
           JOIN call_part cp ON cp.id = a.call_part_id
           JOIN call c ON c.id = a.call_id
           JOIN programme p ON p.id = c.programme_id
          WHERE a.id = $1
       ), letter AS (
         INSERT INTO letter (application_id, kind, status, data, created_at)
         SELECT $1, $2, 'queued', data, $3 FROM snapshot
         RETURNING id
       ), outbox AS (
         INSERT INTO outbox_message (topic, payload, created_at)
         SELECT $5, jsonb_build_object('letterId', id), $3 FROM letter
       )
       SELECT id FROM letter`,
      [request.applicationId, request.kind, request.decidedAt, JSON.stringify(request.decision), LETTER_RENDER_TOPIC],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`Application ${request.applicationId} vanished while its letter was queued`);
    return id;
  }
}
