import { ApplicationsService } from '@app/applications';
import { DecisionsService, PaymentsService, ReturnsService } from '@app/money';
import { asOwner } from '../support/db';
import { createCast, createDraft, openCall, type Cast } from '../support/factories';
import { API } from '../support/http';
import { approve, contracted, expectStatus, pay, recommendedApplications, recordReturn, today } from '../support/money';
import type { Submitted } from '../support/evaluation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The idempotency record is completed inside the business transaction, so an
 * API process that dies after the commit (before it could answer or store the
 * answer afterwards) leaves a key that already holds its answer: the client's
 * retry gets the stored response, and nothing happens twice. The "crash" is
 * simulated on the service the controller calls: it runs the real service
 * (which commits), then either never returns (a process that hangs or is
 * killed) or throws (a process that fails while answering).
 */
describe('Idempotency-Key: the answer is committed with the change', () => {
  let t: TestApp;
  let cast: Cast;
  let recommended: Submitted[];

  const fresh = (): Submitted => {
    const next = recommended.shift();
    if (!next) throw new Error('out of recommended applications');
    return next;
  };
  const count = (sql: string, params: unknown[]) => asOwner(async (c) => Number((await c.query<{ n: string }>(sql, params)).rows[0].n));
  const storedKey = (key: string) =>
    asOwner(async (c) => (await c.query<{ response_status: number | null; response_body: unknown }>('SELECT response_status, response_body FROM idempotency_key WHERE key = $1', [key])).rows[0]);
  const paymentsOf = (id: string) => count('SELECT count(*) AS n FROM payment WHERE application_id = $1', [id]);
  const waitFor = async (what: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  /** The service's method runs for real (and commits), then the "process" dies: `mode` says how. */
  function crashAfterCommit<S extends object, M extends keyof S>(service: S, method: M, mode: 'hang' | 'throw') {
    const original = (service[method] as (...args: unknown[]) => Promise<unknown>).bind(service);
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const spy = jest.spyOn(service, method as never).mockImplementation((async (...args: unknown[]) => {
      await original(...args);
      if (mode === 'throw') throw new Error('the process died after the commit');
      await woken;
      throw new Error('the process died after the commit');
    }) as never);
    return {
      restore: () => spy.mockRestore(),
      /** Lets a hung request end (so the test's HTTP server can close). */
      release: () => wake(),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    recommended = (await recommendedApplications(t, cast, { applications: 4 })).applications;
  }, 120_000);
  afterAll(() => t?.close());

  it('a payment whose process hangs after the commit: the key already holds the answer; the retry replays it and pays nothing more', async () => {
    const app = fresh();
    await contracted(t, cast.officer.token, app.id, 100_000);
    const key = `crash-hang-${app.id}`;
    const crash = crashAfterCommit(t.app.get(PaymentsService), 'pay', 'hang');
    const first = pay(t, cast.budget.token, app.id, 40_000).set('Idempotency-Key', key).then((r) => r);
    try {
      await waitFor(async () => (await paymentsOf(app.id)) === 1);
      crash.restore();
      const replay = await pay(t, cast.budget.token, app.id, 40_000).set('Idempotency-Key', key);
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toMatchObject({ applicationId: app.id, amountCzk: 40_000, paidTotalCzk: 40_000 });
      expect(await storedKey(key)).toEqual({ response_status: 201, response_body: replay.body });
      expect(await paymentsOf(app.id)).toBe(1);
    } finally {
      crash.restore();
      crash.release();
      await first;
    }
  });

  it('a payment whose process fails after the commit: the key is not freed; the retry replays the stored answer, one payment', async () => {
    const app = fresh();
    await contracted(t, cast.officer.token, app.id, 100_000);
    const key = `crash-throw-${app.id}`;
    const crash = crashAfterCommit(t.app.get(PaymentsService), 'pay', 'throw');
    try {
      expect((await pay(t, cast.budget.token, app.id, 30_000).set('Idempotency-Key', key)).status).toBe(500);
    } finally {
      crash.restore();
    }
    expect(await paymentsOf(app.id)).toBe(1);
    const replay = await pay(t, cast.budget.token, app.id, 30_000).set('Idempotency-Key', key);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ amountCzk: 30_000, paidTotalCzk: 30_000 });
    expect(await paymentsOf(app.id)).toBe(1);

    // A return recorded by a process that fails after its commit: the same.
    const returned = crashAfterCommit(t.app.get(ReturnsService), 'recordReturn', 'throw');
    try {
      expect((await recordReturn(t, cast.budget.token, app.id, 5_000, today(t)).set('Idempotency-Key', `${key}-return`)).status).toBe(500);
    } finally {
      returned.restore();
    }
    const again = await recordReturn(t, cast.budget.token, app.id, 5_000, today(t)).set('Idempotency-Key', `${key}-return`);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count('SELECT count(*) AS n FROM money_return WHERE application_id = $1', [app.id])).toBe(1);
  });

  it('a decision and a submission whose process fails after the commit: replayed, not refused as already done', async () => {
    const app = fresh();
    const key = `crash-decide-${app.id}`;
    const crash = crashAfterCommit(t.app.get(DecisionsService), 'decide', 'throw');
    try {
      expect((await approve(t, cast.officer.token, app.id, { amountCzk: 60_000 }).set('Idempotency-Key', key)).status).toBe(500);
    } finally {
      crash.restore();
    }
    const replay = await approve(t, cast.officer.token, app.id, { amountCzk: 60_000 }).set('Idempotency-Key', key);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ applicationId: app.id, status: 'approved', amountCzk: 60_000 });
    expect(await count('SELECT count(*) AS n FROM decision WHERE application_id = $1', [app.id])).toBe(1);

    const call = await openCall(t, cast.officer.token);
    const draft = await createDraft(t, cast.applicant.token, call);
    const submitted = crashAfterCommit(t.app.get(ApplicationsService), 'submit', 'throw');
    const submit = () => t.http.post(`${API}/applications/${draft.id}/submit`).auth(cast.applicant.token, { type: 'bearer' }).set('Idempotency-Key', `submit-${draft.id}`);
    try {
      expect((await submit()).status).toBe(500);
    } finally {
      submitted.restore();
    }
    const receipt = await expectStatus(submit(), 200, 'replayed submit');
    expect(receipt.headers['idempotent-replayed']).toBe('true');
    expect(receipt.body).toMatchObject({ id: draft.id, status: 'submitted' });
  });
});
