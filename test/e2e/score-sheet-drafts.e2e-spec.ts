import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  auditOf,
  closeEvaluation,
  declare,
  declareAndScore,
  fundingProposal,
  getApplication,
  pointsFor,
  ranking,
  readScores,
  reopenSheet,
  rowsById,
  scoreSheet,
  setUpEvaluation,
  submitSheet,
} from '../support/evaluation';

const HOUR = 3_600_000;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function sheetStates(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}/score-sheets`).set(bearer(token));
}

function myEvaluation(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}/my-evaluation`).set(bearer(token));
}

/** The proposals of the call's applications as GET /applications shows them to the caller. */
async function listedProposals(t: TestApp, token: string, callId: string): Promise<Map<string, number | null>> {
  const res = await t.http.get(`${API}/applications?callId=${callId}&pageSize=100`).set(bearer(token));
  expect(res.status).toBe(200);
  return new Map((res.body.items as { id: string; proposedCzk: number | null }[]).map((i) => [i.id, i.proposedCzk]));
}

/** The proposals of the call's ranking as the caller is shown them. */
async function rankedProposals(t: TestApp, token: string, callId: string): Promise<Map<string, number | null>> {
  const res = await ranking(t, token, callId);
  expect(res.status).toBe(200);
  return new Map([...rowsById(res)].map(([id, row]) => [id, row.proposedCzk]));
}

describe('DOT Commission: what a member is shown of the funding proposals, and score sheets as drafts', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;

  it('PUT …/scores without `draft` saves and submits at once (the contract’s one step): it counts, the peers open, and it cannot be overwritten', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2, minScore: 10 } });
    await declareAndScore(t, b.token, app.id, criteria, 60);
    await declare(t, a.token, app.id).expect(200);
    const put = (total: number) =>
      t.http.put(`${API}/applications/${app.id}/scores`).set(bearer(a.token)).send({ points: pointsFor(criteria, total), comment: 'Jedním krokem' });

    const submitted = await put(80);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ memberId: a.id, totalPoints: 80, status: 'submitted', submittedAt: t.clock.now().toISOString() });
    expect((await readScores(t, a.token, app.id)).body).toMatchObject({ scorers: 2, averageScore: 70 });
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 2, averageScore: 70, counting: true });
    expectProblem(await put(40), 409, 'SCORE_SHEET_SUBMITTED');
    expect((await readScores(t, officer(), app.id)).body.averageScore).toBe(70);

    const events = await auditOf(t, cast.budget.token, 'application', app.id);
    const mine = events.body.items.filter((e: { actorUserId: string }) => e.actorUserId === a.id).map((e: { action: string }) => e.action);
    expect(mine.slice(0, 2)).toEqual(['score_sheet.submitted', 'score_sheet.saved']);
  });

  it('GET /applications and GET /applications/:id hide a proposal from a member exactly as the ranking does: not scored or conflicted → null', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app1, app2],
    } = await setUpEvaluation(t, officer(), { applications: 2, call: { quorum: 2, minScore: 10 } });
    for (const m of [a, b]) {
      await declareAndScore(t, m.token, app1.id, criteria, 80);
      await declareAndScore(t, m.token, app2.id, criteria, 70);
    }
    // c: a conflict on app2, app1 not scored yet.
    await declare(t, c.token, app2.id, true, 'Sestra je ve vedení žadatele').expect(200);
    expect((await fundingProposal(t, officer(), call.callId)).status).toBe(200);

    const asOfficer = await listedProposals(t, officer(), call.callId);
    expect(asOfficer.get(app1.id)).toBe(app1.requestedCzk);
    expect(asOfficer.get(app2.id)).toBe(app2.requestedCzk);
    // A member who scored both sees both, as in the ranking.
    expect(await listedProposals(t, a.token, call.callId)).toEqual(new Map([[app1.id, app1.requestedCzk], [app2.id, app2.requestedCzk]]));

    // c has scored neither: nothing, in the list, in the detail and in the ranking alike.
    const hidden = await listedProposals(t, c.token, call.callId);
    expect(hidden).toEqual(new Map([[app1.id, null], [app2.id, null]]));
    expect(hidden).toEqual(await rankedProposals(t, c.token, call.callId));
    for (const app of [app1, app2]) {
      const detail = await getApplication(t, c.token, app.id);
      expect(detail.status).toBe(200);
      expect(detail.body.proposedCzk).toBeNull();
    }
    expect((await getApplication(t, a.token, app1.id)).body.proposedCzk).toBe(app1.requestedCzk);
    expect((await getApplication(t, officer(), app2.id)).body.proposedCzk).toBe(app2.requestedCzk);

    // Once c has scored app1 it shows; app2 (conflict) stays hidden.
    await declareAndScore(t, c.token, app1.id, criteria, 60);
    const scoredOne = await listedProposals(t, c.token, call.callId);
    expect(scoredOne).toEqual(new Map([[app1.id, app1.requestedCzk], [app2.id, null]]));
    expect(scoredOne).toEqual(await rankedProposals(t, c.token, call.callId));
    expect((await getApplication(t, c.token, app1.id)).body.proposedCzk).toBe(app1.requestedCzk);
    expect((await getApplication(t, c.token, app2.id)).body.proposedCzk).toBeNull();

    // After the close: everything but the conflict, as the ranking.
    expect((await closeEvaluation(t, officer(), call.callId)).status).toBe(200);
    const closed = await listedProposals(t, c.token, call.callId);
    expect(closed).toEqual(new Map([[app1.id, app1.requestedCzk], [app2.id, null]]));
    expect(closed).toEqual(await rankedProposals(t, c.token, call.callId));
    expect((await getApplication(t, c.token, app2.id)).body.proposedCzk).toBeNull();
    expect((await getApplication(t, b.token, app2.id)).body.proposedCzk).toBe(app2.requestedCzk);
  });
  it('a saved sheet is a draft: not counted and the peers stay hidden; submitting opens them; a submitted sheet cannot be overwritten (409 SCORE_SHEET_SUBMITTED); audited', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2 } });
    await declareAndScore(t, b.token, app.id, criteria, 60);
    await declare(t, a.token, app.id).expect(200);

    // Peek: a throw-away sheet of 90.
    const savedAt = t.clock.now().toISOString();
    const draft = await scoreSheet(t, a.token, app.id, pointsFor(criteria, 90), 'Koncept');
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ memberId: a.id, totalPoints: 90, status: 'draft', submittedAt: null, updatedAt: savedAt, reopenedAt: null, reopenReason: null });
    expectProblem(await readScores(t, a.token, app.id), 403, 'FORBIDDEN');
    expect((await myEvaluation(t, a.token, app.id)).body).toMatchObject({ sheet: { status: 'draft', totalPoints: 90 }, mayReadScores: false });
    // Not counted anywhere: the officer's sheets and ranking show b's alone; the member's ranking hides the line.
    const officerView = await readScores(t, officer(), app.id);
    expect(officerView.body).toMatchObject({ scorers: 1, averageScore: 60 });
    expect(officerView.body.sheets.map((s: { memberId: string }) => s.memberId)).toEqual([b.id]);
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 1, averageScore: 60, counting: false });
    expect(rowsById(await ranking(t, a.token, call.callId)).get(app.id)).toMatchObject({ scoresHidden: true, averageScore: null });

    // A draft may change as often as the member likes.
    t.clock.set(new Date(t.clock.now().getTime() + HOUR));
    expect((await scoreSheet(t, a.token, app.id, pointsFor(criteria, 80), 'Po úvaze')).body).toMatchObject({ status: 'draft', totalPoints: 80 });

    // Submitting: the sheet counts and the peers show.
    t.clock.set(new Date(t.clock.now().getTime() + HOUR));
    const submittedAt = t.clock.now().toISOString();
    const submitted = await submitSheet(t, a.token, app.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ memberId: a.id, totalPoints: 80, comment: 'Po úvaze', status: 'submitted', submittedAt });
    const peers = await readScores(t, a.token, app.id);
    expect(peers.status).toBe(200);
    expect(peers.body).toMatchObject({ scorers: 2, averageScore: 70 });
    expect(rowsById(await ranking(t, officer(), call.callId)).get(app.id)).toMatchObject({ scorers: 2, averageScore: 70, counting: true });

    // No overwriting after the peek: neither a new sheet nor a second submit.
    const overwrite = expectProblem(await scoreSheet(t, a.token, app.id, pointsFor(criteria, 40)), 409, 'SCORE_SHEET_SUBMITTED');
    expect(overwrite.detail).toMatch(/chair/);
    expectProblem(await submitSheet(t, a.token, app.id), 409, 'SCORE_SHEET_SUBMITTED');
    expect((await readScores(t, officer(), app.id)).body.averageScore).toBe(70);

    // Nothing to submit without a saved sheet; and a conflicted member has nothing to submit either.
    await declare(t, c.token, app.id).expect(200);
    expectProblem(await submitSheet(t, c.token, app.id), 404, 'NOT_FOUND');

    const events = await auditOf(t, cast.budget.token, 'application', app.id);
    const mine = events.body.items.filter((e: { actorUserId: string }) => e.actorUserId === a.id);
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'score_sheet.submitted',
      'score_sheet.saved',
      'score_sheet.saved',
      'conflict_of_interest.declared',
    ]);
    expect(mine[0]).toMatchObject({ before: { status: 'draft' }, after: { status: 'submitted', totalPoints: 80 } });
    expect(mine[1]).toMatchObject({ before: { totalPoints: 90, status: 'draft' }, after: { totalPoints: 80, status: 'draft' } });
    expect(mine[2]).toMatchObject({ before: null, after: { totalPoints: 90, status: 'draft' } });
  });

  it('only the chair reopens a submitted sheet, with a reason (audited); it is a draft again, not counted, peers hidden until resubmitted', async () => {
    const {
      call,
      terms: { criteria },
      members: [chair, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2 } });
    await declareAndScore(t, chair.token, app.id, criteria, 70);
    await declareAndScore(t, b.token, app.id, criteria, 90);
    await declare(t, c.token, app.id).expect(200);
    await scoreSheet(t, c.token, app.id, pointsFor(criteria, 50)).expect(200);

    // The chair sees where every member's sheet stands (no points), the others do not.
    expect((await myEvaluation(t, chair.token, app.id)).body.chair).toBe(true);
    expect((await myEvaluation(t, b.token, app.id)).body.chair).toBe(false);
    const states = await sheetStates(t, chair.token, app.id);
    expect(states.status).toBe(200);
    expect(states.body.applicationId).toBe(app.id);
    expect(states.body.sheets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: chair.id, status: 'submitted' }),
        expect.objectContaining({ memberId: b.id, status: 'submitted', reopenReason: null }),
        expect.objectContaining({ memberId: c.id, status: 'draft', submittedAt: null }),
      ]),
    );
    expect(states.body.sheets).toHaveLength(3);
    expect(JSON.stringify(states.body)).not.toMatch(/totalPoints|points|comment/);
    expectProblem(await sheetStates(t, b.token, app.id), 403, 'NOT_COMMISSION_CHAIR');
    expectProblem(await sheetStates(t, officer(), app.id), 403, 'FORBIDDEN');

    const reason = 'Člen zaměnil body kritérií K1 a K2';
    // Not the chair: 403; another role: 403; the chair without a reason: 400; the chair's own sheet: 403; a draft or no sheet: 409 / 404.
    expectProblem(await reopenSheet(t, c.token, app.id, b.id, { reason }), 403, 'NOT_COMMISSION_CHAIR');
    expectProblem(await reopenSheet(t, officer(), app.id, b.id, { reason }), 403, 'FORBIDDEN');
    for (const body of [{}, { reason: '   ' }]) {
      const problem = expectProblem(await reopenSheet(t, chair.token, app.id, b.id, body), 400, 'VALIDATION_FAILED');
      expect(new Set(problem.errors.map((e) => e.field))).toEqual(new Set(['reason']));
    }
    expectProblem(await reopenSheet(t, chair.token, app.id, chair.id, { reason }), 403, 'FORBIDDEN');
    expectProblem(await reopenSheet(t, chair.token, app.id, c.id, { reason }), 409, 'SCORE_SHEET_NOT_SUBMITTED');
    expectProblem(await reopenSheet(t, chair.token, app.id, cast.commission.id, { reason }), 404, 'NOT_FOUND');
    expect((await readScores(t, officer(), app.id)).body).toMatchObject({ scorers: 2, averageScore: 80 });

    t.clock.set(new Date(t.clock.now().getTime() + HOUR));
    const reopenedAt = t.clock.now().toISOString();
    const reopened = await reopenSheet(t, chair.token, app.id, b.id, { reason: `  ${reason} ` });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toEqual({ memberId: b.id, memberName: 'Test commission', status: 'draft', submittedAt: null, reopenedAt, reopenReason: reason });

    // b's sheet is a draft again: not counted, b's peers hidden, b may change and resubmit it.
    expect((await readScores(t, officer(), app.id)).body).toMatchObject({ scorers: 1, averageScore: 70 });
    expectProblem(await readScores(t, b.token, app.id), 403, 'FORBIDDEN');
    expect((await myEvaluation(t, b.token, app.id)).body).toMatchObject({
      sheet: { status: 'draft', totalPoints: 90, reopenedAt, reopenReason: reason },
      mayReadScores: false,
    });
    // The close counts submitted sheets alone: b's reopened and c's draft leave the quorum of 2 unmet.
    expectProblem(await closeEvaluation(t, officer(), call.callId), 409, 'QUORUM_NOT_MET');

    await scoreSheet(t, b.token, app.id, pointsFor(criteria, 60), 'Opraveno').expect(200);
    expect((await submitSheet(t, b.token, app.id)).body).toMatchObject({ status: 'submitted', totalPoints: 60, reopenedAt, reopenReason: reason });
    expect((await readScores(t, b.token, app.id)).body).toMatchObject({ scorers: 2, averageScore: 65 });

    const events = await auditOf(t, cast.budget.token, 'application', app.id);
    const reopenings = events.body.items.filter((e: { action: string }) => e.action === 'score_sheet.reopened');
    expect(reopenings).toHaveLength(1);
    expect(reopenings[0]).toMatchObject({
      actorUserId: chair.id,
      reason,
      before: { memberId: b.id, status: 'submitted', totalPoints: 90 },
      after: { memberId: b.id, status: 'draft' },
    });

    // Frozen after the close, like every sheet.
    expect((await closeEvaluation(t, officer(), call.callId)).status).toBe(200);
    expectProblem(await reopenSheet(t, chair.token, app.id, b.id, { reason }), 409, 'SCORING_CLOSED');
    expectProblem(await submitSheet(t, c.token, app.id), 409, 'SCORING_CLOSED');
  });
  it('concurrent reopenings of one sheet: one reopens it, the others find a draft (409 SCORE_SHEET_NOT_SUBMITTED); one audit event', async () => {
    const {
      terms: { criteria },
      members: [chair, b],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1 });
    await declareAndScore(t, b.token, app.id, criteria, 75);
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_v, i) => reopenSheet(t, chair.token, app.id, b.id, { reason: `Souběžné otevření ${i + 1}` })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expectProblem(r, 409, 'SCORE_SHEET_NOT_SUBMITTED');
    const events = await auditOf(t, cast.budget.token, 'application', app.id);
    expect(events.body.items.filter((e: { action: string }) => e.action === 'score_sheet.reopened')).toHaveLength(1);
    expect((await myEvaluation(t, b.token, app.id)).body.sheet).toMatchObject({ status: 'draft', totalPoints: 75 });
  });
});
