import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AppConfig, AuditCheckpoints, IdempotencyRepository } from '@app/core';
import { AUDIT_CHECKPOINT_JOB, MAINTENANCE_QUEUE, RETENTION_JOB } from '@app/letters/queue/maintenance-queue';
import { MaintenanceSchedule } from '@app/letters/worker/maintenance-schedule';
import { MaintenanceProcessor } from '@app/letters/worker/maintenance.processor';
import { OutboxRepository } from '@app/letters/worker/outbox.repository';
import { Retention } from '@app/letters/worker/retention';
import { asOwner } from '../support/db';
import { createCast, createDraft, openCall, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { startLettersWorker } from '../support/letters-worker';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The worker's housekeeping against the real PostgreSQL and Redis: the
 * processor run directly for the audit checkpoint and the retention rules,
 * the checkpoints served at GET /audit/checkpoints, and the job schedulers
 * the production worker module registers in BullMQ when it starts.
 */
describe('maintenance: audit checkpoints and retention', () => {
  let t: TestApp;
  let cast: Cast;
  let processor: MaintenanceProcessor;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    // The worker's processor on the API's providers (same database role, config and audit trail).
    const config = t.app.get(AppConfig);
    const retention = new Retention(new OutboxRepository(t.dataSource), t.app.get(IdempotencyRepository), config);
    processor = new MaintenanceProcessor(t.app.get(AuditCheckpoints), retention);
  }, 60_000);
  afterAll(() => t?.close());

  const run = (name: string) => processor.process({ name } as Job);
  const head = async () => {
    const [row] = await asOwner(async (c) => (await c.query<{ seq: string; hash: string; n: string }>('SELECT seq, hash, (SELECT count(*) FROM audit_event) AS n FROM audit_event ORDER BY seq DESC LIMIT 1')).rows);
    return { seq: Number(row.seq), hash: row.hash, count: Number(row.n) };
  };
  const checkpoints = (token: string, query = '') => t.http.get(`${API}/audit/checkpoints${query}`).auth(token, { type: 'bearer' });

  describe('the audit checkpoint', () => {
    it('stores the head (seq and hash), the number of events and the time, with its own audit event; the chain still verifies', async () => {
      const call = await openCall(t, cast.officer.token);
      await createDraft(t, cast.applicant.token, call);
      const before = await head();
      const started = Date.now();
      const checkpoint = (await run(AUDIT_CHECKPOINT_JOB)) as { id: string; headSeq: number; headHash: string; eventCount: number; takenAt: string };
      expect(checkpoint).toMatchObject({ headSeq: before.seq, headHash: before.hash, eventCount: before.count });
      expect(Math.abs(new Date(checkpoint.takenAt).getTime() - started)).toBeLessThan(60_000);
      // The event after the head it names records it.
      const after = await head();
      expect(after.seq).toBe(before.seq + 1);
      const [event] = (await t.http.get(`${API}/audit?entityType=audit_checkpoint&entityId=${checkpoint.id}`).auth(cast.admin.token, { type: 'bearer' })).body.items;
      expect(event).toMatchObject({ seq: after.seq, action: 'audit.checkpoint', actorUserId: null, prevHash: before.hash, after: checkpoint });
      expect((await t.http.get(`${API}/audit/verify`).auth(cast.admin.token, { type: 'bearer' })).body).toMatchObject({ ok: true, events: after.count });
    });

    it('GET /audit/checkpoints: newest first, paginated, for the Budget Department and admins (others 403)', async () => {
      const first = (await run(AUDIT_CHECKPOINT_JOB)) as { id: string; headSeq: number };
      const second = (await run(AUDIT_CHECKPOINT_JOB)) as { id: string; headSeq: number; headHash: string; eventCount: number; takenAt: string };
      // The second one's head is the first one's event.
      expect(second.headSeq).toBe(first.headSeq + 1);
      const page = await checkpoints(cast.budget.token, '?pageSize=1');
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 1, items: [second] });
      expect(page.body.total).toBeGreaterThanOrEqual(3);
      const next = await checkpoints(cast.admin.token, '?page=2&pageSize=1');
      expect(next.body.items).toEqual([expect.objectContaining({ id: first.id })]);
      for (const who of [cast.officer.token, cast.applicant.token, cast.commission.token]) {
        expectProblem(await checkpoints(who), 403, 'FORBIDDEN');
      }
      expectProblem(await checkpoints(cast.budget.token, '?pageSize=500'), 400, 'VALIDATION_FAILED');
    });

    it("only the database writes checkpoints: the API's role cannot insert, change or delete one; nobody changes one", async () => {
      const forged = `INSERT INTO audit_checkpoint (id, head_seq, head_hash, event_count, taken_at) VALUES (gen_random_uuid(), 1, repeat('0', 64), 1, now())`;
      for (const sql of [forged, 'UPDATE audit_checkpoint SET event_count = 0', 'DELETE FROM audit_checkpoint']) {
        await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied/);
      }
      await asOwner(async (owner) => {
        for (const sql of ['UPDATE audit_checkpoint SET event_count = 0', 'DELETE FROM audit_checkpoint', 'TRUNCATE audit_checkpoint']) {
          await expect(owner.query(sql)).rejects.toThrow(/append-only/);
        }
      });
    });
  });

  describe('the retention', () => {
    it('deletes sent outbox messages older than OUTBOX_RETENTION_DAYS and idempotency keys older than IDEMPOTENCY_RETENTION_HOURS; keeps the rest; logs the numbers', async () => {
      const call = await openCall(t, cast.officer.token);
      const draft = await createDraft(t, cast.applicant.token, call);
      const queuedLetter = randomUUID();
      const message = (label: string, letterId: string, sentAgo: string | null, createdAgo = '60 days') =>
        asOwner(async (c) =>
          (
            await c.query<{ id: string }>(
              `INSERT INTO outbox_message (topic, payload, created_at, sent_at)
               VALUES ('letter.render', jsonb_build_object('letterId', $1::text, 'label', $2::text), now() - $3::interval, now() - $4::interval) RETURNING id`,
              [letterId, label, createdAgo, sentAgo],
            )
          ).rows[0].id,
        );
      const key = (label: string, ago: string) =>
        asOwner((c) =>
          c.query(`INSERT INTO idempotency_key (user_id, key, request_hash, response_status, response_body, created_at) VALUES ($1, $2, repeat('a', 64), 201, '{}', now() - $3::interval)`, [
            cast.budget.id,
            `retention-${label}-${draft.id}`,
            ago,
          ]),
        );
      const ids = {
        old: await message('old', randomUUID(), '30 days 1 hour'),
        recent: await message('recent', randomUUID(), '29 days 23 hours'),
        pending: await message('pending', randomUUID(), null),
        ofQueuedLetter: await message('queued', queuedLetter, '90 days'),
      };
      await key('expired', '24 hours 1 minute');
      await key('abandoned', '10 days');
      await key('kept', '23 hours 59 minutes');
      await asOwner((c) =>
        c.query(`INSERT INTO letter (id, application_id, kind, status, data, created_at) VALUES ($1, $2, 'approval', 'queued', '{}', now() - interval '90 days')`, [
          queuedLetter,
          draft.id,
        ]),
      );
      const log = jest.spyOn(Logger.prototype, 'log');
      try {
        const result = await run(RETENTION_JOB);
        expect(result).toEqual({ outboxMessages: 1, idempotencyKeys: 2 });
        expect(log).toHaveBeenCalledWith(
          'Retention: deleted 1 sent outbox message(s) older than 30 day(s) and 2 idempotency key(s) older than 24 hour(s)',
        );
        const left = await asOwner(async (c) => (await c.query<{ id: string }>('SELECT id FROM outbox_message WHERE id = ANY($1::bigint[])', [Object.values(ids)])).rows.map((r) => r.id));
        expect(left.sort()).toEqual([ids.recent, ids.pending, ids.ofQueuedLetter].sort());
        const keys = await asOwner(async (c) => (await c.query<{ key: string }>('SELECT key FROM idempotency_key WHERE key LIKE $1', [`retention-%-${draft.id}`])).rows.map((r) => r.key));
        expect(keys).toEqual([`retention-kept-${draft.id}`]);
        // Nothing more to delete.
        expect(await run(RETENTION_JOB)).toEqual({ outboxMessages: 0, idempotencyKeys: 0 });
      } finally {
        log.mockRestore();
        await asOwner(async (c) => {
          await c.query('DELETE FROM outbox_message WHERE id = ANY($1::bigint[])', [Object.values(ids)]);
          await c.query('DELETE FROM letter WHERE id = $1', [queuedLetter]);
          await c.query('DELETE FROM idempotency_key WHERE key LIKE $1', [`retention-%-${draft.id}`]);
        });
      }
    });

    it('refuses a job it does not know', async () => {
      await expect(run('vacuum-everything')).rejects.toThrow('No such maintenance job: "vacuum-everything"');
    });
  });

  describe('the schedulers', () => {
    let worker: INestApplicationContext | undefined;
    afterAll(() => worker?.close());

    it('the worker registers both job schedulers when it starts: the cron patterns of the configuration, in Prague time', async () => {
      worker = await startLettersWorker();
      await worker.get(MaintenanceSchedule).registered;
      const queue = worker.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
      expect(await queue.getJobScheduler(AUDIT_CHECKPOINT_JOB)).toMatchObject({ key: AUDIT_CHECKPOINT_JOB, name: AUDIT_CHECKPOINT_JOB, pattern: '0 2 * * *', tz: 'Europe/Prague' });
      expect(await queue.getJobScheduler(RETENTION_JOB)).toMatchObject({ key: RETENTION_JOB, name: RETENTION_JOB, pattern: '30 2 * * *', tz: 'Europe/Prague' });
      expect(await queue.getJobSchedulersCount()).toBe(2);
      // Each has its next run waiting in the queue.
      const delayed = await queue.getDelayed();
      expect(delayed.map((job) => job.name).sort()).toEqual([AUDIT_CHECKPOINT_JOB, RETENTION_JOB]);
    });
  });
});
