import type { Response } from 'supertest';
import { ResolutionsService } from '@app/resolutions';
import { createCast, createStaff, openCall, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  BELOW_FUNDING_LINE_REASON,
  CONFLICT_REASON,
  DRAFTED,
  draftResolutions,
  editLine,
  INELIGIBLE_REASON,
  NOT_RECOMMENDED_REASON,
  rejectResolution,
  resolution,
  resolutionCall,
  resolutionsOf,
  withdrawResolution,
  type AppKey,
  type ResolutionCall,
} from '../support/resolution-call';
import { approve, decide, today } from '../support/money';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The resolution drafts (issue 13) on the hand-computed call of
 * test/support/resolution-call.ts (its figures are documented there): the
 * Council/Assembly split, the default outcomes, the totals, the line edits
 * with their refusals, a line moving to the Assembly draft, rejection and
 * withdrawal freeing the lines, and the annex.
 */

const DEVIATION = 'Rada se odchýlila od návrhu komise: projekt považuje za prioritní.';

interface LineBody {
  applicationId: string;
  outcome: string;
  amountCzk: number | null;
  reason: string | null;
  deviationReason: string | null;
  [key: string]: unknown;
}

describe('resolution drafts', () => {
  let t: TestApp;
  let cast: Cast;
  let rc: ResolutionCall;
  let council: string;
  let assembly: string;

  const officer = () => cast.officer.token;
  const id = (key: AppKey) => rc.apps[key].id;
  const keyOf = (applicationId: string) => (Object.keys(rc.apps) as AppKey[]).find((k) => rc.apps[k].id === applicationId);
  /** A draft's lines as [key, outcome, amount]. */
  const linesOf = (res: Response) => (res.body.lines as LineBody[]).map((l) => [keyOf(l.applicationId), l.outcome, l.amountCzk]);

  function expectStatus(res: Response, status: number): Response {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    rc = await resolutionCall(t, cast);
  });
  afterAll(() => t?.close());

  it('refuses a call whose evaluation is not closed (409 EVALUATION_NOT_CLOSED) and an unknown call (404)', async () => {
    const now = t.clock.now();
    try {
      const open = await openCall(t, officer());
      expectProblem(await draftResolutions(t, officer(), open.callId), 409, 'EVALUATION_NOT_CLOSED');
    } finally {
      t.clock.set(now);
    }
    expectProblem(await draftResolutions(t, officer(), '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('drafts the Council’s resolution and, for A above the Council’s limit, the Assembly’s, with the default outcomes', async () => {
    const res = expectStatus(await draftResolutions(t, officer(), rc.call.callId), 201);
    expect(res.body.resolutions.map((r: { body: string; status: string; version: number }) => [r.body, r.status, r.version])).toEqual([
      ['council', 'draft', 1],
      ['assembly', 'draft', 1],
    ]);
    const [c, a] = res.body.resolutions;
    council = c.id;
    assembly = a.id;
    // I: 920,000 decided this year + 50,000 = 970,000, the Council's.
    expect(linesOf({ body: c } as Response)).toEqual(DRAFTED.council.lines);
    const byKey = new Map((c.lines as LineBody[]).map((l) => [keyOf(l.applicationId), l]));
    expect(byKey.get('E1')).toMatchObject({ commissionStatus: 'recommended', proposedCzk: 0, rank: 5, averageScore: 60, reason: BELOW_FUNDING_LINE_REASON });
    expect(byKey.get('F1')).toMatchObject({ commissionStatus: 'not_recommended', proposedCzk: null, rank: 6, reason: NOT_RECOMMENDED_REASON });
    expect(byKey.get('G1')).toMatchObject({ commissionStatus: 'ineligible', rank: null, averageScore: null, reason: INELIGIBLE_REASON });
    expect(byKey.get('C1')).toMatchObject({ rank: 3, averageScore: 80, requestedCzk: 400_000, proposedCzk: 400_000, reason: null, deviationReason: null, letterId: null });
    expect(byKey.get('D1')).toMatchObject({ rank: 4, requestedCzk: 500_000, proposedCzk: 400_000, partCode: '1', partId: rc.partIds.get('1') });
    expect(byKey.get('B1')).toMatchObject({ referenceNumber: rc.apps.B1.referenceNumber, title: 'Projekt B1: čeština a orientace v Praze', ico: expect.stringMatching(/^\d{8}$/) });
    // 6 approved, 3 rejected, 1 ineligible; requested 2,250,000 + 530,000; proposed and approved 1,400,000 + 400,000.
    expect(c.totals).toEqual({ lines: 10, approved: 6, rejected: 3, ineligible: 1, requestedCzk: 2_780_000, proposedCzk: 1_800_000, approvedCzk: 1_800_000 });
    expect(c.totals).toEqual(DRAFTED.council.totals);
    expect(c.parts).toEqual([
      { partId: rc.partIds.get('1'), code: '1', name: 'Aktivity', allocationCzk: 2_000_000, availableCzk: 2_000_000, requestedCzk: 2_250_000, proposedCzk: 1_400_000, approvedCzk: 1_400_000 },
      { partId: rc.partIds.get('2'), code: '2', name: 'Publikační činnost', allocationCzk: 400_000, availableCzk: 400_000, requestedCzk: 530_000, proposedCzk: 400_000, approvedCzk: 400_000 },
    ]);
    expect(c).toMatchObject({ callId: rc.call.callId, resolutionNumber: null, resolutionDate: null, adoptedAt: null, closedAt: null, closeReason: null });
    // A: 500,000 decided this year + 600,000 = 1,100,000 > 1,000,000.
    expect(linesOf({ body: a } as Response)).toEqual(DRAFTED.assembly.lines);
    expect(a.totals).toEqual(DRAFTED.assembly.totals);
    for (const [draft, expected] of [[c, DRAFTED.council], [a, DRAFTED.assembly]] as const) {
      for (const part of draft.parts as { code: '1' | '2'; requestedCzk: number; proposedCzk: number; approvedCzk: number }[]) {
        expect({ code: part.code, requestedCzk: part.requestedCzk, proposedCzk: part.proposedCzk, approvedCzk: part.approvedCzk }).toEqual({ code: part.code, ...expected.parts[part.code] });
      }
    }
    expect(a.parts.map((p: { code: string; approvedCzk: number }) => [p.code, p.approvedCzk])).toEqual([
      ['1', 600_000],
      ['2', 0],
    ]);
    expect(CONFLICT_REASON).toBeTruthy();
  });

  it('reads them back: one, and the call’s list', async () => {
    const one = expectStatus(await resolution(t, officer(), council), 200);
    expect(one.body.id).toBe(council);
    expect(one.body.lines).toHaveLength(10);
    const list = expectStatus(await resolutionsOf(t, officer(), rc.call.callId), 200);
    expect(list.body.map((r: { id: string }) => r.id).sort()).toEqual([council, assembly].sort());
    expectProblem(await resolution(t, officer(), '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('leaves a line’s application to its resolution: a single decision on it is refused (409 APPLICATION_IN_RESOLUTION), nothing written', async () => {
    const single = [
      await approve(t, officer(), id('B1'), { amountCzk: 600_000 }),
      await decide(t, officer(), id('E1'), { outcome: 'rejected', body: 'council', resolutionNumber: 'R-E1', resolutionDate: today(t), reasons: ['Jinak.'] }),
      await approve(t, officer(), id('A1'), { body: 'assembly', resolutionNumber: 'Z-A1', amountCzk: 600_000 }),
    ];
    for (const [res, draft] of [[single[0], council], [single[1], council], [single[2], assembly]] as const) {
      const problem = expectProblem(res, 409, 'APPLICATION_IN_RESOLUTION');
      expect(problem.detail).toContain(`the draft resolution ${draft}`);
    }
    for (const key of ['B1', 'E1', 'A1'] as const) {
      expect((await t.http.get(`${API}/applications/${id(key)}`).auth(officer(), { type: 'bearer' })).body.status).toMatch(/^(not_)?recommended$/);
    }
    expect(expectStatus(await resolution(t, officer(), council), 200).body.version).toBe(1);
    // An ineligible line decides nothing: the application's own status refuses it, as before any draft.
    const ineligible = { outcome: 'rejected', body: 'council', resolutionNumber: 'R-G1', resolutionDate: today(t), reasons: ['Jinak.'] };
    expectProblem(await decide(t, officer(), id('G1'), ineligible), 409, 'INVALID_STATUS_TRANSITION');
  });

  it('refuses a second draft while every application is in a live resolution (409 NOTHING_TO_RESOLVE)', async () => {
    expectProblem(await draftResolutions(t, officer(), rc.call.callId), 409, 'NOTHING_TO_RESOLVE');
  });

  it('refuses edits that break the single decision’s rules or the part’s allocation, changing nothing', async () => {
    // D1 requested 500,000.
    const above = expectProblem(await editLine(t, officer(), council, id('D1'), { amountCzk: 500_001, deviationReason: DEVIATION }), 422, 'PROPOSAL_EXCEEDS_REQUEST');
    expect(above.errors).toContainEqual(expect.objectContaining({ field: 'amountCzk', code: 'PROPOSAL_EXCEEDS_REQUEST' }));
    // 450,000 is above the commission's 400,000.
    const noReason = expectProblem(await editLine(t, officer(), council, id('D1'), { amountCzk: 450_000 }), 422, 'DEVIATION_REASON_REQUIRED');
    expect(noReason.errors).toContainEqual(expect.objectContaining({ field: 'deviationReason' }));
    // Part 1: 1,400,000 (Council) + 600,000 (Assembly) + 50,000 = 2,050,000 > 2,000,000 available.
    const overspent = expectProblem(
      await editLine(t, officer(), council, id('D1'), { amountCzk: 450_000, deviationReason: DEVIATION }),
      409,
      'ALLOCATION_EXCEEDED',
    );
    expect(overspent.detail).toBe(
      'Part 1 (Aktivity): the approved lines come to CZK 2,050,000, CZK 50,000 above the CZK 2,000,000 left of its allocation of CZK 2,000,000.',
    );
    expect(overspent.errors).toEqual([expect.objectContaining({ field: 'parts.1', code: 'ALLOCATION_EXCEEDED' })]);
    expectProblem(await editLine(t, officer(), council, id('G1'), { outcome: 'rejected', reason: 'Jiný důvod.' }), 409, 'INVALID_STATUS_TRANSITION');
    expectProblem(await editLine(t, officer(), council, id('B1'), { outcome: 'rejected', amountCzk: 5 }), 400, 'VALIDATION_FAILED');
    expectProblem(await editLine(t, officer(), council, id('B1'), { amountCzk: 1.5 }), 400, 'VALIDATION_FAILED');
    expectProblem(await editLine(t, officer(), council, id('A1'), { amountCzk: 500_000 }), 404, 'NOT_FOUND');
    // An officer affiliated with B's organisation shapes no line of B's, whatever the edit; C's line is no conflict of theirs.
    const affiliated = await createStaff(t, 'officer');
    expectStatus(
      await t.http.put(`${API}/users/${affiliated.id}/affiliations`).auth(cast.admin.token, { type: 'bearer' }).send({ organisationIds: [rc.orgs.B.organisationId] }),
      200,
    );
    for (const edit of [{ amountCzk: 500_000 }, { amountCzk: 500_001 }, { outcome: 'rejected', reason: 'Střet zájmů.' }]) {
      const conflict = expectProblem(await editLine(t, affiliated.token, council, id('B1'), edit), 403, 'CONFLICT_OF_INTEREST');
      expect(conflict.detail).toMatch(/affiliated with the applicant organisation/);
    }
    expectProblem(await editLine(t, affiliated.token, council, id('C1'), { amountCzk: 400_001 }), 422, 'PROPOSAL_EXCEEDS_REQUEST');
    const unchanged = expectStatus(await resolution(t, officer(), council), 200);
    expect(unchanged.body.version).toBe(1);
    expect(unchanged.body.totals.approvedCzk).toBe(1_800_000);
  });

  it('lowers C1, then raises D1 above the proposal with the reason (a deviation); a stale version is refused', async () => {
    const lowered = expectStatus(await editLine(t, officer(), council, id('C1'), { amountCzk: 300_000, version: 1 }), 200);
    expect(lowered.body).toMatchObject({ id: council, version: 2, movedToResolutionId: null });
    // Part 1: 600,000 + 300,000 + 480,000 + A1's 600,000 = 1,980,000 ≤ 2,000,000.
    const raised = expectStatus(await editLine(t, officer(), council, id('D1'), { amountCzk: 480_000, deviationReason: DEVIATION, version: 2 }), 200);
    expect(raised.body.version).toBe(3);
    expect((raised.body.lines as LineBody[]).find((l) => l.applicationId === id('D1'))).toMatchObject({
      outcome: 'approved',
      amountCzk: 480_000,
      proposedCzk: 400_000,
      deviationReason: DEVIATION,
    });
    const stale = expectProblem(await editLine(t, officer(), council, id('D1'), { amountCzk: 470_000, deviationReason: DEVIATION, version: 2 }), 409, 'RESOLUTION_CHANGED');
    expect(stale.errors).toContainEqual(expect.objectContaining({ field: 'version' }));
    // A rejection with its own reason, then back to approved: the line takes the proposal again, no deviation.
    const rejected = expectStatus(await editLine(t, officer(), council, id('B2'), { outcome: 'rejected', reason: 'Duplicitní aktivity.' }), 200);
    expect((rejected.body.lines as LineBody[]).find((l) => l.applicationId === id('B2'))).toMatchObject({ outcome: 'rejected', amountCzk: null, reason: 'Duplicitní aktivity.' });
    const back = expectStatus(await editLine(t, officer(), council, id('B2'), { outcome: 'approved' }), 200);
    expect((back.body.lines as LineBody[]).find((l) => l.applicationId === id('B2'))).toMatchObject({ outcome: 'approved', amountCzk: 150_000, reason: null });
    expect(back.body.version).toBe(5);
  });

  it('moves I2 to the Assembly draft when its new amount takes I above the Council’s limit', async () => {
    // Room in part 2 first: H2 200,000 → 150,000 (part 2: 150,000 + 150,000 + 50,000 = 350,000).
    expectStatus(await editLine(t, officer(), council, id('H2'), { amountCzk: 150_000 }), 200);
    // I2 50,000 → 100,000: part 2 comes to 400,000 (fits); I: 920,000 + 100,000 = 1,020,000 > 1,000,000.
    const moved = expectStatus(await editLine(t, officer(), council, id('I2'), { amountCzk: 100_000, deviationReason: DEVIATION }), 200);
    expect(moved.body).toMatchObject({ id: council, version: 7, movedToResolutionId: assembly });
    expect(linesOf(moved)).toEqual([
      ['B1', 'approved', 600_000],
      ['C1', 'approved', 300_000],
      ['D1', 'approved', 480_000],
      ['E1', 'rejected', null],
      ['F1', 'rejected', null],
      ['G1', 'ineligible', null],
      ['H2', 'approved', 150_000],
      ['B2', 'approved', 150_000],
      ['J2', 'rejected', null],
    ]);
    // 5 approved: 600,000 + 300,000 + 480,000 | 150,000 + 150,000; requested 2,250,000 + 430,000; proposed 1,400,000 + 350,000.
    expect(moved.body.totals).toEqual({ lines: 9, approved: 5, rejected: 3, ineligible: 1, requestedCzk: 2_680_000, proposedCzk: 1_750_000, approvedCzk: 1_680_000 });
    expect(moved.body.parts.map((p: { code: string; approvedCzk: number; availableCzk: number }) => [p.code, p.approvedCzk, p.availableCzk])).toEqual([
      ['1', 1_380_000, 2_000_000],
      ['2', 300_000, 400_000],
    ]);
    const assemblyDraft = expectStatus(await resolution(t, officer(), assembly), 200);
    expect(assemblyDraft.body.version).toBe(2);
    expect(linesOf(assemblyDraft)).toEqual([
      ['A1', 'approved', 600_000],
      ['I2', 'approved', 100_000],
    ]);
    expect(assemblyDraft.body.totals).toEqual({ lines: 2, approved: 2, rejected: 0, ineligible: 0, requestedCzk: 700_000, proposedCzk: 650_000, approvedCzk: 700_000 });
    // The moved line is edited in its new draft now.
    expectProblem(await editLine(t, officer(), council, id('I2'), { amountCzk: 90_000, deviationReason: DEVIATION }), 404, 'NOT_FOUND');
  });

  it('gives the annex of each draft with the totals per part and overall', async () => {
    const service = t.app.get(ResolutionsService);
    const annex = await service.annex(council);
    expect(annex).toMatchObject({ resolutionId: council, version: 7, body: 'council', status: 'draft', resolutionNumber: null, resolutionDate: null });
    expect(annex.call).toMatchObject({ id: rc.call.callId, programmeCode: rc.call.programmeCode, year: 2027 });
    expect(annex.evaluationClosedAt).toMatch(/^2027-05-06T/);
    expect(annex.parts.map((p) => [p.code, p.lines.map((l) => [l.position, keyOf(l.applicationId), l.awardedCzk])])).toEqual([
      [
        '1',
        [
          [1, 'B1', 600_000],
          [2, 'C1', 300_000],
          [3, 'D1', 480_000],
          [4, 'E1', null],
          [5, 'F1', null],
          [6, 'G1', null],
        ],
      ],
      [
        '2',
        [
          [7, 'H2', 150_000],
          [8, 'B2', 150_000],
          [9, 'J2', null],
        ],
      ],
    ]);
    const d1 = annex.parts[0].lines[2];
    expect(d1).toMatchObject({ requestedCzk: 500_000, proposedCzk: 400_000, reason: DEVIATION, projectTitle: 'Projekt D1: čeština a orientace v Praze' });
    expect(annex.parts[0].lines[5]).toMatchObject({ outcome: 'ineligible', reason: INELIGIBLE_REASON });
    expect(annex.parts.map((p) => p.totals)).toEqual([
      { lines: 6, approved: 3, rejected: 2, ineligible: 1, requestedCzk: 2_250_000, proposedCzk: 1_400_000, awardedCzk: 1_380_000 },
      { lines: 3, approved: 2, rejected: 1, ineligible: 0, requestedCzk: 430_000, proposedCzk: 350_000, awardedCzk: 300_000 },
    ]);
    expect(annex.totals).toEqual({ lines: 9, approved: 5, rejected: 3, ineligible: 1, requestedCzk: 2_680_000, proposedCzk: 1_750_000, awardedCzk: 1_680_000 });
    const assemblyAnnex = await service.annex(assembly);
    expect(assemblyAnnex.parts.map((p) => [p.code, p.lines.map((l) => [l.position, keyOf(l.applicationId), l.awardedCzk, l.reason])])).toEqual([
      ['1', [[1, 'A1', 600_000, null]]],
      ['2', [[2, 'I2', 100_000, DEVIATION]]],
    ]);
    expect(assemblyAnnex.totals).toEqual({ lines: 2, approved: 2, rejected: 0, ineligible: 0, requestedCzk: 700_000, proposedCzk: 650_000, awardedCzk: 700_000 });
  });

  it('audits the drafts and every edit, with the before and the after', async () => {
    const events = await auditOf(council);
    expect(events.map((e) => e.action)).toEqual([
      'resolution.drafted',
      ...Array.from({ length: 6 }, () => 'resolution.line_changed'),
    ]);
    expect(events[0].after).toMatchObject({ callId: rc.call.callId, body: 'council', totals: { lines: 10, approvedCzk: 1_800_000 } });
    const move = events[6];
    expect(move.actorUserId).toBe(cast.officer.id);
    expect(move.before).toMatchObject({ version: 6, applicationId: id('I2'), outcome: 'approved', amountCzk: 50_000, deviationReason: null });
    expect(move.after).toMatchObject({ version: 7, applicationId: id('I2'), amountCzk: 100_000, deviationReason: DEVIATION, partCode: '2', movedToResolutionId: assembly });
    expect((await auditOf(assembly)).map((e) => e.action)).toEqual(['resolution.drafted']);
  });

  it('withdraws the Council’s draft: it cannot change any more, and its applications go into a new draft with their default outcomes', async () => {
    const withdrawn = expectStatus(await withdrawResolution(t, officer(), council, '  Návrh stažen k přepracování.  '), 200);
    expect(withdrawn.body).toMatchObject({ id: council, status: 'withdrawn', version: 8, closeReason: 'Návrh stažen k přepracování.', closedAt: t.clock.now().toISOString() });
    expectProblem(await editLine(t, officer(), council, id('B1'), { amountCzk: 500_000 }), 409, 'RESOLUTION_NOT_DRAFT');
    expectProblem(await withdrawResolution(t, officer(), council), 409, 'RESOLUTION_NOT_DRAFT');
    expectProblem(await rejectResolution(t, officer(), council), 409, 'RESOLUTION_NOT_DRAFT');
    expectProblem(await withdrawResolution(t, officer(), assembly, '   '), 400, 'VALIDATION_FAILED');
    const [event] = (await auditOf(council)).slice(-1);
    expect(event).toMatchObject({ action: 'resolution.withdrawn', reason: 'Návrh stažen k přepracování.', before: { status: 'draft', version: 7 }, after: { status: 'withdrawn', version: 8 } });

    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    const again = expectStatus(await draftResolutions(t, officer(), rc.call.callId), 201);
    expect(again.body.resolutions).toHaveLength(1);
    const [redrafted] = again.body.resolutions;
    expect(redrafted).toMatchObject({ body: 'council', version: 1 });
    // I2 stays in the live Assembly draft; the rest comes back with the commission's proposals.
    expect(linesOf({ body: redrafted } as Response)).toEqual([
      ['B1', 'approved', 600_000],
      ['C1', 'approved', 400_000],
      ['D1', 'approved', 400_000],
      ['E1', 'rejected', null],
      ['F1', 'rejected', null],
      ['G1', 'ineligible', null],
      ['H2', 'approved', 200_000],
      ['B2', 'approved', 150_000],
      ['J2', 'rejected', null],
    ]);
    council = redrafted.id;
  });

  it('records the Assembly’s rejection of its draft: its applications are free again, A to the Assembly, I back to the Council', async () => {
    const rejected = expectStatus(await rejectResolution(t, officer(), assembly, 'Zastupitelstvo usnesení nepřijalo.'), 200);
    expect(rejected.body).toMatchObject({ id: assembly, status: 'rejected', version: 3, closeReason: 'Zastupitelstvo usnesení nepřijalo.' });
    expect((await auditOf(assembly)).map((e) => e.action)).toEqual(['resolution.drafted', 'resolution.rejected']);

    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
    const again = expectStatus(await draftResolutions(t, officer(), rc.call.callId), 201);
    // I: 920,000 + the proposal of 50,000 = 970,000: the Council's again; A: 1,100,000, the Assembly's.
    expect(again.body.resolutions.map((r: Record<string, unknown>) => [r.body, linesOf({ body: r } as Response)])).toEqual([
      ['council', [['I2', 'approved', 50_000]]],
      ['assembly', [['A1', 'approved', 600_000]]],
    ]);
    expectProblem(await draftResolutions(t, officer(), rc.call.callId), 409, 'NOTHING_TO_RESOLVE');

    // Newest first: the last two, the redrafted Council's, then the first two (closed).
    const list = expectStatus(await resolutionsOf(t, officer(), rc.call.callId), 200);
    const rows = list.body.map((r: { id: string; body: string; status: string }) => [r.id, r.body, r.status]);
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 2).map((r: string[]) => r[2])).toEqual(['draft', 'draft']);
    expect(rows[2]).toEqual([council, 'council', 'draft']);
    expect(rows.slice(3).map((r: string[]) => `${r[1]} ${r[2]}`).sort()).toEqual(['assembly rejected', 'council withdrawn']);
    expect(rows.slice(3).map((r: string[]) => r[0])).toContain(assembly);
  });

  it('builds one draft when two officers draft the same applications at once (the call is locked; one live line per application)', async () => {
    const list = expectStatus(await resolutionsOf(t, officer(), rc.call.callId), 200);
    const single = (list.body as { id: string; status: string; lines: { applicationId: string }[] }[]).find(
      (r) => r.status === 'draft' && r.lines.length === 1 && r.lines[0].applicationId === id('I2'),
    );
    if (!single) throw new Error(`no draft of I2 alone: ${JSON.stringify(list.body)}`);
    expectStatus(await withdrawResolution(t, officer(), single.id), 200);
    const answers = await Promise.all([draftResolutions(t, officer(), rc.call.callId), draftResolutions(t, officer(), rc.call.callId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const won = answers.find((r) => r.status === 201)!;
    expect(linesOf({ body: won.body.resolutions[0] } as Response)).toEqual([['I2', 'approved', 50_000]]);
    expectProblem(answers.find((r) => r.status === 409)!, 409, 'NOTHING_TO_RESOLVE');
  });

  async function auditOf(resolutionId: string): Promise<{ action: string; actorUserId: string; before: unknown; after: unknown; reason: string | null }[]> {
    const res = expectStatus(await t.http.get(`${API}/audit?entityType=resolution&entityId=${resolutionId}&pageSize=200`).auth(cast.budget.token, { type: 'bearer' }), 200);
    // Newest first: oldest first here.
    return [...res.body.items].reverse();
  }
});
