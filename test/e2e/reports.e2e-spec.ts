import { randomUUID } from 'node:crypto';
import { addDays } from '@app/core/time/prague-time';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import type { EvaluationSetup, Submitted } from '../support/evaluation';
import { approve, ledgerOf, pay, recommendedApplications, recordReturn, reviewSettlement, signContract, submitSettlement, today } from '../support/money';
import {
  getRawReport,
  getReport,
  insertPaymentAsOwner,
  moveClockTo,
  organisationOf,
  publishContract,
  reject,
  reverseMovement,
} from '../support/reports';
import { threeSixtyGivingValidators } from '../support/three-sixty-giving-schema';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The money stage's reports and the public 360Giving export, on one call
 * with five applications (plus another call, to see that `callId` filters):
 *
 *   A  33.I   approved 175,000, contract published, paid 100,000 + 65,000, settled: 150,000 accepted,
 *             15,000 to return (returned late, with a §22 penalty), the unpaid 10,000 released
 *   B  21.III approved 120,000, contract never published, paid 60,000, never settled
 *   C  34.I   approved 175,000, contract published, paid 175,000; plus a payment of 10,000 to another account
 *   D  16.II  approved 175,000, no contract; plus a payment of 5,000
 *   E  33.I   rejected
 *
 * The two extra payments of C and D break rules the API enforces, so they are
 * written straight into the payment table as the database owner
 * (insertPaymentAsOwner), as an import or a manual fix could.
 *
 * The tests run in order: later ones move the clock past the deadlines.
 */

const ACCOUNT = '19-2000145399/0800';
const OTHER_ACCOUNT = '2900123456/2010';
const MEASURES = ['33.I', '21.III', '34.I', '16.II', '33.I'];
const TARGET_GROUPS = [['rodiče dětí cizinců'], ['dospělí cizinci', 'rodiče dětí cizinců'], ['děti cizinců'], ['dospělí cizinci'], ['senioři']];
const DISTRICTS = [['Praha 3', 'Praha 14'], ['Praha 3'], ['Praha 14', 'Praha 10'], ['Praha 1'], ['Praha 5']];

interface Row {
  date: string;
  type: string;
  app: Submitted;
  org: { name: string; ico: string };
  bankAccount: string | null;
  amountCzk: number;
  contractNumber: string | null;
  reference: string;
}

describe('reports and the 360Giving export', () => {
  let t: TestApp;
  let cast: Cast;
  let main: EvaluationSetup;
  let other: EvaluationSetup;
  let A: Submitted, B: Submitted, C: Submitted, D: Submitted, E: Submitted;
  const orgs = new Map<string, { name: string; ico: string }>();
  const contractOf = (app: Submitted) => `SML/${app.referenceNumber}`;
  let d0: string;
  let settlementDueOn: string;
  let returnDueOn: string;
  /** The main call's movements, in the report's order; the tests append as money moves. */
  const movements: Row[] = [];

  const officer = () => cast.officer.token;
  const budget = () => cast.budget.token;
  const asItem = (r: Row) => ({
    date: r.date,
    type: r.type,
    applicationId: r.app.id,
    referenceNumber: r.app.referenceNumber,
    organisationName: r.org.name,
    ico: r.org.ico,
    bankAccount: r.bankAccount,
    amountCzk: r.amountCzk,
    contractNumber: r.contractNumber,
    reference: r.reference,
  });

  async function expectCreated(request: PromiseLike<{ status: number; body: unknown }>, what: string) {
    const res = await request;
    if (res.status !== 201) throw new Error(`${what}: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async function payment(app: Submitted, amountCzk: number, paidOn: string, reference: string) {
    await expectCreated(pay(t, budget(), app.id, amountCzk, { paidOn, paymentReference: reference }), `payment ${reference}`);
    movements.push({ date: paidOn, type: 'payment', app, org: orgs.get(app.id)!, bankAccount: ACCOUNT, amountCzk, contractNumber: contractOf(app), reference });
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    other = await recommendedApplications(t, cast, { applications: 1 });
    main = await recommendedApplications(t, cast, {
      applications: 5,
      call: { eligibleMeasureCodes: ['33.I', '34.I', '21.III', '22.I', '16.II'] },
      application: (i) => ({ primaryMeasureCode: MEASURES[i], measureCodes: [MEASURES[i]], targetGroups: TARGET_GROUPS[i], districts: DISTRICTS[i] }),
    });
    [A, B, C, D, E] = main.applications;
    for (const app of main.applications) orgs.set(app.id, await organisationOf(t, officer(), app.applicant.organisationId));
    settlementDueOn = (await t.http.get(`${API}/calls/${main.call.callId}`)).body.settlementDueOn;

    d0 = today(t);
    await expectCreated(approve(t, officer(), A.id), 'approve A');
    await expectCreated(approve(t, officer(), B.id, { amountCzk: 120_000 }), 'approve B');
    await expectCreated(approve(t, officer(), C.id), 'approve C');
    await expectCreated(approve(t, officer(), D.id), 'approve D');
    await expectCreated(reject(t, officer(), E.id), 'reject E');
    for (const app of [A, B, C]) await expectCreated(signContract(t, officer(), app.id, { contractNumber: contractOf(app) }), 'contract');
    for (const app of [A, C]) await expectCreated(publishContract(t, officer(), app.id), 'publication');
    // A's contract is amended: its settlement deadline is d0 + 33 (B's and C's stay the call's).
    const amended = await t.http.patch(`${API}/applications/${A.id}/contract`).auth(officer(), { type: 'bearer' }).send({ settlementDueOn: addDays(d0, 33) });
    expect(amended.status).toBe(200);
    await payment(A, 100_000, d0, 'záloha č. 1, "Říjen"');

    moveClockTo(t, addDays(d0, 2));
    await payment(C, 175_000, addDays(d0, 2), '=SUM(1+1)');
    await payment(B, 60_000, addDays(d0, 2), 'VS 2027000002');

    moveClockTo(t, addDays(d0, 3));
    // Recorded now, paid two days ago: listed before C's and B's payments.
    await payment(A, 65_000, addDays(d0, 1), 'doplatek');
    movements.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    await expectCreated(
      submitSettlement(t, A.applicant.token, A.id, {
        spentCzk: 160_000,
        lines: [
          { category: 'Osobní náklady', spentCzk: 130_000 },
          { category: 'Materiál', spentCzk: 30_000 },
        ],
        report: 'Kurzy češtiny proběhly podle plánu.',
      }),
      'settlement A',
    );
    const review = await reviewSettlement(t, officer(), A.id, 150_000, 'Část nákladů na materiál nebyla doložena.');
    // Unspent 165,000 − 160,000 = 5,000 by the contract's deadline (d0 + 33), refused 10,000 by the remedy deadline (the review on d0 + 3, + 30).
    expect(review.body).toMatchObject({ status: 'settled', returnDueCzk: 15_000, returnDueOn: addDays(d0, 33), unspentCzk: 5_000, refusedCzk: 10_000, remedyDueOn: addDays(d0, 33) });
    returnDueOn = review.body.returnDueOn;

    const now = t.clock.now();
    await insertPaymentAsOwner({ applicationId: C.id, amountCzk: 10_000, paidOn: addDays(d0, 3), reference: 'VS omyl', bankAccount: OTHER_ACCOUNT, createdAt: now, createdBy: cast.budget.id });
    await insertPaymentAsOwner({ applicationId: D.id, amountCzk: 5_000, paidOn: addDays(d0, 3), reference: 'VS bez smlouvy', bankAccount: ACCOUNT, createdAt: new Date(now.getTime() + 1), createdBy: cast.budget.id });
    movements.push(
      { date: addDays(d0, 3), type: 'payment', app: C, org: orgs.get(C.id)!, bankAccount: OTHER_ACCOUNT, amountCzk: 10_000, contractNumber: contractOf(C), reference: 'VS omyl' },
      { date: addDays(d0, 3), type: 'payment', app: D, org: orgs.get(D.id)!, bankAccount: ACCOUNT, amountCzk: 5_000, contractNumber: null, reference: 'VS bez smlouvy' },
    );
  });
  afterAll(() => t?.close());

  const PATHS = ['/reports/disbursements', '/reports/reconciliation', '/reports/policy', '/exports/360giving'];

  it('who may read what; a malformed or unknown call', async () => {
    expectProblem(await getReport(t, '/reports/disbursements'), 401, 'UNAUTHENTICATED');
    expectProblem(await getReport(t, '/reports/disbursements', A.applicant.token), 403, 'FORBIDDEN');
    expectProblem(await getReport(t, '/reports/reconciliation', officer()), 403, 'FORBIDDEN');
    expectProblem(await getReport(t, '/reports/policy', cast.commission.token), 403, 'FORBIDDEN');
    expect((await getReport(t, '/reports/disbursements', officer())).status).toBe(200);
    expect((await getReport(t, '/reports/policy', budget())).status).toBe(200);
    for (const path of PATHS) {
      const token = path === '/exports/360giving' ? undefined : budget();
      const bad = expectProblem(await getReport(t, `${path}?callId=not-a-uuid`, token), 400, 'VALIDATION_FAILED');
      expect(bad.errors).toContainEqual(expect.objectContaining({ field: 'callId' }));
      const unknown = expectProblem(await getReport(t, `${path}?callId=${randomUUID()}`, token), 404, 'NOT_FOUND');
      expect(unknown.detail).toBe('No such call.');
    }
  });

  it('a call without awards: no 360Giving package (404), an empty policy report, a clean reconciliation; then a payment and its reversal', async () => {
    const callId = other.call.callId;
    const none = expectProblem(await getReport(t, `/exports/360giving?callId=${callId}`), 404, 'NOT_FOUND');
    expect(none.detail).toBe('No grants have been awarded in this call yet: a 360Giving package needs at least one grant.');
    expect((await getReport(t, `/reports/policy?callId=${callId}`, officer())).body).toEqual({
      callId,
      totalAwardedCzk: 0,
      applications: 0,
      byPriority: [],
      bySubArea: [],
      byMeasure: [],
      byTargetGroup: [],
      byDistrict: [],
    });
    const clean = await getReport(t, `/reports/reconciliation?callId=${callId}`, budget());
    expect(clean.body.anomalies).toEqual([]);
    expect(clean.body.parts.map((p: { committedCzk: number }) => p.committedCzk)).toEqual([0, 0]);
    expect((await getReport(t, `/reports/disbursements?callId=${callId}`, budget())).body).toEqual({ callId, items: [] });

    // A payment recorded twice by mistake, the second reversed: the report lists it once.
    const [app] = other.applications;
    await expectCreated(approve(t, officer(), app.id), 'approve');
    await expectCreated(signContract(t, officer(), app.id, { contractNumber: contractOf(app) }), 'contract');
    await expectCreated(pay(t, budget(), app.id, 50_000), 'payment');
    await expectCreated(pay(t, budget(), app.id, 50_000), 'payment');
    const payments = (await ledgerOf(t, budget(), app.id)).body.filter((l: { type: string }) => l.type === 'payment');
    await expectCreated(reverseMovement(t, budget(), payments[1].id, 'zaúčtováno dvakrát'), 'reversal');
    const org = await organisationOf(t, officer(), app.applicant.organisationId);
    expect((await getReport(t, `/reports/disbursements?callId=${callId}`, budget())).body.items).toEqual([
      asItem({ date: today(t), type: 'payment', app, org, bankAccount: ACCOUNT, amountCzk: 50_000, contractNumber: contractOf(app), reference: 'VS-50000' }),
    ]);
  });

  it('disbursements as JSON: one row a payment, by date, then by when recorded', async () => {
    const res = await getReport(t, `/reports/disbursements?callId=${main.call.callId}`, budget());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ callId: main.call.callId, items: movements.map(asItem) });
    expect(res.body.items.map((i: { amountCzk: number }) => i.amountCzk)).toEqual([100_000, 65_000, 175_000, 60_000, 10_000, 5_000]);

    const all = await getReport(t, '/reports/disbursements', officer());
    expect(all.body.callId).toBeNull();
    const ids = all.body.items.map((i: { applicationId: string }) => i.applicationId);
    expect(ids.filter((id: string) => id === other.applications[0].id)).toHaveLength(1);
    for (const m of movements) expect(all.body.items).toContainEqual(asItem(m));
  });

  it('disbursements as CSV: header, RFC 4180 quoting, UTF-8 with a BOM, an attachment', async () => {
    const res = await getRawReport(t, `/reports/disbursements?callId=${main.call.callId}`, budget(), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="disbursements-${main.call.callId}.csv"`);
    expect(res.headers.vary).toMatch(/Accept/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.toString('utf8');
    // The factories' organisation names end ", z. s.": each is quoted.
    for (const org of orgs.values()) expect(org.name).toMatch(/, z\. s\.$/);
    const name = (app: Submitted) => `"${orgs.get(app.id)!.name}"`;
    const ico = (app: Submitted) => orgs.get(app.id)!.ico;
    const line = (app: Submitted, rest: string) => `${app.id},${app.referenceNumber},${name(app)},${ico(app)},${rest}`;
    expect(text).toBe(
      '\uFEFF' +
        [
          'date,type,applicationId,referenceNumber,organisationName,ico,bankAccount,amountCzk,contractNumber,reference',
          `${d0},payment,${line(A, `${ACCOUNT},100000,${contractOf(A)},"záloha č. 1, ""Říjen"""`)}`,
          `${addDays(d0, 1)},payment,${line(A, `${ACCOUNT},65000,${contractOf(A)},doplatek`)}`,
          // A reference a spreadsheet would run as a formula is defused.
          `${addDays(d0, 2)},payment,${line(C, `${ACCOUNT},175000,${contractOf(C)},"'=SUM(1+1)"`)}`,
          `${addDays(d0, 2)},payment,${line(B, `${ACCOUNT},60000,${contractOf(B)},VS 2027000002`)}`,
          `${addDays(d0, 3)},payment,${line(C, `${OTHER_ACCOUNT},10000,${contractOf(C)},VS omyl`)}`,
          `${addDays(d0, 3)},payment,${line(D, `${ACCOUNT},5000,,VS bez smlouvy`)}`,
        ].join('\r\n') +
        '\r\n',
    );
    expect(text).toContain('záloha č. 1, ""Říjen""');

    const all = await getRawReport(t, '/reports/disbursements', officer(), 'text/csv; q=1, application/json; q=0.5');
    expect(all.headers['content-disposition']).toBe('attachment; filename="disbursements-all.csv"');
    expect(all.bytes.toString('utf8')).toContain(`${A.id},${A.referenceNumber}`);

    // JSON wins when the client prefers it or accepts anything.
    expect((await getReport(t, '/reports/disbursements', budget(), 'application/json, text/csv; q=0.5')).headers['content-type']).toMatch(/^application\/json/);
    expect((await getReport(t, '/reports/disbursements', budget(), '*/*')).headers['content-type']).toMatch(/^application\/json/);
  });

  const part1 = (committedCzk: number, paidCzk: number, returnedCzk: number) => ({
    callId: main.call.callId,
    code: '1',
    name: 'Aktivity',
    allocationCzk: 3_000_000,
    committedCzk,
    paidCzk,
    returnedCzk,
    outstandingCzk: committedCzk - paidCzk,
    availableCzk: 3_000_000 - committedCzk,
  });
  const part2 = () => ({
    callId: main.call.callId,
    code: '2',
    name: 'Publikační činnost',
    allocationCzk: 1_000_000,
    committedCzk: 0,
    paidCzk: 0,
    returnedCzk: 0,
    outstandingCzk: 0,
    availableCzk: 1_000_000,
  });

  const anomaly = (kind: string, app: Submitted, detail: string) => ({ kind, applicationId: app.id, referenceNumber: app.referenceNumber, detail });
  const aboveAward = () =>
    anomaly('payment_above_award', C, `CZK 185,000 paid against an award of CZK 175,000, CZK 10,000 too much; the award was first exceeded on ${addDays(d0, 3)} (VS omyl).`);
  const otherAccount = () =>
    anomaly('payment_to_other_account', C, `CZK 10,000 paid on ${addDays(d0, 3)} (VS omyl) to ${OTHER_ACCOUNT}; the organisation's registered account on that day was ${ACCOUNT}.`);
  const withoutContract = () => anomaly('payment_without_contract', D, `CZK 5,000 paid on ${addDays(d0, 3)} (VS bez smlouvy) without a contract.`);
  const unpublished = () =>
    anomaly('publication_overdue', B, `Contract ${contractOf(B)} for CZK 120,000, signed on ${d0}, had to be published by ${addDays(d0, 30)} and is not.`);
  const noSettlement = (app: Submitted) => anomaly('settlement_overdue', app, `No settlement submitted; it was due on ${settlementDueOn}.`);

  async function reconciliation() {
    const res = await getReport(t, `/reports/reconciliation?callId=${main.call.callId}`, budget());
    expect(res.status).toBe(200);
    return res.body;
  }

  it('reconciliation: the parts’ money and the payments that break the rules', async () => {
    const body = await reconciliation();
    // Committed: 175,000 − 10,000 released at A's review + 120,000 + 175,000 + 175,000; paid through the API: 165,000 + 60,000 + 175,000.
    // The rows written as the owner are not in the cached balances: they are what the anomalies show.
    expect(body).toEqual({
      callId: main.call.callId,
      asOf: addDays(d0, 3),
      parts: [part1(635_000, 400_000, 0), part2()],
      anomalies: [aboveAward(), otherAccount(), withoutContract()],
    });
  });

  it('reconciliation after deadlines: a return and a publication overdue; the late return clears it and is listed with its §22 penalty', async () => {
    moveClockTo(t, addDays(d0, 34));
    const late = await reconciliation();
    expect(late.asOf).toBe(addDays(d0, 34));
    expect(late.anomalies).toEqual([
      anomaly(
        'return_overdue',
        A,
        `CZK 5,000 of the CZK 5,000 of unspent money to be returned by ${returnDueOn}; ` +
          `CZK 10,000 of the CZK 10,000 of money refused by the review to be returned by ${returnDueOn} have not arrived.`,
      ),
      unpublished(),
      aboveAward(),
      otherAccount(),
      withoutContract(),
    ]);

    // Both 70 days late: (5,000 + 10,000) × 70 ‰ = CZK 1,050, levied (over CZK 1,000), then paid.
    moveClockTo(t, addDays(returnDueOn, 70));
    const returned = await recordReturn(t, budget(), A.id, 15_000, today(t));
    expect(returned.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 1_050, status: 'settled' });
    movements.push({ date: today(t), type: 'return', app: A, org: orgs.get(A.id)!, bankAccount: null, amountCzk: 15_000, contractNumber: contractOf(A), reference: `return 15000 ${today(t)}` });
    moveClockTo(t, addDays(returnDueOn, 71));
    expect((await recordReturn(t, budget(), A.id, 1_050, today(t))).body).toMatchObject({ penaltyDueCzk: 0, status: 'closed' });
    movements.push({ date: today(t), type: 'penalty', app: A, org: orgs.get(A.id)!, bankAccount: null, amountCzk: 1_050, contractNumber: contractOf(A), reference: `return 1050 ${today(t)}` });

    const after = await reconciliation();
    expect(after.parts[0]).toEqual(part1(635_000, 400_000, 15_000));
    expect(after.anomalies).toEqual([unpublished(), aboveAward(), otherAccount(), withoutContract()]);
    expect((await getReport(t, `/reports/disbursements?callId=${main.call.callId}`, budget())).body.items).toEqual(movements.map(asItem));
  });

  it('reconciliation after the call’s settlement deadline: every contracted application without a settlement', async () => {
    moveClockTo(t, addDays(settlementDueOn, 1));
    expect((await reconciliation()).anomalies).toEqual([noSettlement(B), unpublished(), aboveAward(), otherAccount(), noSettlement(C), withoutContract()]);
  });

  it('policy report: the decisions’ amounts by priority, sub-area, measure, target group and district', async () => {
    const res = await getReport(t, `/reports/policy?callId=${main.call.callId}`, officer());
    expect(res.status).toBe(200);
    // A counts its decision's 175,000 although 10,000 of it was released at the settlement; E was rejected.
    expect(res.body).toEqual({
      callId: main.call.callId,
      totalAwardedCzk: 645_000,
      applications: 4,
      byPriority: [
        { code: '3', name: 'Services for Foreigners', awardedCzk: 175_000, applications: 1 },
        { code: '4', name: 'Education', awardedCzk: 120_000, applications: 1 },
        { code: '5', name: 'Coexistence', awardedCzk: 350_000, applications: 2 },
      ],
      bySubArea: [
        { code: '3A', name: 'Available Social and Related Services', awardedCzk: 175_000, applications: 1 },
        { code: '4A', name: 'Education of Children and Pupils with a DMT', awardedCzk: 120_000, applications: 1 },
        { code: '5B', name: 'Social Climate and Community Life', awardedCzk: 350_000, applications: 2 },
      ],
      byMeasure: [
        { code: '16.II', name: expect.stringMatching(/^Support for provision of on-the-ground and community service/), awardedCzk: 175_000, applications: 1 },
        { code: '21.III', name: expect.stringMatching(/^More intensive arrangement of afternoon courses in Czech/), awardedCzk: 120_000, applications: 1 },
        { code: '33.I', name: expect.stringMatching(/^Support for the realisation of cultural, community and leisure activities/), awardedCzk: 175_000, applications: 1 },
        { code: '34.I', name: expect.stringMatching(/^Support for activities leading to the resolution/), awardedCzk: 175_000, applications: 1 },
      ],
      // Several target groups or districts: the full amount in each, so these rows overlap.
      byTargetGroup: [
        { targetGroup: 'dospělí cizinci', awardedCzk: 295_000, applications: 2 },
        { targetGroup: 'rodiče dětí cizinců', awardedCzk: 295_000, applications: 2 },
        { targetGroup: 'děti cizinců', awardedCzk: 175_000, applications: 1 },
      ],
      byDistrict: [
        { district: 'Praha 14', awardedCzk: 350_000, applications: 2 },
        { district: 'Praha 3', awardedCzk: 295_000, applications: 2 },
        { district: 'Praha 1', awardedCzk: 175_000, applications: 1 },
        { district: 'Praha 10', awardedCzk: 175_000, applications: 1 },
      ],
    });
  });

  it('360Giving export: anyone, no token; valid against the official schema; the awarded grants only', async () => {
    const { validatePackage } = threeSixtyGivingValidators();
    const res = await getReport(t, `/exports/360giving?callId=${main.call.callId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const valid = validatePackage(res.body);
    expect(validatePackage.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const pkg = res.body;
    expect(pkg).toMatchObject({
      version: '1.4',
      publisher: { identifier: 'CZ-ICO-00064581', name: 'Hlavní město Praha' },
      title: expect.stringContaining(main.call.programmeCode),
      modified: expect.any(String),
    });
    const grantId = (app: Submitted) => `360G-CZ-ICO-00064581-${app.referenceNumber}`;
    expect(pkg.grants.map((g: { id: string }) => g.id)).toEqual([A, B, C, D].map(grantId));
    // Awarded: the decisions; disbursed: paid less returned, from the books (not the rows written as the owner).
    expect(pkg.grants.map((g: { amountAppliedFor: number; amountAwarded: number; amountDisbursed: number }) => [g.amountAppliedFor, g.amountAwarded, g.amountDisbursed])).toEqual([
      [175_000, 175_000, 150_000],
      [175_000, 120_000, 60_000],
      [175_000, 175_000, 175_000],
      [175_000, 175_000, 0],
    ]);
    const orgA = orgs.get(A.id)!;
    expect(pkg.grants[0]).toEqual({
      id: grantId(A),
      title: 'Čeština pro rodiče dětí cizinců',
      description: 'Kurzy češtiny a doprovodné aktivity pro rodiče.',
      currency: 'CZK',
      amountAppliedFor: 175_000,
      amountAwarded: 175_000,
      amountDisbursed: 150_000,
      awardDate: d0,
      plannedDates: [{ startDate: `${main.call.year}-03-01`, endDate: `${main.call.year}-12-15` }],
      recipientOrganization: [
        { id: `CZ-ICO-${orgA.ico}`, name: orgA.name, streetAddress: 'Žitná 1', addressLocality: 'Praha 2', postalCode: '120 00', addressCountry: 'CZ' },
      ],
      fundingOrganization: [{ id: 'CZ-ICO-00064581', name: 'Hlavní město Praha' }],
      grantProgramme: [{ code: main.call.programmeCode, title: 'Integrace cizinců' }],
      fromOpenCall: 'Yes',
      classifications: [{ vocabulary: 'Prague City Policy for Integration of Foreigners 2022–2027, measures', code: '33.I', title: expect.any(String) }],
      beneficiaryLocation: [
        { name: 'Praha 3', countryCode: 'CZ' },
        { name: 'Praha 14', countryCode: 'CZ' },
      ],
      dateModified: expect.any(String),
    });
    expect(pkg.modified).toBe(pkg.grants.map((g: { dateModified: string }) => g.dateModified).sort().at(-1));

    // All calls: this call's grants and the other call's, still valid; a token is not needed but does no harm.
    const all = await getReport(t, '/exports/360giving', cast.applicant.token);
    expect(all.status).toBe(200);
    expect(validatePackage(all.body)).toBe(true);
    const ids = all.body.grants.map((g: { id: string }) => g.id);
    expect(ids).toEqual(expect.arrayContaining([...[A, B, C, D].map(grantId), grantId(other.applications[0])]));
    expect(ids).not.toContain(grantId(E));
  });
});
