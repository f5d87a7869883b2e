import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, createDraft, openCall, type Cast } from '../support/factories';
import { asOwner } from '../support/db';
import { API, expectProblem } from '../support/http';

describe('audit trail', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const auditor = () => cast.budget.token;

  it('records who did what to which entity, newest first, for every state change of the journey', async () => {
    const call = await openCall(t, cast.officer.token);
    const draft = await createDraft(t, cast.applicant.token, call);
    const receipt = await t.http.post(`${API}/applications/${draft.id}/submit`).auth(cast.applicant.token, { type: 'bearer' }).expect(200);
    await t.http.post(`${API}/applications/${draft.id}/withdraw`).auth(cast.applicant.token, { type: 'bearer' }).send({ reason: 'Duplicitní' }).expect(200);

    const res = await t.http.get(`${API}/audit?entityType=application&entityId=${draft.id}`).auth(auditor(), { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['application.withdrawn', 'application.submitted', 'application.created']);
    expect(res.body.items[0]).toMatchObject({
      actorUserId: cast.applicant.userId,
      actorRole: 'applicant',
      entityType: 'application',
      entityId: draft.id,
      before: { status: 'submitted' },
      after: { status: 'withdrawn' },
      reason: 'Duplicitní',
    });
    // The number is assigned in the statement that appends the event: the event shows it.
    expect(res.body.items[1].after).toEqual({ ...receipt.body, requestedCzk: 175_000, totalCostCzk: 250_000 });
    expect(res.body.items[1].before).toEqual({ status: 'draft', referenceNumber: null });
    const callEvents = await t.http.get(`${API}/audit?entityType=call&entityId=${call.callId}`).auth(cast.admin.token, { type: 'bearer' });
    expect(callEvents.body.items.map((e: { action: string }) => e.action)).toEqual(['call.announced', 'call.created']);
  });

  it('a refused change writes no event (the event is in the same transaction)', async () => {
    const call = await openCall(t, cast.officer.token);
    const draft = await createDraft(t, cast.applicant.token, call);
    t.clock.advanceDays(60);
    expectProblem(await t.http.post(`${API}/applications/${draft.id}/submit`).auth(cast.applicant.token, { type: 'bearer' }), 409, 'SUBMISSION_WINDOW_CLOSED');
    const res = await t.http.get(`${API}/audit?entityType=application&entityId=${draft.id}`).auth(auditor(), { type: 'bearer' });
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['application.created']);
  });

  it('verify recomputes the chain: ok while untouched', async () => {
    const res = await t.http.get(`${API}/audit/verify`).auth(auditor(), { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.events).toBeGreaterThan(10);
    expect(res.body.firstBrokenEventId).toBeUndefined();
  });

  it("the API's database role cannot UPDATE, DELETE or TRUNCATE audit events", async () => {
    for (const sql of ["UPDATE audit_event SET reason = 'x'", 'DELETE FROM audit_event', 'TRUNCATE audit_event']) {
      await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it("the API's database role cannot INSERT an audit event itself: appends go only through audit_append, which chains them in the database", async () => {
    const forged = `INSERT INTO audit_event (seq, id, occurred_at, action, entity_type, prev_hash, hash)
                    SELECT max(seq) + 1, gen_random_uuid(), now(), 'forged.event', 'application', repeat('0', 64), repeat('0', 64) FROM audit_event`;
    await expect(t.dataSource.query(forged)).rejects.toThrow(/permission denied/);
    // The function runs with its owner's rights, on a search path the caller cannot change.
    const [fn] = await t.dataSource.query(
      "SELECT prosecdef, proconfig FROM pg_proc WHERE proname = 'audit_append'",
    );
    expect(fn).toEqual({ prosecdef: true, proconfig: ['search_path=pg_catalog, public, pg_temp'] });
    // …and the API still records every change through it.
    const call = await openCall(t, cast.officer.token);
    const draft = await createDraft(t, cast.applicant.token, call);
    const res = await t.http.get(`${API}/audit?entityType=application&entityId=${draft.id}`).auth(auditor(), { type: 'bearer' });
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['application.created']);
    expect((await t.http.get(`${API}/audit/verify`).auth(auditor(), { type: 'bearer' })).body.ok).toBe(true);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE even for the owner (trigger)', async () => {
    await asOwner(async (owner) => {
      for (const sql of ["UPDATE audit_event SET reason = 'x'", 'DELETE FROM audit_event', 'TRUNCATE audit_event']) {
        await expect(owner.query(sql)).rejects.toThrow(/append-only/);
      }
    });
  });

  it('a row altered behind the application’s back (owner, trigger disabled) is reported by verify', async () => {
    const call = await openCall(t, cast.officer.token);
    const draft = await createDraft(t, cast.applicant.token, call);
    const [event] = (await t.http.get(`${API}/audit?entityType=application&entityId=${draft.id}`).auth(auditor(), { type: 'bearer' })).body.items;
    const tamper = (sql: string) =>
      asOwner(async (owner) => {
        await owner.query('BEGIN');
        await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_refuse_update_delete');
        await owner.query(sql, [event.id]);
        await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_refuse_update_delete');
        await owner.query('COMMIT');
      });
    await tamper(`UPDATE audit_event SET after = jsonb_set(after, '{requestedCzk}', '999999') WHERE id = $1`);
    const res = await t.http.get(`${API}/audit/verify`).auth(cast.admin.token, { type: 'bearer' });
    expect(res.body).toMatchObject({ ok: false, firstBrokenEventId: event.id });

    // Putting the original value back makes the chain whole again (and leaves the database clean).
    await tamper(`UPDATE audit_event SET after = jsonb_set(after, '{requestedCzk}', '${event.after.requestedCzk}') WHERE id = $1`);
    expect((await t.http.get(`${API}/audit/verify`).auth(cast.admin.token, { type: 'bearer' })).body.ok).toBe(true);
  });
});
