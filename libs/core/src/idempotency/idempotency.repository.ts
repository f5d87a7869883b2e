import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';

/** Stripe keeps keys for 24 hours; after that a key may start a new request. */
const RETENTION_HOURS = 24;
/** How long a duplicate waits for the first request with its key before answering 409. */
const WAIT_MS = 10_000;
const POLL_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims (user, key) in its own transaction, or returns the first response.
   * A duplicate that arrives while the first request runs waits for it (up to
   * WAIT_MS) and then gets the same answer; if the first fails, its key is
   * freed and the duplicate runs the request itself.
   */
  async claim(userId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_key (user_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT idempotency_key_pkey DO NOTHING RETURNING key`,
        [userId, key, requestHash],
      );
      if (inserted.length) return { kind: 'new' };
      const rows: { request_hash: string; response_status: number | null; response_body: unknown; expired: boolean }[] =
        await this.dataSource.query(
          `SELECT request_hash, response_status, response_body,
                  created_at < now() - make_interval(hours => $3) AS expired
             FROM idempotency_key WHERE user_id = $1 AND key = $2`,
          [userId, key, RETENTION_HOURS],
        );
      const row = rows[0];
      if (row?.expired) {
        // Only a row that is still expired goes: two duplicates that both saw it must not delete each other's new claim.
        await this.dataSource.query(
          'DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)',
          [userId, key, RETENTION_HOURS],
        );
        continue;
      }
      if (row && row.request_hash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request.');
      }
      if (row && row.response_status !== null) return { kind: 'replay', status: row.response_status, body: row.response_body };
      // Still running (or just released by a failure): wait and look again.
      if (Date.now() >= deadline) {
        throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.');
      }
      await sleep(POLL_MS);
    }
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2',
      [userId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed first request frees its key, so the client can retry with it. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2', [userId, key]);
  }
}
