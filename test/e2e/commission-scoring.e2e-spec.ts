import { randomUUID } from 'node:crypto';
import { pragueDate } from '@app/core/time/prague-time';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, createStaff, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  auditOf,
  closeEvaluation,
  declare,
  declareAndScore,
  formalCheck,
  fundingProposal,
  getApplication,
  pointsFor,
  ranking,
  readScores,
  rowsById,
  score,
  scoreSheet,
  setAffiliations,
  setUpEvaluation,
  submitSheet,
} from '../support/evaluation';

const HOUR = 3_600_000;

describe('DOT Commission: conflicts of interest and score sheets', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;

  it('a member declares first (409 COI_DECLARATION_REQUIRED), then scores every criterion; editable; the declaration is fixed once scored; audited', async () => {
    const {
      terms: { criteria },
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1 });
    expect(criteria.map((k) => [k.code, k.maxPoints])).toEqual([
      ['K1', 30],
      ['K2', 20],
      ['K3', 20],
      ['K4', 15],
      ['K5', 15],
    ]);

    const undeclared = expectProblem(await score(t, a.token, app.id, criteria, 80), 409, 'COI_DECLARATION_REQUIRED');
    expect(undeclared.errors.map((e) => e.code)).toEqual(['COI_DECLARATION_REQUIRED']);

    // Before scoring, a declaration may be changed.
    const first = await declare(t, a.token, app.id, true, 'Můj bratr v organizaci pracuje');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      applicationId: app.id,
      memberId: a.id,
      hasConflict: true,
      reason: 'Můj bratr v organizaci pracuje',
      automatic: false,
      declaredAt: t.clock.now().toISOString(),
    });
    const declared = await declare(t, a.token, app.id, false);
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ hasConflict: false, reason: null, automatic: false });

    // Points: whole numbers from 0 to the criterion's maximum (422), every criterion once (400).
    const over = pointsFor(criteria, 80).map((p) => (p.criterionCode === 'K1' ? { ...p, points: 31 } : p));
    const tooMany = expectProblem(await scoreSheet(t, a.token, app.id, over), 422, 'POINTS_OUT_OF_RANGE');
    expect(tooMany.errors).toEqual([expect.objectContaining({ field: 'points[0].points', code: 'POINTS_OUT_OF_RANGE' })]);
    const negative = pointsFor(criteria, 50).map((p, i) => (i === 2 || i === 4 ? { ...p, points: i === 2 ? -1 : 16 } : p));
    const both = expectProblem(await scoreSheet(t, a.token, app.id, negative), 422, 'POINTS_OUT_OF_RANGE');
    expect(both.errors.map((e) => [e.field, e.code])).toEqual([
      ['points[2].points', 'POINTS_OUT_OF_RANGE'],
      ['points[4].points', 'POINTS_OUT_OF_RANGE'],
    ]);
    const missing = expectProblem(await scoreSheet(t, a.token, app.id, pointsFor(criteria, 50).slice(0, 4)), 400, 'VALIDATION_FAILED');
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'points', message: expect.stringContaining('K5') })]);
    const unknown = expectProblem(
      await scoreSheet(t, a.token, app.id, [...pointsFor(criteria, 50), { criterionCode: 'K9', points: 1 }]),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.errors.map((e) => e.field)).toEqual(['points[5].criterionCode']);
    const twice = expectProblem(
      await scoreSheet(t, a.token, app.id, [...pointsFor(criteria, 50), { criterionCode: 'K1', points: 1 }]),
      400,
      'VALIDATION_FAILED',
    );
    expect(twice.errors.map((e) => e.field)).toEqual(['points[5].criterionCode']);
    const fraction = pointsFor(criteria, 50).map((p, i) => (i === 0 ? { ...p, points: 2.5 } : p));
    expectProblem(await scoreSheet(t, a.token, app.id, fraction), 400, 'VALIDATION_FAILED');
    expect((await readScores(t, cast.officer.token, app.id)).body.sheets).toEqual([]);

    // A valid sheet in any order comes back in the call's order of criteria, as a draft.
    const savedAt = t.clock.now().toISOString();
    const saved = await scoreSheet(
      t,
      a.token,
      app.id,
      [
        { criterionCode: 'K5', points: 10 },
        { criterionCode: 'K1', points: 25 },
        { criterionCode: 'K3', points: 15 },
        { criterionCode: 'K2', points: 18 },
        { criterionCode: 'K4', points: 12 },
      ],
      'Dobře zdůvodněný projekt',
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      memberId: a.id,
      memberName: 'Test commission',
      points: [
        { criterionCode: 'K1', points: 25 },
        { criterionCode: 'K2', points: 18 },
        { criterionCode: 'K3', points: 15 },
        { criterionCode: 'K4', points: 12 },
        { criterionCode: 'K5', points: 10 },
      ],
      totalPoints: 80,
      comment: 'Dobře zdůvodněný projekt',
      status: 'draft',
      submittedAt: null,
      updatedAt: savedAt,
      reopenedAt: null,
      reopenReason: null,
      memberRemoved: false,
    });

    // A draft is editable; once submitted, the sheet is fixed (score-sheet-drafts.e2e-spec has the rest).
    t.clock.set(new Date(t.clock.now().getTime() + HOUR));
    const edited = await score(t, a.token, app.id, criteria, 75, 'Po diskusi snižuji');
    expect(edited.status).toBe(200);
    const submittedAt = t.clock.now().toISOString();
    expect(edited.body).toMatchObject({ totalPoints: 75, comment: 'Po diskusi snižuji', status: 'submitted', submittedAt, updatedAt: submittedAt });

    // Fixed once scored: no dropping out of the average after seeing the others.
    const fixed = expectProblem(await declare(t, a.token, app.id, true, 'Přece jen střet'), 409, 'COI_DECLARATION_FIXED');
    expect(fixed.errors).toEqual([expect.objectContaining({ field: 'hasConflict', code: 'COI_DECLARATION_FIXED' })]);
    expect((await declare(t, a.token, app.id, false)).status).toBe(200);

    // The scale's bounds are accepted.
    await declare(t, b.token, app.id).expect(200);
    expect((await score(t, b.token, app.id, criteria, 100)).body.totalPoints).toBe(100);
    await declare(t, c.token, app.id).expect(200);
    expect((await score(t, c.token, app.id, criteria, 0)).body.totalPoints).toBe(0);

    const events = await auditOf(t, cast.budget.token, 'application', app.id);
    const mine = events.body.items.filter((e: { actorUserId: string }) => e.actorUserId === a.id);
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'conflict_of_interest.declared',
      'score_sheet.submitted',
      'score_sheet.saved',
      'score_sheet.saved',
      'conflict_of_interest.declared',
      'conflict_of_interest.declared',
    ]);
    expect(mine[2]).toMatchObject({
      actorRole: 'commission',
      before: { totalPoints: 80, comment: 'Dobře zdůvodněný projekt', status: 'draft' },
      after: { totalPoints: 75, comment: 'Po diskusi snižuji', status: 'draft' },
    });
    expect(mine[1]).toMatchObject({ actorRole: 'commission', before: { status: 'draft' }, after: { totalPoints: 75, status: 'submitted' } });
    expect(mine[5]).toMatchObject({ before: null, after: { hasConflict: true, reason: 'Můj bratr v organizaci pracuje' } });
  });

  it('hidden peer scores: a member reads the sheets only after submitting their own (403 FORBIDDEN before); the officer always; applicants, budget and admin never', async () => {
    const {
      terms: { criteria },
      members: [a, b],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1 });

    await declareAndScore(t, a.token, app.id, criteria, 80);
    expectProblem(await readScores(t, b.token, app.id), 403, 'FORBIDDEN');
    await declare(t, b.token, app.id).expect(200);
    expectProblem(await readScores(t, b.token, app.id), 403, 'FORBIDDEN');

    const own = await readScores(t, a.token, app.id);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ applicationId: app.id, scorers: 1, averageScore: 80, spread: 0, spreadFlagged: false });
    expect(own.body.sheets.map((s: { memberId: string }) => s.memberId)).toEqual([a.id]);

    const asOfficer = await readScores(t, cast.officer.token, app.id);
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.scorers).toBe(1);

    t.clock.set(new Date(t.clock.now().getTime() + HOUR));
    expect((await score(t, b.token, app.id, criteria, 53)).status).toBe(200);
    const both = await readScores(t, b.token, app.id);
    expect(both.status).toBe(200);
    // (80 + 53) / 2 = 66.5; spread 27 > 100 / 4: flagged for a discussion.
    expect(both.body).toMatchObject({ scorers: 2, averageScore: 66.5, spread: 27, spreadFlagged: true });
    expect(both.body.sheets.map((s: { memberId: string; totalPoints: number }) => [s.memberId, s.totalPoints])).toEqual([
      [a.id, 80],
      [b.id, 53],
    ]);

    for (const token of [app.applicant.token, cast.applicant.token, cast.budget.token, cast.admin.token]) {
      expectProblem(await readScores(t, token, app.id), 403, 'FORBIDDEN');
    }
  });

  it('a declared conflict: the member cannot score it nor read its scores (403 CONFLICT_OF_INTEREST) and is left out of its average', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app, other],
    } = await setUpEvaluation(t, officer(), { applications: 2, call: { quorum: 2 } });

    const declared = await declare(t, c.token, app.id, true, 'Jsem členem správní rady žadatele');
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ hasConflict: true, automatic: false, reason: 'Jsem členem správní rady žadatele' });
    const refused = expectProblem(await score(t, c.token, app.id, criteria, 90), 403, 'CONFLICT_OF_INTEREST');
    expect(refused.errors.map((e) => e.code)).toEqual(['CONFLICT_OF_INTEREST']);

    await declareAndScore(t, a.token, app.id, criteria, 60);
    await declareAndScore(t, b.token, app.id, criteria, 70);
    expectProblem(await readScores(t, c.token, app.id), 403, 'CONFLICT_OF_INTEREST');
    // The conflict is per application: the other one is C's to score.
    await declareAndScore(t, c.token, other.id, criteria, 40);

    const sheets = await readScores(t, cast.officer.token, app.id);
    expect(sheets.body).toMatchObject({ scorers: 2, averageScore: 65 });
    expect(sheets.body.sheets.map((s: { memberId: string }) => s.memberId)).not.toContain(c.id);
    const row = rowsById(await ranking(t, cast.officer.token, call.callId)).get(app.id)!;
    expect(row).toMatchObject({ scorers: 2, averageScore: 65, spread: 10 });
  });

  it('a member affiliated with the applicant organisation (set by the admin) is in conflict automatically', async () => {
    const {
      terms: { criteria },
      members: [a, , c],
      applications: [app, other],
    } = await setUpEvaluation(t, officer(), { applications: 2 });

    const set = await setAffiliations(t, cast.admin.token, c.id, [app.applicant.organisationId]);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ userId: c.id, organisationIds: [app.applicant.organisationId] });
    const events = await auditOf(t, cast.budget.token, 'user', c.id);
    expect(events.body.items[0]).toMatchObject({
      action: 'user.affiliations_set',
      actorUserId: cast.admin.id,
      before: { organisationIds: [] },
      after: { userId: c.id, organisationIds: [app.applicant.organisationId] },
    });

    // Without a declaration the affiliation already bars scoring.
    expectProblem(await score(t, c.token, app.id, criteria, 90), 403, 'CONFLICT_OF_INTEREST');
    const denial = expectProblem(await declare(t, c.token, app.id, false), 403, 'CONFLICT_OF_INTEREST');
    expect(denial.errors).toEqual([expect.objectContaining({ field: 'hasConflict', code: 'CONFLICT_OF_INTEREST' })]);
    const accepted = await declare(t, c.token, app.id, true);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ memberId: c.id, hasConflict: true, automatic: true });
    expectProblem(await score(t, c.token, app.id, criteria, 90), 403, 'CONFLICT_OF_INTEREST');

    await declareAndScore(t, a.token, app.id, criteria, 70);
    expectProblem(await readScores(t, c.token, app.id), 403, 'CONFLICT_OF_INTEREST');
    // Another organisation's application is not affected.
    await declareAndScore(t, c.token, other.id, criteria, 50);
    expect((await readScores(t, c.token, other.id)).status).toBe(200);
  });

  it('an affiliation recorded after the member scored takes their sheet out of the average', async () => {
    const {
      call,
      terms: { criteria },
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 2 } });
    await declareAndScore(t, a.token, app.id, criteria, 60);
    await declareAndScore(t, b.token, app.id, criteria, 70);
    await declareAndScore(t, c.token, app.id, criteria, 100);

    await setAffiliations(t, cast.admin.token, c.id, [app.applicant.organisationId]).expect(200);
    expectProblem(await score(t, c.token, app.id, criteria, 100), 403, 'CONFLICT_OF_INTEREST');
    expectProblem(await readScores(t, c.token, app.id), 403, 'CONFLICT_OF_INTEREST');

    const row = rowsById(await ranking(t, cast.officer.token, call.callId)).get(app.id)!;
    expect(row).toMatchObject({ scorers: 2, averageScore: 65, spread: 10 });
  });

  it('affiliations: staff users only, registered organisations only, replaced as a whole', async () => {
    const {
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, closeWindow: false });
    const member = await createStaff(t, 'commission');

    const applicant = expectProblem(await setAffiliations(t, cast.admin.token, app.applicant.userId, [cast.applicant.organisationId]), 400, 'VALIDATION_FAILED');
    expect(applicant.errors.map((e) => e.field)).toEqual(['userId']);
    const unknownOrg = expectProblem(
      await setAffiliations(t, cast.admin.token, member.id, [app.applicant.organisationId, randomUUID()]),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknownOrg.errors.map((e) => e.field)).toEqual(['organisationIds[1]']);
    expectProblem(await setAffiliations(t, cast.admin.token, randomUUID(), []), 404, 'NOT_FOUND');
    expectProblem(await setAffiliations(t, cast.admin.token, member.id, ['not-a-uuid']), 400, 'VALIDATION_FAILED');

    const two = await setAffiliations(t, cast.admin.token, member.id, [app.applicant.organisationId, cast.applicant.organisationId, app.applicant.organisationId]);
    expect(two.body.organisationIds).toEqual([app.applicant.organisationId, cast.applicant.organisationId].sort());
    const none = await setAffiliations(t, cast.admin.token, member.id, []);
    expect(none.body).toEqual({ userId: member.id, organisationIds: [] });
  });

  it("members of another call's commission: 404 on the application's endpoints, 403 NOT_A_COMMISSION_MEMBER on the ranking", async () => {
    const mine = await setUpEvaluation(t, officer(), { applications: 1 });
    const theirs = await setUpEvaluation(t, officer(), { applications: 1 });
    const [app] = mine.applications;
    const outsider = theirs.members[0];
    const criteria = mine.terms.criteria;
    // The application is eligible and the outsider is a commission member of a call whose scoring is open.
    await declareAndScore(t, outsider.token, theirs.applications[0].id, criteria, 50);

    const requests = (id: string) => [
      () => getApplication(t, outsider.token, id),
      () => declare(t, outsider.token, id, false),
      () => score(t, outsider.token, id, criteria, 50),
      () => readScores(t, outsider.token, id),
    ];
    const real = requests(app.id);
    const missing = requests(randomUUID());
    for (let i = 0; i < real.length; i++) {
      const problem = expectProblem(await real[i](), 404, 'NOT_FOUND');
      // Indistinguishable from an application that does not exist.
      expect(problem.detail).toBe(expectProblem(await missing[i](), 404, 'NOT_FOUND').detail);
    }
    expectProblem(await ranking(t, outsider.token, mine.call.callId), 403, 'NOT_A_COMMISSION_MEMBER');
    // Nor does a commission user of no call at all see anything.
    expectProblem(await readScores(t, cast.commission.token, app.id), 404, 'NOT_FOUND');
    expectProblem(await ranking(t, cast.commission.token, mine.call.callId), 403, 'NOT_A_COMMISSION_MEMBER');
    expect((await readScores(t, cast.officer.token, app.id)).body.sheets).toEqual([]);
    expect((await ranking(t, mine.members[0].token, mine.call.callId)).status).toBe(200);
  });

  it('only eligible applications reach the commission: submitted, returned for correction or ineligible ones are not found', async () => {
    const {
      terms: { criteria },
      members: [a],
      applications: [submitted, correction, ineligible],
    } = await setUpEvaluation(t, officer(), { applications: 3, eligible: false });
    const due = pragueDate(new Date(t.clock.now().getTime() + 5 * 86_400_000));
    await formalCheck(t, officer(), correction.id, { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: due }).expect(200);
    await formalCheck(t, officer(), ineligible.id, { result: 'ineligible', reasons: ['Nezpůsobilý žadatel'] }).expect(200);
    for (const app of [submitted, correction, ineligible]) {
      expectProblem(await declare(t, a.token, app.id, false), 404, 'NOT_FOUND');
      expectProblem(await score(t, a.token, app.id, criteria, 50), 404, 'NOT_FOUND');
      expectProblem(await readScores(t, a.token, app.id), 404, 'NOT_FOUND');
    }
    const list = await t.http.get(`${API}/applications`).set({ Authorization: `Bearer ${a.token}` });
    expect(list.body).toMatchObject({ total: 0, items: [] });
  });

  it('scoring is open between the window close and the evaluation close only (409 SCORING_NOT_OPEN / SCORING_CLOSED)', async () => {
    const {
      call,
      terms,
      members: [a, b, c],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1 });
    const { criteria } = terms;
    await declare(t, a.token, app.id).expect(200);

    // Back before the close of the window (the application was made eligible after it).
    const afterClose = t.clock.now();
    t.clock.set(new Date(terms.submissionClosesAt.getTime() - 1));
    const early = expectProblem(await score(t, a.token, app.id, criteria, 50), 409, 'SCORING_NOT_OPEN');
    expect(early.errors.map((e) => e.code)).toEqual(['SCORING_NOT_OPEN']);
    expectProblem(await fundingProposal(t, officer(), call.callId), 409, 'SCORING_NOT_OPEN');
    expectProblem(await closeEvaluation(t, officer(), call.callId), 409, 'SCORING_NOT_OPEN');
    t.clock.set(terms.submissionClosesAt);
    expect((await score(t, a.token, app.id, criteria, 50)).status).toBe(200);
    t.clock.set(afterClose);

    await declareAndScore(t, b.token, app.id, criteria, 60);
    await declareAndScore(t, c.token, app.id, criteria, 70);
    await closeEvaluation(t, officer(), call.callId).expect(200);

    const late = expectProblem(await score(t, a.token, app.id, criteria, 90), 409, 'SCORING_CLOSED');
    expect(late.errors.map((e) => e.code)).toEqual(['SCORING_CLOSED']);
    expectProblem(await declare(t, b.token, app.id, false), 409, 'SCORING_CLOSED');
    const frozen = await readScores(t, a.token, app.id);
    expect(frozen.body.sheets.map((s: { totalPoints: number }) => s.totalPoints).sort()).toEqual([50, 60, 70]);
    expect(frozen.body.averageScore).toBe(60);
  });

  it.each([1, 2, 3])('closing while members submit their sheets (round %i): every submitted sheet is in the frozen result, the later ones are refused', async () => {
    const {
      call,
      terms: { criteria },
      members: [first, ...others],
      applications: [app],
    } = await setUpEvaluation(t, officer(), { applications: 1, call: { quorum: 1 } });
    await declareAndScore(t, first.token, app.id, criteria, 50);
    const DRAFTS = [80, 70];
    for (const [i, m] of others.entries()) {
      await declare(t, m.token, app.id).expect(200);
      expect((await scoreSheet(t, m.token, app.id, pointsFor(criteria, DRAFTS[i]))).status).toBe(200);
    }

    const [closed, ...submits] = await Promise.all([
      closeEvaluation(t, officer(), call.callId),
      ...others.map((m) => submitSheet(t, m.token, app.id)),
    ]);
    expect(closed.status).toBe(200);
    const counted = others.map((_m, i) => {
      if (submits[i].status === 200) return DRAFTS[i];
      expectProblem(submits[i], 409, 'SCORING_CLOSED');
      return undefined;
    });
    const stored = await readScores(t, cast.officer.token, app.id);
    const byMember = new Map(stored.body.sheets.map((s: { memberId: string; totalPoints: number }) => [s.memberId, s.totalPoints]));
    expect([first, ...others].map((m) => byMember.get(m.id))).toEqual([50, ...counted]);
    const totals = [50, ...counted.filter((x): x is number => x !== undefined)];
    const average = Math.round((totals.reduce((x, y) => x + y, 0) / totals.length) * 100) / 100;
    expect(rowsById(closed).get(app.id)!.averageScore).toBe(average);
    expect(stored.body.averageScore).toBe(average);
  });
});
