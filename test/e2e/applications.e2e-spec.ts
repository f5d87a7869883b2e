import { formatReferenceNumber, referencePrefix } from '@app/applications/domain/reference-number';
import { asOwner } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { applicationBody, createCast, createDraft, openCall, registerApplicant, type Cast, type OpenCall } from '../support/factories';
import { API, expectProblem } from '../support/http';

const DAY = 86_400_000;

describe('applications: draft, submit, withdraw', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const submit = (token: string, id: string) => t.http.post(`${API}/applications/${id}/submit`).set(bearer(token));

  it('the whole journey: draft with derived sums, edit, submit with a reference number, frozen, withdraw, with history', async () => {
    const call = await openCall(t, cast.officer.token);
    const applicant = await registerApplicant(t);
    const draft = await createDraft(t, applicant.token, call);
    expect(draft).toMatchObject({ status: 'draft', requestedCzk: 175_000, totalCostCzk: 250_000 });

    const edited = await t.http
      .patch(`${API}/applications/${draft.id}`)
      .set(bearer(applicant.token))
      .send({ budgetLines: [{ category: 'Osobní náklady', description: 'Lektorka', totalCzk: 300_000, requestedCzk: 210_000 }] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ requestedCzk: 210_000, totalCostCzk: 300_000, title: 'Čeština pro rodiče dětí cizinců' });

    const submitted = await submit(applicant.token, draft.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toEqual({
      id: draft.id,
      status: 'submitted',
      referenceNumber: `${call.programmeCode}-${call.year}-0001`,
      submittedAt: t.clock.now().toISOString(),
    });

    expectProblem(
      await t.http.patch(`${API}/applications/${draft.id}`).set(bearer(applicant.token)).send({ title: 'Late change' }),
      409,
      'APPLICATION_NOT_EDITABLE',
    );
    expectProblem(await submit(applicant.token, draft.id), 409, 'INVALID_STATUS_TRANSITION');

    const withdrawn = await t.http.post(`${API}/applications/${draft.id}/withdraw`).set(bearer(applicant.token)).send({ reason: 'Projekt nebude realizován' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.statusHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'withdrawn'],
    ]);
    expect(withdrawn.body.statusHistory[2]).toMatchObject({ by: applicant.userId, reason: 'Projekt nebude realizován' });
    expectProblem(await t.http.post(`${API}/applications/${draft.id}/withdraw`).set(bearer(applicant.token)).send({}), 409, 'INVALID_STATUS_TRANSITION');

    const asOfficer = await t.http.get(`${API}/applications/${draft.id}`).set(bearer(cast.officer.token));
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.referenceNumber).toBe(`${call.programmeCode}-${call.year}-0001`);
  });

  it('reference numbers count per call without gaps; a failed submit takes no number', async () => {
    const call = await openCall(t, cast.officer.token);
    const applicant = await registerApplicant(t);
    const first = await createDraft(t, applicant.token, call);
    const tooMuch = await createDraft(t, applicant.token, call, {
      budgetLines: [{ category: 'X', description: 'Y', totalCzk: 2_000_000, requestedCzk: 900_000 }],
    });
    expectProblem(await submit(applicant.token, tooMuch.id), 422, 'REQUEST_OUT_OF_RANGE');
    const second = await createDraft(t, applicant.token, call);
    expect((await submit(applicant.token, first.id)).body.referenceNumber).toMatch(/-0001$/);
    expect((await submit(applicant.token, second.id)).body.referenceNumber).toMatch(/-0002$/);
  });

  it('the database formats numbers as the domain rule does, also past 9,999', async () => {
    const call = await openCall(t, cast.officer.token);
    const applicant = await registerApplicant(t);
    const draft = await createDraft(t, applicant.token, call);
    await asOwner((c) => c.query('UPDATE call SET last_reference_number = 9999 WHERE id = $1', [call.callId]));
    const res = await submit(applicant.token, draft.id);
    expect(res.body.referenceNumber).toBe(formatReferenceNumber(referencePrefix(call.programmeCode, call.year, 1), 10_000));
    expect(res.body.referenceNumber).toBe(`${call.programmeCode}-${call.year}-10000`);
  });

  it('submitting outside the window: 409 SUBMISSION_WINDOW_NOT_OPEN before, SUBMISSION_WINDOW_CLOSED after (server clock)', async () => {
    const call = await openCall(t, cast.officer.token);
    const applicant = await registerApplicant(t);
    const draft = await createDraft(t, applicant.token, call);
    const { body } = await t.http.get(`${API}/calls/${call.callId}`);
    t.clock.set(new Date(new Date(body.submissionOpensAt).getTime() - 1000));
    expectProblem(await submit(applicant.token, draft.id), 409, 'SUBMISSION_WINDOW_NOT_OPEN');
    t.clock.set(new Date(body.submissionClosesAt));
    expectProblem(await submit(applicant.token, draft.id), 409, 'SUBMISSION_WINDOW_CLOSED');
    t.clock.set(new Date(new Date(body.submissionClosesAt).getTime() - 1000));
    expect((await submit(applicant.token, draft.id)).status).toBe(200);
  });

  it('returns every violated rule at once', async () => {
    const call = await openCall(t, cast.officer.token, { eligibleApplicantKinds: ['district'] });
    const applicant = await registerApplicant(t, 'ngo');
    const draft = await createDraft(t, applicant.token, call, {
      primaryMeasureCode: '1.I',
      measureCodes: ['1.I', '33.I'],
      startDate: `${call.year - 1}-12-01`,
      budgetLines: [{ category: 'Vše', description: 'Celý projekt', totalCzk: 20_000, requestedCzk: 20_000 }],
      otherFundingCzk: 0,
    });
    t.clock.advanceDays(60);
    const problem = expectProblem(await submit(applicant.token, draft.id), 409, 'SUBMISSION_WINDOW_CLOSED');
    expect(problem.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining([
        'SUBMISSION_WINDOW_CLOSED',
        'APPLICANT_NOT_ELIGIBLE',
        'REQUEST_OUT_OF_RANGE',
        'COFINANCING_REQUIRED',
        'MEASURE_NOT_ELIGIBLE',
        'PROJECT_PERIOD_OUTSIDE_CALL_YEAR',
      ]),
    );
    expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'MEASURE_NOT_ELIGIBLE', field: 'primaryMeasureCode' }));
    expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'PROJECT_PERIOD_OUTSIDE_CALL_YEAR', field: 'startDate' }));
    const after = await t.http.get(`${API}/applications/${draft.id}`).set(bearer(applicant.token));
    expect(after.body).toMatchObject({ status: 'draft', referenceNumber: null });
  });

  it.each([
    ['APPLICANT_NOT_ELIGIBLE', 422, { eligibleApplicantKinds: ['district'] }, {}],
    ['REQUEST_OUT_OF_RANGE', 422, {}, { budgetLines: [{ category: 'X', description: 'Y', totalCzk: 100_000, requestedCzk: 40_000 }], otherFundingCzk: 0 }],
    ['COFINANCING_REQUIRED', 422, {}, { budgetLines: [{ category: 'X', description: 'Y', totalCzk: 100_000, requestedCzk: 71_000 }], otherFundingCzk: 0 }],
    ['MEASURE_NOT_ELIGIBLE', 422, {}, { measureCodes: ['33.I', '5.I'] }],
    ['PROJECT_PERIOD_OUTSIDE_CALL_YEAR', 422, {}, { endDate: '2099-01-31' }],
  ])('%s is %i on its own', async (code, status, callOverrides, appOverrides) => {
    const call = await openCall(t, cast.officer.token, callOverrides);
    const applicant = await registerApplicant(t, 'ngo');
    const draft = await createDraft(t, applicant.token, call, appOverrides);
    const problem = expectProblem(await submit(applicant.token, draft.id), status, code);
    expect(problem.errors.map((e) => e.code)).toEqual([code]);
  });

  it('at most maxApplicationsPerOrganisation submitted applications per call (409 TOO_MANY_APPLICATIONS); withdrawn ones do not count', async () => {
    const call = await openCall(t, cast.officer.token, { maxApplicationsPerOrganisation: 1 });
    const applicant = await registerApplicant(t);
    const first = await createDraft(t, applicant.token, call);
    const second = await createDraft(t, applicant.token, call);
    expect((await submit(applicant.token, first.id)).status).toBe(200);
    expectProblem(await submit(applicant.token, second.id), 409, 'TOO_MANY_APPLICATIONS');
    await t.http.post(`${API}/applications/${first.id}/withdraw`).set(bearer(applicant.token)).send({}).expect(200);
    expect((await submit(applicant.token, second.id)).status).toBe(200);
  });

  it('a draft must be consistent: requested ≤ total per line, start ≤ end, primary among the measures, known measures', async () => {
    const call = await openCall(t, cast.officer.token);
    const res = await t.http
      .post(`${API}/applications`)
      .set(bearer(cast.applicant.token))
      .send(
        applicationBody(call, {
          startDate: `${call.year}-10-01`,
          endDate: `${call.year}-09-01`,
          primaryMeasureCode: '33.I',
          measureCodes: ['21.III', '77.X'],
          budgetLines: [
            { category: 'A', description: 'a', totalCzk: 10_000, requestedCzk: 5_000 },
            { category: 'B', description: 'b', totalCzk: 10_000, requestedCzk: 10_001 },
          ],
        }),
      );
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['budgetLines[1].requestedCzk', 'endDate', 'measureCodes', 'measureCodes[1]']));
  });

  it('a draft needs an announced call and one of its parts', async () => {
    const call = await openCall(t, cast.officer.token);
    expectProblem(
      await t.http.post(`${API}/applications`).set(bearer(cast.applicant.token)).send(applicationBody(call, { partCode: '9' })),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http
        .post(`${API}/applications`)
        .set(bearer(cast.applicant.token))
        .send(applicationBody({ callId: '00000000-0000-4000-8000-000000000000', year: call.year })),
      404,
      'NOT_FOUND',
    );
  });

  it('lists with filters; applicants see only their organisation', async () => {
    const call: OpenCall = await openCall(t, cast.officer.token);
    const a = await registerApplicant(t);
    const b = await registerApplicant(t);
    const draftA = await createDraft(t, a.token, call);
    await createDraft(t, a.token, call, { partCode: '2', budgetLines: [{ category: 'Tisk', description: 'Brožura', totalCzk: 60_000, requestedCzk: 40_000 }] });
    await createDraft(t, b.token, call);
    await submit(a.token, draftA.id).expect(200);

    const mine = await t.http.get(`${API}/applications?callId=${call.callId}`).set(bearer(a.token));
    expect(mine.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(mine.body.items.every((i: { organisationId: string }) => i.organisationId === a.organisationId)).toBe(true);
    const submitted = await t.http.get(`${API}/applications?callId=${call.callId}&status=submitted`).set(bearer(cast.officer.token));
    expect(submitted.body.items.map((i: { id: string }) => i.id)).toEqual([draftA.id]);
    const part2 = await t.http.get(`${API}/applications?callId=${call.callId}&partCode=2`).set(bearer(cast.budget.token));
    expect(part2.body.total).toBe(1);
    const paged = await t.http.get(`${API}/applications?callId=${call.callId}&pageSize=2&page=2`).set(bearer(cast.officer.token));
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
    expectProblem(await t.http.get(`${API}/applications?pageSize=201`).set(bearer(cast.officer.token)), 400, 'VALIDATION_FAILED');
  });

  describe('Idempotency-Key on submit', () => {
    it('the same key and body returns the first response; another request with the key is 409 IDEMPOTENCY_KEY_REUSED', async () => {
      const call = await openCall(t, cast.officer.token);
      const applicant = await registerApplicant(t);
      const draft = await createDraft(t, applicant.token, call);
      const other = await createDraft(t, applicant.token, call);
      const key = `submit-${draft.id}`;
      const first = await submit(applicant.token, draft.id).set('Idempotency-Key', key);
      t.clock.set(new Date(t.clock.now().getTime() + DAY));
      const replay = await submit(applicant.token, draft.id).set('Idempotency-Key', key);
      expect(first.status).toBe(200);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expectProblem(await submit(applicant.token, other.id).set('Idempotency-Key', key), 409, 'IDEMPOTENCY_KEY_REUSED');
      const [{ count }] = await t.dataSource.query(
        "SELECT COUNT(*)::int AS count FROM audit_event WHERE action = 'application.submitted' AND entity_id = $1",
        [draft.id],
      );
      expect(count).toBe(1);
    });

    it('a failed first request frees its key for a retry', async () => {
      const call = await openCall(t, cast.officer.token);
      const applicant = await registerApplicant(t);
      const draft = await createDraft(t, applicant.token, call);
      t.clock.advanceDays(-2);
      expectProblem(await submit(applicant.token, draft.id).set('Idempotency-Key', 'retry-me'), 409, 'SUBMISSION_WINDOW_NOT_OPEN');
      t.clock.advanceDays(2);
      expect((await submit(applicant.token, draft.id).set('Idempotency-Key', 'retry-me')).status).toBe(200);
    });

    it('keys are per user and at most 200 characters', async () => {
      const call = await openCall(t, cast.officer.token);
      const applicant = await registerApplicant(t);
      const draft = await createDraft(t, applicant.token, call);
      expectProblem(await submit(applicant.token, draft.id).set('Idempotency-Key', 'k'.repeat(201)), 400, 'VALIDATION_FAILED');
    });
  });
});
