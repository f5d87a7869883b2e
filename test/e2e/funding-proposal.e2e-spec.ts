import { asOwner } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, createDraft, login, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  adjustProposal,
  auditOf,
  closeEvaluation,
  declareAndScore,
  formalCheck,
  fundingProposal,
  getApplication,
  ranking,
  reopenSheet,
  rowsById,
  score,
  setUpEvaluation,
  type RankingRow,
} from '../support/evaluation';

/** Part 1: CZK 400,000 for requests of CZK 175,000 (the default application); part 2: CZK 100,000. */
const PARTS = [
  { code: '1', name: 'Aktivity', allocationCzk: 400_000, minRequestCzk: 50_000, maxRequestCzk: 300_000 },
  { code: '2', name: 'Publikační činnost', allocationCzk: 100_000, minRequestCzk: 20_000, maxRequestCzk: 80_000 },
];
/** A part-2 application requesting CZK 60,000 of CZK 90,000. */
const PART_2 = { partCode: '2', budgetLines: [{ category: 'Tisk', description: 'Brožura pro cizince', totalCzk: 90_000, requestedCzk: 60_000 }] };

interface PartLedger {
  code: string;
  allocationCzk: number;
  /** call_part.proposed_czk */
  proposedCzk: number;
  /** Sum of the part's applications' proposed_czk. */
  applicationsCzk: number;
}

/** The parts' proposal totals as stored, read as the database owner. */
function ledgerOf(callId: string): Promise<PartLedger[]> {
  return asOwner(async (c) => {
    const { rows } = await c.query<{ code: string; allocation: string; proposed: string; applications: string }>(
      `SELECT p.code, p.allocation_czk AS allocation, p.proposed_czk AS proposed,
              COALESCE((SELECT sum(a.proposed_czk) FROM application a WHERE a.call_part_id = p.id), 0) AS applications
         FROM call_part p WHERE p.call_id = $1 ORDER BY p.code`,
      [callId],
    );
    return rows.map((r) => ({ code: r.code, allocationCzk: Number(r.allocation), proposedCzk: Number(r.proposed), applicationsCzk: Number(r.applications) }));
  });
}

function proposalsOf(ids: string[]): Promise<Map<string, number | null>> {
  return asOwner(async (c) => {
    const { rows } = await c.query<{ id: string; proposed: string | null }>('SELECT id, proposed_czk AS proposed FROM application WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.proposed === null ? null : Number(r.proposed)]));
  });
}

describe('funding proposal', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;

  it('fills each part down its ranking within the allocation; not recommended ones get none; re-running replaces the proposals; audited', async () => {
    const {
      call,
      terms: { criteria },
      members,
      applications: [p1, p2, p3, p4, q1, q2],
    } = await setUpEvaluation(t, officer(), {
      applications: 6,
      members: 2,
      call: { parts: PARTS, quorum: 2, minScore: 50 },
      application: (i) => (i >= 4 ? PART_2 : {}),
    });
    const TOTALS: [typeof p1, number][] = [
      [p1, 90],
      [p2, 80],
      [p3, 70],
      [p4, 40],
      [q1, 55],
      [q2, 60],
    ];
    for (const [app, total] of TOTALS) for (const m of members) await declareAndScore(t, m.token, app.id, criteria, total);

    const res = await fundingProposal(t, officer(), call.callId);
    expect(res.status).toBe(200);
    // Part 1: P1 175,000, P2 175,000, P3 gets what is left (50,000), P4 is below the minimum score: no proposal.
    // Part 2 ranks on its own: Q2 (60) before Q1 (55), 60,000 + 40,000.
    expect(res.body.parts).toEqual([
      { code: '1', allocationCzk: 400_000, proposedCzk: 400_000 },
      { code: '2', allocationCzk: 100_000, proposedCzk: 100_000 },
    ]);
    expect(res.body.items.map((i: RankingRow) => [i.applicationId, i.partCode, i.rank, i.recommended, i.requestedCzk, i.proposedCzk])).toEqual([
      [p1.id, '1', 1, true, 175_000, 175_000],
      [p2.id, '1', 2, true, 175_000, 175_000],
      [p3.id, '1', 3, true, 175_000, 50_000],
      [p4.id, '1', 4, false, 175_000, null],
      [q2.id, '2', 1, true, 60_000, 60_000],
      [q1.id, '2', 2, true, 60_000, 40_000],
    ]);
    expect(await ledgerOf(call.callId)).toEqual([
      { code: '1', allocationCzk: 400_000, proposedCzk: 400_000, applicationsCzk: 400_000 },
      { code: '2', allocationCzk: 100_000, proposedCzk: 100_000, applicationsCzk: 100_000 },
    ]);
    expect((await getApplication(t, p3.applicant.token, p3.id)).body.proposedCzk).toBe(50_000);
    expect((await ranking(t, officer(), call.callId)).body.items).toEqual(res.body.items);

    // The chair reopens the second member's P3 sheet, who raises it to 100 (P3: 85 on average, above P2);
    // the next proposal follows the new ranking.
    const [chair, second] = members;
    expect((await reopenSheet(t, chair.token, p3.id, second.id, { reason: 'Přehodnocení po diskusi komise' })).status).toBe(200);
    expect((await score(t, second.token, p3.id, criteria, 100)).status).toBe(200);
    const again = await fundingProposal(t, officer(), call.callId);
    expect(again.body.items.filter((i: RankingRow) => i.partCode === '1').map((i: RankingRow) => [i.applicationId, i.proposedCzk])).toEqual([
      [p1.id, 175_000],
      [p3.id, 175_000],
      [p2.id, 50_000],
      [p4.id, null],
    ]);
    expect((await ledgerOf(call.callId))[0]).toMatchObject({ proposedCzk: 400_000, applicationsCzk: 400_000 });

    const events = await auditOf(t, cast.budget.token, 'call', call.callId);
    const proposed = events.body.items.filter((e: { action: string }) => e.action === 'call.funding_proposed');
    expect(proposed).toHaveLength(2);
    expect(proposed[1]).toMatchObject({
      actorUserId: cast.officer.id,
      before: { parts: [{ code: '1', proposedCzk: 0 }, { code: '2', proposedCzk: 0 }] },
      after: { parts: [{ code: '1', proposedCzk: 400_000 }, { code: '2', proposedCzk: 100_000 }] },
    });
    expect(proposed[0].after.proposals).toContainEqual({ applicationId: p2.id, referenceNumber: p2.referenceNumber, proposedCzk: 50_000 });
  });

  it('the officer adjusts a proposal: at most the request (422 PROPOSAL_EXCEEDS_REQUEST), the part within its allocation (409 ALLOCATION_EXCEEDED); the close keeps only recommended proposals', async () => {
    const {
      call,
      terms: { criteria },
      members,
      applications: [p1, p2, p3, p4, ineligible],
    } = await setUpEvaluation(t, officer(), { applications: 5, members: 2, call: { parts: PARTS, quorum: 2, minScore: 50 }, eligible: false });
    for (const app of [p1, p2, p3, p4]) await formalCheck(t, officer(), app.id, { result: 'eligible', reasons: [] }).expect(200);
    await formalCheck(t, officer(), ineligible.id, { result: 'ineligible', reasons: ['Chybí stanovy'] }).expect(200);
    for (const [app, total] of [
      [p1, 90],
      [p2, 80],
      [p3, 70],
      [p4, 40],
    ] as const) {
      for (const m of members) await declareAndScore(t, m.token, app.id, criteria, total);
    }
    await fundingProposal(t, officer(), call.callId).expect(200); // 175,000 + 175,000 + 50,000 = 400,000

    const overRequest = expectProblem(await adjustProposal(t, officer(), p3.id, 175_001), 422, 'PROPOSAL_EXCEEDS_REQUEST');
    expect(overRequest.errors.map((e) => e.code)).toEqual(['PROPOSAL_EXCEEDS_REQUEST', 'ALLOCATION_EXCEEDED']);
    const overAllocation = expectProblem(await adjustProposal(t, officer(), p3.id, 50_001), 409, 'ALLOCATION_EXCEEDED');
    expect(overAllocation.errors).toEqual([expect.objectContaining({ field: 'proposedCzk', code: 'ALLOCATION_EXCEEDED' })]);
    expect(overAllocation.detail).toContain('at most CZK 50,000');
    for (const bad of [1000.5, -1, '60000', null]) expectProblem(await adjustProposal(t, officer(), p3.id, bad), 400, 'VALIDATION_FAILED');
    expect(await ledgerOf(call.callId)).toContainEqual({ code: '1', allocationCzk: 400_000, proposedCzk: 400_000, applicationsCzk: 400_000 });

    const lowered = await adjustProposal(t, officer(), p1.id, 150_000);
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ applicationId: p1.id, partCode: '1', rank: 1, requestedCzk: 175_000, proposedCzk: 150_000, recommended: true });
    expect((await adjustProposal(t, officer(), p3.id, 75_000)).body.proposedCzk).toBe(75_000); // exactly the allocation
    expectProblem(await adjustProposal(t, officer(), p3.id, 75_001), 409, 'ALLOCATION_EXCEEDED');
    // Lowering P3 frees money the officer may give to P4 although it is not recommended…
    await adjustProposal(t, officer(), p3.id, 55_000).expect(200);
    expect((await adjustProposal(t, officer(), p4.id, 20_000)).body).toMatchObject({ proposedCzk: 20_000, recommended: false });
    const rankingNow = await ranking(t, officer(), call.callId);
    expect(rankingNow.body.parts[0]).toEqual({ code: '1', allocationCzk: 400_000, proposedCzk: 400_000 });

    expectProblem(await adjustProposal(t, officer(), ineligible.id, 10_000), 409, 'INVALID_STATUS_TRANSITION');
    expectProblem(await adjustProposal(t, officer(), '00000000-0000-4000-8000-000000000000', 10_000), 404, 'NOT_FOUND');
    const events = await auditOf(t, cast.budget.token, 'application', p1.id);
    expect(events.body.items[0]).toMatchObject({
      action: 'application.proposal_adjusted',
      actorUserId: cast.officer.id,
      before: { proposedCzk: 175_000 },
      after: { proposedCzk: 150_000, partProposedCzk: 375_000 },
    });

    // …but the close keeps proposals of recommended applications only, and the part's total follows.
    const closed = await closeEvaluation(t, officer(), call.callId);
    expect(closed.status).toBe(200);
    const rows = rowsById(closed);
    expect([p1, p2, p3, p4].map((app) => [rows.get(app.id)!.status, rows.get(app.id)!.proposedCzk])).toEqual([
      ['recommended', 150_000],
      ['recommended', 175_000],
      ['recommended', 55_000],
      ['not_recommended', null],
    ]);
    expect(closed.body.parts[0]).toEqual({ code: '1', allocationCzk: 400_000, proposedCzk: 380_000 });
    expect((await ledgerOf(call.callId))[0]).toEqual({ code: '1', allocationCzk: 400_000, proposedCzk: 380_000, applicationsCzk: 380_000 });
    // Frozen.
    expectProblem(await adjustProposal(t, officer(), p1.id, 100_000), 409, 'SCORING_CLOSED');
    expectProblem(await fundingProposal(t, officer(), call.callId), 409, 'SCORING_CLOSED');
    expect((await proposalsOf([p1.id])).get(p1.id)).toBe(150_000);
  });

  it('a withdrawn application gives its proposed money back to the part', async () => {
    const {
      call,
      applications: [p1, p2, p3],
    } = await setUpEvaluation(t, officer(), { applications: 3, members: 0, call: { parts: PARTS } });
    await adjustProposal(t, officer(), p1.id, 175_000).expect(200);
    await adjustProposal(t, officer(), p2.id, 175_000).expect(200);
    expectProblem(await adjustProposal(t, officer(), p3.id, 60_000), 409, 'ALLOCATION_EXCEEDED');

    await t.http.post(`${API}/applications/${p1.id}/withdraw`).set({ Authorization: `Bearer ${p1.applicant.token}` }).send({}).expect(200);
    expect((await ledgerOf(call.callId))[0]).toMatchObject({ proposedCzk: 175_000, applicationsCzk: 175_000 });
    await adjustProposal(t, officer(), p3.id, 175_000).expect(200);
    expect((await ledgerOf(call.callId))[0]).toMatchObject({ proposedCzk: 350_000, applicationsCzk: 350_000 });
    expectProblem(await adjustProposal(t, officer(), p1.id, 1), 409, 'INVALID_STATUS_TRANSITION');
  });

  describe('concurrent adjustments never exceed the allocation', () => {
    /*
     * Ten eligible applications of part 1 (CZK 400,000), each requesting
     * CZK 175,000; all proposals start at 0. Ten PATCHes at once, all with the
     * same amount: exactly floor(400,000 / amount) of them fit.
     */
    const ROUNDS: [number, number][] = [
      [100_000, 4],
      [150_000, 2],
      [40_000, 10],
      [45_000, 8],
      [175_000, 2],
    ];
    let callId: string;
    let ids: string[];
    /** A second session of the officer, as when two officers adjust at once. */
    let secondSession: string;

    beforeAll(async () => {
      const setup = await setUpEvaluation(t, officer(), {
        applications: 10,
        applicants: 2,
        members: 0,
        call: { parts: PARTS, maxApplicationsPerOrganisation: 5 },
      });
      callId = setup.call.callId;
      ids = setup.applications.map((a) => a.id);
      secondSession = await login(t, cast.officer.email);
    });

    async function resetToZero(): Promise<void> {
      for (const id of ids) await adjustProposal(t, officer(), id, 0).expect(200);
      expect((await ledgerOf(callId))[0]).toMatchObject({ proposedCzk: 0, applicationsCzk: 0 });
    }

    it.each(ROUNDS)('10 × CZK %i at once: %i succeed, the others 409 ALLOCATION_EXCEEDED; stored totals agree', async (amount, fit) => {
      await resetToZero();
      const results = await Promise.all(ids.map((id, i) => adjustProposal(t, i % 2 ? secondSession : officer(), id, amount)));
      const ok = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status !== 200);
      expect(ok).toHaveLength(fit);
      for (const r of refused) expectProblem(r, 409, 'ALLOCATION_EXCEEDED');

      const [part1] = await ledgerOf(callId);
      expect(part1.proposedCzk).toBe(part1.applicationsCzk);
      expect(part1.proposedCzk).toBe(fit * amount);
      expect(part1.proposedCzk).toBeLessThanOrEqual(part1.allocationCzk);
      const proposals = await proposalsOf(ids);
      const succeeded = new Set(ok.map((r) => r.body.applicationId as string));
      for (const id of ids) expect(proposals.get(id)).toBe(succeeded.has(id) ? amount : 0);
    });

    it('mixed amounts and a funding proposal racing with them: the stored totals always agree and stay within the allocation', async () => {
      for (let round = 0; round < 3; round++) {
        await resetToZero();
        const amounts = ids.map((_, i) => 30_000 + ((i * 37_000 + round * 11_000) % 140_000));
        const results = await Promise.all([
          ...ids.map((id, i) => adjustProposal(t, i % 2 ? secondSession : officer(), id, amounts[i])),
          fundingProposal(t, officer(), callId),
        ]);
        for (const r of results) expect([200, 409]).toContain(r.status);
        const [part1] = await ledgerOf(callId);
        expect(part1.proposedCzk).toBe(part1.applicationsCzk);
        expect(part1.proposedCzk).toBeLessThanOrEqual(part1.allocationCzk);
      }
    });
  });

  it('a draft or a submitted application has no proposal to adjust before the evaluation', async () => {
    const { call, applications } = await setUpEvaluation(t, officer(), { applications: 1, members: 0, closeWindow: false });
    const draft = await createDraft(t, applications[0].applicant.token, call);
    expectProblem(await adjustProposal(t, officer(), draft.id, 1_000), 404, 'NOT_FOUND');
    expectProblem(await adjustProposal(t, officer(), applications[0].id, 1_000), 409, 'SCORING_NOT_OPEN');
  });
});
