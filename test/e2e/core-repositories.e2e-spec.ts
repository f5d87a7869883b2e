import { createHash, randomUUID } from 'node:crypto';
import { AuditTrail, DomainError } from '@app/core';
import { AuditEventsRepository } from '@app/core/audit/audit-events.repository';
import { IdempotencyRepository, type IdempotencyClaim } from '@app/core/idempotency/idempotency.repository';
import { createCast, registerApplicant, unique, type Applicant, type Cast } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Thrown to roll a test's transaction back once it has read what it wrote. */
class RollBack extends Error {}

/**
 * core's repositories against the real database. IdempotencyRepository, as
 * IdempotencyInterceptor relies on it: a claim is new once per (user, key);
 * the same request again replays the stored answer, waits while the first
 * still runs, runs itself when the first failed and released the key, and
 * answers 409 codes for another request under the key or a first request that
 * does not finish; after 24 hours a key is free again. AuditEventsRepository:
 * the append chains onto the head inside the caller's transaction (and the
 * chain still verifies), and refuses to run outside one.
 */
describe('core repositories', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const failure = (work: Promise<unknown>) =>
    work.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e,
    );
  const codeOf = async (work: Promise<unknown>) => {
    const error = await failure(work);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };

  describe('IdempotencyRepository', () => {
    const repo = () => t.app.get(IdempotencyRepository);
    /** Fresh users of their own: their keys are this file's, deleted afterwards. */
    let user: Applicant;
    let other: Applicant;
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    const H1 = hash('POST /api/v1/applications/1/submit\nnull');
    const H2 = hash('POST /api/v1/applications/2/submit\nnull');

    beforeAll(async () => {
      [user, other] = await Promise.all([registerApplicant(t), registerApplicant(t)]);
    });
    afterAll(async () => {
      await t?.dataSource.query('DELETE FROM idempotency_key WHERE user_id = ANY($1::uuid[])', [[user?.userId, other?.userId].filter(Boolean)]);
    });

    const rowOf = async (userId: string, key: string) =>
      (
        (await t.dataSource.query(
          `SELECT request_hash, response_status, response_body, created_at > now() - interval '1 minute' AS fresh FROM idempotency_key WHERE user_id = $1 AND key = $2`,
          [userId, key],
        )) as { request_hash: string; response_status: number | null; response_body: unknown; fresh: boolean }[]
      )[0];
    /** Set-up: the key as if claimed `age` ago (a PostgreSQL interval). */
    const age = (userId: string, key: string, interval: string) =>
      t.dataSource.query(`UPDATE idempotency_key SET created_at = now() - $3::interval WHERE user_id = $1 AND key = $2`, [userId, key, interval]);
    /** A claim's promise and whether it has settled yet. */
    const watch = (claim: Promise<IdempotencyClaim>) => {
      const state: { settled: boolean; claim: Promise<IdempotencyClaim> } = { settled: false, claim };
      claim.then(
        () => (state.settled = true),
        () => (state.settled = true),
      );
      return state;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('claim: the first claim of a key is new and inserts it, in progress (no response yet)', async () => {
      const key = `k-${unique()}`;
      expect(await rowOf(user.userId, key)).toBeUndefined();
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'new' });
      expect(await rowOf(user.userId, key)).toEqual({ request_hash: H1, response_status: null, response_body: null, fresh: true });
    });

    it('complete stores the answer; the same request again replays it, and changes nothing', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      const body = { id: randomUUID(), status: 'submitted', referenceNumber: 'TEST-2030-1-0007', amounts: [1, 2], nothing: null };
      await repo().complete(user.userId, key, 200, body);
      expect(await rowOf(user.userId, key)).toEqual({ request_hash: H1, response_status: 200, response_body: body, fresh: true });
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 200, body });
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 200, body });
      expect(await rowOf(user.userId, key)).toEqual({ request_hash: H1, response_status: 200, response_body: body, fresh: true });
    });

    it('complete without a body stores JSON null, which replays as null', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      await repo().complete(user.userId, key, 204, undefined);
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 204, body: null });
    });

    it('complete of a key nobody claimed (or one released) writes nothing', async () => {
      const key = `k-${unique()}`;
      await repo().complete(user.userId, key, 201, { ok: true });
      expect(await rowOf(user.userId, key)).toBeUndefined();
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'new' });
    });

    it('keys are per user: the same key of another user is a claim of its own', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      await repo().complete(user.userId, key, 201, { mine: true });
      expect(await repo().claim(other.userId, key, H2)).toEqual({ kind: 'new' });
      await repo().complete(other.userId, key, 200, { theirs: true });
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 201, body: { mine: true } });
      expect(await repo().claim(other.userId, key, H2)).toEqual({ kind: 'replay', status: 200, body: { theirs: true } });
    });

    it('release frees a key in progress, never one that holds an answer (its change committed), nor another user\'s', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      await repo().complete(user.userId, key, 201, { mine: true });
      expect(await repo().claim(other.userId, key, H2)).toEqual({ kind: 'new' });
      await repo().release(other.userId, key);
      expect(await rowOf(other.userId, key)).toBeUndefined();
      expect(await rowOf(user.userId, key)).toMatchObject({ response_status: 201 });
      await repo().release(user.userId, key);
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 201, body: { mine: true } });
    });

    it('completeIn stores the answer in the caller\'s transaction: gone with its rollback; a claim that is gone fails the transaction', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      await expect(
        t.dataSource.transaction(async (manager) => {
          await repo().completeIn(manager, user.userId, key, 201, { rolledBack: true });
          expect((await manager.query('SELECT response_status FROM idempotency_key WHERE user_id = $1 AND key = $2', [user.userId, key]))[0].response_status).toBe(201);
          throw new RollBack();
        }),
      ).rejects.toBeInstanceOf(RollBack);
      expect(await rowOf(user.userId, key)).toMatchObject({ response_status: null });
      await t.dataSource.transaction((manager) => repo().completeIn(manager, user.userId, key, 201, { committed: true }));
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 201, body: { committed: true } });
      // Completed already, or never claimed: refused, so the business change rolls back with it.
      await expect(t.dataSource.transaction((manager) => repo().completeIn(manager, user.userId, key, 201, { again: true }))).rejects.toThrow(/claim .* is gone/);
      await expect(t.dataSource.transaction((manager) => repo().completeIn(manager, user.userId, `k-${unique()}`, 201, {}))).rejects.toThrow(/claim .* is gone/);
    });

    it('purgeExpired deletes the keys older than IDEMPOTENCY_RETENTION_HOURS (answered or abandoned), keeps the others, and counts', async () => {
      const [answered, abandoned, kept] = [`k-${unique()}`, `k-${unique()}`, `k-${unique()}`];
      for (const key of [answered, abandoned, kept]) await repo().claim(user.userId, key, H1);
      await repo().complete(user.userId, answered, 201, { old: true });
      await age(user.userId, answered, '24 hours 1 minute');
      await age(user.userId, abandoned, '3 days');
      await age(user.userId, kept, '23 hours 59 minutes');
      expect(await repo().purgeExpired()).toBeGreaterThanOrEqual(2);
      expect(await rowOf(user.userId, answered)).toBeUndefined();
      expect(await rowOf(user.userId, abandoned)).toBeUndefined();
      expect(await rowOf(user.userId, kept)).toMatchObject({ request_hash: H1 });
      expect(await repo().purgeExpired()).toBe(0);
    });

    it('another request under a used key is IDEMPOTENCY_KEY_REUSED, finished or still running, and changes nothing', async () => {
      const running = `k-${unique()}`;
      await repo().claim(user.userId, running, H1);
      const started = Date.now();
      expect(await codeOf(repo().claim(user.userId, running, H2))).toBe('IDEMPOTENCY_KEY_REUSED');
      // It does not wait for the first request to finish.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await rowOf(user.userId, running)).toMatchObject({ request_hash: H1, response_status: null });

      const finished = `k-${unique()}`;
      await repo().claim(user.userId, finished, H1);
      await repo().complete(user.userId, finished, 201, { id: 1 });
      expect(await codeOf(repo().claim(user.userId, finished, H2))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await rowOf(user.userId, finished)).toEqual({ request_hash: H1, response_status: 201, response_body: { id: 1 }, fresh: true });
    });

    it('a duplicate that arrives while the first request runs waits for it, then gets its answer', async () => {
      const key = `k-${unique()}`;
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'new' });
      const duplicate = watch(repo().claim(user.userId, key, H1));
      await sleep(300);
      expect(duplicate.settled).toBe(false);
      await repo().complete(user.userId, key, 201, { id: 'first' });
      expect(await duplicate.claim).toEqual({ kind: 'replay', status: 201, body: { id: 'first' } });
    });

    it('release: a failed first request frees its key; a waiting duplicate then runs the request itself', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      const duplicate = watch(repo().claim(user.userId, key, H1));
      await sleep(300);
      expect(duplicate.settled).toBe(false);
      await repo().release(user.userId, key);
      expect(await duplicate.claim).toEqual({ kind: 'new' });
      // The key is the duplicate's now, in progress.
      expect(await rowOf(user.userId, key)).toEqual({ request_hash: H1, response_status: null, response_body: null, fresh: true });
      // A release with nothing to release is harmless.
      await repo().release(user.userId, `k-${unique()}`);
    });

    it('claims sent at once: exactly one is new, the others wait and replay its answer', async () => {
      const key = `k-${unique()}`;
      const results: IdempotencyClaim[] = [];
      const claims = Array.from({ length: 6 }, () =>
        repo()
          .claim(user.userId, key, H1)
          .then((r) => {
            results.push(r);
            return r;
          }),
      );
      for (let i = 0; i < 200 && results.length === 0; i++) await sleep(25);
      await sleep(200);
      expect(results).toEqual([{ kind: 'new' }]);
      await repo().complete(user.userId, key, 200, { once: true });
      const all = await Promise.all(claims);
      expect(all.filter((c) => c.kind === 'new')).toHaveLength(1);
      expect(all.filter((c) => c.kind === 'replay')).toEqual(Array.from({ length: 5 }, () => ({ kind: 'replay', status: 200, body: { once: true } })));
    });

    it('a first request that does not finish within the wait: IDEMPOTENCY_REQUEST_IN_PROGRESS, the key still its', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      // The wait is 10 seconds of wall time; the repository reads it from Date.now, which jumps past it once the duplicate waits.
      const realNow = Date.now.bind(Date);
      const now = jest.spyOn(Date, 'now');
      try {
        const duplicate = repo().claim(user.userId, key, H1);
        now.mockImplementation(() => realNow() + 10_000);
        expect(await codeOf(duplicate)).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      } finally {
        now.mockRestore();
      }
      expect(await rowOf(user.userId, key)).toEqual({ request_hash: H1, response_status: null, response_body: null, fresh: true });
    });

    it('after 24 hours a key is free again: a claim, with any request, is new and replaces the old row', async () => {
      const done = `k-${unique()}`;
      await repo().claim(user.userId, done, H1);
      await repo().complete(user.userId, done, 201, { old: true });
      await age(user.userId, done, '24 hours 1 minute');
      // Not a replay of the old answer.
      expect(await repo().claim(user.userId, done, H1)).toEqual({ kind: 'new' });
      expect(await rowOf(user.userId, done)).toEqual({ request_hash: H1, response_status: null, response_body: null, fresh: true });

      const abandoned = `k-${unique()}`;
      await repo().claim(user.userId, abandoned, H1);
      await age(user.userId, abandoned, '24 hours 1 minute');
      // Neither "reused" nor "in progress".
      expect(await repo().claim(user.userId, abandoned, H2)).toEqual({ kind: 'new' });
      expect(await rowOf(user.userId, abandoned)).toEqual({ request_hash: H2, response_status: null, response_body: null, fresh: true });
    });

    it('claims sent at once on an expired key: still exactly one is new (none deletes another\'s fresh claim)', async () => {
      for (let round = 0; round < 5; round++) {
        const key = `k-${unique()}`;
        await repo().claim(user.userId, key, H1);
        await repo().complete(user.userId, key, 201, { old: true });
        await age(user.userId, key, '25 hours');
        const results: IdempotencyClaim[] = [];
        const claims = Array.from({ length: 8 }, () => repo().claim(user.userId, key, H1).then((r) => (results.push(r), r)));
        for (let i = 0; i < 200 && results.length === 0; i++) await sleep(25);
        await sleep(200);
        expect(results).toEqual([{ kind: 'new' }]);
        await repo().complete(user.userId, key, 200, { fresh: true });
        const all = await Promise.all(claims);
        expect(all.filter((c) => c.kind === 'new')).toHaveLength(1);
      }
    });

    it('within 24 hours a key is kept: still replayed, still refused for another request', async () => {
      const key = `k-${unique()}`;
      await repo().claim(user.userId, key, H1);
      await repo().complete(user.userId, key, 201, { kept: true });
      await age(user.userId, key, '23 hours 59 minutes');
      expect(await repo().claim(user.userId, key, H1)).toEqual({ kind: 'replay', status: 201, body: { kept: true } });
      expect(await codeOf(repo().claim(user.userId, key, H2))).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('AuditEventsRepository', () => {
    const repo = () => t.app.get(AuditEventsRepository);
    const trail = () => t.app.get(AuditTrail);
    const record = (action: string) => ({
      actor: { id: cast.officer.id, role: 'officer' as const },
      action,
      entityType: 'test_entity',
      entityId: randomUUID(),
      before: { state: 'a', amountCzk: 100 },
      after: { state: 'b', amountCzk: 200 },
      reason: 'repository test',
    });
    interface EventRow {
      seq: string;
      id: string;
      occurred_at: Date;
      actor_user_id: string | null;
      actor_role: string | null;
      action: string;
      entity_type: string;
      entity_id: string | null;
      before: unknown;
      after: unknown;
      reason: string | null;
      prev_hash: string;
      hash: string;
    }
    const eventsById = async (ids: string[]) =>
      (await t.dataSource.query(
        `SELECT seq::text AS seq, id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, before, after, reason, prev_hash, hash
           FROM audit_event WHERE id = ANY($1::uuid[]) ORDER BY audit_event.seq`,
        [ids],
      )) as EventRow[];
    const sha = (prev: string, seq: string, payload: unknown) => createHash('sha256').update(`${prev}\n${seq}\n${String(payload)}`).digest('hex');

    it('append, inside a transaction: the events chain onto the head, in order, hashed over the payload; the chain verifies', async () => {
      const first = trail().prepare(record('test.first'));
      const second = trail().prepare(record('test.second'));
      const head = await t.dataSource.transaction(async (m) => {
        const [h] = (await m.query('SELECT seq::text AS seq, hash FROM audit_event ORDER BY audit_event.seq DESC LIMIT 1')) as { seq: string; hash: string }[];
        await repo().append(m, first.params);
        await repo().append(m, second.params);
        return h ?? { seq: '0', hash: '0'.repeat(64) };
      });
      const [a, b] = await eventsById([first.params[0] as string, second.params[0] as string]);
      const r = record('test.first');
      expect(a).toEqual({
        seq: String(Number(head.seq) + 1),
        id: first.params[0],
        occurred_at: t.clock.now(),
        actor_user_id: cast.officer.id,
        actor_role: 'officer',
        action: 'test.first',
        entity_type: 'test_entity',
        entity_id: first.params[6],
        before: r.before,
        after: r.after,
        reason: 'repository test',
        prev_hash: head.hash,
        hash: sha(head.hash, String(Number(head.seq) + 1), first.params[10]),
      });
      expect(b).toMatchObject({ seq: String(Number(head.seq) + 2), action: 'test.second', prev_hash: a.hash, hash: sha(a.hash, b.seq, second.params[10]) });
      expect(await trail().verify()).toMatchObject({ ok: true });
    });

    it('an append rolled back with its transaction leaves no event, and the next one chains onto the real head', async () => {
      const lost = trail().prepare(record('test.lost'));
      await t.dataSource
        .transaction(async (m) => {
          await repo().append(m, lost.params);
          expect(await m.query('SELECT 1 FROM audit_event WHERE id = $1', [lost.params[0]])).toHaveLength(1);
          throw new RollBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
      expect(await eventsById([lost.params[0] as string])).toEqual([]);
      const kept = trail().prepare(record('test.kept'));
      const head = await t.dataSource.transaction(async (m) => {
        const [h] = (await m.query('SELECT seq::text AS seq, hash FROM audit_event ORDER BY audit_event.seq DESC LIMIT 1')) as { seq: string; hash: string }[];
        await repo().append(m, kept.params);
        return h;
      });
      expect(await eventsById([kept.params[0] as string])).toEqual([expect.objectContaining({ seq: String(Number(head.seq) + 1), prev_hash: head.hash })]);
      expect(await trail().verify()).toMatchObject({ ok: true });
    });

    it("two transactions appending at once: the second waits for the first's commit and chains onto its event", async () => {
      const [r1, r2] = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
      const first = trail().prepare(record('test.concurrent.first'));
      const second = trail().prepare(record('test.concurrent.second'));
      try {
        await r1.startTransaction();
        await r2.startTransaction();
        await repo().append(r1.manager, first.params);
        let secondDone = false;
        const appending = repo()
          .append(r2.manager, second.params)
          .then(() => (secondDone = true));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(secondDone).toBe(false);
        await r1.commitTransaction();
        await appending;
        await r2.commitTransaction();
      } finally {
        for (const r of [r1, r2]) {
          if (r.isTransactionActive) await r.rollbackTransaction();
          await r.release();
        }
      }
      const [a, b] = await eventsById([first.params[0] as string, second.params[0] as string]);
      expect(a.action).toBe('test.concurrent.first');
      expect(b).toMatchObject({ action: 'test.concurrent.second', seq: String(Number(a.seq) + 1), prev_hash: a.hash });
      expect(await trail().verify()).toMatchObject({ ok: true });
    });

    it('refuses to run outside a transaction, and writes nothing', async () => {
      const event = trail().prepare(record('test.outside'));
      expect(String(await failure(repo().append(t.dataSource.manager, event.params)))).toMatch(/must run inside a transaction/);
      expect(await eventsById([event.params[0] as string])).toEqual([]);
    });
  });
});
