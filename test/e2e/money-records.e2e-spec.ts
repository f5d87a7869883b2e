import type { Response } from 'supertest';
import { asOwner } from '../support/db';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  applicants,
  approve,
  auditTrail,
  evaluatedCalls,
  expectLedgerAgrees,
  expectStatus,
  ledgerOf,
  partOf,
  pay,
  publishContract,
  recordReturn,
  reject,
  reviewSettlement,
  signContract,
  submitSettlement,
  twoWeeksOn,
  type EvaluatedCall,
} from '../support/money';
import type { Submitted } from '../support/evaluation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * What the money stage leaves behind: the decision letters queued with their
 * outbox messages (in the decision's transaction), an audit event for every
 * state change and money movement, and the application's ledger. Decisions on
 * 2027-03-06, the day the evaluation closed; the whole grant two weeks on.
 */

const TODAY = '2027-03-06';
/** Today two weeks on (twoWeeksOn): the whole grant's review and return. */
const LATER = '2027-03-20';

interface LetterRow {
  id: string;
  kind: string;
  status: string;
  sha256: string | null;
  data: { decision: Record<string, unknown>; application: Record<string, unknown>; recipient: Record<string, unknown> };
}

const lettersOf = (applicationId: string) =>
  asOwner(async (c) => (await c.query<LetterRow>('SELECT id, kind, status, sha256, data FROM letter WHERE application_id = $1 ORDER BY created_at', [applicationId])).rows);

const outboxOf = (letterId: string) =>
  asOwner(
    async (c) =>
      (await c.query<{ topic: string; payload: unknown; sent_at: Date | null }>(`SELECT topic, payload, sent_at FROM outbox_message WHERE payload->>'letterId' = $1`, [letterId]))
        .rows,
  );

describe('money: letters, audit trail and ledger', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;
  let apps: Submitted[];
  let notRecommended: Submitted;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const people = await applicants(t, 4);
    [call] = await evaluatedCalls(t, cast, [
      {
        call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: 1_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 }] },
        entries: [{ applicant: people[0] }, { applicant: people[1] }, { applicant: people[2] }, { applicant: people[3], score: 40 }],
      },
    ]);
    apps = call.applications.slice(0, 3);
    notRecommended = call.applications[3];
  }, 60_000);
  afterAll(() => t?.close());

  const officer = () => cast.officer.token;
  const budget = () => cast.budget.token;

  describe('decision letters', () => {
    it('an approval queues an approval letter and its outbox message, in the decision’s transaction', async () => {
      const app = apps[0];
      const res = await approve(t, officer(), app.id, { amountCzk: 150_000, resolutionNumber: 'R-2027-0412' });
      expect(res.status).toBe(201);
      const letters = await lettersOf(app.id);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ id: res.body.letterId, kind: 'approval', status: 'queued', sha256: null });
      expect(letters[0].data.decision).toEqual({
        outcome: 'approved',
        amountCzk: 150_000,
        body: 'council',
        resolutionNumber: 'R-2027-0412',
        resolutionDate: TODAY,
        reasons: [],
        // The approval follows the commission's proposal: no deviation (else its reason, printed in the letter).
        deviationReason: null,
      });
      expect(letters[0].data.application).toMatchObject({ id: app.id, referenceNumber: app.referenceNumber, requestedCzk: 175_000 });
      expect(await outboxOf(res.body.letterId)).toEqual([{ topic: 'letter.render', payload: { letterId: res.body.letterId }, sent_at: null }]);
    });

    it('a rejection queues a rejection letter with the reasons', async () => {
      const res = await reject(t, officer(), notRecommended.id, { reasons: ['Nedosáhl minimálního počtu bodů.', 'Rozpočet není přiměřený.'] });
      expect(res.status).toBe(201);
      const letters = await lettersOf(notRecommended.id);
      expect(letters.map((l) => [l.id, l.kind, l.status])).toEqual([[res.body.letterId, 'rejection', 'queued']]);
      expect(letters[0].data.decision).toMatchObject({ outcome: 'rejected', amountCzk: null, reasons: ['Nedosáhl minimálního počtu bodů.', 'Rozpočet není přiměřený.'] });
      expect(await outboxOf(res.body.letterId)).toHaveLength(1);
    });

    it('a refused decision queues nothing', async () => {
      const app = apps[1];
      expectProblem(await approve(t, officer(), app.id, { amountCzk: 175_001 }), 422, 'PROPOSAL_EXCEEDS_REQUEST');
      expectProblem(await reject(t, officer(), app.id, { reasons: [] }), 400, 'VALIDATION_FAILED');
      expect(await lettersOf(app.id)).toEqual([]);
    });
  });

  describe('the audit trail and the ledger of a whole grant', () => {
    const app = () => apps[2];
    const responses: Record<string, Record<string, unknown>> = {};

    beforeAll(async () => {
      const id = app().id;
      const steps: [string, () => PromiseLike<Response>][] = [
        ['decision', () => approve(t, officer(), id, { amountCzk: 175_000, resolutionNumber: 'R-2027-0500', resolutionDate: '2027-03-16' })],
        ['contract', () => signContract(t, officer(), id, { contractNumber: 'SML/2027/0500', signedOn: '2027-03-17' })],
        ['publication', () => publishContract(t, officer(), id, { publishedOn: '2027-03-18', url: 'https://smlouvy.gov.cz/smlouva/500' })],
        ['payment1', () => pay(t, budget(), id, 100_000, { paidOn: '2027-03-18', paymentReference: 'VS 2027000500' })],
        ['payment2', () => pay(t, budget(), id, 50_000, { paidOn: '2027-03-19', paymentReference: 'VS 2027000501' })],
        [
          'settlement',
          () =>
            submitSettlement(t, app().applicant.token, id, {
              spentCzk: 150_000,
              lines: [
                { category: 'Osobní náklady', spentCzk: 120_000 },
                { category: 'Materiál', spentCzk: 30_000 },
              ],
              report: 'Kurzy proběhly.',
            }),
        ],
        ['review', () => reviewSettlement(t, officer(), id, 140_000, 'Materiál doložen jen z části.')],
        ['return', () => recordReturn(t, budget(), id, 10_000, LATER)],
      ];
      // The resolution cannot precede the evaluation's close (today): the grant runs in the two weeks after it.
      await twoWeeksOn(t, async () => {
        for (const [name, step] of steps) responses[name] = (await expectStatus(step(), 201, name)).body;
      });
    });

    it('ends closed: 175,000 awarded, 150,000 paid, 25,000 never paid released, 10,000 claimed back and returned', async () => {
      expect(responses.review).toMatchObject({ status: 'settled', acceptedCzk: 140_000, returnDueCzk: 10_000, returnDueOn: '2027-04-19' });
      expect(responses.return).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 0, penaltyDueCzk: 0, status: 'closed' });
      // The other two of the part: 150,000 approved (first test), nothing for the second.
      expect(await partOf(t, budget(), call.call.callId)).toEqual({
        code: '1',
        allocationCzk: 1_000_000,
        proposedCzk: 525_000,
        committedCzk: 150_000 + 150_000,
        paidCzk: 150_000,
        returnedCzk: 10_000,
        availableCzk: 1_000_000 - 300_000,
      });
    });

    it('the ledger shows every movement with its date and reference, to the applicant too', async () => {
      const res = await ledgerOf(t, app().applicant.token, app().id);
      expect(res.status).toBe(200);
      const lines = res.body.map((l: Record<string, unknown>) => ({ ...l, id: undefined, createdAt: undefined }));
      const at = (type: string, amountCzk: number, occurredOn: string, reference: string) => ({ type, amountCzk, occurredOn, reference, reverses: null, id: undefined, createdAt: undefined });
      const review = `settlement review of ${app().id}`;
      expect(lines).toEqual([
        at('commitment', 175_000, '2027-03-16', 'council R-2027-0500'),
        at('payment', 100_000, '2027-03-18', 'VS 2027000500'),
        at('payment', 50_000, '2027-03-19', 'VS 2027000501'),
        at('release', 25_000, LATER, review),
        at('return_due', 10_000, LATER, review),
        at('return', 10_000, LATER, `return 10000 ${LATER}`),
      ]);
      for (const l of res.body) expect(new Date(l.createdAt).toISOString()).toBe(l.createdAt);
      await expectLedgerAgrees(t, budget(), { partIds: [call.partIds.get('1')!], applicationIds: apps.map((a) => a.id) });
    });

    it('every state change and money movement wrote its audit event: who, what, before and after', async () => {
      const res = await auditTrail(t, budget(), app().id);
      expect(res.status).toBe(200);
      const events: { action: string; actorUserId: string; actorRole: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = res.body.items;
      const money = events.slice(0, 8);
      expect(money.map((e) => [e.action, e.actorRole])).toEqual([
        ['return.recorded', 'budget'],
        ['settlement.reviewed', 'officer'],
        ['settlement.submitted', 'applicant'],
        ['payment.recorded', 'budget'],
        ['payment.recorded', 'budget'],
        ['contract.published', 'officer'],
        ['application.contracted', 'officer'],
        ['application.approved', 'officer'],
      ]);
      expect(events[8].action).not.toMatch(/^(return|settlement|payment|contract)\.|approved|rejected/);
      const by = { budget: cast.budget.id, officer: cast.officer.id, applicant: app().applicant.userId } as Record<string, string>;
      for (const e of money) expect(e.actorUserId).toBe(by[e.actorRole]);

      const [ret, review, settlement, payment2, payment1, published, contracted, approved] = money;
      expect(approved.before).toEqual({ status: 'recommended', proposedCzk: 175_000 });
      expect(approved.after).toEqual(responses.decision);
      expect(contracted.before).toEqual({ status: 'approved' });
      expect(contracted.after).toEqual({ status: 'contracted', contract: responses.contract });
      expect(published.after).toEqual({ publishedOn: '2027-03-18', url: 'https://smlouvy.gov.cz/smlouva/500' });
      expect(payment1.before).toEqual({ paidCzk: 0 });
      expect(payment1.after).toEqual(responses.payment1);
      expect(payment2.before).toEqual({ paidCzk: 100_000 });
      expect(payment2.after).toEqual(responses.payment2);
      expect(settlement.after).toEqual(responses.settlement);
      expect(review.before).toEqual({ status: 'settlement_submitted', awardedCzk: 175_000 });
      expect(review.after).toEqual({ ...responses.review, releasedCzk: 25_000, penaltyLeviedCzk: 0 });
      expect(ret.before).toEqual({ status: 'settled', returnDueCzk: 10_000, returnedCzk: 0, penaltyDueCzk: 0 });
      expect(ret.after).toEqual(responses.return);

      const verify = await t.http.get(`${API}/audit/verify`).auth(cast.admin.token, { type: 'bearer' });
      expect(verify.body).toMatchObject({ ok: true });
    });

    it('a rejection is audited with its reasons; a refused request is not audited', async () => {
      const rejected = (await auditTrail(t, budget(), notRecommended.id)).body.items[0];
      expect(rejected).toMatchObject({
        action: 'application.rejected',
        actorRole: 'officer',
        before: { status: 'not_recommended', proposedCzk: null },
        after: { outcome: 'rejected', status: 'rejected', reasons: ['Nedosáhl minimálního počtu bodů.', 'Rozpočet není přiměřený.'] },
      });
      const refused = (await auditTrail(t, budget(), apps[1].id)).body.items.map((e: { action: string }) => e.action);
      expect(refused.filter((a: string) => /approved|rejected/.test(a))).toEqual([]);
    });
  });
});
