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

/** Adds a value to the statement being built and answers its placeholder (`$n`). */
export type SqlBind = (value: unknown) => string;

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
    const values: unknown[] = [];
    const bind: SqlBind = (value) => `$${values.push(value)}`;
    const id = randomUUID();
    const rows: { id: string }[] = await manager.query(`WITH ${this.requestCtes(id, request, bind)} SELECT id FROM letter`, values);
    if (!rows[0]?.id) throw new Error(`Application ${request.applicationId} vanished while its letter was queued`);
    return id;
  }

  /**
   * The request as CTEs of a caller's statement (`letter_snapshot`, `letter`
   * and `letter_outbox`, the last two returning rows), for a decision that
   * writes everything in one statement; `id` is the letter's. With `source`
   * (the name of a CTE giving one row or none) the letter is queued only when
   * the source has its row. The caller runs the statement inside its transaction.
   */
  requestCtes(id: string, request: LetterRequest, bind: SqlBind, source?: string): string {
    const decidedAt = bind(request.decidedAt);
    return `letter_snapshot AS (
         SELECT a.id, jsonb_build_object(
                  'recipient', jsonb_build_object('name', o.name, 'ico', o.ico, 'street', o.street, 'city', o.city, 'postalCode', o.postal_code),
                  'application', jsonb_build_object('id', a.id, 'referenceNumber', a.reference_number, 'title', a.title,
                                                    'submittedAt', a.submitted_at, 'requestedCzk', a.requested_czk),
                  'part', jsonb_build_object('code', cp.code, 'name', cp.name),
                  'call', jsonb_build_object('id', c.id, 'title', c.title),
                  'programme', jsonb_build_object('code', p.code, 'name', p.name, 'year', p.year),
                  'decidedAt', ${decidedAt}::timestamptz,
                  'decision', ${bind(JSON.stringify(request.decision))}::jsonb) AS data
           FROM application a
           JOIN organisation o ON o.id = a.organisation_id
           JOIN call_part cp ON cp.id = a.call_part_id
           JOIN call c ON c.id = a.call_id
           JOIN programme p ON p.id = c.programme_id
          WHERE a.id = ${bind(request.applicationId)}::uuid${source ? ` AND EXISTS (SELECT 1 FROM ${source})` : ''}
       ), letter AS (
         INSERT INTO letter (id, application_id, kind, status, data, created_at)
         SELECT ${bind(id)}::uuid, id, ${bind(request.kind)}, 'queued', data, ${decidedAt}::timestamptz FROM letter_snapshot
         RETURNING id
       ), letter_outbox AS (
         INSERT INTO outbox_message (topic, payload, created_at)
         SELECT ${bind(LETTER_RENDER_TOPIC)}, jsonb_build_object('letterId', id), ${decidedAt}::timestamptz FROM letter
         RETURNING id
       )`;
  }
}
