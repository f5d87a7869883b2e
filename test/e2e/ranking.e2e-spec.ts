import { pragueDate } from '@app/core/time/prague-time';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  closeEvaluation,
  declare,
  declareAndScore,
  expectOk,
  formalCheck,
  getApplication,
  ranking,
  rowsById,
  score,
  setUpEvaluation,
  type RankingRow,
} from '../support/evaluation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('ranking', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;
  const ids = (items: RankingRow[]) => items.map((i) => i.applicationId);

  /*
   * The hand-computed example: 6 applications of part 1, members A, B and C,
   * criteria worth 100 points in all, quorum 2, minimum score 50. C declares a
   * conflict of interest with R3 and does not score it.
   *
   * Receipt times (hours after the clock's start in the window): R1 +1, R2 +2,
   * R3 +3, R4 +5, R5 +4, R6 +6 — R5 is submitted after R4 (so its reference
   * number is higher) with the clock moved back: it was received earlier.
   *
   *        A    B    C      sum  scorers  average          spread
   *  R1   80   70   75      225     3     225/3 = 75.00     80-70 = 10
   *  R2   60   65   63      188     3     188/3 = 62.666… → 62.67 (half up)   65-60 = 5
   *  R3   90   84   (COI)   174     2     174/2 = 87.00     90-84 = 6   (C left out: not 174/3 = 58)
   *  R4   70   71   72      213     3     213/3 = 71.00     72-70 = 2
   *  R5   71   71   71      213     3     213/3 = 71.00     0
   *  R6   20   60   43      123     3     123/3 = 41.00     60-20 = 40 > 100/4 → spread flagged
   *
   * Order by average, descending: R3 87.00, R1 75.00, then R4 and R5 tied at
   * 71.00 — R5 was received earlier, so R5 before R4 (although R4 has the lower
   * reference number) — R2 62.67, R6 41.00.
   * Ranks: R3 1, R1 2, R5 3, R4 4, R2 5, R6 6. Recommended (≥ 50): all but R6.
   */
  it('matches the hand-computed example: averages, spread, conflict left out, tie broken by earlier receipt, minimum score', async () => {
    const RECEIPT_HOURS = [1, 2, 3, 5, 4, 6];
    const setup = await setUpEvaluation(t, officer(), {
      applications: 6,
      call: { quorum: 2, minScore: 50 },
      receiptAt: (i, terms) => new Date(terms.submissionOpensAt.getTime() + DAY + RECEIPT_HOURS[i] * HOUR),
    });
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: apps,
    } = setup;
    const [r1, r2, r3, r4, r5, r6] = apps;
    expect(apps.map((x) => x.referenceNumber.slice(-4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006']);
    expect(new Date(r5.submittedAt).getTime()).toBeLessThan(new Date(r4.submittedAt).getTime());

    const TOTALS: [typeof r1, number, number, number | 'conflict'][] = [
      [r1, 80, 70, 75],
      [r2, 60, 65, 63],
      [r3, 90, 84, 'conflict'],
      [r4, 70, 71, 72],
      [r5, 71, 71, 71],
      [r6, 20, 60, 43],
    ];
    for (const [app, byA, byB, byC] of TOTALS) {
      await declareAndScore(t, a.token, app.id, criteria, byA);
      await declareAndScore(t, b.token, app.id, criteria, byB);
      if (byC === 'conflict') {
        await expectOk(declare(t, c.token, app.id, true, 'Spolupracuji s žadatelem'), 'conflict');
        expectProblem(await score(t, c.token, app.id, criteria, 100), 403, 'CONFLICT_OF_INTEREST');
      } else {
        await declareAndScore(t, c.token, app.id, criteria, byC);
      }
    }

    const res = await ranking(t, officer(), call.callId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      callId: call.callId,
      rankingMethod: 'average',
      quorum: 2,
      minScore: 50,
      maxTotal: 100,
      evaluationClosed: false,
      parts: [
        { code: '1', allocationCzk: 3_000_000, proposedCzk: 0 },
        { code: '2', allocationCzk: 1_000_000, proposedCzk: 0 },
      ],
    });
    const expected = (app: typeof r1, rank: number, averageScore: number, scorers: number, spread: number, recommended: boolean, spreadFlagged = false) => ({
      applicationId: app.id,
      partCode: '1',
      referenceNumber: app.referenceNumber,
      status: 'eligible',
      title: 'Čeština pro rodiče dětí cizinců',
      organisationName: expect.stringContaining('Poradna pro cizince'),
      averageScore,
      normalisedScore: expect.any(Number),
      scorers,
      spread,
      spreadFlagged,
      counting: true,
      rank,
      requestedCzk: 175_000,
      proposedCzk: null,
      recommended,
      scoresHidden: false,
    });
    expect(res.body.items).toEqual([
      expected(r3, 1, 87, 2, 6, true),
      expected(r1, 2, 75, 3, 10, true),
      expected(r5, 3, 71, 3, 0, true),
      expected(r4, 4, 71, 3, 2, true),
      expected(r2, 5, 62.67, 3, 5, true),
      expected(r6, 6, 41, 3, 40, false, true),
    ]);

    // The officer's sheets of R3: A's and B's only.
    const sheets = await t.http.get(`${API}/applications/${r3.id}/scores`).set({ Authorization: `Bearer ${officer()}` });
    expect(sheets.body).toMatchObject({ scorers: 2, averageScore: 87, spread: 6 });
    expect(sheets.body.sheets.map((s: { memberId: string }) => s.memberId).sort()).toEqual([a.id, b.id].sort());

    // One part at a time; an unknown part is a 400.
    const part1 = await ranking(t, officer(), call.callId, '1');
    expect(part1.body.items).toEqual(res.body.items);
    expect(part1.body.parts).toEqual([{ code: '1', allocationCzk: 3_000_000, proposedCzk: 0 }]);
    expect((await ranking(t, officer(), call.callId, '2')).body.items).toEqual([]);
    expectProblem(await ranking(t, officer(), call.callId, '9'), 400, 'VALIDATION_FAILED');
    expectProblem(await ranking(t, officer(), '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');

    // A member who scored everything sees what the officer sees; C does not see R3's scores, listed last.
    expect((await ranking(t, a.token, call.callId)).body.items).toEqual(res.body.items);
    const asC = await ranking(t, c.token, call.callId);
    expect(ids(asC.body.items)).toEqual([r1, r5, r4, r2, r6, r3].map((x) => x.id));
    expect(asC.body.items.slice(0, 5)).toEqual(res.body.items.slice(1));
    expect(asC.body.items[5]).toMatchObject({
      applicationId: r3.id,
      averageScore: null,
      normalisedScore: null,
      spread: null,
      rank: null,
      recommended: null,
      scoresHidden: true,
    });
  });

  /*
   * Normalised scores, by hand. rankingMethod 'normalised', quorum 1, minimum
   * score 60, members A (harsh) and B (lenient) scoring different applications:
   * A: X = 50, Y = 60; B: Z = 70, W = 80.
   *
   * All totals of the call: 50, 60, 70, 80 → M = 65, D = √((15² + 5² + 5² + 15²)/4) = √125 = 11.1803…
   * A: M_A = 55, D_A = 5 → z(X) = −1, z(Y) = +1;   B: M_B = 75, D_B = 5 → z(Z) = −1, z(W) = +1.
   * normalised = M + D·z: X = Z = 65 − 11.1803 = 53.82; Y = W = 65 + 11.1803 = 76.18.
   *
   * So the harsh and the lenient member's best get the same score: Y and W tie
   * at 76.18, X and Z at 53.82. All four were received at the same instant, so
   * the ties fall to the reference number: Y (0002) before W (0004), X (0001)
   * before Z (0003). Order Y, W, X, Z; recommended Y and W only — by the raw
   * average Z (70) would have been recommended and ranked second.
   */
  it("ranks by the normalised score when the call says so; the harsh and the lenient member's scores become comparable (hand-computed)", async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b],
      applications: [x, y, z, w],
    } = await setUpEvaluation(t, officer(), { applications: 4, members: 2, call: { rankingMethod: 'normalised', quorum: 1, minScore: 60 } });
    expect(new Set([x, y, z, w].map((app) => app.submittedAt)).size).toBe(1);
    await declareAndScore(t, a.token, x.id, criteria, 50);
    await declareAndScore(t, a.token, y.id, criteria, 60);
    await declareAndScore(t, b.token, z.id, criteria, 70);
    await declareAndScore(t, b.token, w.id, criteria, 80);

    const res = await ranking(t, officer(), call.callId);
    expect(res.body).toMatchObject({ rankingMethod: 'normalised', quorum: 1, minScore: 60 });
    expect(
      res.body.items.map((i: RankingRow) => [i.applicationId, i.rank, i.averageScore, i.normalisedScore, i.scorers, i.spread, i.counting, i.recommended]),
    ).toEqual([
      [y.id, 1, 60, 76.18, 1, 0, true, true],
      [w.id, 2, 80, 76.18, 1, 0, true, true],
      [x.id, 3, 50, 53.82, 1, 0, true, false],
      [z.id, 4, 70, 53.82, 1, 0, true, false],
    ]);

    const closed = await closeEvaluation(t, officer(), call.callId);
    expect(closed.status).toBe(200);
    expect(ids(closed.body.items)).toEqual([y.id, w.id, x.id, z.id]);
    const statuses = await Promise.all([x, y, z, w].map(async (app) => (await getApplication(t, officer(), app.id)).body.status));
    expect(statuses).toEqual(['not_recommended', 'recommended', 'not_recommended', 'recommended']);
  });

  /*
   * Members A and B give R1 50, R2 90, R3 70: the ranking is R2, R3, R1.
   * Member C has scored nothing yet: every row is hidden from C, and hidden
   * rows must not come in rank order, which would betray the ranking.
   */
  it('a member who has not scored an application sees no score nor rank of it, and the hidden rows do not betray the order (by reference number)', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [r1, r2, r3],
    } = await setUpEvaluation(t, officer(), { applications: 3, call: { quorum: 2 } });
    for (const [app, total] of [
      [r1, 50],
      [r2, 90],
      [r3, 70],
    ] as const) {
      await declareAndScore(t, a.token, app.id, criteria, total);
      await declareAndScore(t, b.token, app.id, criteria, total);
    }
    expect(ids((await ranking(t, officer(), call.callId)).body.items)).toEqual([r2.id, r3.id, r1.id]);

    const hidden = await ranking(t, c.token, call.callId);
    expect(hidden.status).toBe(200);
    for (const item of hidden.body.items as RankingRow[]) {
      expect(item).toMatchObject({ scoresHidden: true, averageScore: null, normalisedScore: null, spread: null, rank: null, recommended: null, counting: null, scorers: null, proposedCzk: null });
    }
    expect(ids(hidden.body.items)).toEqual([r1.id, r2.id, r3.id]);

    // Once C has scored R3, C sees R3 (rank 2) and the other two stay hidden, by reference number.
    await declareAndScore(t, c.token, r3.id, criteria, 70);
    const partly = await ranking(t, c.token, call.callId);
    expect(partly.body.items.map((i: RankingRow) => [i.applicationId, i.rank, i.scoresHidden])).toEqual([
      [r3.id, 2, false],
      [r1.id, null, true],
      [r2.id, null, true],
    ]);
  });

  it('a member sees every score but their conflicts once the evaluation is closed', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [r1, r2],
    } = await setUpEvaluation(t, officer(), { applications: 2, call: { quorum: 2 } });
    await declareAndScore(t, a.token, r1.id, criteria, 80);
    await declareAndScore(t, b.token, r1.id, criteria, 70);
    await declareAndScore(t, a.token, r2.id, criteria, 40);
    await declareAndScore(t, b.token, r2.id, criteria, 30);
    await declare(t, c.token, r2.id, true).expect(200);
    expect(rowsById(await ranking(t, c.token, call.callId)).get(r1.id)!.scoresHidden).toBe(true);

    await closeEvaluation(t, officer(), call.callId).expect(200);
    const after = rowsById(await ranking(t, c.token, call.callId));
    expect(after.get(r1.id)).toMatchObject({ scoresHidden: false, averageScore: 75, rank: 1, recommended: true, status: 'recommended' });
    expect(after.get(r2.id)).toMatchObject({ scoresHidden: true, averageScore: null, rank: null });
  });

  it('closing needs every application checked (409 FORMAL_CHECK_PENDING) and a quorum of sheets on every eligible one (409 QUORUM_NOT_MET); a refused close changes nothing', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [r1, r2, r3, r4, r5],
    } = await setUpEvaluation(t, officer(), { applications: 5, eligible: false });
    await formalCheck(t, officer(), r1.id, { result: 'eligible', reasons: [] }).expect(200);
    await formalCheck(t, officer(), r2.id, { result: 'eligible', reasons: [] }).expect(200);
    await formalCheck(t, officer(), r5.id, { result: 'eligible', reasons: [] }).expect(200);
    const dueOn = new Date(t.clock.now().getTime() + 3 * DAY);
    await formalCheck(t, officer(), r4.id, {
      result: 'correction_requested',
      reasons: ['Chybí podpis'],
      correctionDueOn: pragueDate(dueOn),
    }).expect(200);
    // R5 is withdrawn by its applicant: it needs no quorum and leaves the ranking.
    await t.http.post(`${API}/applications/${r5.id}/withdraw`).set({ Authorization: `Bearer ${r5.applicant.token}` }).send({}).expect(200);

    for (const m of [a, b, c]) await declareAndScore(t, m.token, r1.id, criteria, 60);
    await declareAndScore(t, a.token, r2.id, criteria, 95);

    const pending = expectProblem(await closeEvaluation(t, officer(), call.callId), 409, 'FORMAL_CHECK_PENDING');
    expect(pending.detail).toContain(r3.referenceNumber);
    expect(pending.detail).toContain(r4.referenceNumber);
    expect(pending.detail).not.toContain(r1.referenceNumber);

    await formalCheck(t, officer(), r3.id, { result: 'eligible', reasons: [] }).expect(200);
    expect((await closeEvaluation(t, officer(), call.callId)).body.code).toBe('FORMAL_CHECK_PENDING');
    // After R4's due date the officer decides on it as it is.
    t.clock.set(new Date(dueOn.getTime() + 2 * DAY));
    await formalCheck(t, officer(), r4.id, { result: 'ineligible', reasons: ['Vady neodstraněny'] }).expect(200);

    // R2 has 1 of the 3 sheets needed, R3 none: both named. R2's high score does not count without a quorum.
    const quorum = expectProblem(await closeEvaluation(t, officer(), call.callId), 409, 'QUORUM_NOT_MET');
    expect(quorum.detail).toBe(`2 applications lack a quorum of 3 score sheets: ${r2.referenceNumber} (1), ${r3.referenceNumber} (0).`);
    expect(quorum.errors).toEqual([
      expect.objectContaining({ code: 'QUORUM_NOT_MET', message: expect.stringContaining(r2.referenceNumber) }),
      expect.objectContaining({ code: 'QUORUM_NOT_MET', message: expect.stringContaining(r3.referenceNumber) }),
    ]);
    const open = await ranking(t, officer(), call.callId);
    expect(open.body.evaluationClosed).toBe(false);
    expect(open.body.items.map((i: RankingRow) => [i.applicationId, i.rank, i.averageScore, i.scorers, i.counting, i.recommended])).toEqual([
      [r1.id, 1, 60, 3, true, true],
      [r2.id, 2, 95, 1, false, false],
      [r3.id, 3, null, 0, false, false],
    ]);
    for (const app of [r1, r2, r3]) expect((await getApplication(t, officer(), app.id)).body.status).toBe('eligible');

    for (const m of [b, c]) await declareAndScore(t, m.token, r2.id, criteria, 95);
    for (const m of [a, b, c]) await declareAndScore(t, m.token, r3.id, criteria, 30);
    const closed = await closeEvaluation(t, officer(), call.callId);
    expect(closed.status).toBe(200);
    expect(closed.body.evaluationClosed).toBe(true);
    expect(closed.body.items.map((i: RankingRow) => [i.applicationId, i.status, i.rank, i.recommended])).toEqual([
      [r2.id, 'recommended', 1, true],
      [r1.id, 'recommended', 2, true],
      [r3.id, 'not_recommended', 3, false],
    ]);
    expect((await getApplication(t, officer(), r4.id)).body.status).toBe('ineligible');
    expect((await getApplication(t, officer(), r5.id)).body.status).toBe('withdrawn');
    expect((await t.http.get(`${API}/calls/${call.callId}`)).body.status).toBe('evaluated');
    expectProblem(await closeEvaluation(t, officer(), call.callId), 409, 'SCORING_CLOSED');
  });
});
