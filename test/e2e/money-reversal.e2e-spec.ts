import { randomUUID } from 'node:crypto';
import { asOwner } from '../support/db';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import type { Submitted } from '../support/evaluation';
import {
  applicants,
  auditTrail,
  evaluatedCalls,
  expectLedgerAgrees,
  expectStatus,
  ledgerOf,
  movementsOf,
  paidOut,
  partOf,
  pay,
  recordReturn,
  reviewSettlement,
  settlementOf,
  submitSettlement,
  type EvaluatedCall,
} from '../support/money';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * POST /ledger/transactions/:id/reversal: the Budget Department corrects a
 * payment or a return recorded by mistake with a reversal (the ledger is
 * append-only), once, and not while later movements depend on the money.
 * Decisions on 2027-03-06.
 */

const TODAY = '2027-03-06';

interface Line {
  id: string;
  type: string;
  amountCzk: number;
  reverses: string | null;
}

describe('money: reversals', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;
  let pool: Submitted[];

  const fresh = (): Submitted => {
    const next = pool.shift();
    if (!next) throw new Error('out of recommended applications');
    return next;
  };
  const budget = () => cast.budget.token;
  const lines = async (id: string): Promise<Line[]> => (await expectStatus(ledgerOf(t, budget(), id), 200, 'ledger')).body;
  const reverse = (token: string, transactionId: string, reason = 'Zaúčtováno dvakrát') =>
    t.http.post(`${API}/ledger/transactions/${transactionId}/reversal`).auth(token, { type: 'bearer' }).send({ reason });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const people = await applicants(t, 4);
    [call] = await evaluatedCalls(t, cast, [
      {
        call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: 2_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 }] },
        entries: Array.from({ length: 8 }, (_, i) => ({ applicant: people[i % 4] })),
      },
    ]);
    pool = [...call.applications];
  }, 60_000);
  afterAll(() => t?.close());

  it('a payment recorded twice is reversed: the ledger shows it, the balances go back, the money can be paid again; audited with the reason', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 100_000, 40_000);
    expect((await pay(t, budget(), app.id, 40_000)).status).toBe(201);
    const before = await partOf(t, budget(), call.call.callId);
    const [, , duplicate] = await lines(app.id);
    expect(duplicate).toMatchObject({ type: 'payment', amountCzk: 40_000 });

    const res = await reverse(budget(), duplicate.id);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      reverses: duplicate.id,
      type: 'payment',
      amountCzk: 40_000,
      applicationId: app.id,
      paidCzk: 40_000,
      returnedCzk: 0,
      returnDueCzk: 0,
    });
    const after = await lines(app.id);
    expect(after.map((l) => [l.type, l.amountCzk, l.reverses])).toEqual([
      ['commitment', 100_000, null],
      ['payment', 40_000, null],
      ['payment', 40_000, null],
      ['reversal', 40_000, duplicate.id],
    ]);
    expect(after[3]).toMatchObject({ id: res.body.id, occurredOn: TODAY, reference: 'reversal: Zaúčtováno dvakrát' });
    expect(await partOf(t, budget(), call.call.callId)).toEqual({ ...before, paidCzk: before.paidCzk - 40_000 });

    // 60,000 of the award is unpaid again.
    const again = await pay(t, budget(), app.id, 60_000);
    expect(again.body).toMatchObject({ paidTotalCzk: 100_000, awardCzk: 100_000 });
    const [event] = (await auditTrail(t, budget(), app.id)).body.items.filter((e: { action: string }) => e.action === 'ledger.reversed');
    expect(event).toMatchObject({
      actorUserId: cast.budget.id,
      actorRole: 'budget',
      reason: 'Zaúčtováno dvakrát',
      before: { paidCzk: 80_000, returnedCzk: 0, returnDueCzk: 0 },
      after: res.body,
    });
    await expectLedgerAgrees(t, budget(), { partIds: [call.partIds.get('1')!], applicationIds: [app.id] });
  });

  it('once only; a reversal, a commitment and an allocation are not reversed here (409 / 404)', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 50_000, 10_000);
    const [commitment, payment] = await lines(app.id);
    const first = await reverse(budget(), payment.id);
    expect(first.status).toBe(201);
    const twice = expectProblem(await reverse(budget(), payment.id), 409, 'INVALID_STATUS_TRANSITION');
    expect(twice.detail).toBe(`Transaction ${payment.id} was already reversed by ${first.body.id}.`);
    const ofReversal = expectProblem(await reverse(budget(), first.body.id), 409, 'INVALID_STATUS_TRANSITION');
    expect(ofReversal.detail).toBe('A reversal is not reversed here; only payments and returns recorded by mistake are.');
    const ofCommitment = expectProblem(await reverse(budget(), commitment.id), 409, 'INVALID_STATUS_TRANSITION');
    expect(ofCommitment.detail).toBe('A commitment is not reversed here; only payments and returns recorded by mistake are.');

    const allocation = await asOwner(
      async (c) =>
        (await c.query<{ id: string }>(`SELECT id FROM ledger_transaction WHERE call_part_id = $1 AND type = 'allocation'`, [call.partIds.get('1')])).rows[0].id,
    );
    const notOfApplication = expectProblem(await reverse(budget(), allocation), 404, 'NOT_FOUND');
    const unknown = expectProblem(await reverse(budget(), randomUUID()), 404, 'NOT_FOUND');
    expect(notOfApplication.detail).toBe(unknown.detail);
    expectProblem(await reverse(budget(), payment.id, '   '), 400, 'VALIDATION_FAILED');
    expect(await movementsOf(t, budget(), app.id)).toEqual([
      ['commitment', 50_000],
      ['payment', 10_000],
      ['reversal', 10_000],
    ]);
  });

  it('not while later movements depend on the money: the return first, then the payment', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 60_000, 30_000);
    expect((await recordReturn(t, budget(), app.id, 20_000, TODAY)).status).toBe(201);
    const [, payment, ret] = await lines(app.id);
    const blocked = expectProblem(await reverse(budget(), payment.id), 409, 'INVALID_STATUS_TRANSITION');
    expect(blocked.detail).toBe(
      `Reversing payment ${payment.id} would leave part:${call.partIds.get('1')}:application:${app.id}:paid at CZK -20,000; ` +
        'later movements depend on it, so reverse them first.',
    );
    const undoReturn = await reverse(budget(), ret.id, 'Platba patří jinému projektu');
    expect(undoReturn.body).toMatchObject({ type: 'return', amountCzk: 20_000, paidCzk: 30_000, returnedCzk: 0, returnDueCzk: 0 });
    const undoPayment = await reverse(budget(), payment.id);
    expect(undoPayment.body).toMatchObject({ type: 'payment', amountCzk: 30_000, paidCzk: 0, returnedCzk: 0 });
    await expectLedgerAgrees(t, budget(), { partIds: [call.partIds.get('1')!], applicationIds: [app.id] });
  });

  it('a return that settled the claimed return due: reversing it claims it again', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 80_000, 80_000);
    expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(80_000))).status).toBe(201);
    expect((await reviewSettlement(t, cast.officer.token, app.id, 50_000, 'Část nedoložena.')).body).toMatchObject({ status: 'settled', returnDueCzk: 30_000 });
    expect((await recordReturn(t, budget(), app.id, 10_000, TODAY)).body).toMatchObject({ returnDueCzk: 20_000, status: 'settled' });
    const ret = (await lines(app.id)).at(-1)!;
    const res = await reverse(budget(), ret.id, 'Připsáno na špatný účet');
    expect(res.body).toMatchObject({ type: 'return', amountCzk: 10_000, paidCzk: 80_000, returnedCzk: 0, returnDueCzk: 30_000 });
    expect((await recordReturn(t, budget(), app.id, 30_000, TODAY)).body).toMatchObject({ returnDueCzk: 0, status: 'closed' });
    const closed = expectProblem(await reverse(budget(), (await lines(app.id)).at(-1)!.id), 409, 'INVALID_STATUS_TRANSITION');
    expect(closed.detail).toBe('The application is closed; its movements can no longer be reversed.');
    await expectLedgerAgrees(t, budget(), { partIds: [call.partIds.get('1')!], applicationIds: [app.id] });
  });

  // Regression: once the recipient has settled against its payments, a payment can no longer be reversed.
  it('a payment already settled (settlement reviewed) is not reversed (409)', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 80_000, 40_000);
    expect((await pay(t, budget(), app.id, 40_000)).status).toBe(201);
    expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(80_000))).status).toBe(201);
    expect((await reviewSettlement(t, cast.officer.token, app.id, 50_000, 'Část nedoložena.')).body).toMatchObject({ status: 'settled', returnDueCzk: 30_000 });
    const [, first] = await lines(app.id);
    expectProblem(await reverse(budget(), first.id), 409, 'INVALID_STATUS_TRANSITION');
    expect((await lines(app.id)).map((l) => l.type)).not.toContain('reversal');
  });

  it('only the Budget Department reverses (403 for the others)', async () => {
    const app = fresh();
    await paidOut(t, cast, app.id, 20_000, 20_000);
    const [, payment] = await lines(app.id);
    for (const token of [cast.officer.token, cast.admin.token, cast.commission.token, app.applicant.token]) {
      expectProblem(await reverse(token, payment.id), 403, 'FORBIDDEN');
    }
    expect(await movementsOf(t, budget(), app.id)).toEqual([
      ['commitment', 20_000],
      ['payment', 20_000],
    ]);
  });
});
