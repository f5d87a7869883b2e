import { addDays } from '@app/core/time/prague-time';
import { createCast, type Cast } from '../support/factories';
import { expectProblem } from '../support/http';
import {
  approve,
  budgetOf,
  DEVIATION_REASON,
  ledgerCheck,
  ledgerOf,
  pay,
  recommendedApplications,
  recordReturn,
  reviewSettlement,
  signContract,
  submitSettlement,
  today,
} from '../support/money';
import { reverseMovement } from '../support/reports';
import { createTestApp, type TestApp } from '../support/test-app';

describe('money: from recommended to closed', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it('approve → contract → two instalments → settlement → review → late return with the §22 penalty → closed; the ledger agrees', async () => {
    const { call, applications } = await recommendedApplications(t, cast, { applications: 1 });
    const [app] = applications;
    const requested = app.requestedCzk; // 175,000 (140,000 + 35,000)
    const officer = cast.officer.token;
    const budget = cast.budget.token;

    const approved = await approve(t, officer, app.id);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ outcome: 'approved', amountCzk: requested, status: 'approved', body: 'council' });
    expect((await budgetOf(t, budget, call.callId)).body.parts[0]).toMatchObject({ code: '1', allocationCzk: 3_000_000, committedCzk: requested, availableCzk: 3_000_000 - requested });

    expectProblem(await pay(t, budget, app.id, 10_000), 409, 'CONTRACT_REQUIRED');
    const signedOn = today(t);
    const contract = await signContract(t, officer, app.id, { settlementDueOn: addDays(signedOn, 20) });
    expect(contract.status).toBe(201);
    expect(contract.body).toMatchObject({ amountCzk: requested, publicationDueOn: addDays(signedOn, 30), settlementDueOn: addDays(signedOn, 20) });

    expect((await pay(t, budget, app.id, 100_000)).status).toBe(201);
    expectProblem(await pay(t, budget, app.id, requested - 100_000 + 1), 409, 'PAYMENT_EXCEEDS_AWARD');
    expect((await pay(t, budget, app.id, requested - 100_000)).body).toMatchObject({ paidTotalCzk: requested, awardCzk: requested, bankAccount: '19-2000145399/0800' });

    const applicant = app.applicant.token;
    expectProblem(
      await submitSettlement(t, applicant, app.id, { spentCzk: requested + 1, lines: [{ category: 'Osobní náklady', spentCzk: requested + 1 }], report: 'Zpráva' }),
      422,
      'SETTLEMENT_EXCEEDS_PAYMENTS',
    );
    const settled = await submitSettlement(t, applicant, app.id, {
      spentCzk: 160_000,
      lines: [
        { category: 'Osobní náklady', spentCzk: 130_000 },
        { category: 'Materiál', spentCzk: 30_000 },
      ],
      report: 'Kurzy proběhly podle plánu.',
    });
    expect(settled.status).toBe(201);
    const review = await reviewSettlement(t, officer, app.id, 150_000, 'Část nákladů na materiál nebyla doložena.');
    // Unspent 175,000 − 160,000 = 15,000 due by the contract's deadline (signing day + 20); refused 10,000 by the remedy deadline (review day + 30).
    expect(review.body).toMatchObject({
      status: 'settled',
      acceptedCzk: 150_000,
      returnDueCzk: requested - 150_000,
      returnDueOn: addDays(signedOn, 20),
      settlementDueOn: addDays(signedOn, 20),
      unspentCzk: 15_000,
      refusedCzk: 10_000,
      remedyDueOn: addDays(signedOn, 30),
    });

    // 25,000 returned on day 65: 15,000 × 45 (days 21–65) + 10,000 × 35 (days 31–65) = 675,000 + 350,000 = 1,025,000 ‰ → 1,025, levied.
    // (On day 64 it would have been 660,000 + 340,000 → 1,000, not levied.)
    t.clock.advanceDays(30 + 50);
    const late = await recordReturn(t, budget, app.id, requested - 150_000, addDays(signedOn, 65));
    expect(late.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 1_025, penaltyDueCzk: 1_025, status: 'settled' });
    const penalty = await recordReturn(t, budget, app.id, 1_025, addDays(signedOn, 69));
    expect(penalty.body).toMatchObject({ penaltyDueCzk: 0, status: 'closed' });

    const ledger = await ledgerOf(t, applicant, app.id);
    expect(ledger.status).toBe(200);
    expect(ledger.body.map((l: { type: string; amountCzk: number }) => [l.type, l.amountCzk])).toEqual([
      ['commitment', requested],
      ['payment', 100_000],
      ['payment', requested - 100_000],
      ['return_due', requested - 150_000],
      ['return', requested - 150_000],
      ['penalty', 1_025],
      ['penalty_payment', 1_025],
    ]);
    const view = await t.http.get(`/api/v1/applications/${app.id}`).auth(applicant, { type: 'bearer' });
    expect(view.body).toMatchObject({ status: 'closed', money: { awardedCzk: requested, paidCzk: requested, returnedCzk: requested - 150_000, returnDueCzk: 0 } });
    const check = await ledgerCheck(t, budget);
    expect(check.body).toMatchObject({ ok: true, unbalancedTransactions: [], parts: [], applications: [] });
  });

  it('a payment recorded twice by mistake is reversed (once); the ledger shows both, the balances count it once', async () => {
    const { call, applications } = await recommendedApplications(t, cast, { applications: 1 });
    const [app] = applications;
    const budget = cast.budget.token;
    await approve(t, cast.officer.token, app.id);
    await signContract(t, cast.officer.token, app.id);
    await pay(t, budget, app.id, 50_000);
    await pay(t, budget, app.id, 50_000);
    const paymentIds = (await ledgerOf(t, budget, app.id)).body.filter((l: { type: string }) => l.type === 'payment').map((l: { id: string }) => l.id);
    const reverse = (id: string, token = budget) =>
      t.http.post(`/api/v1/ledger/transactions/${id}/reversal`).auth(token, { type: 'bearer' }).send({ reason: 'zaúčtováno dvakrát' });
    expectProblem(await reverse(paymentIds[1], cast.officer.token), 403, 'FORBIDDEN');
    const reversed = await reverse(paymentIds[1]);
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ reverses: paymentIds[1], type: 'payment', amountCzk: 50_000, paidCzk: 50_000, returnedCzk: 0 });
    expectProblem(await reverse(paymentIds[1]), 409, 'INVALID_STATUS_TRANSITION');
    expectProblem(await reverse(reversed.body.id), 409, 'INVALID_STATUS_TRANSITION');
    const lines = (await ledgerOf(t, budget, app.id)).body.map((l: { type: string; amountCzk: number }) => [l.type, l.amountCzk]);
    expect(lines).toEqual([
      ['commitment', app.requestedCzk],
      ['payment', 50_000],
      ['payment', 50_000],
      ['reversal', 50_000],
    ]);
    expect((await budgetOf(t, budget, call.callId)).body.parts[0]).toMatchObject({ committedCzk: app.requestedCzk, paidCzk: 50_000 });
    expect((await ledgerCheck(t, budget)).body.ok).toBe(true);
  });

  it('an approval that does not fit the part is refused (409 ALLOCATION_EXCEEDED) and commits nothing', async () => {
    // Part 1 of 200,000 and two requests of 175,000: the funding line proposes 175,000 and 25,000;
    // the council awards the second its full request, which does not fit.
    const parts = [
      { code: '1', name: 'Aktivity', allocationCzk: 200_000, minRequestCzk: 50_000, maxRequestCzk: 200_000 },
      { code: '2', name: 'Publikační činnost', allocationCzk: 1_000_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 },
    ];
    const { call, applications } = await recommendedApplications(t, cast, { applications: 2, call: { parts } });
    const [first, second] = applications;
    expect((await approve(t, cast.officer.token, first.id)).status).toBe(201);
    // Above the proposal of 25,000: the Council's deviation from the commission, with its reason.
    expectProblem(await approve(t, cast.officer.token, second.id, { amountCzk: second.requestedCzk, deviationReason: DEVIATION_REASON }), 409, 'ALLOCATION_EXCEEDED');
    expect((await budgetOf(t, cast.budget.token, call.callId)).body.parts[0]).toMatchObject({ committedCzk: first.requestedCzk, availableCzk: 200_000 - first.requestedCzk });
    expect((await ledgerOf(t, cast.budget.token, second.id)).body).toEqual([]);
  });

  it('a return that was reversed does not count as returned on time: the §22 penalty is on the whole late return', async () => {
    const { applications } = await recommendedApplications(t, cast, { applications: 1 });
    const [app] = applications;
    const requested = app.requestedCzk;
    const officer = cast.officer.token;
    const budget = cast.budget.token;
    expect((await approve(t, officer, app.id)).status).toBe(201);
    expect((await signContract(t, officer, app.id, { settlementDueOn: addDays(today(t), 30) })).status).toBe(201);
    expect((await pay(t, budget, app.id, requested)).status).toBe(201);
    const spent = requested - 20_000;
    const settlement = { spentCzk: spent, lines: [{ category: 'Osobní náklady', spentCzk: spent }], report: 'Zpráva' };
    expect((await submitSettlement(t, app.applicant.token, app.id, settlement)).status).toBe(201);
    const review = await reviewSettlement(t, officer, app.id, spent, 'Nevyčerpáno.');
    // Nothing refused: the unspent 20,000 is due by the contract's settlement deadline.
    expect(review.body).toMatchObject({ returnDueCzk: 20_000, returnDueOn: addDays(today(t), 30), unspentCzk: 20_000, refusedCzk: 0, remedyDueOn: null });
    const dueOn: string = review.body.returnDueOn;

    // 5,000 on time, then reversed (recorded by mistake): 20,000 is due again.
    const onTime = await recordReturn(t, budget, app.id, 5_000, today(t));
    expect(onTime.body).toMatchObject({ returnDueCzk: 15_000, penaltyLeviedCzk: 0 });
    const lines: { id: string; type: string; amountCzk: number }[] = (await ledgerOf(t, budget, app.id)).body;
    const mistaken = lines.find((l) => l.type === 'return' && l.amountCzk === 5_000)!;
    expect((await reverseMovement(t, budget, mistaken.id, 'recorded by mistake')).status).toBe(201);

    // All 20,000 comes 60 days late: 20,000 × 60 ‰ = 1,200, levied (the reversed 5,000 was never returned).
    t.clock.advanceDays(30 + 70);
    const late = await recordReturn(t, budget, app.id, 20_000, addDays(dueOn, 60));
    expect(late.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 1_200, penaltyDueCzk: 1_200, status: 'settled' });
  });
});
