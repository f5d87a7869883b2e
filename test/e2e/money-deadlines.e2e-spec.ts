import { addDays } from '@app/core/time/prague-time';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  approve,
  auditTrail,
  expectStatus,
  movementsOf,
  pay,
  recommendedApplications,
  recordReturn,
  reviewSettlement,
  settlementOf,
  signContract,
  submitSettlement,
  today,
} from '../support/money';
import { getReport, moveClockTo } from '../support/reports';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 12, items 17–18: one settlement deadline (the call's, copied into the
 * contract, amended there) and lawful due dates for the money that comes back:
 * the unspent money (paid − spent) by the settlement deadline, what the review
 * refuses by the remedy deadline it sets (30 days by default), each with the
 * §22 penalty (1 ‰ a day) from the next day. S is the day the contract is
 * signed; day numbers below are S + n.
 */
describe('money: the settlement deadline and the due dates of money returned', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const amend = (token: string, id: string, body: Record<string, unknown>) =>
    t.http.patch(`${API}/applications/${id}/contract`).auth(token, { type: 'bearer' }).send(body);
  const review = (id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/applications/${id}/settlement/review`).auth(cast.officer.token, { type: 'bearer' }).send(body);

  it('the contract copies the call’s settlement deadline; an amendment changes it until the review; the reconciliation judges by it', async () => {
    const { call, applications } = await recommendedApplications(t, cast, { applications: 2 });
    const [app, other] = applications;
    const officer = cast.officer.token;
    const callDue: string = (await t.http.get(`${API}/calls/${call.callId}`)).body.settlementDueOn;
    await expectStatus(approve(t, officer, app.id), 201, 'approve');
    await expectStatus(approve(t, officer, other.id), 201, 'approve other');
    expectProblem(await amend(officer, app.id, { settlementDueOn: callDue }), 409, 'CONTRACT_REQUIRED');

    const S = today(t);
    const signed = await expectStatus(signContract(t, officer, app.id), 201, 'contract');
    expect(signed.body).toMatchObject({ signedOn: S, settlementDueOn: callDue });
    // Set on the contract itself, it must fall after the signature.
    expectProblem(await signContract(t, officer, other.id, { settlementDueOn: S }), 400, 'VALIDATION_FAILED');
    expect((await expectStatus(signContract(t, officer, other.id, { settlementDueOn: addDays(S, 60) }), 201, 'contract other')).body.settlementDueOn).toBe(
      addDays(S, 60),
    );

    // Only officers amend; the deadline must be a date after the signature.
    expectProblem(await amend(cast.budget.token, app.id, { settlementDueOn: addDays(S, 10) }), 403, 'FORBIDDEN');
    expectProblem(await amend(app.applicant.token, app.id, { settlementDueOn: addDays(S, 10) }), 403, 'FORBIDDEN');
    const before = expectProblem(await amend(officer, app.id, { settlementDueOn: S }), 400, 'VALIDATION_FAILED');
    expect(before.errors).toEqual([expect.objectContaining({ field: 'settlementDueOn' })]);
    expectProblem(await amend(officer, app.id, { settlementDueOn: '2028-02-30' }), 400, 'VALIDATION_FAILED');
    const amended = await expectStatus(amend(officer, app.id, { settlementDueOn: addDays(S, 10) }), 200, 'amend');
    expect(amended.body).toMatchObject({ applicationId: app.id, signedOn: S, settlementDueOn: addDays(S, 10) });
    const view = await t.http.get(`${API}/applications/${app.id}`).auth(app.applicant.token, { type: 'bearer' });
    expect(view.body.contract).toMatchObject({ settlementDueOn: addDays(S, 10) });
    const events = (await expectStatus(auditTrail(t, cast.budget.token, app.id), 200, 'audit')).body.items;
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'contract.amended', before: { settlementDueOn: callDue }, after: { settlementDueOn: addDays(S, 10) } }),
    );

    // No settlement by day 10: overdue from day 11 by the contract's date (the call's is later).
    moveClockTo(t, addDays(S, 10));
    const reconciliation = async () => {
      const r = await expectStatus(getReport(t, `/reports/reconciliation?callId=${call.callId}`, cast.budget.token), 200, 'reconciliation');
      return r.body.anomalies.filter((a: { kind: string; applicationId: string }) => a.kind === 'settlement_overdue' && a.applicationId === app.id);
    };
    expect(await reconciliation()).toEqual([]);
    moveClockTo(t, addDays(S, 11));
    expect(await reconciliation()).toEqual([
      expect.objectContaining({ kind: 'settlement_overdue', detail: `No settlement submitted; it was due on ${addDays(S, 10)}.` }),
    ]);

    // Reviewed: the deadline is fixed.
    await expectStatus(pay(t, cast.budget.token, app.id, 100_000), 201, 'payment');
    await expectStatus(submitSettlement(t, app.applicant.token, app.id, settlementOf(100_000)), 201, 'settlement');
    await expectStatus(amend(officer, app.id, { settlementDueOn: addDays(S, 20) }), 200, 'amend while the settlement waits for its review');
    await expectStatus(reviewSettlement(t, officer, app.id, 100_000), 201, 'review');
    expectProblem(await amend(officer, app.id, { settlementDueOn: addDays(S, 30) }), 409, 'CONTRACT_NOT_EDITABLE');
  });

  it('a late settlement: the unspent money sent back with it carries the §22 penalty, levied at the review', async () => {
    const { applications } = await recommendedApplications(t, cast, { applications: 1 });
    const [app] = applications;
    const officer = cast.officer.token;
    const budget = cast.budget.token;
    await expectStatus(approve(t, officer, app.id, { amountCzk: 175_000 }), 201, 'approve');
    const S = today(t);
    await expectStatus(signContract(t, officer, app.id, { settlementDueOn: addDays(S, 10) }), 201, 'contract');
    await expectStatus(pay(t, budget, app.id, 175_000), 201, 'payment');

    // The settlement comes on day 40, 30 days late, with the unspent 50,000 returned the same day.
    moveClockTo(t, addDays(S, 40));
    await expectStatus(submitSettlement(t, app.applicant.token, app.id, settlementOf(125_000)), 201, 'late settlement');
    await expectStatus(recordReturn(t, budget, app.id, 50_000, addDays(S, 40)), 201, 'unspent money');

    // Reviewed on day 45, everything spent accepted: nothing left to return, but 50,000 came back 30 days late
    // (days 11–40): 50,000 × 30 ‰ = 1,500,000 / 1000 = CZK 1,500 > 1,000 → levied; the grant stays open for it.
    moveClockTo(t, addDays(S, 45));
    const reviewed = await expectStatus(reviewSettlement(t, officer, app.id, 125_000), 201, 'review');
    expect(reviewed.body).toMatchObject({ status: 'settled', returnDueCzk: 0, returnDueOn: null, unspentCzk: 50_000, refusedCzk: 0, remedyDueOn: null });
    expect(await movementsOf(t, budget, app.id)).toEqual([
      ['commitment', 175_000],
      ['payment', 175_000],
      ['return', 50_000],
      ['penalty', 1_500],
    ]);
    const paid = await expectStatus(recordReturn(t, budget, app.id, 1_500, addDays(S, 45)), 201, 'penalty paid');
    expect(paid.body).toMatchObject({ penaltyDueCzk: 0, status: 'closed' });
  });

  it('unspent money by the settlement deadline and refused money by the review’s remedy deadline, both returned late', async () => {
    const { call, applications } = await recommendedApplications(t, cast, { applications: 1 });
    const [app] = applications;
    const officer = cast.officer.token;
    const budget = cast.budget.token;
    await expectStatus(approve(t, officer, app.id, { amountCzk: 175_000 }), 201, 'approve');
    const S = today(t);
    await expectStatus(signContract(t, officer, app.id, { settlementDueOn: addDays(S, 10) }), 201, 'contract');
    await expectStatus(pay(t, budget, app.id, 175_000), 201, 'payment');

    // Settled in time on day 5: spent 155,000 (unspent 20,000, due day 10); 135,000 accepted (20,000 refused).
    moveClockTo(t, addDays(S, 5));
    await expectStatus(submitSettlement(t, app.applicant.token, app.id, settlementOf(155_000)), 201, 'settlement');
    const note = 'Faktura 17 patří k jinému projektu.';
    expectProblem(await review(app.id, { acceptedCzk: 135_000, note, remedyDueOn: addDays(S, 5) }), 400, 'VALIDATION_FAILED');
    const reviewed = await expectStatus(review(app.id, { acceptedCzk: 135_000, note, remedyDueOn: addDays(S, 25) }), 201, 'review');
    expect(reviewed.body).toMatchObject({
      status: 'settled',
      returnDueCzk: 40_000,
      returnDueOn: addDays(S, 10),
      settlementDueOn: addDays(S, 10),
      unspentCzk: 20_000,
      refusedCzk: 20_000,
      remedyDueOn: addDays(S, 25),
    });
    const view = await t.http.get(`${API}/applications/${app.id}`).auth(officer, { type: 'bearer' });
    expect(view.body.settlement).toMatchObject({ returnDueOn: addDays(S, 10), unspentCzk: 20_000, refusedCzk: 20_000, remedyDueOn: addDays(S, 25) });

    // Day 20: the unspent money is overdue, the refused money not yet; day 26: both.
    const overdue = async () => {
      const r = await expectStatus(getReport(t, `/reports/reconciliation?callId=${call.callId}`, budget), 200, 'reconciliation');
      return r.body.anomalies.filter((a: { applicationId: string; kind: string }) => a.applicationId === app.id && a.kind === 'return_overdue').map((a: { detail: string }) => a.detail);
    };
    moveClockTo(t, addDays(S, 20));
    expect(await overdue()).toEqual([`CZK 20,000 of the CZK 20,000 of unspent money to be returned by ${addDays(S, 10)} has not arrived.`]);
    moveClockTo(t, addDays(S, 26));
    expect(await overdue()).toEqual([
      `CZK 20,000 of the CZK 20,000 of unspent money to be returned by ${addDays(S, 10)}; ` +
        `CZK 20,000 of the CZK 20,000 of money refused by the review to be returned by ${addDays(S, 25)} have not arrived.`,
    ]);

    // All 40,000 back on day 50:
    //   unspent 20,000, late days 11–50 = 40 days: 20,000 × 40 = 800,000
    //   refused 20,000, late days 26–50 = 25 days: 20,000 × 25 = 500,000
    //   1,300,000 / 1000 = CZK 1,300 > 1,000 → levied.
    // (Were everything due on the remedy deadline, as before: 40,000 × 25 = 1,000,000 → 1,000, not levied.)
    moveClockTo(t, addDays(S, 50));
    const late = await expectStatus(recordReturn(t, budget, app.id, 40_000, addDays(S, 50)), 201, 'late return');
    expect(late.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 1_300, penaltyDueCzk: 1_300, status: 'settled' });
    expect(await movementsOf(t, budget, app.id)).toEqual([
      ['commitment', 175_000],
      ['payment', 175_000],
      ['return_due', 40_000],
      ['return', 40_000],
      ['penalty', 1_300],
    ]);
  });
});
