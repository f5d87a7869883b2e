import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app';
import { adminToken, callBody, createCast, createDraft, createProgramme, createStaff, openCall, registerApplicant, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { declare, expectOk, score, setAffiliations, setUpEvaluation, type EvaluationSetup } from '../support/evaluation';
import { contracted, evaluatedCalls, expectStatus, paidOut, reviewSettlement, settlementOf, submitSettlement, today, type EvaluatedCall } from '../support/money';
import { simulateWorkerGaveUp, storedLetters } from '../support/letters';

/**
 * The read routes the web portal needs: programmes, the user directory, a
 * call's commission, a member's own evaluation, the letters across
 * applications, and an application's contract and settlement.
 */
describe('read routes for the portal', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: string;

  const get = (path: string, token: string) => t.http.get(`${API}${path}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  describe('GET /programmes and GET /programmes/:id', () => {
    it('pages the programmes, newest year first, then by code', async () => {
      await createProgramme(t, cast.officer.token, 100_000, 2031);
      await createProgramme(t, cast.officer.token, 100_000, 2031);
      const all = await expectOk(get('/programmes?pageSize=200', cast.budget.token), 'programmes');
      expect(all.body).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });
      const keys = all.body.items.map((p: { year: number; code: string }) => [p.year, p.code]);
      const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);

      const second = await expectOk(get('/programmes?page=2&pageSize=1', cast.officer.token), 'page 2');
      expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total });
      expect(second.body.items).toEqual([all.body.items[1]]);
    });

    it('bounds page and pageSize like every list', async () => {
      for (const query of ['pageSize=201', 'pageSize=0', 'page=0', 'page=x']) {
        expectProblem(await get(`/programmes?${query}`, cast.officer.token), 400, 'VALIDATION_FAILED');
      }
    });

    it('a programme shows its budget measures, oldest first, and what its announced calls allocate', async () => {
      const call = await openCall(t, cast.officer.token);
      // A draft call in the same programme allocates nothing.
      await expectStatus(t.http.post(`${API}/calls`).auth(cast.officer.token, { type: 'bearer' }).send(callBody(t, call.programmeId)), 201, 'draft call');
      for (const [amountCzk, reference] of [
        [500_000, 'RO 2027/1'],
        [-200_000, 'RO 2027/2'],
      ] as const) {
        await expectStatus(
          t.http.post(`${API}/programmes/${call.programmeId}/budget-measures`).auth(cast.budget.token, { type: 'bearer' }).send({ amountCzk, reference, reason: 'Úprava rozpočtu' }),
          201,
          'budget measure',
        );
      }
      const res = await expectOk(get(`/programmes/${call.programmeId}`, cast.officer.token), 'programme');
      expect(res.body).toMatchObject({ id: call.programmeId, appropriationCzk: 4_300_000, allocatedCzk: 4_000_000 });
      expect(res.body.budgetMeasures).toEqual([
        { id: expect.any(String), amountCzk: 500_000, reference: 'RO 2027/1', reason: 'Úprava rozpočtu', createdAt: expect.any(String) },
        { id: expect.any(String), amountCzk: -200_000, reference: 'RO 2027/2', reason: 'Úprava rozpočtu', createdAt: expect.any(String) },
      ]);
      expectProblem(await get(`/programmes/${randomUUID()}`, cast.officer.token), 404, 'NOT_FOUND');
    });
  });

  describe('GET /users', () => {
    /** Pages through the directory until the user turns up. */
    async function findUser(token: string, query: string, id: string) {
      for (let page = 1; ; page++) {
        const res = await expectOk(get(`/users?${query}&page=${page}&pageSize=200`, token), 'users');
        const found = res.body.items.find((u: { id: string }) => u.id === id);
        if (found || page * 200 >= res.body.total) return found;
      }
    }

    it('an admin lists every user, or those of one role, with their affiliations', async () => {
      const everyone = await expectOk(get('/users?pageSize=200', admin), 'users');
      expect(everyone.body.total).toBeGreaterThanOrEqual(6);
      const officers = await expectOk(get('/users?role=officer&pageSize=200', admin), 'officers');
      expect(officers.body.items.length).toBeGreaterThan(0);
      expect(officers.body.items.every((u: { role: string }) => u.role === 'officer')).toBe(true);
      expect(await findUser(admin, 'role=applicant', cast.applicant.userId)).toEqual({
        id: cast.applicant.userId,
        email: cast.applicant.email,
        fullName: 'Jana Nováková',
        role: 'applicant',
        disabled: false,
        organisationId: cast.applicant.organisationId,
        affiliations: [],
      });
    });

    it('an officer lists commission members, with the organisations they are affiliated with', async () => {
      const member = await createStaff(t, 'commission', admin);
      const other = await registerApplicant(t);
      const organisations = [cast.applicant.organisationId, other.organisationId].sort();
      await expectOk(setAffiliations(t, admin, member.id, organisations), 'affiliations');
      expect(await findUser(cast.officer.token, 'role=commission', member.id)).toEqual({
        id: member.id,
        email: member.email,
        fullName: 'Test commission',
        role: 'commission',
        disabled: false,
        organisationId: null,
        affiliations: organisations,
      });
    });

    it('an officer asking for anyone but commission members is 403', async () => {
      for (const query of ['', 'role=officer', 'role=budget', 'role=admin', 'role=applicant']) {
        const problem = expectProblem(await get(`/users?${query}`, cast.officer.token), 403, 'FORBIDDEN');
        expect(problem.errors).toEqual([expect.objectContaining({ field: 'role' })]);
      }
    });

    it('other roles are 403; an unknown role is 400', async () => {
      for (const token of [cast.commission.token, cast.budget.token, cast.applicant.token]) {
        expectProblem(await get('/users?role=commission', token), 403, 'FORBIDDEN');
      }
      expectProblem(await get('/users?role=mayor', admin), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /calls/:id/commission and GET /applications/:id/my-evaluation', () => {
    let mine: EvaluationSetup;
    let other: EvaluationSetup;

    beforeAll(async () => {
      other = await setUpEvaluation(t, cast.officer.token, { applications: 1 });
      mine = await setUpEvaluation(t, cast.officer.token, { applications: 2 });
    });

    it('the commission for the officer and for its members: chair first', async () => {
      for (const token of [cast.officer.token, mine.members[1].token]) {
        const res = await expectOk(get(`/calls/${mine.call.callId}/commission`, token), 'commission');
        expect(res.body.callId).toBe(mine.call.callId);
        expect(res.body.members).toHaveLength(3);
        expect(res.body.members[0]).toEqual({ userId: mine.members[0].id, fullName: 'Test commission', email: mine.members[0].email, chair: true });
        expect(res.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(mine.members.map((m) => m.id).sort());
      }
    });

    it('a member of another call’s commission is refused as by the ranking (403 NOT_A_COMMISSION_MEMBER); unknown calls are 404', async () => {
      expectProblem(await get(`/calls/${mine.call.callId}/commission`, other.members[0].token), 403, 'NOT_A_COMMISSION_MEMBER');
      expectProblem(await get(`/calls/${mine.call.callId}/ranking`, other.members[0].token), 403, 'NOT_A_COMMISSION_MEMBER');
      expectProblem(await get(`/calls/${randomUUID()}/commission`, cast.officer.token), 404, 'NOT_FOUND');
      expectProblem(await get('/calls/not-a-uuid/commission', cast.officer.token), 400, 'VALIDATION_FAILED');
    });

    it('a draft call’s commission: the officer sees it, a member does not (drafts are not theirs to know of)', async () => {
      const programme = await createProgramme(t, cast.officer.token);
      const draft = await expectStatus(t.http.post(`${API}/calls`).auth(cast.officer.token, { type: 'bearer' }).send(callBody(t, programme.id)), 201, 'draft');
      await expectOk(
        t.http
          .put(`${API}/calls/${draft.body.id}/commission`)
          .auth(cast.officer.token, { type: 'bearer' })
          .send({ memberIds: mine.members.map((m) => m.id), chairId: mine.members[2].id }),
        'commission',
      );
      const res = await expectOk(get(`/calls/${draft.body.id}/commission`, cast.officer.token), 'commission');
      expect(res.body.members[0]).toMatchObject({ userId: mine.members[2].id, chair: true });
      expectProblem(await get(`/calls/${draft.body.id}/commission`, mine.members[2].token), 404, 'NOT_FOUND');
    });

    it('my-evaluation: nothing before declaring, then the declaration, then the own sheet; never a peer’s', async () => {
      const [first, second] = mine.members;
      const id = mine.applications[0].id;
      // A peer scores first: none of it may show in the member's own view.
      await expectOk(declare(t, second.token, id, false), 'peer declaration');
      await expectOk(score(t, second.token, id, mine.terms.criteria, 90, 'Výborný projekt'), 'peer sheet');

      const before = await expectOk(get(`/applications/${id}/my-evaluation`, first.token), 'before');
      expect(before.body).toEqual({
        applicationId: id,
        declaration: null,
        automaticConflict: false,
        sheet: null,
        scoring: 'open',
        mayReadScores: false,
        chair: true,
      });

      await expectOk(declare(t, first.token, id, false), 'declaration');
      const declared = await expectOk(get(`/applications/${id}/my-evaluation`, first.token), 'declared');
      expect(declared.body).toMatchObject({ declaration: { hasConflict: false, reason: null, automatic: false, declaredAt: expect.any(String) }, sheet: null, mayReadScores: false });

      await expectOk(score(t, first.token, id, mine.terms.criteria, 60, 'Průměrný projekt'), 'sheet');
      const scored = await expectOk(get(`/applications/${id}/my-evaluation`, first.token), 'scored');
      expect(scored.body).toMatchObject({
        declaration: { hasConflict: false },
        sheet: { memberId: first.id, totalPoints: 60, comment: 'Průměrný projekt', points: expect.any(Array) },
        scoring: 'open',
        mayReadScores: true,
      });
      const text = JSON.stringify(scored.body);
      expect(text).not.toContain(second.id);
      expect(text).not.toContain('Výborný projekt');
    });

    it('my-evaluation of a member who declared a conflict, and of one affiliated with the applicant', async () => {
      const [, , third] = mine.members;
      const app = mine.applications[1];
      await expectOk(declare(t, mine.members[0].token, app.id, true, 'Člen správní rady žadatele'), 'conflict');
      const conflicted = await expectOk(get(`/applications/${app.id}/my-evaluation`, mine.members[0].token), 'conflicted');
      expect(conflicted.body).toMatchObject({ declaration: { hasConflict: true, reason: 'Člen správní rady žadatele', automatic: false }, automaticConflict: false, mayReadScores: false });

      await expectOk(setAffiliations(t, admin, third.id, [app.applicant.organisationId]), 'affiliation');
      const affiliated = await expectOk(get(`/applications/${app.id}/my-evaluation`, third.token), 'affiliated');
      expect(affiliated.body).toMatchObject({ declaration: null, automaticConflict: true, sheet: null, mayReadScores: false });
      await expectOk(setAffiliations(t, admin, third.id, []), 'affiliation removed');
    });

    it('my-evaluation is 404 for another call’s member and for an application not yet eligible, 403 for other roles', async () => {
      const id = mine.applications[0].id;
      const other404 = expectProblem(await get(`/applications/${id}/my-evaluation`, other.members[0].token), 404, 'NOT_FOUND');
      const missing = expectProblem(await get(`/applications/${randomUUID()}/my-evaluation`, other.members[0].token), 404, 'NOT_FOUND');
      expect(other404.detail).toBe(missing.detail);
      const draft = await createDraft(t, cast.applicant.token, await openCall(t, cast.officer.token));
      expectProblem(await get(`/applications/${draft.id}/my-evaluation`, mine.members[0].token), 404, 'NOT_FOUND');
      for (const token of [cast.officer.token, cast.budget.token, cast.applicant.token, admin]) {
        expectProblem(await get(`/applications/${id}/my-evaluation`, token), 403, 'FORBIDDEN');
      }
    });
  });

  describe('money: GET /applications/:id with its contract and settlement, GET /letters', () => {
    let money: EvaluatedCall;
    /** Approved for CZK 175,000, contracted, paid 100,000, settled with 80,000 accepted. */
    let settledId: string;
    /** Approved and contracted, nothing paid. */
    let contractedId: string;
    /** Recommended, no decision. */
    let undecidedId: string;

    beforeAll(async () => {
      [money] = await evaluatedCalls(t, cast, [{ call: { maxApplicationsPerOrganisation: 3 }, entries: Array.from({ length: 3 }, () => ({ applicant: cast.applicant })) }]);
      [settledId, contractedId, undecidedId] = money.applications.map((a) => a.id);
      await paidOut(t, cast, settledId, 175_000, 100_000);
      await expectStatus(submitSettlement(t, cast.applicant.token, settledId, settlementOf(90_000, 'Kurzy proběhly.')), 201, 'settlement');
      await expectStatus(reviewSettlement(t, cast.officer.token, settledId, 80_000, 'Část nákladů nebyla doložena.'), 201, 'review');
      await contracted(t, cast.officer.token, contractedId, 175_000);
    });

    it('the contract and the reviewed settlement, for the applicant, the officer and the Budget Department', async () => {
      for (const token of [cast.applicant.token, cast.officer.token, cast.budget.token]) {
        const res = await expectOk(get(`/applications/${settledId}`, token), 'application');
        expect(res.body.contract).toEqual({
          contractNumber: `SML-${settledId}`,
          signedOn: today(t),
          bankAccount: '19-2000145399/0800',
          amountCzk: 175_000,
          publicationDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          publishedOn: null,
          url: null,
          // The call's settlement deadline, copied into the contract.
          settlementDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
        expect(res.body.settlement).toEqual({
          spentCzk: 90_000,
          lines: [{ category: 'Osobní náklady', spentCzk: 90_000 }],
          report: 'Kurzy proběhly.',
          submittedAt: expect.any(String),
          acceptedCzk: 80_000,
          // Paid 100,000, spent 90,000, accepted 80,000: 10,000 unspent and 10,000 refused.
          unspentCzk: 10_000,
          refusedCzk: 10_000,
          remedyDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          returnDueCzk: 20_000,
          returnDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          reviewNote: 'Část nákladů nebyla doložena.',
          reviewedAt: expect.any(String),
        });
        expect(res.body).toMatchObject({ id: settledId, status: 'settled', money: { paidCzk: 100_000, returnDueCzk: 20_000 } });
      }
    });

    it('a contract without a settlement, and an application with neither', async () => {
      const contracted = await expectOk(get(`/applications/${contractedId}`, cast.applicant.token), 'contracted');
      expect(contracted.body).toMatchObject({ status: 'contracted', contract: { amountCzk: 175_000 }, settlement: null });
      const undecided = await expectOk(get(`/applications/${undecidedId}`, cast.officer.token), 'undecided');
      expect(undecided.body).toMatchObject({ status: 'recommended', contract: null, settlement: null });
    });

    it("another organisation's application stays 404, contract and all", async () => {
      const stranger = await registerApplicant(t);
      const problem = expectProblem(await get(`/applications/${settledId}`, stranger.token), 404, 'NOT_FOUND');
      expect(JSON.stringify(problem)).not.toContain('SML-');
    });

    it('GET /letters: failed letters of a call for the officer’s retry screen, with reference and organisation', async () => {
      const letters = await storedLetters([settledId, contractedId]);
      const failed = letters.find((l) => l.applicationId === contractedId)!;
      await simulateWorkerGaveUp(failed.id, 'simulated: the template is broken');
      for (const token of [cast.officer.token, cast.budget.token]) {
        const res = await expectOk(get(`/letters?status=failed&callId=${money.call.callId}`, token), 'failed letters');
        expect(res.body).toEqual({
          items: [
            {
              id: failed.id,
              applicationId: contractedId,
              callId: money.call.callId,
              referenceNumber: money.applications[1].referenceNumber,
              organisationName: expect.stringMatching(/^Poradna pro cizince/),
              kind: 'approval',
              status: 'failed',
              failureReason: 'simulated: the template is broken',
              createdAt: expect.any(String),
              readyAt: null,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 50,
        });
      }
      const queued = await expectOk(get(`/letters?status=queued&callId=${money.call.callId}`, cast.officer.token), 'queued letters');
      expect(queued.body.items.map((l: { applicationId: string }) => l.applicationId)).toEqual([settledId]);
      const all = await expectOk(get(`/letters?callId=${money.call.callId}&pageSize=1&page=2`, cast.officer.token), 'page 2');
      expect(all.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.objectContaining({ applicationId: expect.any(String) })] });
      const first = await expectOk(get(`/letters?callId=${money.call.callId}&pageSize=1`, cast.officer.token), 'page 1');
      expect(new Date(first.body.items[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(all.body.items[0].createdAt).getTime());
    });

    it('GET /letters: bad filters are 400; applicants, commission and admins 403', async () => {
      for (const query of ['status=sent', 'callId=nope', 'pageSize=500']) expectProblem(await get(`/letters?${query}`, cast.officer.token), 400, 'VALIDATION_FAILED');
      for (const token of [cast.applicant.token, cast.commission.token, admin]) expectProblem(await get('/letters', token), 403, 'FORBIDDEN');
    });
  });
});
