import type { TestApp } from './test-app';
import { asOwner } from './db';
import { API } from './http';

/**
 * The letters endpoints (raw responses) and what the tests read of letters,
 * their outbox messages and audit events as the database owner.
 */

export function listLetters(t: TestApp, token: string, applicationId: string) {
  return t.http.get(`${API}/applications/${applicationId}/letters`).auth(token, { type: 'bearer' });
}

/** The PDF as a Buffer in `body`; problem details parsed as JSON as usual. */
export function downloadLetter(t: TestApp, token: string, letterId: string, ifNoneMatch?: string) {
  const req = t.http
    .get(`${API}/letters/${letterId}/pdf`)
    .auth(token, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const json = /json/.test(String(res.headers['content-type'])) && bytes.length > 0;
        done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });
  return ifNoneMatch === undefined ? req : req.set('If-None-Match', ifNoneMatch);
}

export function retryLetter(t: TestApp, token: string, letterId: string) {
  return t.http.post(`${API}/letters/${letterId}/retry`).auth(token, { type: 'bearer' });
}

export interface StoredLetter {
  id: string;
  applicationId: string;
  kind: string;
  status: string;
  generation: number;
  attempts: number;
  failureReason: string | null;
  sha256: string | null;
}

const STORED_LETTER = `SELECT id, application_id AS "applicationId", kind, status, generation, attempts, failure_reason AS "failureReason", sha256 FROM letter`;

/** The applications' letters, oldest first. */
export function storedLetters(applicationIds: readonly string[]): Promise<StoredLetter[]> {
  return asOwner(async (c) => (await c.query<StoredLetter>(`${STORED_LETTER} WHERE application_id = ANY($1::uuid[]) ORDER BY created_at, id`, [applicationIds])).rows);
}

export async function storedLetter(letterId: string): Promise<StoredLetter> {
  const [letter] = await asOwner(async (c) => (await c.query<StoredLetter>(`${STORED_LETTER} WHERE id = $1`, [letterId])).rows);
  if (!letter) throw new Error(`no letter ${letterId}`);
  return letter;
}

/** The letter's outbox messages, oldest first. */
export function outboxOf(letterId: string): Promise<{ id: string; topic: string; payload: Record<string, unknown>; sentAt: Date | null }[]> {
  return asOwner(async (c) => {
    const { rows } = await c.query(
      `SELECT o.id::text AS id, o.topic, o.payload, o.sent_at AS "sentAt" FROM outbox_message o WHERE o.payload->>'letterId' = $1 ORDER BY o.id`,
      [letterId],
    );
    return rows;
  });
}

/**
 * Stands in for the worker's last failed attempt (the worker is not part of
 * these tests): the relay has handed the letter's messages over, all attempts
 * are used up, and the letter is `failed` with a reason. Only a queued letter.
 */
export async function simulateWorkerGaveUp(letterId: string, reason = 'simulated: template letters/approval.txt missing'): Promise<void> {
  await asOwner(async (c) => {
    await c.query('BEGIN');
    await c.query(`UPDATE outbox_message SET sent_at = now() WHERE payload->>'letterId' = $1 AND sent_at IS NULL`, [letterId]);
    const { rowCount } = await c.query(`UPDATE letter SET status = 'failed', attempts = 5, failure_reason = $2 WHERE id = $1 AND status = 'queued'`, [letterId, reason]);
    if (rowCount !== 1) {
      await c.query('ROLLBACK');
      throw new Error(`letter ${letterId} is not queued`);
    }
    await c.query('COMMIT');
  });
}
