import { pragueDate } from '@app/core/time/prague-time';
import { asOwner } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, openCall, registerApplicant, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  adjustProposal,
  auditOf,
  callTerms,
  closeEvaluation,
  closeWindow,
  declare,
  declareAndScore,
  formalCheck,
  fundingProposal,
  getApplication,
  ranking,
  readScores,
  rowsById,
  score,
  setAffiliations,
  setCommission,
  submitApplication,
  type RankingRow,
} from '../support/evaluation';

const DAY = 86_400_000;

describe('evaluation stage, end to end', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  /*
   * One call, part 1 with CZK 400,000, quorum 2, minimum score 50, a
   * commission of A (chair), B and C. Five applications, each from its own
   * organisation, requesting CZK 175,000 (P2 corrects its budget to 140,000):
   *
   *   P1 eligible                               A 85  B 80  C 90   → 85.00
   *   P2 correction → re-submitted → eligible   A 70  B 66  C 70   → 68.67
   *   P3 eligible; C belongs to its applicant   A 75  B 78  C —    → 76.50 (2 scorers, quorum 2)
   *   P4 ineligible
   *   P5 eligible                               A 30  B 35  C 40   → 35.00 (below 50)
   *
   * Ranking P1, P3, P2, P5. Funding down the ranking: P1 175,000, P3 175,000,
   * P2 the remaining 50,000, P5 none. The officer lowers P1 to 150,000 and
   * raises P2 to 75,000 (400,000 again). Closing: P1, P3, P2 recommended,
   * P5 not recommended, P4 stays ineligible.
   */
  it('from the closed window to the closed evaluation', async () => {
    const officer = cast.officer.token;
    const call = await openCall(t, officer, {
      quorum: 2,
      minScore: 50,
      parts: [
        { code: '1', name: 'Aktivity', allocationCzk: 400_000, minRequestCzk: 50_000, maxRequestCzk: 300_000 },
        { code: '2', name: 'Publikační činnost', allocationCzk: 100_000, minRequestCzk: 20_000, maxRequestCzk: 80_000 },
      ],
    });
    const terms = await callTerms(t, call.callId);
    const { criteria } = terms;
    const [a, b, c] = await setCommission(t, officer, call.callId, 3);
    const applicants = await Promise.all(Array.from({ length: 5 }, () => registerApplicant(t)));
    const submitted = [];
    for (const applicant of applicants) submitted.push(await submitApplication(t, applicant, call));
    const [p1, p2, p3, p4, p5] = submitted;

    // ── Formal check, once the window has closed.
    expectProblem(await formalCheck(t, officer, p1.id, { result: 'eligible', reasons: [] }), 409, 'FORMAL_CHECK_NOT_OPEN');
    closeWindow(t, terms);
    for (const app of [p1, p3, p5]) await formalCheck(t, officer, app.id, { result: 'eligible', reasons: [] }).expect(200);
    await formalCheck(t, officer, p4.id, { result: 'ineligible', reasons: ['Žadatel nemá sídlo v Praze'] }).expect(200);
    const due = pragueDate(new Date(t.clock.now().getTime() + 7 * DAY));
    await formalCheck(t, officer, p2.id, { result: 'correction_requested', reasons: ['Rozpočet: chybí rozpis osobních nákladů'], correctionDueOn: due }).expect(200);

    // The closing officer is told what is pending.
    expectProblem(await closeEvaluation(t, officer, call.callId), 409, 'FORMAL_CHECK_PENDING');

    // P2's applicant corrects and re-submits: same reference number.
    t.clock.advanceDays(2);
    await t.http
      .patch(`${API}/applications/${p2.id}`)
      .set({ Authorization: `Bearer ${p2.applicant.token}` })
      .send({ budgetLines: [{ category: 'Osobní náklady', description: 'Lektorka, 400 hodin á 350 Kč', totalCzk: 200_000, requestedCzk: 140_000 }] })
      .expect(200);
    const resubmitted = await t.http.post(`${API}/applications/${p2.id}/submit`).set({ Authorization: `Bearer ${p2.applicant.token}` });
    expect(resubmitted.body).toMatchObject({ status: 'submitted', referenceNumber: p2.referenceNumber });
    await formalCheck(t, officer, p2.id, { result: 'eligible', reasons: [] }).expect(200);

    const letters = await asOwner(async (db) => {
      const { rows } = await db.query<{ application_id: string; kind: string; status: string; outbox: number }>(
        `SELECT l.application_id, l.kind, l.status,
                (SELECT count(*)::int FROM outbox_message o WHERE o.payload->>'letterId' = l.id::text AND o.topic = 'letter.render') AS outbox
           FROM letter l WHERE l.application_id = ANY($1::uuid[]) ORDER BY l.kind`,
        [[p1, p2, p3, p4, p5].map((x) => x.id)],
      );
      return rows;
    });
    expect(letters).toEqual([
      { application_id: p2.id, kind: 'correction_request', status: 'queued', outbox: 1 },
      { application_id: p4.id, kind: 'ineligible', status: 'queued', outbox: 1 },
    ]);

    // ── The commission: C sits on the board of P3's applicant (recorded by the admin).
    await setAffiliations(t, cast.admin.token, c.id, [p3.applicant.organisationId]).expect(200);
    expectProblem(await declare(t, c.token, p3.id, false), 403, 'CONFLICT_OF_INTEREST');
    expect((await declare(t, c.token, p3.id, true, 'Člen správní rady žadatele')).body).toMatchObject({ hasConflict: true, automatic: true });
    // P4 is not the commission's.
    expectProblem(await declare(t, a.token, p4.id, false), 404, 'NOT_FOUND');

    expectProblem(await score(t, a.token, p1.id, criteria, 85), 409, 'COI_DECLARATION_REQUIRED');
    const SHEETS: [typeof p1, number, number, number | null][] = [
      [p1, 85, 80, 90],
      [p2, 70, 66, 70],
      [p3, 75, 78, null],
      [p5, 30, 35, 40],
    ];
    for (const [app, byA, byB, byC] of SHEETS) {
      // B has not scored yet: the others' sheets are hidden from B.
      await declareAndScore(t, a.token, app.id, criteria, byA);
      expectProblem(await readScores(t, b.token, app.id), 403, 'FORBIDDEN');
      await declareAndScore(t, b.token, app.id, criteria, byB);
      expect((await readScores(t, b.token, app.id)).body.scorers).toBe(2);
      if (byC !== null) await declareAndScore(t, c.token, app.id, criteria, byC);
    }
    expectProblem(await score(t, c.token, p3.id, criteria, 100), 403, 'CONFLICT_OF_INTEREST');
    expectProblem(await readScores(t, c.token, p3.id), 403, 'CONFLICT_OF_INTEREST');

    // ── Ranking.
    const ranked = await ranking(t, officer, call.callId, '1');
    expect(ranked.body.items.map((i: RankingRow) => [i.applicationId, i.rank, i.averageScore, i.scorers, i.spread, i.recommended, i.requestedCzk])).toEqual([
      [p1.id, 1, 85, 3, 10, true, 175_000],
      [p3.id, 2, 76.5, 2, 3, true, 175_000],
      [p2.id, 3, 68.67, 3, 4, true, 140_000],
      [p5.id, 4, 35, 3, 10, false, 175_000],
    ]);
    const asC = rowsById(await ranking(t, c.token, call.callId, '1'));
    expect(asC.get(p3.id)).toMatchObject({ scoresHidden: true, averageScore: null, rank: null });
    expect(asC.get(p1.id)).toMatchObject({ scoresHidden: false, averageScore: 85, rank: 1 });

    // ── Funding proposal, then the officer's adjustments.
    const proposal = await fundingProposal(t, officer, call.callId);
    expect(proposal.status).toBe(200);
    expect(proposal.body.items.map((i: RankingRow) => [i.applicationId, i.proposedCzk])).toEqual([
      [p1.id, 175_000],
      [p3.id, 175_000],
      [p2.id, 50_000],
      [p5.id, null],
    ]);
    expect(proposal.body.parts[0]).toEqual({ code: '1', allocationCzk: 400_000, proposedCzk: 400_000 });
    expectProblem(await adjustProposal(t, officer, p2.id, 140_001), 422, 'PROPOSAL_EXCEEDS_REQUEST');
    expectProblem(await adjustProposal(t, officer, p2.id, 75_000), 409, 'ALLOCATION_EXCEEDED');
    expect((await adjustProposal(t, officer, p1.id, 150_000)).body.proposedCzk).toBe(150_000);
    expect((await adjustProposal(t, officer, p2.id, 75_000)).body.proposedCzk).toBe(75_000);

    // ── Close: frozen, statuses set.
    const closedAt = t.clock.now().toISOString();
    const closed = await closeEvaluation(t, officer, call.callId);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ evaluationClosed: true, parts: [{ code: '1', allocationCzk: 400_000, proposedCzk: 400_000 }, { code: '2', proposedCzk: 0 }] });
    expect(closed.body.items.map((i: RankingRow) => [i.applicationId, i.status, i.rank, i.recommended, i.proposedCzk])).toEqual([
      [p1.id, 'recommended', 1, true, 150_000],
      [p3.id, 'recommended', 2, true, 175_000],
      [p2.id, 'recommended', 3, true, 75_000],
      [p5.id, 'not_recommended', 4, false, null],
    ]);
    const expectedStatus = new Map([
      [p1.id, 'recommended'],
      [p2.id, 'recommended'],
      [p3.id, 'recommended'],
      [p4.id, 'ineligible'],
      [p5.id, 'not_recommended'],
    ]);
    for (const app of [p1, p2, p3, p4, p5]) {
      const view = await getApplication(t, app.applicant.token, app.id);
      expect(view.body.status).toBe(expectedStatus.get(app.id));
    }
    const p2View = (await getApplication(t, officer, p2.id)).body;
    expect(p2View).toMatchObject({ referenceNumber: p2.referenceNumber, proposedCzk: 75_000, requestedCzk: 140_000 });
    expect(p2View.statusHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'correction_requested'],
      ['correction_requested', 'submitted'],
      ['submitted', 'eligible'],
      ['eligible', 'recommended'],
    ]);
    expect(p2View.statusHistory.at(-1)).toMatchObject({ at: closedAt, by: cast.officer.id, reason: 'evaluation closed' });
    expect((await getApplication(t, officer, p5.id)).body.statusHistory.at(-1)).toMatchObject({ from: 'eligible', to: 'not_recommended' });
    expect((await t.http.get(`${API}/calls/${call.callId}`)).body.status).toBe('evaluated');

    // Frozen: no sheet, declaration, proposal or second close.
    expectProblem(await score(t, a.token, p1.id, criteria, 10), 409, 'SCORING_CLOSED');
    expectProblem(await declare(t, b.token, p5.id, true), 409, 'SCORING_CLOSED');
    expectProblem(await adjustProposal(t, officer, p1.id, 100_000), 409, 'SCORING_CLOSED');
    expectProblem(await fundingProposal(t, officer, call.callId), 409, 'SCORING_CLOSED');
    expectProblem(await closeEvaluation(t, officer, call.callId), 409, 'SCORING_CLOSED');
    expect((await ranking(t, officer, call.callId, '1')).body.items).toEqual(closed.body.items);

    // ── Audit: every step on the application, and the call's proposal and close.
    for (const auditor of [cast.budget.token, cast.admin.token]) {
      const events = await auditOf(t, auditor, 'application', p2.id);
      expect(events.status).toBe(200);
      const actions: string[] = events.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual([
        'application.evaluated',
        'application.proposal_adjusted',
        ...Array(9).fill(expect.stringMatching(/^(score_sheet\.submitted|score_sheet\.saved|conflict_of_interest\.declared)$/)),
        'application.formal_check',
        'application.submitted',
        'application.updated',
        'application.formal_check',
        'application.submitted',
        'application.created',
      ]);
      expect(actions.filter((x) => x === 'score_sheet.submitted')).toHaveLength(3);
      expect(actions.filter((x) => x === 'score_sheet.saved')).toHaveLength(3);
      expect(actions.filter((x) => x === 'conflict_of_interest.declared')).toHaveLength(3);
    }
    const p3Events = (await auditOf(t, cast.budget.token, 'application', p3.id)).body.items;
    expect(p3Events).toContainEqual(
      expect.objectContaining({ action: 'conflict_of_interest.declared', actorUserId: c.id, after: expect.objectContaining({ hasConflict: true, automatic: true }) }),
    );
    const callEvents = (await auditOf(t, cast.admin.token, 'call', call.callId)).body.items;
    expect(callEvents.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['call.evaluation_closed', 'call.funding_proposed']);
    expect(callEvents[0]).toMatchObject({ actorUserId: cast.officer.id, after: { evaluationClosedAt: closedAt } });
    expect(callEvents[0].after.results).toContainEqual(
      expect.objectContaining({ applicationId: p5.id, referenceNumber: p5.referenceNumber, recommended: false, proposedCzk: null, rank: 4 }),
    );
    const verified = await t.http.get(`${API}/audit/verify`).set({ Authorization: `Bearer ${cast.budget.token}` });
    expect(verified.body.ok).toBe(true);
  });
});
