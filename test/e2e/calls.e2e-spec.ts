import { pragueDate } from '@app/core/time/prague-time';
import { createTestApp, type TestApp } from '../support/test-app';
import { callBody, createCast, createDraft, createProgramme, createStaff, openCall, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';

const DAY = 86_400_000;

describe('programmes and calls', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;

  async function draftCall(programmeId: string, overrides: Record<string, unknown> = {}) {
    const res = await t.http.post(`${API}/calls`).auth(officer(), { type: 'bearer' }).send(callBody(t, programmeId, overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; totalAllocationCzk: number };
  }

  it('a programme code is unique (409 PROGRAMME_EXISTS)', async () => {
    const programme = await createProgramme(t, officer());
    const again = await t.http
      .post(`${API}/programmes`)
      .auth(officer(), { type: 'bearer' })
      .send({ code: programme.code, name: 'Again', year: 2027, appropriationCzk: 1 });
    expectProblem(again, 409, 'PROGRAMME_EXISTS');
  });

  it('creates a call in draft with parts, criteria and measures, hidden from the public until announced', async () => {
    const programme = await createProgramme(t, officer());
    const call = await draftCall(programme.id);
    expect(call).toMatchObject({ status: 'draft', totalAllocationCzk: 4_000_000 });
    expect((await t.http.get(`${API}/calls/${call.id}`)).status).toBe(404);
    const publicList = await t.http.get(`${API}/calls?pageSize=200`);
    const listed: string[] = publicList.body.items.map((c: { id: string }) => c.id);
    expect(listed).not.toContain(call.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(Math.min(publicList.body.total, 200));
    const asOfficer = await t.http.get(`${API}/calls/${call.id}`).auth(officer(), { type: 'bearer' });
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.criteria.map((c: { code: string }) => c.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
  });

  it('checks the terms of a call and lists every problem at once', async () => {
    const programme = await createProgramme(t, officer());
    const now = t.clock.now();
    const res = await t.http
      .post(`${API}/calls`)
      .auth(officer(), { type: 'bearer' })
      .send(
        callBody(t, programme.id, {
          submissionClosesAt: new Date(now.getTime() + 10 * DAY).toISOString(),
          eligibleMeasureCodes: ['33.I', '99.IX'],
          parts: [{ code: '1', name: 'A', allocationCzk: 100_000, minRequestCzk: 50_000, maxRequestCzk: 200_000 }],
        }),
      );
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    const fields = problem.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['submissionClosesAt', 'eligibleMeasureCodes[1]', 'parts[0].maxRequestCzk']));
  });

  it('a draft can be changed; an announced call is frozen (409 CALL_NOT_EDITABLE)', async () => {
    const programme = await createProgramme(t, officer());
    const call = await draftCall(programme.id);
    const patched = await t.http
      .patch(`${API}/calls/${call.id}`)
      .auth(officer(), { type: 'bearer' })
      .send({ title: 'Nový název', parts: [{ code: '1', name: 'Aktivity', allocationCzk: 2_000_000, minRequestCzk: 10_000, maxRequestCzk: 300_000 }] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Nový název', totalAllocationCzk: 2_000_000 });
    expect(patched.body.parts).toHaveLength(1);
    expect(patched.body.criteria).toHaveLength(5);

    const announced = await t.http.post(`${API}/calls/${call.id}/announce`).auth(officer(), { type: 'bearer' });
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('announced');
    expectProblem(await t.http.patch(`${API}/calls/${call.id}`).auth(officer(), { type: 'bearer' }).send({ title: 'Later' }), 409, 'CALL_NOT_EDITABLE');
    expectProblem(await t.http.post(`${API}/calls/${call.id}/announce`).auth(officer(), { type: 'bearer' }), 409, 'CALL_NOT_EDITABLE');
    const publicView = await t.http.get(`${API}/calls/${call.id}`);
    expect(publicView.body.title).toBe('Nový název');
  });

  it('announcing needs 30 days before the window opens (422 ANNOUNCEMENT_TOO_LATE)', async () => {
    const programme = await createProgramme(t, officer());
    const now = t.clock.now();
    const call = await draftCall(programme.id, { submissionOpensAt: new Date(now.getTime() + 29 * DAY).toISOString() });
    const problem = expectProblem(await t.http.post(`${API}/calls/${call.id}/announce`).auth(officer(), { type: 'bearer' }), 422, 'ANNOUNCEMENT_TOO_LATE');
    expect(problem.errors[0]).toMatchObject({ field: 'submissionOpensAt', code: 'ANNOUNCEMENT_TOO_LATE' });
  });

  it('a call cannot be announced with a past announcement date to dodge the 30 days', async () => {
    const programme = await createProgramme(t, officer());
    const now = t.clock.now();
    const call = await draftCall(programme.id, {
      announcedOn: pragueDate(new Date(now.getTime() - 20 * DAY)),
      submissionOpensAt: new Date(now.getTime() + 15 * DAY).toISOString(),
    });
    expectProblem(await t.http.post(`${API}/calls/${call.id}/announce`).auth(officer(), { type: 'bearer' }), 422, 'ANNOUNCEMENT_TOO_LATE');
  });

  it("the parts' allocations must fit the appropriation together with the programme's other calls", async () => {
    const programme = await createProgramme(t, officer(), 5_000_000);
    const first = await draftCall(programme.id); // 4,000,000
    expect((await t.http.post(`${API}/calls/${first.id}/announce`).auth(officer(), { type: 'bearer' })).status).toBe(200);
    const second = await draftCall(programme.id, {
      parts: [{ code: '1', name: 'Aktivity', allocationCzk: 1_000_001, minRequestCzk: 10_000, maxRequestCzk: 100_000 }],
    });
    const problem = expectProblem(await t.http.post(`${API}/calls/${second.id}/announce`).auth(officer(), { type: 'bearer' }), 422, 'ALLOCATIONS_EXCEED_APPROPRIATION');
    expect(problem.detail).toMatch(/5,000,000/);

    // The Budget Department raises the appropriation by a recorded budget measure; then it fits.
    const measure = await t.http
      .post(`${API}/programmes/${programme.id}/budget-measures`)
      .auth(cast.budget.token, { type: 'bearer' })
      .send({ amountCzk: 1, reference: 'RO 2027/1', reason: 'Navýšení' });
    expect(measure.status).toBe(201);
    expect(measure.body.appropriationCzk).toBe(5_000_001);
    expect((await t.http.post(`${API}/calls/${second.id}/announce`).auth(officer(), { type: 'bearer' })).status).toBe(200);
  });

  it('a budget measure may lower the appropriation, never below what announced calls allocate', async () => {
    const programme = await createProgramme(t, officer(), 4_500_000);
    const call = await draftCall(programme.id);
    await t.http.post(`${API}/calls/${call.id}/announce`).auth(officer(), { type: 'bearer' }).expect(200);
    const tooLow = await t.http
      .post(`${API}/programmes/${programme.id}/budget-measures`)
      .auth(cast.budget.token, { type: 'bearer' })
      .send({ amountCzk: -500_001, reference: 'RO 2027/2', reason: 'Snížení' });
    expectProblem(tooLow, 422, 'ALLOCATIONS_EXCEED_APPROPRIATION');
    const ok = await t.http
      .post(`${API}/programmes/${programme.id}/budget-measures`)
      .auth(cast.budget.token, { type: 'bearer' })
      .send({ amountCzk: -500_000, reference: 'RO 2027/3', reason: 'Snížení' });
    expect(ok.status).toBe(201);
    expect(ok.body.appropriationCzk).toBe(4_000_000);
    const fraction = await t.http
      .post(`${API}/programmes/${programme.id}/budget-measures`)
      .auth(cast.budget.token, { type: 'bearer' })
      .send({ amountCzk: 10.5, reference: 'RO', reason: 'x' });
    expectProblem(fraction, 400, 'VALIDATION_FAILED');
  });

  it('derives the public status from the clock: announced, open, closed', async () => {
    const call = await openCall(t, officer());
    expect((await t.http.get(`${API}/calls/${call.callId}`)).body.status).toBe('open');
    t.clock.advanceDays(31);
    expect((await t.http.get(`${API}/calls/${call.callId}`)).body.status).toBe('closed');
    const programme = await createProgramme(t, officer());
    const next = await draftCall(programme.id);
    await t.http.post(`${API}/calls/${next.id}/announce`).auth(officer(), { type: 'bearer' }).expect(200);
    expect((await t.http.get(`${API}/calls/${next.id}`)).body.status).toBe('announced');
  });

  it('money fields reject fractions, negatives and strings', async () => {
    const programme = await createProgramme(t, officer());
    for (const allocationCzk of [1000.5, -1, '1000000']) {
      const res = await t.http
        .post(`${API}/calls`)
        .auth(officer(), { type: 'bearer' })
        .send(callBody(t, programme.id, { parts: [{ code: '1', name: 'A', allocationCzk, minRequestCzk: 1, maxRequestCzk: 1 }] }));
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'parts[0].allocationCzk' }));
    }
  });

  describe('the DOT Commission of a call', () => {
    it('is set by an officer: commission users only, a chair among them, at least the quorum; audited', async () => {
      const call = await openCall(t, officer());
      const members = await Promise.all([createStaff(t, 'commission'), createStaff(t, 'commission'), createStaff(t, 'commission')]);
      const res = await t.http
        .put(`${API}/calls/${call.callId}/commission`)
        .auth(officer(), { type: 'bearer' })
        .send({ memberIds: members.map((m) => m.id), chairId: members[1].id });
      expect(res.status).toBe(200);
      expect(res.body.members).toHaveLength(3);
      expect(res.body.members[0]).toMatchObject({ userId: members[1].id, chair: true });

      const wrong = await t.http
        .put(`${API}/calls/${call.callId}/commission`)
        .auth(officer(), { type: 'bearer' })
        .send({ memberIds: [members[0].id, cast.budget.id], chairId: cast.officer.id });
      const problem = expectProblem(wrong, 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.field)).toEqual(['memberIds[1]', 'chairId', 'memberIds']);

      const events = await t.http.get(`${API}/audit?entityType=call&entityId=${call.callId}`).auth(cast.budget.token, { type: 'bearer' });
      expect(events.body.items[0]).toMatchObject({ action: 'call.commission_set', actorUserId: cast.officer.id });
    });

    it('members see only eligible applications of their own calls; others are not found', async () => {
      const call = await openCall(t, officer());
      const members = await Promise.all([createStaff(t, 'commission'), createStaff(t, 'commission'), createStaff(t, 'commission')]);
      await t.http
        .put(`${API}/calls/${call.callId}/commission`)
        .auth(officer(), { type: 'bearer' })
        .send({ memberIds: members.map((m) => m.id), chairId: members[0].id })
        .expect(200);
      const submitted = await createDraft(t, cast.applicant.token, call);
      await t.http.post(`${API}/applications/${submitted.id}/submit`).auth(cast.applicant.token, { type: 'bearer' }).expect(200);
      const member = members[0].token;
      expect((await t.http.get(`${API}/applications?callId=${call.callId}`).auth(member, { type: 'bearer' })).body.total).toBe(0);
      expectProblem(await t.http.get(`${API}/applications/${submitted.id}`).auth(member, { type: 'bearer' }), 404, 'NOT_FOUND');

      // The officer's formal check makes it eligible once the window has closed.
      const { body: terms } = await t.http.get(`${API}/calls/${call.callId}`);
      t.clock.set(new Date(new Date(terms.submissionClosesAt).getTime() + 60_000));
      const checked = await t.http
        .post(`${API}/applications/${submitted.id}/formal-check`)
        .auth(officer(), { type: 'bearer' })
        .send({ result: 'eligible', reasons: [] });
      expect(checked.status).toBe(200);
      expect(checked.body.status).toBe('eligible');
      const listed = await t.http.get(`${API}/applications?callId=${call.callId}`).auth(member, { type: 'bearer' });
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([submitted.id]);
      expect((await t.http.get(`${API}/applications/${submitted.id}`).auth(member, { type: 'bearer' })).status).toBe(200);
      const outsider = cast.commission.token;
      expect((await t.http.get(`${API}/applications?callId=${call.callId}`).auth(outsider, { type: 'bearer' })).body.total).toBe(0);
      expectProblem(await t.http.get(`${API}/applications/${submitted.id}`).auth(outsider, { type: 'bearer' }), 404, 'NOT_FOUND');
    });
  });
});
