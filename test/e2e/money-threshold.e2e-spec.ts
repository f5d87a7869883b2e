import { createCast, type Cast } from '../support/factories';
import { expectProblem } from '../support/http';
import { applicants, approve, awardOf, evaluatedCalls, proposalsOf, reject, requesting, today, type EvaluatedCall } from '../support/money';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The City Council awards one recipient (IČO) at most CZK 1,000,000 in a
 * calendar year (COUNCIL_THRESHOLD_CZK, default), everything the city awards it
 * that year counted, every programme and call; above it the Assembly decides
 * (422 ASSEMBLY_DECISION_REQUIRED). The year is the resolution's. Before 2024
 * the limit was CZK 200,000.
 *
 * Two calls of two programmes of 2027, announced together on 2027-01-04; their
 * window closes 2027-03-06, when the decisions are taken. Large requests: the
 * parts allow up to CZK 900,000.
 */

const PART = { code: '1', name: 'Aktivity', allocationCzk: 4_000_000, minRequestCzk: 50_000, maxRequestCzk: 900_000 };
const TERMS = { parts: [PART], maxApplicationsPerOrganisation: 3 };

function assemblyRequired(amount: string, year: number, total: string, limit = '1,000,000'): string {
  return (
    `With this award of CZK ${amount}, the recipient's awards in ${year} come to CZK ${total}, ` +
    `above the CZK ${limit} that the City Council may award one recipient in a year; the City Assembly must decide.`
  );
}

describe('money: council or assembly, by the recipient’s year', () => {
  let t: TestApp;
  let cast: Cast;
  let a: EvaluatedCall;
  let b: EvaluatedCall;

  const officer = () => cast.officer.token;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    // x: one NGO applying in both calls; y: another NGO; z1…z4: four NGOs for the concurrent decisions.
    const [x, y, z1, z2, z3, z4] = await applicants(t, 6);
    [a, b] = await evaluatedCalls(t, cast, [
      {
        call: TERMS,
        entries: [
          { applicant: x, body: requesting(600_000) },
          { applicant: x, body: requesting(300_000) },
          { applicant: y, body: requesting(600_000) },
          ...[z1, z2, z3, z4].map((applicant) => ({ applicant, body: requesting(600_000) })),
        ],
      },
      {
        call: TERMS,
        entries: [
          // Its requests (CZK 4,400,000) exceed the part's allocation: the scores fix the ranking, so that the
          // funding proposal covers x's 500,000 and 800,000 and y's 500,000 in full and runs out before x's 200,000.
          { applicant: x, body: requesting(500_000), score: 95 },
          { applicant: x, body: requesting(800_000), score: 90 },
          { applicant: x, body: requesting(200_000), score: 60 },
          { applicant: y, body: requesting(500_000), score: 94 },
          ...[z1, z2, z3, z4].map((applicant) => ({ applicant, body: requesting(600_000) })),
        ],
      },
    ]);
    expect([a.call.year, b.call.year]).toEqual([2027, 2027]);
    expect(a.call.programmeId).not.toBe(b.call.programmeId);
    expect(today(t)).toBe('2027-03-06');
    const proposed = await proposalsOf(b.applications.slice(0, 4).map((app) => app.id));
    expect(b.applications.slice(0, 4).map((app) => proposed.get(app.id) ?? 0)).toEqual([500_000, 800_000, 0, 500_000]);
  }, 120_000);
  afterAll(() => t?.close());

  it('one IČO in two calls of two programmes: the year total decides; exactly CZK 1,000,000 is still the Council’s; above it only the Assembly', async () => {
    const [x600] = a.applications;
    const [x500] = b.applications;
    expect(x600.applicant.organisationId).toBe(x500.applicant.organisationId);

    expect((await approve(t, officer(), x600.id, { amountCzk: 600_000 })).status).toBe(201);

    const problem = expectProblem(await approve(t, officer(), x500.id, { amountCzk: 500_000 }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect(problem.detail).toBe(assemblyRequired('500,000', 2027, '1,100,000'));
    expect(problem.errors).toEqual([{ field: 'body', code: 'ASSEMBLY_DECISION_REQUIRED', message: problem.detail }]);
    expectProblem(await approve(t, officer(), x500.id, { amountCzk: 400_001 }), 422, 'ASSEMBLY_DECISION_REQUIRED');

    const atLimit = await approve(t, officer(), x500.id, { amountCzk: 400_000 });
    expect(atLimit.status).toBe(201);
    expect(atLimit.body).toMatchObject({ body: 'council', amountCzk: 400_000, status: 'approved' });
  });

  it('once the year is at the limit, any further award is the Assembly’s; the Assembly may decide any amount', async () => {
    const x300 = a.applications[1];
    const x800 = b.applications[1];
    const one = expectProblem(await approve(t, officer(), x300.id, { amountCzk: 1 }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect(one.detail).toBe(assemblyRequired('1', 2027, '1,000,001'));
    const assembly = await approve(t, officer(), x300.id, { amountCzk: 300_000, body: 'assembly', resolutionNumber: 'Z-2027-31' });
    expect(assembly.status).toBe(201);
    expect(assembly.body).toMatchObject({ body: 'assembly', resolutionNumber: 'Z-2027-31', amountCzk: 300_000 });

    // The Assembly's awards count too: 1,300,000 before this one.
    const more = expectProblem(await approve(t, officer(), x800.id, { amountCzk: 100_000 }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect(more.detail).toBe(assemblyRequired('100,000', 2027, '1,400,000'));
    // A rejection awards nothing: the Council may record it whatever the year total.
    const rejected = await reject(t, officer(), x800.id);
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ body: 'council', status: 'rejected' });
  });

  it('another organisation’s year is its own', async () => {
    const [y600, y500] = [a.applications[2], b.applications[3]];
    expect((await approve(t, officer(), y600.id, { amountCzk: 600_000 })).status).toBe(201);
    expectProblem(await approve(t, officer(), y500.id, { amountCzk: 400_001 }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect((await approve(t, officer(), y500.id, { amountCzk: 400_000 })).status).toBe(201);
  });

  it('the year is that of the resolution: dated in 2027 it counts with 2027, dated in 2028 it starts from zero', async () => {
    const x200 = b.applications[2];
    t.clock.set(new Date('2028-01-10T09:00:00Z'));
    // Its part ran out before it: proposed nothing, so the award is the Council's deviation, with its reason.
    const award = awardOf(200_000, (await proposalsOf([x200.id])).get(x200.id));
    const late = expectProblem(await approve(t, officer(), x200.id, { ...award, resolutionDate: '2027-12-16' }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect(late.detail).toBe(assemblyRequired('200,000', 2027, '1,500,000'));
    const next = await approve(t, officer(), x200.id, { ...award, resolutionDate: '2028-01-09' });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ body: 'council', resolutionDate: '2028-01-09', amountCzk: 200_000 });
  });

  it('two concurrent Council approvals for one IČO that each fit but not together: exactly one passes', async () => {
    t.clock.set(new Date('2027-03-06T10:00:00Z'));
    const pairs = [3, 4, 5, 6].map((i) => [a.applications[i], b.applications[i + 1]] as const);
    for (const [first, second] of pairs) expect(first.applicant.organisationId).toBe(second.applicant.organisationId);
    const proposals = await proposalsOf(pairs.flat().map((app) => app.id));
    const answers = await Promise.all(
      pairs.flatMap(([first, second]) => [first, second].map((app) => approve(t, officer(), app.id, awardOf(600_000, proposals.get(app.id))))),
    );
    for (let i = 0; i < pairs.length; i++) {
      const [r1, r2] = [answers[2 * i], answers[2 * i + 1]];
      expect([r1.status, r2.status].sort()).toEqual([201, 422]);
      const refused = r1.status === 422 ? r1 : r2;
      expectProblem(refused, 422, 'ASSEMBLY_DECISION_REQUIRED');
      expect(refused.body.detail).toBe(assemblyRequired('600,000', 2027, '1,200,000'));
    }
  });
});

describe('money: before 2024 the Council’s limit was CZK 200,000', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2023-01-09T09:00:00Z'));
    cast = await createCast(t);
    const [w] = await applicants(t, 1);
    [call] = await evaluatedCalls(t, cast, [
      {
        call: TERMS,
        entries: [
          { applicant: w, body: requesting(150_000) },
          { applicant: w, body: requesting(60_000) },
        ],
      },
    ]);
    expect(call.call.year).toBe(2023);
  }, 60_000);
  afterAll(() => t?.close());

  it('150,000 by the Council; 60,000 more makes 210,000: the Assembly’s', async () => {
    const [w150, w60] = call.applications;
    expect((await approve(t, cast.officer.token, w150.id, { amountCzk: 150_000 })).status).toBe(201);
    const problem = expectProblem(await approve(t, cast.officer.token, w60.id, { amountCzk: 60_000 }), 422, 'ASSEMBLY_DECISION_REQUIRED');
    expect(problem.detail).toBe(assemblyRequired('60,000', 2023, '210,000', '200,000'));
    expect((await approve(t, cast.officer.token, w60.id, { amountCzk: 50_000 })).status).toBe(201);
  });
});
