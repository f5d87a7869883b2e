import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
/** How long a duplicate waits for the first request with its key before answering 409. */
const WAIT_MS = 10_000;
const POLL_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

@Injectable()
export class IdempotencyRepository {
  /** Keys are kept IDEMPOTENCY_RETENTION_HOURS (at least 24, Stripe's semantics); after that a key may start a new request. */
  private readonly retentionHours: number;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.retentionHours = config.get('IDEMPOTENCY_RETENTION_HOURS');
  }

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
          [userId, key, this.retentionHours],
        );
      const row = rows[0];
      if (row?.expired) {
        // Only a row that is still expired goes: two duplicates that both saw it must not delete each other's new claim.
        await this.dataSource.query(
          'DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)',
          [userId, key, this.retentionHours],
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

  /**
   * Stores the answer inside the business transaction (`manager`), as its
   * last write before COMMIT: the change and its answer commit together.
   * Only a claim still in progress is completed; a claim that is gone (purged
   * after the retention, released) fails the transaction, so the change is
   * never made without the key that guards it.
   */
  async completeIn(manager: EntityManager, userId: string, key: string, status: number, body: unknown, replace = false): Promise<void> {
    const [completed]: { n: number }[] = await manager.query(
      `WITH completed AS (
         UPDATE idempotency_key SET response_status = $3, response_body = $4
          WHERE user_id = $1 AND key = $2 AND (response_status IS NULL OR $5) RETURNING 1)
       SELECT count(*)::int AS n FROM completed`,
      [userId, key, status, JSON.stringify(body ?? null), replace],
    );
    if (completed.n !== 1) throw new Error('The Idempotency-Key claim of this request is gone: the change is rolled back.');
  }

  /** Stores the answer of a request that ran no transaction (or corrects the one its transaction stored). */
  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2',
      [userId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /**
   * A failed first request frees its key, so the client can retry with it.
   * A key that holds an answer stays: its transaction committed, and what
   * failed came after (the retry gets that answer).
   */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND response_status IS NULL', [userId, key]);
  }

  /**
   * The retention job: deletes every expired key, claimed more than
   * IDEMPOTENCY_RETENTION_HOURS ago (answered, or abandoned by a process that
   * died before its commit); the number deleted.
   */
  async purgeExpired(): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `WITH purged AS (DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM purged`,
      [this.retentionHours],
    );
    return row.n;
  }
}
