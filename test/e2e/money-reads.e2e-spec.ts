import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays } from '@app/core/time/prague-time';
import { applicationAccount } from '@app/money/domain';
import { MoneyRepository } from '@app/money/money.repository';
import { ReportsRepository } from '@app/money/reports.repository';
import { SettlementsRepository } from '@app/money/settlements.repository';
import { callBody, createCast, createDraft, createProgramme, openCall, type Cast, type OpenCall } from '../support/factories';
import { API } from '../support/http';
import type { Submitted } from '../support/evaluation';
import {
  applicants,
  approve,
  evaluatedCalls,
  expectLedgerAgrees,
  expectStatus,
  ledgerOf,
  pay,
  recordReturn,
  reject,
  reviewSettlement,
  signContract,
  submitSettlement,
  today,
  type EvaluatedCall,
} from '../support/money';
import { asOwner } from '../support/db';
import { moveClockTo, organisationOf, publishContract, reverseMovement } from '../support/reports';
import { rolledBack as rolledBackIn, failure } from '../support/rolled-back';
import { createTestApp, type TestApp } from '../support/test-app';

const ACCOUNT = '19-2000145399/0800';

/**
 * money's MoneyRepository, SettlementsRepository and ReportsRepository
 * against the real database. The data is made through the HTTP API and left
 * as the services wrote it (the books agree with the cached balances); the
 * repositories' own writes run in transactions that are rolled back. One call
 * (parts 1 and 2), five applications, d0 the day the evaluation closed:
 *
 *   A  approved 175,000 on d0; no contract
 *   B  approved 100,000, contracted (unpublished), paid 60,000 on d0 (VS-B-1)
 *   C  34.I, approved 175,000, contract (settlement due d0+32) published; paid 100,000 (VS-C-1) and 50,000
 *      (VS-C-2, reversed) on d0; 10,000 returned on d0+1 (before the settlement); settlement of 85,000 on d0+2,
 *      70,000 accepted: unspent 15,000 (due d0+32, the contract's deadline; 10,000 of it back on d0+1) and
 *      15,000 refused (remedy deadline d0+32, the default 30 days), 20,000 to return, the unpaid 75,000
 *      released; the 20,000 returned on d0+92, 60 days late: a §22 penalty of 20,000 × 60 ‰ = 1,200, of which
 *      200 paid on d0+93
 *   D  recommended, no decision
 *   E  rejected
 *
 * Besides: another announced call with a draft application, and a call never announced.
 */
describe('money reads (MoneyRepository, SettlementsRepository, ReportsRepository)', () => {
  let t: TestApp;
  let cast: Cast;
  let evaluated: EvaluatedCall;
  let otherCall: OpenCall;
  let draftCallId: string;
  let draftId: string;
  let A: Submitted, B: Submitted, C: Submitted, D: Submitted, E: Submitted;
  let part1: string, part2: string;
  let d0: string;
  let settlementDueOn: string;
  let settlementSubmittedAt: Date;
  let reviewedAt: Date;
  const orgs = new Map<string, { name: string; ico: string }>();

  const callId = () => evaluated.call.callId;
  const manager = () => t.dataSource.manager;
  const money = () => t.app.get(MoneyRepository);
  const settlements = () => t.app.get(SettlementsRepository);
  const reports = () => t.app.get(ReportsRepository);
  const contractOf = (x: Submitted) => `SML-${x.id}`;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const officer = cast.officer.token;
    const budget = cast.budget.token;

    // A call never announced, and an announced one with nothing but a draft.
    const programme = await createProgramme(t, officer);
    draftCallId = (await expectStatus(t.http.post(`${API}/calls`).auth(officer, { type: 'bearer' }).send(callBody(t, programme.id)), 201, 'draft call')).body.id;
    otherCall = await openCall(t, officer);
    draftId = (await createDraft(t, cast.applicant.token, otherCall)).id;

    const people = await applicants(t, 5);
    [evaluated] = await evaluatedCalls(t, cast, [
      {
        entries: people.map((applicant, i) => ({
          applicant,
          body: i === 2 ? { primaryMeasureCode: '34.I', measureCodes: ['34.I'], targetGroups: ['děti cizinců'], districts: ['Praha 10'] } : {},
        })),
      },
    ]);
    [A, B, C, D, E] = evaluated.applications;
    part1 = evaluated.partIds.get('1')!;
    part2 = evaluated.partIds.get('2')!;
    for (const x of evaluated.applications) orgs.set(x.id, await organisationOf(t, officer, x.applicant.organisationId));
    settlementDueOn = (await t.http.get(`${API}/calls/${callId()}`)).body.settlementDueOn;

    d0 = today(t);
    await expectStatus(approve(t, officer, A.id), 201, 'approve A');
    await expectStatus(approve(t, officer, B.id, { amountCzk: 100_000 }), 201, 'approve B');
    await expectStatus(approve(t, officer, C.id), 201, 'approve C');
    await expectStatus(reject(t, officer, E.id), 201, 'reject E');
    await expectStatus(signContract(t, officer, B.id), 201, 'contract B');
    await expectStatus(signContract(t, officer, C.id, { settlementDueOn: addDays(d0, 32) }), 201, 'contract C');
    await expectStatus(publishContract(t, officer, C.id), 201, 'publication C');
    await expectStatus(pay(t, budget, B.id, 60_000, { paymentReference: 'VS-B-1' }), 201, 'payment B');
    await expectStatus(pay(t, budget, C.id, 100_000, { paymentReference: 'VS-C-1' }), 201, 'payment C');
    await expectStatus(pay(t, budget, C.id, 50_000, { paymentReference: 'VS-C-2' }), 201, 'payment C twice');
    const cPayments = (await expectStatus(ledgerOf(t, budget, C.id), 200, 'ledger C')).body.filter((l: { type: string }) => l.type === 'payment');
    await expectStatus(reverseMovement(t, budget, cPayments[1].id, 'zaúčtováno dvakrát'), 201, 'reversal');

    moveClockTo(t, addDays(d0, 1));
    await expectStatus(recordReturn(t, budget, C.id, 10_000, today(t)), 201, 'early return C');

    moveClockTo(t, addDays(d0, 2));
    settlementSubmittedAt = t.clock.now();
    await expectStatus(
      submitSettlement(t, C.applicant.token, C.id, {
        spentCzk: 85_000,
        lines: [
          { category: 'Osobní náklady', spentCzk: 60_000 },
          { category: 'Materiál', spentCzk: 25_000 },
        ],
        report: 'Kurzy proběhly.',
      }),
      201,
      'settlement C',
    );
    reviewedAt = t.clock.now();
    const review = await expectStatus(reviewSettlement(t, officer, C.id, 70_000, 'Materiál nebyl doložen.'), 201, 'review C');
    expect(review.body).toMatchObject({ status: 'settled', returnDueCzk: 20_000, returnDueOn: addDays(d0, 32) });

    moveClockTo(t, addDays(d0, 92));
    const late = await expectStatus(recordReturn(t, budget, C.id, 20_000, today(t)), 201, 'late return C');
    expect(late.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 1_200, penaltyDueCzk: 1_200, status: 'settled' });
    moveClockTo(t, addDays(d0, 93));
    const penalty = await expectStatus(recordReturn(t, budget, C.id, 200, today(t)), 201, 'penalty C');
    expect(penalty.body).toMatchObject({ penaltyDueCzk: 1_000, status: 'settled' });
  }, 180_000);

  afterAll(() => t?.close());

  const rolledBack = <T>(work: (m: EntityManager) => Promise<T>) => rolledBackIn(t.dataSource, work);


  describe('MoneyRepository.lockSubject', () => {
    const subject = (x: Submitted, over: Record<string, unknown>) => ({
      applicationId: x.id,
      organisationId: x.applicant.organisationId,
      callPartId: part1,
      requestedCzk: 175_000,
      returnedCzk: 0,
      returnDueCzk: 0,
      settlement: null,
      settlementDueOn,
      ...over,
    });
    const read = async (id: string, organisationId?: string) => {
      const s = await rolledBack((m) => money().lockSubject(m, id, organisationId));
      return s && { ...s, budgetCategories: [...s.budgetCategories].sort() };
    };
    const CATEGORIES = ['Materiál', 'Osobní náklady'];

    it('before a decision, and after a rejection: no award, no resolution date, no contract', async () => {
      expect(await read(D.id)).toEqual(
        subject(D, { status: 'recommended', awardedCzk: 0, paidCzk: 0, resolutionDate: null, contract: null, budgetCategories: CATEGORIES }),
      );
      expect(await read(E.id)).toMatchObject({ status: 'rejected', awardedCzk: 0, resolutionDate: null, contract: null, settlement: null });
    });

    it('approved: the award and the resolution date; contract and settlement null', async () => {
      expect(await read(A.id)).toEqual(
        subject(A, { status: 'approved', awardedCzk: 175_000, paidCzk: 0, resolutionDate: d0, contract: null, budgetCategories: CATEGORIES }),
      );
    });

    it('contracted and paid: the contract filled in (unpublished), the settlement still null', async () => {
      expect(await read(B.id)).toEqual(
        subject(B, {
          status: 'contracted',
          requestedCzk: 175_000,
          awardedCzk: 100_000,
          paidCzk: 60_000,
          resolutionDate: d0,
          contract: {
            contractNumber: contractOf(B),
            signedOn: d0,
            bankAccount: ACCOUNT,
            amountCzk: 100_000,
            settlementDueOn,
            publicationDueOn: addDays(d0, 30),
            publishedOn: null,
          },
          budgetCategories: CATEGORIES,
        }),
      );
    });

    it('settled: the published contract and the reviewed settlement; the award less the release, the returns', async () => {
      expect(await read(C.id)).toEqual(
        subject(C, {
          status: 'settled',
          awardedCzk: 100_000,
          paidCzk: 100_000,
          returnedCzk: 30_000,
          returnDueCzk: 0,
          resolutionDate: d0,
          contract: {
            contractNumber: contractOf(C),
            signedOn: d0,
            bankAccount: ACCOUNT,
            amountCzk: 175_000,
            settlementDueOn: addDays(d0, 32),
            publicationDueOn: addDays(d0, 30),
            publishedOn: d0,
          },
          settlement: {
            spentCzk: 85_000,
            returnDueOn: addDays(d0, 32),
            returnDueAtReviewCzk: 20_000,
            reviewedAt,
            acceptedCzk: 70_000,
            unspentCzk: 15_000,
            refusedCzk: 15_000,
            remedyDueOn: addDays(d0, 32),
          },
          // The contract's deadline, not the call's.
          settlementDueOn: addDays(d0, 32),
          budgetCategories: CATEGORIES,
        }),
      );
    });

    it("for an applicant's organisation: its own application only; null for a draft or no such application", async () => {
      expect(await read(A.id, A.applicant.organisationId)).toMatchObject({ applicationId: A.id, status: 'approved' });
      expect(await read(A.id, B.applicant.organisationId)).toBeNull();
      expect(await read(draftId)).toBeNull();
      expect(await read(draftId, cast.applicant.organisationId)).toBeNull();
      expect(await read(randomUUID())).toBeNull();
    });

    it('holds the application row (not its call) until the transaction ends', async () => {
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      const tryLock = (sql: string, id: string) =>
        other.query(`${sql} FOR UPDATE NOWAIT`, [id]).then(
          () => 'free',
          (error: { code?: string }) => (error.code === '55P03' ? 'locked' : Promise.reject(error)),
        );
      try {
        const during = await rolledBack(async (m) => {
          await money().lockSubject(m, B.id);
          return [await tryLock('SELECT 1 FROM application WHERE id = $1', B.id), await tryLock('SELECT 1 FROM call WHERE id = $1', callId())];
        });
        expect(during).toEqual(['locked', 'free']);
        expect(await tryLock('SELECT 1 FROM application WHERE id = $1', B.id)).toBe('free');
      } finally {
        await other.release();
      }
    });
  });

  describe('MoneyRepository.accountBalance', () => {
    it("sums one ledger account: C's penalty levied less paid, and what was paid of it; 0 for an account without entries", async () => {
      expect(await money().accountBalance(manager(), applicationAccount(part1, C.id, 'penalty_due'))).toBe(1_000);
      expect(await money().accountBalance(manager(), applicationAccount(part1, C.id, 'penalty_paid'))).toBe(200);
      // Paid 100,000 + 50,000, the 50,000 reversed, 30,000 returned.
      expect(await money().accountBalance(manager(), applicationAccount(part1, C.id, 'paid'))).toBe(70_000);
      expect(await money().accountBalance(manager(), applicationAccount(part1, A.id, 'penalty_due'))).toBe(0);
    });
  });

  describe('SettlementsRepository', () => {
    const lines = [
      { category: 'Osobní náklady', spentCzk: 40_000 },
      { category: 'Materiál', spentCzk: 10_000 },
    ];
    const settlementRow = (m: EntityManager, id: string) =>
      m.query(
        `SELECT spent_czk, lines, report, submitted_at, submitted_by, accepted_czk, review_note, return_due_czk, return_due_on::text AS return_due_on,
                unspent_czk, refused_czk, remedy_due_on::text AS remedy_due_on, reviewed_at, reviewed_by
           FROM settlement WHERE application_id = $1`,
        [id],
      );

    it('insertSettlement writes the settlement, unreviewed; view reads it with the application’s status and paid sum', async () => {
      const at = t.clock.now();
      const { view, rows, subject } = await rolledBack(async (m) => {
        await settlements().insertSettlement(m, { applicationId: B.id, spentCzk: 50_000, lines, report: 'Hotovo.', at, by: B.applicant.userId });
        return { view: await settlements().view(m, B.id), rows: await settlementRow(m, B.id), subject: await money().lockSubject(m, B.id) };
      });
      expect(rows).toEqual([
        {
          spent_czk: '50000',
          lines,
          report: 'Hotovo.',
          submitted_at: at,
          submitted_by: B.applicant.userId,
          accepted_czk: null,
          review_note: null,
          return_due_czk: null,
          return_due_on: null,
          unspent_czk: null,
          refused_czk: null,
          remedy_due_on: null,
          reviewed_at: null,
          reviewed_by: null,
        },
      ]);
      // The status is ApplicationLifecycle's: unchanged here.
      expect(view).toEqual({
        applicationId: B.id,
        status: 'contracted',
        spentCzk: 50_000,
        lines,
        report: 'Hotovo.',
        paidCzk: 60_000,
        acceptedCzk: null,
        returnDueCzk: null,
        returnDueOn: null,
        settlementDueOn,
        unspentCzk: null,
        refusedCzk: null,
        remedyDueOn: null,
      });
      expect(subject?.settlement).toEqual({
        spentCzk: 50_000,
        returnDueOn: null,
        returnDueAtReviewCzk: null,
        reviewedAt: null,
        acceptedCzk: null,
        unspentCzk: null,
        refusedCzk: null,
        remedyDueOn: null,
      });
      expect(await rolledBack((m) => settlementRow(m, B.id))).toEqual([]);
    });

    it('a second settlement of the same application is settlement_pkey', async () => {
      const s = { applicationId: B.id, spentCzk: 50_000, lines, report: 'Hotovo.', at: t.clock.now(), by: B.applicant.userId };
      const error = await failure(
        rolledBack(async (m) => {
          await settlements().insertSettlement(m, s);
          await settlements().insertSettlement(m, s);
        }),
      );
      expect(error).toMatchObject({ code: '23505', constraint: 'settlement_pkey' });
    });

    it('recordReview writes the review onto the settlement', async () => {
      const submitted = t.clock.now();
      const at = new Date(submitted.getTime() + 3_600_000);
      const { view, rows, subject } = await rolledBack(async (m) => {
        await settlements().insertSettlement(m, { applicationId: B.id, spentCzk: 50_000, lines, report: 'Hotovo.', at: submitted, by: B.applicant.userId });
        await settlements().recordReview(m, {
          applicationId: B.id,
          acceptedCzk: 45_000,
          note: 'Materiál doložen jen zčásti.',
          returnDueCzk: 15_000,
          returnDueOn: '2027-12-31',
          unspentCzk: 10_000,
          refusedCzk: 5_000,
          remedyDueOn: '2028-01-15',
          at,
          by: cast.officer.id,
        });
        return { view: await settlements().view(m, B.id), rows: await settlementRow(m, B.id), subject: await money().lockSubject(m, B.id) };
      });
      expect(rows).toEqual([
        expect.objectContaining({
          spent_czk: '50000',
          submitted_at: submitted,
          accepted_czk: '45000',
          review_note: 'Materiál doložen jen zčásti.',
          return_due_czk: '15000',
          return_due_on: '2027-12-31',
          unspent_czk: '10000',
          refused_czk: '5000',
          remedy_due_on: '2028-01-15',
          reviewed_at: at,
          reviewed_by: cast.officer.id,
        }),
      ]);
      expect(view).toMatchObject({
        spentCzk: 50_000,
        acceptedCzk: 45_000,
        returnDueCzk: 15_000,
        returnDueOn: '2027-12-31',
        unspentCzk: 10_000,
        refusedCzk: 5_000,
        remedyDueOn: '2028-01-15',
      });
      expect(subject?.settlement).toEqual({
        spentCzk: 50_000,
        returnDueOn: '2027-12-31',
        returnDueAtReviewCzk: 15_000,
        reviewedAt: at,
        acceptedCzk: 45_000,
        unspentCzk: 10_000,
        refusedCzk: 5_000,
        remedyDueOn: '2028-01-15',
      });

      // Nothing to return: no date, no note.
      const none = await rolledBack(async (m) => {
        await settlements().insertSettlement(m, { applicationId: B.id, spentCzk: 50_000, lines, report: 'Hotovo.', at: submitted, by: B.applicant.userId });
        await settlements().recordReview(m, {
          applicationId: B.id,
          acceptedCzk: 50_000,
          note: null,
          returnDueCzk: 0,
          returnDueOn: null,
          unspentCzk: 0,
          refusedCzk: 0,
          remedyDueOn: null,
          at,
          by: cast.officer.id,
        });
        return settlementRow(m, B.id);
      });
      expect(none).toEqual([
        expect.objectContaining({ accepted_czk: '50000', review_note: null, return_due_czk: '0', return_due_on: null, unspent_czk: '0', refused_czk: '0', remedy_due_on: null, reviewed_at: at }),
      ]);
    });

    it("view of a reviewed settlement (C's, written by the services)", async () => {
      expect(await settlements().view(manager(), C.id)).toEqual({
        applicationId: C.id,
        status: 'settled',
        spentCzk: 85_000,
        lines: [
          { category: 'Osobní náklady', spentCzk: 60_000 },
          { category: 'Materiál', spentCzk: 25_000 },
        ],
        report: 'Kurzy proběhly.',
        paidCzk: 100_000,
        acceptedCzk: 70_000,
        returnDueCzk: 20_000,
        returnDueOn: addDays(d0, 32),
        settlementDueOn: addDays(d0, 32),
        unspentCzk: 15_000,
        refusedCzk: 15_000,
        remedyDueOn: addDays(d0, 32),
      });
    });

    it('insertReturn writes a receipt; grantReturns reads every return of grant money, by the day received', async () => {
      const t0 = t.clock.now();
      const t1 = new Date(t0.getTime() + 60_000);
      const t2 = new Date(t0.getTime() + 120_000);
      const receipt = (amountCzk: number, receivedOn: string, at: Date) => ({
        id: randomUUID(),
        applicationId: B.id,
        amountCzk,
        receivedOn,
        reference: `vratka ${amountCzk}`,
        ledgerTransactionId: randomUUID(),
        at,
        by: cast.budget.id,
      });
      const first = receipt(1_000, addDays(d0, 5), t0);
      const { rows, returns, before } = await rolledBack(async (m) => {
        const before = await settlements().grantReturns(m, B.id);
        await settlements().insertReturn(m, first);
        await settlements().insertReturn(m, receipt(2_000, addDays(d0, 4), t1));
        await settlements().insertReturn(m, receipt(3_000, addDays(d0, 3), t2));
        return {
          rows: await m.query(
            `SELECT id, application_id, amount_czk, received_on::text AS received_on, reference, ledger_transaction_id, created_at, created_by
               FROM money_return WHERE application_id = $1 AND amount_czk = 1000`,
            [B.id],
          ),
          returns: await settlements().grantReturns(m, B.id),
          before,
        };
      });
      expect(rows).toEqual([
        {
          id: first.id,
          application_id: B.id,
          amount_czk: '1000',
          received_on: addDays(d0, 5),
          reference: 'vratka 1000',
          ledger_transaction_id: first.ledgerTransactionId,
          created_at: t0,
          created_by: cast.budget.id,
        },
      ]);
      expect(before).toEqual([]);
      expect(returns).toEqual([
        { amountCzk: 3_000, receivedOn: addDays(d0, 3) },
        { amountCzk: 2_000, receivedOn: addDays(d0, 4) },
        { amountCzk: 1_000, receivedOn: addDays(d0, 5) },
      ]);
    });

    it("grantReturns leaves out the penalty paid: C's returns before and after the review", async () => {
      expect(await settlements().grantReturns(manager(), C.id)).toEqual([
        { amountCzk: 10_000, receivedOn: addDays(d0, 1) },
        { amountCzk: 20_000, receivedOn: addDays(d0, 92) },
      ]);
    });

    it('insertReturn refuses no money (money_return_amount_check) and an unknown application (money_return_application_id_fkey)', async () => {
      const r = { id: randomUUID(), applicationId: B.id, amountCzk: 0, receivedOn: d0, reference: 'x', ledgerTransactionId: randomUUID(), at: t.clock.now(), by: cast.budget.id };
      expect(await failure(rolledBack((m) => settlements().insertReturn(m, r)))).toMatchObject({ code: '23514', constraint: 'money_return_amount_check' });
      expect(await failure(rolledBack((m) => settlements().insertReturn(m, { ...r, amountCzk: 1, applicationId: randomUUID() })))).toMatchObject({
        code: '23503',
        constraint: 'money_return_application_id_fkey',
      });
    });
  });

  describe('ReportsRepository', () => {
    const byReference = <R extends { referenceNumber: string }>(rows: R[]) => [...rows].sort((x, y) => (x.referenceNumber < y.referenceNumber ? -1 : 1));

    it('findCall: an announced call with its programme; null for a call never announced or no such call', async () => {
      expect(await reports().findCall(manager(), callId())).toEqual({
        id: callId(),
        title: 'Podpora aktivit integrace cizinců',
        programmeCode: evaluated.call.programmeCode,
        programmeName: 'Integrace cizinců',
      });
      expect(await reports().findCall(manager(), draftCallId)).toBeNull();
      expect(await reports().findCall(manager(), randomUUID())).toBeNull();
    });

    const movement = (x: Submitted, date: string, type: string, amountCzk: number, reference: string) => ({
      date,
      type,
      applicationId: x.id,
      referenceNumber: x.referenceNumber,
      organisationName: orgs.get(x.id)!.name,
      ico: orgs.get(x.id)!.ico,
      bankAccount: type === 'payment' ? ACCOUNT : null,
      amountCzk,
      contractNumber: contractOf(x),
      reference,
    });

    it('disbursements: payments, returns and penalty payments by date, then as recorded; the reversed payment left out', async () => {
      const rows = await reports().disbursements(manager(), callId());
      expect(rows).toEqual([
        // Recorded at the same instant: in the ledger's posting order.
        movement(B, d0, 'payment', 60_000, 'VS-B-1'),
        movement(C, d0, 'payment', 100_000, 'VS-C-1'),
        movement(C, addDays(d0, 1), 'return', 10_000, `return 10000 ${addDays(d0, 1)}`),
        movement(C, addDays(d0, 92), 'return', 20_000, `return 20000 ${addDays(d0, 92)}`),
        movement(C, addDays(d0, 93), 'penalty', 200, `return 200 ${addDays(d0, 93)}`),
      ]);
      expect(await reports().disbursements(manager(), otherCall.callId)).toEqual([]);
      // Every call's: these among them, in the same order.
      const all = await reports().disbursements(manager(), null);
      expect(all.filter((r) => evaluated.applications.some((x) => x.id === r.applicationId))).toEqual(rows);
    });

    it("partBalances: the announced calls' parts with their cached sums", async () => {
      const parts = [
        // Committed: 175,000 (A) + 100,000 (B) + 175,000 − 75,000 released (C); paid 60,000 + 100,000; returned 10,000 + 20,000.
        { callId: callId(), code: '1', name: 'Aktivity', allocationCzk: 3_000_000, committedCzk: 375_000, paidCzk: 160_000, returnedCzk: 30_000 },
        { callId: callId(), code: '2', name: 'Publikační činnost', allocationCzk: 1_000_000, committedCzk: 0, paidCzk: 0, returnedCzk: 0 },
      ];
      expect(await reports().partBalances(manager(), callId())).toEqual(parts);
      expect((await reports().partBalances(manager(), otherCall.callId)).map((p) => [p.callId, p.code, p.committedCzk])).toEqual([
        [otherCall.callId, '1', 0],
        [otherCall.callId, '2', 0],
      ]);
      expect(await reports().partBalances(manager(), draftCallId)).toEqual([]);
      const all = await reports().partBalances(manager(), null);
      expect(all.filter((p) => p.callId === callId())).toEqual(parts);
      expect(all.filter((p) => p.callId === otherCall.callId)).toHaveLength(2);
      expect(all.filter((p) => p.callId === draftCallId)).toEqual([]);
    });

    it('moneyFacts: every application with money in the books, with its contract, payments, settlement and its returns', async () => {
      const contract = (x: Submitted, amountCzk: number, publishedOn: string | null) => ({ contractNumber: contractOf(x), signedOn: d0, bankAccount: ACCOUNT, amountCzk, publishedOn });
      // The organisation's account since its registration (before d0), never changed.
      const registeredAccounts = [{ bankAccount: ACCOUNT, from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), until: null }];
      const none = { payments: [], settlementDueOn, settlementSubmittedAt: null, settlement: null, returns: [], registeredAccounts };
      const facts = byReference([
        { applicationId: A.id, referenceNumber: A.referenceNumber, awardCzk: 175_000, contract: null, ...none },
        {
          applicationId: B.id,
          referenceNumber: B.referenceNumber,
          awardCzk: 100_000,
          contract: contract(B, 100_000, null),
          ...none,
          payments: [{ amountCzk: 60_000, paidOn: d0, paymentReference: 'VS-B-1', bankAccount: ACCOUNT }],
        },
        {
          applicationId: C.id,
          referenceNumber: C.referenceNumber,
          // Net of the release at the review.
          awardCzk: 100_000,
          contract: contract(C, 175_000, d0),
          payments: [{ amountCzk: 100_000, paidOn: d0, paymentReference: 'VS-C-1', bankAccount: ACCOUNT }],
          // The contract's deadline.
          settlementDueOn: addDays(d0, 32),
          settlementSubmittedAt,
          settlement: { spentCzk: 85_000, acceptedCzk: 70_000, unspentCzk: 15_000, refusedCzk: 15_000, remedyDueOn: addDays(d0, 32) },
          // Also the 10,000 returned before the review; not the penalty paid.
          returns: [
            { amountCzk: 10_000, receivedOn: addDays(d0, 1) },
            { amountCzk: 20_000, receivedOn: addDays(d0, 92) },
          ],
          registeredAccounts,
        },
      ]);
      // Not D (no decision) nor E (rejected).
      const read = await reports().moneyFacts(manager(), callId());
      expect(read).toEqual(facts);
      for (const f of read) expect(f.registeredAccounts[0].from <= d0).toBe(true);
      expect(await reports().moneyFacts(manager(), otherCall.callId)).toEqual([]);
      const all = await reports().moneyFacts(manager(), null);
      expect(all.filter((f) => evaluated.applications.some((x) => x.id === f.applicationId))).toEqual(facts);
    });

    it('awards: the approved applications with their decision, organisation, programme and measure', async () => {
      const [details, measures] = await asOwner(async (c) => [
        (await c.query<{ id: string; updated_at: Date }>('SELECT id, updated_at FROM application WHERE id = ANY($1::uuid[])', [[A.id, B.id, C.id]])).rows,
        (await c.query<{ code: string; text: string; position: number }>(`SELECT code, text, position FROM policy_measure WHERE code IN ('33.I', '34.I')`)).rows,
      ]);
      const updatedAt = new Map(details.map((r) => [r.id, r.updated_at]));
      const measure = (code: '33.I' | '34.I') => {
        const m = measures.find((x) => x.code === code)!;
        return { code, text: m.text, position: m.position, priorityNumber: 5, priorityName: 'Coexistence', subAreaLetter: 'B', subAreaName: 'Social Climate and Community Life' };
      };
      const award = (x: Submitted, over: Record<string, unknown>) => ({
        applicationId: x.id,
        referenceNumber: x.referenceNumber,
        title: 'Čeština pro rodiče dětí cizinců',
        summary: 'Kurzy češtiny a doprovodné aktivity pro rodiče.',
        requestedCzk: 175_000,
        resolutionDate: d0,
        returnedCzk: 0,
        startDate: `${evaluated.call.year}-03-01`,
        endDate: `${evaluated.call.year}-12-15`,
        updatedAt: updatedAt.get(x.id),
        targetGroups: ['rodiče dětí cizinců'],
        districts: ['Praha 3', 'Praha 14'],
        organisation: { ico: orgs.get(x.id)!.ico, name: orgs.get(x.id)!.name, street: 'Žitná 1', city: 'Praha 2', postalCode: '120 00' },
        programme: { code: evaluated.call.programmeCode, name: 'Integrace cizinců' },
        measure: measure('33.I'),
        ...over,
      });
      const awards = byReference([
        award(A, { awardedCzk: 175_000, paidCzk: 0 }),
        award(B, { awardedCzk: 100_000, paidCzk: 60_000 }),
        // The decision's amount, not the award net of the release.
        award(C, { awardedCzk: 175_000, paidCzk: 100_000, returnedCzk: 30_000, targetGroups: ['děti cizinců'], districts: ['Praha 10'], measure: measure('34.I') }),
      ]);
      expect(await reports().awards(manager(), callId())).toEqual(awards);
      expect(await reports().awards(manager(), otherCall.callId)).toEqual([]);
      const all = await reports().awards(manager(), null);
      expect(all.filter((a) => evaluated.applications.some((x) => x.id === a.applicationId))).toEqual(awards);
    });
  });

  describe('afterwards', () => {
    it('the books are as the services wrote them: the ledger agrees with the cached balances, nothing rolled back is left', async () => {
      await expectLedgerAgrees(t, cast.budget.token, { partIds: [part1, part2], applicationIds: evaluated.applications.map((x) => x.id) });
      const left = await asOwner(async (c) => (await c.query('SELECT count(*)::int AS n FROM settlement WHERE application_id = $1', [B.id])).rows);
      expect(left).toEqual([{ n: 0 }]);
    });
  });
});
