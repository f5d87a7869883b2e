import type { INestApplicationContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { letterJobDataOf } from '@app/letters/queue/letters-queue';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { formalCheck, setUpEvaluation, type Submitted } from '../support/evaluation';
import { approve, evaluatedCalls, expectStatus, reject } from '../support/money';
import { downloadLetter, listLetters, outboxOf, retryLetter, simulateWorkerGaveUp, storedLetter, storedLetters } from '../support/letters';
import { lettersSettled, startLettersWorker } from '../support/letters-worker';

const DAY = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The API side of letters: listing, the PDF's 409 while it is not ready,
 * an officer's retry of a failed letter, the queue dashboard, and the PDF of
 * a letter the worker (started in process for the last tests only) rendered.
 * Until then no worker runs: where a test needs a failed letter,
 * `simulateWorkerGaveUp` stands in for the worker's last attempt. The queue
 * prefix is this file's own (test-env).
 */
describe('letters API', () => {
  let t: TestApp;
  let cast: Cast;
  /** Correction requested, re-submitted, then ineligible: two letters. */
  let corrected: Submitted;
  /** Ineligible at once: one letter (another organisation than `corrected`). */
  let ineligible: Submitted;
  /** Submitted, never checked: no letter. */
  let unchecked: Submitted;
  /** The cast's applicant's recommended applications: [approved, rejected, approved…]. */
  let decided: string[];
  let decidedReferences: string[];

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    const officer = cast.officer.token;

    const formal = await setUpEvaluation(t, officer, { applications: 3, members: 0, eligible: false });
    [corrected, ineligible, unchecked] = formal.applications;
    const due = new Date(t.clock.now().getTime() + 7 * DAY).toISOString().slice(0, 10);
    await expectStatus(formalCheck(t, officer, corrected.id, { result: 'correction_requested', reasons: ['Doplňte podpis'], correctionDueOn: due }), 200, 'correction');
    await expectStatus(formalCheck(t, officer, ineligible.id, { result: 'ineligible', reasons: ['Chybí stanovy'] }), 200, 'ineligible');
    await expectStatus(t.http.post(`${API}/applications/${corrected.id}/submit`).auth(corrected.applicant.token, { type: 'bearer' }), 200, 're-submit');
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await expectStatus(formalCheck(t, officer, corrected.id, { result: 'ineligible', reasons: ['Podpis chybí i nadále'] }), 200, 'ineligible after correction');

    const [money] = await evaluatedCalls(t, cast, [
      { call: { maxApplicationsPerOrganisation: 6 }, entries: Array.from({ length: 6 }, () => ({ applicant: cast.applicant })) },
    ]);
    decided = money.applications.map((a) => a.id);
    decidedReferences = money.applications.map((a) => a.referenceNumber);
    await expectStatus(approve(t, officer, decided[0]), 201, 'approve');
    await expectStatus(reject(t, officer, decided[1]), 201, 'reject');
    for (const id of decided.slice(2)) await expectStatus(approve(t, officer, id), 201, 'approve');
  });
  afterAll(() => t?.close());

  /** The one letter of a decided application. */
  async function letterOf(applicationId: string): Promise<string> {
    const [letter, ...more] = await storedLetters([applicationId]);
    expect(more).toEqual([]);
    return letter.id;
  }

  describe('GET /applications/:id/letters', () => {
    it('lists the letters of each kind, oldest first, as the applicant sees them', async () => {
      const stored = await storedLetters([corrected.id]);
      expect(stored.map((l) => l.kind)).toEqual(['correction_request', 'ineligible']);

      const res = await expectStatus(listLetters(t, corrected.applicant.token, corrected.id), 200, 'list');
      expect(res.body).toEqual(
        stored.map((l) => ({ id: l.id, kind: l.kind, status: 'queued', sha256: null, createdAt: expect.stringMatching(ISO_INSTANT), readyAt: null })),
      );
      // Applicants never see why a rendering failed: not even the key.
      for (const letter of res.body) expect(letter).not.toHaveProperty('failureReason');
      expect(Date.parse(res.body[0].createdAt)).toBeLessThan(Date.parse(res.body[1].createdAt));

      const kinds = async (token: string, id: string) => (await expectStatus(listLetters(t, token, id), 200, 'list')).body.map((l: { kind: string }) => l.kind);
      expect(await kinds(ineligible.applicant.token, ineligible.id)).toEqual(['ineligible']);
      expect(await kinds(unchecked.applicant.token, unchecked.id)).toEqual([]);
      expect(await kinds(cast.applicant.token, decided[0])).toEqual(['approval']);
      expect(await kinds(cast.applicant.token, decided[1])).toEqual(['rejection']);
    });

    it.each(['officer', 'budget'] as const)('%s sees every application’s letters, with failureReason', async (role) => {
      const res = await expectStatus(listLetters(t, cast[role].token, corrected.id), 200, 'list');
      expect(res.body.map((l: { kind: string; failureReason: unknown }) => [l.kind, l.failureReason])).toEqual([
        ['correction_request', null],
        ['ineligible', null],
      ]);
    });

    it("another organisation's application is 404 for an applicant, like one that does not exist", async () => {
      const problem = expectProblem(await listLetters(t, ineligible.applicant.token, corrected.id), 404, 'NOT_FOUND');
      const missing = expectProblem(await listLetters(t, ineligible.applicant.token, randomUUID()), 404, 'NOT_FOUND');
      expect(problem.detail).toBe(missing.detail);
      expectProblem(await listLetters(t, cast.officer.token, randomUUID()), 404, 'NOT_FOUND');
    });

    it('a malformed id is 400 VALIDATION_FAILED', async () => {
      expectProblem(await listLetters(t, cast.officer.token, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /letters/:id/pdf', () => {
    it('is 409 LETTER_NOT_READY while the letter is queued, for every reader', async () => {
      const letterId = await letterOf(ineligible.id);
      for (const token of [ineligible.applicant.token, cast.officer.token, cast.budget.token]) {
        const problem = expectProblem(await downloadLetter(t, token, letterId), 409, 'LETTER_NOT_READY');
        expect(problem.detail).toMatch(/still being generated/);
      }
    });

    it('is 409 LETTER_NOT_READY for a failed letter, saying it failed', async () => {
      const letterId = await letterOf(decided[5]);
      await simulateWorkerGaveUp(letterId);
      const problem = expectProblem(await downloadLetter(t, cast.applicant.token, letterId), 409, 'LETTER_NOT_READY');
      expect(problem.detail).toMatch(/could not be generated/);
    });

    it("another organisation's letter is 404 for an applicant, like one that does not exist", async () => {
      const letterId = await letterOf(ineligible.id);
      const problem = expectProblem(await downloadLetter(t, cast.applicant.token, letterId), 404, 'NOT_FOUND');
      const missing = expectProblem(await downloadLetter(t, cast.applicant.token, randomUUID()), 404, 'NOT_FOUND');
      expect(problem.detail).toBe(missing.detail);
    });
  });

  describe('POST /letters/:id/retry', () => {
    it('refuses a queued letter (409 LETTER_NOT_FAILED), a missing one (404) and a malformed id (400); nothing changes', async () => {
      const letterId = await letterOf(decided[0]);
      const before = await storedLetter(letterId);
      const problem = expectProblem(await retryLetter(t, cast.officer.token, letterId), 409, 'LETTER_NOT_FAILED');
      expect(problem.detail).toContain('queued');
      expectProblem(await retryLetter(t, cast.officer.token, randomUUID()), 404, 'NOT_FOUND');
      expectProblem(await retryLetter(t, cast.officer.token, 'x'), 400, 'VALIDATION_FAILED');
      expect(await storedLetter(letterId)).toEqual(before);
      expect(await outboxOf(letterId)).toHaveLength(1);
    });

    it('queues a failed letter again in its next generation, with a new outbox message and an audit event', async () => {
      const letterId = await letterOf(decided[2]);
      await simulateWorkerGaveUp(letterId, 'simulated: font missing');
      const failed = await expectStatus(listLetters(t, cast.officer.token, decided[2]), 200, 'list');
      expect(failed.body).toEqual([expect.objectContaining({ id: letterId, status: 'failed', failureReason: 'simulated: font missing' })]);
      expect((await listLetters(t, cast.applicant.token, decided[2])).body[0]).toEqual(expect.not.objectContaining({ failureReason: expect.anything() }));

      const res = await retryLetter(t, cast.officer.token, letterId);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        id: letterId,
        kind: 'approval',
        status: 'queued',
        sha256: null,
        createdAt: failed.body[0].createdAt,
        readyAt: null,
        failureReason: null,
      });
      expect(await storedLetter(letterId)).toMatchObject({ status: 'queued', generation: 1, attempts: 0, failureReason: null });

      const outbox = await outboxOf(letterId);
      expect(outbox).toHaveLength(2);
      expect(outbox[1]).toMatchObject({ topic: 'letter.render', payload: { letterId, generation: 1 }, sentAt: null });
      expect(letterJobDataOf(outbox[1].payload)).toEqual({ letterId, generation: 1 });
      expect(letterJobDataOf(outbox[0].payload)).toEqual({ letterId, generation: 0 });

      const audit = await expectStatus(t.http.get(`${API}/audit?entityType=letter&entityId=${letterId}`).auth(cast.budget.token, { type: 'bearer' }), 200, 'audit');
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'letter.retry',
          actorUserId: cast.officer.id,
          actorRole: 'officer',
          entityType: 'letter',
          entityId: letterId,
          before: { status: 'failed', generation: 0, failureReason: 'simulated: font missing' },
          after: { status: 'queued', generation: 1 },
        }),
      ]);

      // Queued again: a second retry is refused until it fails again; then generation 2.
      expectProblem(await retryLetter(t, cast.officer.token, letterId), 409, 'LETTER_NOT_FAILED');
      await simulateWorkerGaveUp(letterId);
      expect((await retryLetter(t, cast.officer.token, letterId)).status).toBe(202);
      expect(await storedLetter(letterId)).toMatchObject({ status: 'queued', generation: 2 });
      expect((await outboxOf(letterId)).map((m) => m.payload)).toEqual([{ letterId }, { letterId, generation: 1 }, { letterId, generation: 2 }]);
      const verified = await expectStatus(t.http.get(`${API}/audit/verify`).auth(cast.budget.token, { type: 'bearer' }), 200, 'verify');
      expect(verified.body.ok).toBe(true);
    });

    it('ten concurrent retries of one failed letter: exactly one succeeds, the others are 409 LETTER_NOT_FAILED', async () => {
      const letterId = await letterOf(decided[3]);
      await simulateWorkerGaveUp(letterId);
      const answers = await Promise.all(Array.from({ length: 10 }, () => retryLetter(t, cast.officer.token, letterId)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([202, ...Array<number>(9).fill(409)]);
      for (const r of answers.filter((a) => a.status === 409)) expectProblem(r, 409, 'LETTER_NOT_FAILED');

      expect(await storedLetter(letterId)).toMatchObject({ status: 'queued', generation: 1 });
      expect((await outboxOf(letterId)).map((m) => m.payload)).toEqual([{ letterId }, { letterId, generation: 1 }]);
      const audit = await expectStatus(t.http.get(`${API}/audit?entityType=letter&entityId=${letterId}`).auth(cast.budget.token, { type: 'bearer' }), 200, 'audit');
      expect(audit.body.total).toBe(1);
    });
  });

  describe('the queue dashboard (/admin/queues)', () => {
    const asOfficer = (req: ReturnType<TestApp['http']['get']>) => req.set('Authorization', `Bearer ${cast.officer.token}`);

    it('shows the letters queue, read-only', async () => {
      const res = await asOfficer(t.http.get('/admin/queues/api/queues'));
      expect(res.status).toBe(200);
      expect(res.body.queues).toEqual([expect.objectContaining({ name: 'letters', readOnlyMode: true })]);
    });

    it('hides the Redis server: no version, memory or clients, even to an officer', async () => {
      const res = await asOfficer(t.http.get('/admin/queues/api/redis/stats'));
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toMatch(/redis_version|used_memory|connected_clients|version/i);
    });

    it('refuses to change jobs: retries go through POST /letters/:id/retry', async () => {
      const res = await t.http.put('/admin/queues/api/queues/letters/retry/failed').set('Authorization', `Bearer ${cast.officer.token}`);
      expect(res.status).toBe(405);
    });

    it('serves its page and assets only with a token, and is not under /api/v1', async () => {
      const page = await asOfficer(t.http.get('/admin/queues'));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const asset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
      expect(asset).toBeDefined();
      expect((await asOfficer(t.http.get(`/admin/queues/${asset}`))).status).toBe(200);
      expectProblem(await t.http.get(`/admin/queues/${asset}`), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${cast.budget.token}`), 403, 'FORBIDDEN');
      expectProblem(await asOfficer(t.http.get(`${API}/admin/queues`)), 404, 'NOT_FOUND');
    });
  });
  describe('the PDF of a letter the worker rendered', () => {
    let worker: INestApplicationContext | undefined;
    let letterId: string;
    let pdfSha256: string;

    beforeAll(async () => {
      letterId = await letterOf(decided[0]);
      worker = await startLettersWorker();
      await lettersSettled(t.dataSource, [letterId]);
      const stored = await storedLetter(letterId);
      expect(stored.status).toBe('ready');
      pdfSha256 = stored.sha256!;
    }, 60_000);
    afterAll(() => worker?.close());

    it('is listed ready with its SHA-256', async () => {
      const res = await expectStatus(listLetters(t, cast.applicant.token, decided[0]), 200, 'list');
      expect(res.body).toEqual([
        { id: letterId, kind: 'approval', status: 'ready', sha256: pdfSha256, createdAt: expect.stringMatching(ISO_INSTANT), readyAt: expect.stringMatching(ISO_INSTANT) },
      ]);
    });

    it.each(['applicant', 'officer', 'budget'] as const)('downloads as %s: the stored bytes, with length, ETag, Repr-Digest, file name and no shared caching', async (role) => {
      const res = await downloadLetter(t, cast[role].token, letterId);
      expect(res.status).toBe(200);
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(body).digest('hex')).toBe(pdfSha256);
      expect(res.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(body.length),
        etag: `"${pdfSha256}"`,
        'repr-digest': `sha-256=:${createHash('sha256').update(body).digest('base64')}:`,
        'content-disposition': `attachment; filename="${decidedReferences[0]}-approval.pdf"`,
        'cache-control': 'private, no-cache',
      });
    });

    it('answers If-None-Match with its ETag (strong or weak) by 304 without the bytes; another tag gets the PDF', async () => {
      for (const tag of [`"${pdfSha256}"`, `W/"${pdfSha256}"`, `"0000", "${pdfSha256}"`]) {
        const res = await downloadLetter(t, cast.applicant.token, letterId, tag);
        expect(res.status).toBe(304);
        expect(res.headers.etag).toBe(`"${pdfSha256}"`);
        expect(res.headers['cache-control']).toBe('private, no-cache');
        expect(res.headers['content-length'] ?? '0').toBe('0');
      }
      const other = await downloadLetter(t, cast.applicant.token, letterId, '"0000"');
      expect(other.status).toBe(200);
      expect((other.body as Buffer).length).toBeGreaterThan(0);
    });

    it("stays 404 for another organisation's applicant, also with its ETag", async () => {
      expectProblem(await downloadLetter(t, ineligible.applicant.token, letterId, `"${pdfSha256}"`), 404, 'NOT_FOUND');
    });

    it('cannot be retried: 409 LETTER_NOT_FAILED', async () => {
      const problem = expectProblem(await retryLetter(t, cast.officer.token, letterId), 409, 'LETTER_NOT_FAILED');
      expect(problem.detail).toContain('ready');
    });
  });
});
