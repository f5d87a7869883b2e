import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { LetterRenderer } from '@app/letters/render/letter-renderer';
import { QUEUE_PROCESSORS } from '@app/letters/worker/queue-processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { asOwner } from '../support/db';
import { setUpEvaluation, type Submitted } from '../support/evaluation';
import { createCast, type Cast } from '../support/factories';
import { API } from '../support/http';
import {
  correctionRequests,
  letterCounts,
  lettersSettled,
  pendingOutbox,
  readyEventsPerLetter,
  spawnLettersWorker,
  startLettersWorker,
  waitFor,
  workerStarted,
  type WorkerProcess,
} from '../support/letters-worker';
import { approve, recommendedApplications } from '../support/money';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The letters worker against the real PostgreSQL and Redis: the outbox relay,
 * rendering, ready/failed with their audit events, retry, a worker killed in
 * the middle of 200 letters. The queue prefix is this file's own (test-env).
 */

interface StoredPdf {
  status: string;
  sha256: string | null;
  pdf: Buffer | null;
  failure_reason: string | null;
  attempts: number;
  kind: string;
  data: unknown;
}

const storedLetter = (id: string) =>
  asOwner(async (c) => (await c.query<StoredPdf>('SELECT status, sha256, pdf, failure_reason, attempts, kind, data FROM letter WHERE id = $1', [id])).rows[0]);

describe('letters worker', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses to start when a served queue has no processor', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(QUEUE_PROCESSORS)
      .useValue([])
      .compile();
    await expect(moduleRef.init()).rejects.toThrow('The worker refuses to start: no processor for queue(s) "letters"');
    await moduleRef.close();
  });

  describe('in process', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await startLettersWorker();
    });
    afterAll(() => worker?.close());

    it('turns an approval into a ready Czech PDF, with its SHA-256 stored and audited', async () => {
      const setup = await recommendedApplications(t, cast, { applications: 1 });
      const app = setup.applications[0];
      const res = await approve(t, cast.officer.token, app.id, { amountCzk: 150_000, resolutionNumber: 'UZ-2027-0412' });
      expect(res.status).toBe(201);
      const letterId: string = res.body.letterId;
      await lettersSettled(t.dataSource, [letterId]);

      const letter = await storedLetter(letterId);
      expect(letter.status).toBe('ready');
      expect(letter.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
      expect(letter.sha256).toBe(createHash('sha256').update(letter.pdf!).digest('hex'));

      const text = pdfText(letter.pdf!);
      const data = letter.data as { recipient: { name: string; ico: string } };
      expect(text).toContain(data.recipient.name);
      expect(text).toContain(data.recipient.ico);
      expect(text).toContain(app.referenceNumber);
      expect(text).toContain('UZ-2027-0412');
      expect(text).toContain('150 000 Kč');
      expect(text).toContain('sto padesát tisíc korun českých');
      for (const ch of ['ě', 'š', 'č', 'ř', 'ž', 'ý', 'á', 'í', 'é', 'ů', 'ú']) expect(text).toContain(ch);
      // The call's settlement deadline (created on 2027-01-04 + 400 days: 8 February 2028), which the contract will copy; not a fixed 31 January.
      const callDue: string = (await t.http.get(`/api/v1/calls/${setup.call.callId}`)).body.settlementDueOn;
      expect(callDue).toBe('2028-02-08');
      expect((letter.data as { call: { settlementDueOn: string } }).call.settlementDueOn).toBe(callDue);
      expect(text).toContain('nejpozději do 8. února 2028');

      const events = await asOwner(
        async (c) =>
          (await c.query<{ after: { sha256: string }; actor_user_id: string | null }>(
            "SELECT after, actor_user_id FROM audit_event WHERE entity_type = 'letter' AND entity_id = $1 AND action = 'letter.ready'",
            [letterId],
          )).rows,
      );
      expect(events).toHaveLength(1);
      expect(events[0].after.sha256).toBe(letter.sha256);
      expect(events[0].actor_user_id).toBeNull();
    });

    it('renders the same letter again to the same bytes', async () => {
      const [letterId] = await correctionRequests(t, cast.officer.token, (await setUpEvaluation(t, cast.officer.token, { applications: 1, members: 0, eligible: false })).applications.map((a) => a.id), 1);
      await lettersSettled(t.dataSource, [letterId]);
      const letter = await storedLetter(letterId);
      const renderer = LetterRenderer.load(resolve('templates'));
      const again = await renderer.render({ id: letterId, kind: letter.kind as 'correction_request', data: letter.data });
      expect(again.sha256).toBe(letter.sha256);
      expect(again.pdf.equals(letter.pdf!)).toBe(true);
      const text = pdfText(letter.pdf!);
      expect(text).toContain('Doplňte čestné prohlášení statutárního orgánu');
    });

    it('renders every letter once when many decisions come at once, and a repeated hand-over adds nothing', async () => {
      const setup = await setUpEvaluation(t, cast.officer.token, { applications: 10, applicants: 5, members: 0, eligible: false });
      const ids = await correctionRequests(t, cast.officer.token, setup.applications.map((a) => a.id), 3);
      expect(ids).toHaveLength(30);
      expect(await lettersSettled(t.dataSource, ids)).toEqual({ queued: 0, ready: 30, failed: 0 });
      // The relay crashed between add and mark: the rows are handed over again.
      await asOwner((c) => c.query("UPDATE outbox_message SET sent_at = NULL WHERE payload->>'letterId' = ANY($1)", [ids]));
      await waitFor(async () => (await pendingOutbox(t.dataSource, ids)) === 0);
      await new Promise((r) => setTimeout(r, 500));
      const events = await readyEventsPerLetter(t.dataSource, ids);
      expect([...events.values()]).toEqual(Array(30).fill(1));
    });
  });

  describe('a letter whose rendering fails', () => {
    let worker: INestApplicationContext | undefined;
    afterAll(() => worker?.close());

    it('ends failed after five attempts with the reason, and an officer’s retry makes it ready once fixed', async () => {
      const setup = await setUpEvaluation(t, cast.officer.token, { applications: 1, members: 0, eligible: false });
      const [letterId] = await correctionRequests(t, cast.officer.token, [setup.applications[0].id], 1);
      // The letter's snapshot loses its recipient before any worker runs: rendering throws every time.
      const original = (await storedLetter(letterId)).data;
      await asOwner((c) => c.query("UPDATE letter SET data = data - 'recipient' WHERE id = $1", [letterId]));
      worker = await startLettersWorker();
      await lettersSettled(t.dataSource, [letterId]);
      const failed = await storedLetter(letterId);
      expect(failed.status).toBe('failed');
      expect(failed.attempts).toBe(5);
      expect(failed.failure_reason).toMatch(/recipient/i);
      const failedEvents = await asOwner(
        async (c) => (await c.query("SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'letter.failed'", [letterId])).rows,
      );
      expect(failedEvents).toHaveLength(1);

      await asOwner((c) => c.query('UPDATE letter SET data = $2 WHERE id = $1', [letterId, JSON.stringify(original)]));
      const retry = await t.http.post(`${API}/letters/${letterId}/retry`).auth(cast.officer.token, { type: 'bearer' });
      expect(retry.status).toBeLessThan(300);
      await lettersSettled(t.dataSource, [letterId]);
      const ready = await storedLetter(letterId);
      expect(ready.status).toBe('ready');
      expect(ready.failure_reason).toBeNull();
      expect((await readyEventsPerLetter(t.dataSource, [letterId])).get(letterId)).toBe(1);
    }, 60_000);
  });

  describe('a worker process killed in the middle of 200 letters', () => {
    const workers: WorkerProcess[] = [];
    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    });

    it('renders every letter exactly once after a restart, and a SIGTERM finishes the job in hand and exits 0', async () => {
      const setup = await setUpEvaluation(t, cast.officer.token, { applications: 20, applicants: 10, members: 0, eligible: false });
      const applications: Submitted[] = setup.applications;
      const ids = await correctionRequests(t, cast.officer.token, applications.map((a) => a.id), 10);
      expect(ids).toHaveLength(200);
      const started = Date.now();

      const first = spawnLettersWorker({ LETTER_CONCURRENCY: '4' });
      workers.push(first);
      await workerStarted(first);
      await waitFor(async () => (await letterCounts(t.dataSource, ids)).ready >= 40, 60_000);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const atKill = await letterCounts(t.dataSource, ids);
      expect(atKill.ready).toBeLessThan(200);

      const second = spawnLettersWorker({ LETTER_CONCURRENCY: '4' });
      workers.push(second);
      await workerStarted(second);
      expect(await lettersSettled(t.dataSource, ids, 90_000)).toEqual({ queued: 0, ready: 200, failed: 0 });
      console.log(`200 letters, one SIGKILL: all ready ${Date.now() - started} ms after the first worker started`);
      const events = await readyEventsPerLetter(t.dataSource, ids);
      expect(events.size).toBe(200);
      expect([...events.values()].every((n) => n === 1)).toBe(true);

      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(second.output()).toContain('Worker stopped');
      expect(second.output()).not.toMatch(/"level":(50|60)/);
    }, 180_000);
  });
});
