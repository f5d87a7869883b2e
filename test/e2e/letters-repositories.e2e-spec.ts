import { Test, type TestingModule } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/core';
import { LETTER_RENDER_TOPIC } from '@app/letters/letter-requests.repository';
import { LettersRepository } from '@app/letters/letters.repository';
import { DocumentStoreRepository } from '@app/letters/worker/document-store.repository';
import { LetterStoreRepository } from '@app/letters/worker/letter-store.repository';
import { OutboxRepository } from '@app/letters/worker/outbox.repository';
import { expectOk, formalCheck, setUpEvaluation } from '../support/evaluation';
import { createCast, unique } from '../support/factories';
import { outboxOf, storedLetter, storedLetters } from '../support/letters';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * letters' repositories against the real database (no worker, no Redis): an
 * officer's requeue of a failed letter with its outbox message; the letter's load and its conditional moves to ready and failed with
 * their audit events — a letter no longer queued in the job's generation
 * changes nothing and answers false; the outbox's claim (oldest first, skipping
 * rows another transaction holds), its mark as sent, and the rescue's query.
 * The outbox tests use a topic of their own, so no other message interferes.
 */
describe('letters repositories', () => {
  let t: TestApp;
  let moduleRef: TestingModule;
  let store: LetterStoreRepository;
  let outbox: OutboxRepository;
  /** Queued letters (ineligible decisions), one per test that needs one. */
  let letters: string[];

  beforeAll(async () => {
    t = await createTestApp();
    // The worker's providers, on the test app's database and audit trail (the worker module would start the relay and Redis workers).
    moduleRef = await Test.createTestingModule({
      providers: [LetterStoreRepository, DocumentStoreRepository, OutboxRepository, { provide: DataSource, useValue: t.dataSource }, { provide: AuditTrail, useValue: t.app.get(AuditTrail) }],
    }).compile();
    store = moduleRef.get(LetterStoreRepository);
    outbox = moduleRef.get(OutboxRepository);

    const cast = await createCast(t);
    const { applications } = await setUpEvaluation(t, cast.officer.token, { applications: 16, applicants: 16, members: 0, eligible: false });
    for (const a of applications) await expectOk(formalCheck(t, cast.officer.token, a.id, { result: 'ineligible', reasons: ['Chybí stanovy'] }), 'ineligible');
    letters = (await storedLetters(applications.map((a) => a.id))).map((l) => l.id);
    expect(letters).toHaveLength(16);
  }, 120_000);
  afterAll(async () => {
    // The outbox tests' messages name no real letter: the e2e files share the database, so none is left behind.
    await t?.dataSource.query(`DELETE FROM outbox_message WHERE topic LIKE 'test.%' OR topic LIKE 'other.%' OR topic LIKE 'none.%'`);
    await moduleRef?.close();
    await t?.close();
  });

  let next = 0;
  /** A queued letter no other test uses. */
  const queuedLetter = () => letters[next++];
  const eventsOf = async (letterId: string, action: string) =>
    (await t.dataSource.query(
      `SELECT actor_user_id, before, after FROM audit_event WHERE entity_type = 'letter' AND entity_id = $1 AND action = $2 ORDER BY id`,
      [letterId, action],
    )) as { actor_user_id: string | null; before: unknown; after: unknown }[];
  const rendered = (text: string) => {
    const pdf = Buffer.from(`%PDF-1.7 ${text}`);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  };

  describe('LetterStoreRepository', () => {
    it('loads a letter with what its job needs; an unknown id is null', async () => {
      const id = queuedLetter();
      const stored = await storedLetter(id);
      expect(await store.load(id)).toEqual({
        id,
        applicationId: stored.applicationId,
        kind: 'ineligible',
        status: 'queued',
        generation: stored.generation,
        data: expect.objectContaining({ recipient: expect.any(Object), application: expect.objectContaining({ id: stored.applicationId }) }),
      });
      expect(await store.load(randomUUID())).toBeNull();
    });

    it('markReady: the PDF, its SHA-256 and the attempts in, the letter ready, one letter.ready event by the system', async () => {
      const letter = (await store.load(queuedLetter()))!;
      const pdf = rendered('ready');
      expect(await store.markReady(letter, pdf, 2)).toBe(true);

      const [row] = await t.dataSource.query('SELECT status, pdf, sha256, attempts, failure_reason, ready_at FROM letter WHERE id = $1', [letter.id]);
      expect(row).toEqual({ status: 'ready', pdf: pdf.pdf, sha256: pdf.sha256, attempts: 2, failure_reason: null, ready_at: expect.any(Date) });
      expect(await eventsOf(letter.id, 'letter.ready')).toEqual([
        {
          actor_user_id: null,
          before: { status: 'queued', generation: letter.generation },
          after: { status: 'ready', applicationId: letter.applicationId, kind: 'ineligible', sha256: pdf.sha256, bytes: pdf.pdf.length, attempts: 2 },
        },
      ]);
    });

    it('markReady of a letter no longer queued: false, nothing changes, no second event', async () => {
      const letter = (await store.load(queuedLetter()))!;
      const first = rendered('first');
      expect(await store.markReady(letter, first, 1)).toBe(true);
      expect(await store.markReady(letter, rendered('again'), 3)).toBe(false);
      const [row] = await t.dataSource.query('SELECT status, sha256, attempts FROM letter WHERE id = $1', [letter.id]);
      expect(row).toEqual({ status: 'ready', sha256: first.sha256, attempts: 1 });
      expect(await eventsOf(letter.id, 'letter.ready')).toHaveLength(1);
    });

    it('markReady of another generation (a stale job): false, the letter stays queued, no event', async () => {
      const letter = (await store.load(queuedLetter()))!;
      expect(await store.markReady({ ...letter, generation: letter.generation + 1 }, rendered('stale'), 1)).toBe(false);
      expect(await storedLetter(letter.id)).toMatchObject({ status: 'queued', sha256: null, attempts: 0 });
      expect(await eventsOf(letter.id, 'letter.ready')).toEqual([]);
    });

    it('markFailed: the reason and attempts in, the letter failed, one letter.failed event by the system', async () => {
      const letter = (await store.load(queuedLetter()))!;
      expect(await store.markFailed(letter.id, letter.generation, 'template missing', 5)).toBe(true);
      expect(await storedLetter(letter.id)).toMatchObject({ status: 'failed', failureReason: 'template missing', attempts: 5, generation: letter.generation });
      expect(await eventsOf(letter.id, 'letter.failed')).toEqual([
        {
          actor_user_id: null,
          before: { status: 'queued', generation: letter.generation },
          after: { status: 'failed', applicationId: letter.applicationId, kind: 'ineligible', reason: 'template missing', attempts: 5 },
        },
      ]);
    });

    it('markFailed of a letter no longer queued in that generation: false, nothing changes, no event', async () => {
      const failed = (await store.load(queuedLetter()))!;
      expect(await store.markFailed(failed.id, failed.generation, 'first', 5)).toBe(true);
      expect(await store.markFailed(failed.id, failed.generation, 'second', 6)).toBe(false);
      expect(await storedLetter(failed.id)).toMatchObject({ status: 'failed', failureReason: 'first', attempts: 5 });
      expect(await eventsOf(failed.id, 'letter.failed')).toHaveLength(1);

      const ready = (await store.load(queuedLetter()))!;
      expect(await store.markReady(ready, rendered('done'), 1)).toBe(true);
      expect(await store.markFailed(ready.id, ready.generation, 'too late', 5)).toBe(false);
      expect(await storedLetter(ready.id)).toMatchObject({ status: 'ready', failureReason: null });

      const stale = (await store.load(queuedLetter()))!;
      expect(await store.markFailed(stale.id, stale.generation + 1, 'stale job', 5)).toBe(false);
      expect(await storedLetter(stale.id)).toMatchObject({ status: 'queued', failureReason: null });
      expect(await eventsOf(stale.id, 'letter.failed')).toEqual([]);
      expect(await store.markFailed(randomUUID(), 1, 'no such letter', 5)).toBe(false);
    });
  });

  describe('LettersRepository (the API side)', () => {
    it('requeueFailed: the failed letter queued in its next generation with its outbox message, in the caller’s transaction', async () => {
      const repo = t.app.get(LettersRepository);
      const letter = (await store.load(queuedLetter()))!;
      expect(await store.markFailed(letter.id, letter.generation, 'font missing', 5)).toBe(true);
      const before = await outboxOf(letter.id);
      const now = new Date('2027-02-01T10:00:00Z');

      const requeued = await t.dataSource.transaction((m) => repo.requeueFailed(m, letter.id, LETTER_RENDER_TOPIC, now));
      expect(requeued).toMatchObject({ id: letter.id, kind: 'ineligible', status: 'queued', generation: letter.generation + 1, failure_reason: null, previous_failure_reason: 'font missing' });
      expect(await storedLetter(letter.id)).toMatchObject({ status: 'queued', generation: letter.generation + 1, attempts: 0, failureReason: null });
      const after = await outboxOf(letter.id);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toEqual([
        { id: expect.any(String), topic: LETTER_RENDER_TOPIC, payload: { letterId: letter.id, generation: letter.generation + 1 }, sentAt: null },
      ]);
      const [{ created_at }] = await t.dataSource.query('SELECT created_at FROM outbox_message WHERE id = $1', [after.at(-1)!.id]);
      expect(created_at).toEqual(now);
    });

    it('requeueFailed of a letter that is not failed: null, no change, no outbox message; statusOf tells why', async () => {
      const repo = t.app.get(LettersRepository);
      const id = queuedLetter();
      const before = await outboxOf(id);
      const { generation } = await storedLetter(id);
      const requeue = (letterId: string) => t.dataSource.transaction((m) => repo.requeueFailed(m, letterId, LETTER_RENDER_TOPIC, new Date()));
      expect(await requeue(id)).toBeNull();
      expect(await storedLetter(id)).toMatchObject({ status: 'queued', generation });
      expect(await outboxOf(id)).toEqual(before);
      expect(await t.dataSource.transaction((m) => repo.statusOf(m, id))).toBe('queued');

      const unknown = randomUUID();
      expect(await requeue(unknown)).toBeNull();
      expect(await t.dataSource.transaction((m) => repo.statusOf(m, unknown))).toBeNull();
    });
  });

  describe('OutboxRepository', () => {
    const messages = async (topic: string) =>
      (await t.dataSource.query('SELECT id::text AS id, payload, sent_at FROM outbox_message WHERE topic = $1 ORDER BY id', [topic])) as {
        id: string;
        payload: Record<string, unknown>;
        sent_at: Date | null;
      }[];
    /** A message of the topic, sent `sentAgo` (an SQL interval) ago or pending (null). */
    const message = async (topic: string, payload: Record<string, unknown>, sentAgo: string | null = null): Promise<string> => {
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO outbox_message (topic, payload, created_at, sent_at)
         VALUES ($1, $2::jsonb, now(), CASE WHEN $3::interval IS NULL THEN NULL ELSE now() - $3::interval END) RETURNING id::text AS id`,
        [topic, JSON.stringify(payload), sentAgo],
      );
      return id;
    };

    it('claimPending: the pending messages of the topic, oldest first, up to the limit', async () => {
      const topic = `test.${unique()}`;
      const first = await message(topic, { letterId: 'a' });
      await message(topic, { letterId: 'sent' }, '1 minute');
      const second = await message(topic, { letterId: 'b' });
      const third = await message(topic, { letterId: 'c' });
      await message(`other.${unique()}`, { letterId: 'elsewhere' });

      expect(await t.dataSource.transaction((m) => outbox.claimPending(m, topic, 10))).toEqual([
        { id: first, payload: { letterId: 'a' } },
        { id: second, payload: { letterId: 'b' } },
        { id: third, payload: { letterId: 'c' } },
      ]);
      expect(await t.dataSource.transaction((m) => outbox.claimPending(m, topic, 2))).toEqual([
        { id: first, payload: { letterId: 'a' } },
        { id: second, payload: { letterId: 'b' } },
      ]);
      expect(await t.dataSource.transaction((m) => outbox.claimPending(m, `none.${unique()}`, 10))).toEqual([]);
    });

    it('claimPending skips the rows another transaction has claimed (several relays share the work)', async () => {
      const topic = `test.${unique()}`;
      const first = await message(topic, { letterId: 'a' });
      const second = await message(topic, { letterId: 'b' });
      const relay = t.dataSource.createQueryRunner();
      await relay.connect();
      try {
        await relay.startTransaction();
        expect((await outbox.claimPending(relay.manager, topic, 1)).map((r) => r.id)).toEqual([first]);
        expect((await t.dataSource.transaction((m) => outbox.claimPending(m, topic, 10))).map((r) => r.id)).toEqual([second]);
        await relay.rollbackTransaction();
      } finally {
        await relay.release();
      }
      // Rolled back (the hand-over failed): the row is pending again.
      expect((await t.dataSource.transaction((m) => outbox.claimPending(m, topic, 10))).map((r) => r.id)).toEqual([first, second]);
    });

    it('markSent: the claimed rows leave the pending ones, the others stay', async () => {
      const topic = `test.${unique()}`;
      const [a, b, c] = [await message(topic, { letterId: 'a' }), await message(topic, { letterId: 'b' }), await message(topic, { letterId: 'c' })];
      await t.dataSource.transaction(async (m) => {
        const claimed = await outbox.claimPending(m, topic, 2);
        await outbox.markSent(m, claimed.map((r) => r.id));
      });
      const rows = await messages(topic);
      expect(rows.map((r) => [r.id, r.sent_at !== null])).toEqual([
        [a, true],
        [b, true],
        [c, false],
      ]);
      expect((await t.dataSource.transaction((m) => outbox.claimPending(m, topic, 10))).map((r) => r.id)).toEqual([c]);
      // No ids: nothing changes, no error.
      await t.dataSource.transaction((m) => outbox.markSent(m, []));
      expect((await messages(topic)).filter((r) => r.sent_at === null).map((r) => r.id)).toEqual([c]);
    });

    it('queuedLettersSentBefore: queued letters whose messages were all handed over long enough ago, longest waiting first', async () => {
      const topic = `test.${unique()}`;
      const [longAgo, longerAgo, recent, stillPending, ready] = [queuedLetter(), queuedLetter(), queuedLetter(), queuedLetter(), queuedLetter()];
      expect(await store.markReady((await store.load(ready))!, rendered('rescue'), 1)).toBe(true);
      await message(topic, { letterId: longAgo }, '10 minutes');
      await message(topic, { letterId: longerAgo }, '2 hours');
      await message(topic, { letterId: longerAgo }, '20 minutes');
      await message(topic, { letterId: recent }, '10 seconds');
      await message(topic, { letterId: stillPending }, '1 hour');
      await message(topic, { letterId: stillPending });
      await message(topic, { letterId: ready }, '1 hour');
      const generationOf = async (id: string) => (await storedLetter(id)).generation;

      const fiveMinutes = 5 * 60_000;
      expect(await outbox.queuedLettersSentBefore(fiveMinutes, topic, 10)).toEqual([
        // By the last hand-over: longerAgo's was 20 minutes ago, longAgo's 10.
        { letterId: longerAgo, generation: await generationOf(longerAgo) },
        { letterId: longAgo, generation: await generationOf(longAgo) },
      ]);
      expect(await outbox.queuedLettersSentBefore(fiveMinutes, topic, 1)).toEqual([{ letterId: longerAgo, generation: await generationOf(longerAgo) }]);
      expect(await outbox.queuedLettersSentBefore(15 * 60_000, topic, 10)).toEqual([{ letterId: longerAgo, generation: await generationOf(longerAgo) }]);
      expect(await outbox.queuedLettersSentBefore(fiveMinutes, `none.${unique()}`, 10)).toEqual([]);
    });

    it('queuedDocumentsSentBefore: the same for the call documents; a ready or failed one is not waiting', async () => {
      const topic = `test.${unique()}`;
      const documents = moduleRef.get(DocumentStoreRepository);
      const document = async (): Promise<string> => {
        const [{ id }]: { id: string }[] = await t.dataSource.query(
          `INSERT INTO call_document (kind, subject_id, revision, data, created_at) VALUES ('resolution_annex', $1, 1, '{}'::jsonb, now()) RETURNING id`,
          [randomUUID()],
        );
        return id;
      };
      const [waiting, recent, ready, failed] = [await document(), await document(), await document(), await document()];
      expect(await documents.markReady((await documents.load(ready))!, rendered('document'), 1)).toBe(true);
      expect(await documents.markFailed(failed, 0, 'font', 5)).toBe(true);
      // Not again: it is no longer queued in generation 0.
      expect(await documents.markFailed(failed, 0, 'font', 5)).toBe(false);
      expect(await documents.markReady((await documents.load(ready))!, rendered('again'), 1)).toBe(false);
      for (const [id, ago] of [[waiting, '1 hour'], [recent, '10 seconds'], [ready, '1 hour'], [failed, '1 hour']] as const) {
        await message(topic, { documentId: id, generation: 0 }, ago);
      }
      expect(await outbox.queuedDocumentsSentBefore(5 * 60_000, topic, 10)).toEqual([{ documentId: waiting, generation: 0 }]);
      const events = (await t.dataSource.query(
        `SELECT entity_id, action FROM audit_event WHERE entity_type = 'call_document' AND entity_id = ANY($1)`,
        [[ready, failed]],
      )) as { entity_id: string; action: string }[];
      expect(events.map((e) => [e.entity_id, e.action]).sort()).toEqual([[ready, 'document.ready'], [failed, 'document.failed']].sort());
    });
  });
});
