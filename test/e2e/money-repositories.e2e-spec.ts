import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrail, DomainError, uniqueViolation } from '@app/core';
import { LETTER_RENDER_TOPIC } from '@app/letters';
import { commitmentEntries, paymentEntries, reversalOf } from '@app/money/domain';
import { BalancesRepository } from '@app/money/balances.repository';
import { ContractsRepository } from '@app/money/contracts.repository';
import { DecisionRepository, type DecisionRecord } from '@app/money/decision.repository';
import { LedgerRepository } from '@app/money/ledger.repository';
import { LedgerWriter } from '@app/money/ledger-writer.repository';
import { PaymentsRepository } from '@app/money/payments.repository';
import { ReportsRepository } from '@app/money/reports.repository';
import { createCast, type Cast } from '../support/factories';
import { applicants, approve, evaluatedCalls, expectStatus, paidOut, today, type EvaluatedCall } from '../support/money';
import { rolledBack as rolledBackIn, failure } from '../support/rolled-back';
import { createTestApp, type TestApp } from '../support/test-app';

const ALLOCATION = 1_000_000;
const REQUESTED = 175_000;

/**
 * money's repositories against the real database: rows in and rows out of
 * the statements the money services write and read with; the cached balances'
 * writer (BalancesRepository) with the CHECKs behind it; and the decision's
 * one statement, which writes everything or nothing. Every write runs in a
 * transaction that is rolled back after its rows were read through it, so
 * each test starts from the same state:
 *
 *   A, B  approved for CZK 175,000 (no contract)
 *   C     approved for CZK 100,000, contracted, paid CZK 60,000
 *   D, E  recommended, proposed CZK 175,000
 */
describe('money repositories', () => {
  let t: TestApp;
  let cast: Cast;
  let call: EvaluatedCall;
  let partId: string;
  let A: string, B: string, C: string, D: string, E: string;
  let orgOf: Map<string, string>;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const people = await applicants(t, 5);
    [call] = await evaluatedCalls(t, cast, [
      {
        call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: ALLOCATION, minRequestCzk: 50_000, maxRequestCzk: 500_000 }] },
        entries: people.map((applicant) => ({ applicant })),
      },
    ]);
    partId = call.partIds.get('1')!;
    [A, B, C, D, E] = call.applications.map((a) => a.id);
    orgOf = new Map(call.applications.map((a, i) => [a.id, people[i].organisationId]));
    await expectStatus(approve(t, cast.officer.token, A), 201, 'approve A');
    await expectStatus(approve(t, cast.officer.token, B), 201, 'approve B');
    await paidOut(t, cast, C, 100_000, 60_000);
    year = Number(today(t).slice(0, 4));
  }, 90_000);
  afterAll(() => t?.close());

  const rolledBack = <T>(work: (m: EntityManager) => Promise<T>) => rolledBackIn(t.dataSource, work);


  const one = async <R>(m: EntityManager, sql: string, params: unknown[]): Promise<R> => ((await m.query(sql, params)) as R[])[0];
  const app = (m: EntityManager, id: string) =>
    one<{ status: string; proposed_czk: string | null; awarded_czk: string; paid_czk: string; returned_czk: string; return_due_czk: string; updated_at: Date }>(
      m,
      'SELECT status, proposed_czk, awarded_czk, paid_czk, returned_czk, return_due_czk, updated_at FROM application WHERE id = $1',
      [id],
    );
  const part = (m: EntityManager) =>
    one<{ allocation_czk: string; proposed_czk: string; committed_czk: string; paid_czk: string; returned_czk: string }>(
      m,
      'SELECT allocation_czk, proposed_czk, committed_czk, paid_czk, returned_czk FROM call_part WHERE id = $1',
      [partId],
    );
  const balancesOf = async (m: EntityManager, id: string) => {
    const { status: _s, updated_at: _u, proposed_czk: _p, ...a } = await app(m, id);
    const { proposed_czk: _pp, ...p } = await part(m);
    return { app: a, part: p };
  };

  it('the starting state', async () => {
    expect(await rolledBack(async (m) => [await app(m, A), await app(m, C), await app(m, D), await part(m)])).toEqual([
      expect.objectContaining({ status: 'approved', proposed_czk: '175000', awarded_czk: '175000', paid_czk: '0' }),
      expect.objectContaining({ status: 'contracted', proposed_czk: '175000', awarded_czk: '100000', paid_czk: '60000' }),
      expect.objectContaining({ status: 'recommended', proposed_czk: '175000', awarded_czk: '0' }),
      { allocation_czk: '1000000', proposed_czk: '875000', committed_czk: '450000', paid_czk: '60000', returned_czk: '0' },
    ]);
  });

  describe('ContractsRepository', () => {
    const repo = () => t.app.get(ContractsRepository);
    const contract = (applicationId: string, contractNumber = `SML-R-${applicationId}`) => ({
      applicationId,
      contractNumber,
      signedOn: today(t),
      bankAccount: '19-2000145399/0800',
      amountCzk: REQUESTED,
      settlementDueOn: '2028-01-31',
      publicationDueOn: '2027-12-31',
    });

    it('inserts a contract, unpublished, and views it; the publication fills it in', async () => {
      const [inserted, published] = await rolledBack(async (m) => {
        await repo().insert(m, contract(A), t.clock.now());
        const before = await repo().view(m, A);
        await repo().publish(m, A, { publishedOn: today(t), url: 'https://smlouvy.gov.cz/smlouva/1' });
        return [before, await repo().view(m, A)];
      });
      expect(inserted).toEqual({ ...contract(A), publishedOn: null, publicationUrl: null });
      expect(published).toEqual({ ...contract(A), publishedOn: today(t), publicationUrl: 'https://smlouvy.gov.cz/smlouva/1' });
      expect(await rolledBack((m) => m.query('SELECT 1 FROM grant_contract WHERE application_id = $1', [A]))).toEqual([]);
    });

    it('a contract number already used is grant_contract_number_key (CONTRACT_NUMBER_TAKEN)', async () => {
      const error = await failure(
        rolledBack(async (m) => {
          await repo().insert(m, contract(A, 'SML-R-SAME'), t.clock.now());
          await repo().insert(m, contract(B, 'SML-R-SAME'), t.clock.now());
        }),
      );
      expect(uniqueViolation(error)).toBe('grant_contract_number_key');
    });

    it('publishing where there is no contract changes nothing: CONTRACT_REQUIRED', async () => {
      const error = await failure(rolledBack((m) => repo().publish(m, D, { publishedOn: today(t), url: 'https://smlouvy.gov.cz/smlouva/2' })));
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONTRACT_REQUIRED');
    });

    it('setSettlementDueOn amends the settlement deadline; none to amend is CONTRACT_REQUIRED', async () => {
      const amended = await rolledBack(async (m) => {
        await repo().insert(m, contract(A), t.clock.now());
        await repo().setSettlementDueOn(m, A, '2028-03-31');
        return repo().view(m, A);
      });
      expect(amended).toEqual({ ...contract(A), settlementDueOn: '2028-03-31', publishedOn: null, publicationUrl: null });
      const error = await failure(rolledBack((m) => repo().setSettlementDueOn(m, D, '2028-03-31')));
      expect((error as DomainError).code).toBe('CONTRACT_REQUIRED');
    });
  });

  describe('PaymentsRepository', () => {
    const repo = () => t.app.get(PaymentsRepository);
    /** A payment of C's (or of `applicationId`) and its ledger transaction. */
    const payment = (amountCzk: number, applicationId = C) => {
      const tx = paymentEntries({ id: randomUUID(), occurredOn: today(t), reference: 'VS-R', partId, applicationId: C, amountCzk: 10_000 });
      const row = {
        id: randomUUID(),
        applicationId,
        amountCzk,
        paidOn: today(t),
        paymentReference: 'VS-R',
        bankAccount: '19-2000145399/0800',
        ledgerTransactionId: tx.id,
        at: t.clock.now(),
        by: cast.budget.id,
      };
      return { tx, row };
    };

    it('inserts the payment beside its ledger transaction', async () => {
      const { rows, row } = await rolledBack(async (m) => {
        const { tx, row } = payment(10_000);
        await t.app.get(LedgerWriter).post(m, tx, { callPartId: partId, applicationId: C }, cast.budget.id, t.clock.now());
        await repo().insert(m, row);
        const rows = await m.query(
          `SELECT id, application_id, amount_czk, paid_on::text AS paid_on, payment_reference, bank_account, ledger_transaction_id, created_by
             FROM payment WHERE application_id = $1 ORDER BY created_at`,
          [C],
        );
        return { rows, row };
      });
      expect(rows).toHaveLength(2);
      expect(rows[1]).toEqual({
        id: row.id,
        application_id: C,
        amount_czk: '10000',
        paid_on: today(t),
        payment_reference: 'VS-R',
        bank_account: '19-2000145399/0800',
        ledger_transaction_id: row.ledgerTransactionId,
        created_by: cast.budget.id,
      });
    });

    it('refuses no money (payment_amount_check) and an unknown application (payment_application_id_fkey)', async () => {
      expect(await failure(rolledBack((m) => repo().insert(m, payment(0).row)))).toMatchObject({ code: '23514', constraint: 'payment_amount_check' });
      expect(await failure(rolledBack((m) => repo().insert(m, payment(1, randomUUID()).row)))).toMatchObject({
        code: '23503',
        constraint: 'payment_application_id_fkey',
      });
    });
  });

  describe('LedgerRepository', () => {
    const repo = () => t.app.get(LedgerRepository);
    const manager = () => t.dataSource.manager;

    it('shows a submitted application to everyone, and to an applicant only its own', async () => {
      expect(await repo().applicationVisible(manager(), C, null)).toBe(true);
      expect(await repo().applicationVisible(manager(), C, orgOf.get(C)!)).toBe(true);
      expect(await repo().applicationVisible(manager(), C, orgOf.get(D)!)).toBe(false);
      expect(await repo().applicationVisible(manager(), randomUUID(), null)).toBe(false);
      expect(
        await rolledBack(async (m) => {
          await m.query(`UPDATE application SET status = 'draft' WHERE id = $1`, [D]);
          return repo().applicationVisible(m, D, null);
        }),
      ).toBe(false);
    });

    it("lists an application's movements in order, each with the money it moved", async () => {
      const lines = await repo().linesOf(manager(), C);
      expect(lines.map((l) => [l.type, l.amountCzk, l.occurredOn, l.reverses])).toEqual([
        ['commitment', 100_000, today(t), null],
        ['payment', 60_000, today(t), null],
      ]);
      expect(lines[0].reference).toMatch(/^council R-/);
      expect(lines[1].createdAt).toBe(t.clock.now().toISOString());
      expect(await repo().linesOf(manager(), D)).toEqual([]);
    });

    it("reads a call's parts (none for no such call)", async () => {
      expect(await repo().partBudgets(manager(), call.call.callId)).toEqual([
        { code: '1', allocationCzk: ALLOCATION, proposedCzk: 875_000, committedCzk: 450_000, paidCzk: 60_000, returnedCzk: 0 },
      ]);
      expect(await repo().partBudgets(manager(), randomUUID())).toEqual([]);
    });

    it('sets the cached balances beside the ledger, and counts the transactions', async () => {
      expect(await repo().unbalancedTransactions(manager())).toEqual([]);
      expect((await repo().partsAgainstLedger(manager())).find((p) => p.partId === partId)).toEqual({
        partId,
        cached: { allocationCzk: ALLOCATION, committedCzk: 450_000, paidCzk: 60_000, returnedCzk: 0 },
        ledger: { availableCzk: 550_000, committedCzk: 450_000, paidCzk: 60_000, returnedCzk: 0 },
      });
      const applications = await repo().applicationsAgainstLedger(manager());
      expect(applications.find((a) => a.applicationId === C)).toEqual({
        applicationId: C,
        cached: { awardedCzk: 100_000, paidCzk: 60_000, returnedCzk: 0, returnDueCzk: 0 },
        ledger: { awardedCzk: 100_000, paidCzk: 60_000, returnedCzk: 0, returnDueCzk: 0 },
      });
      expect(applications.find((a) => a.applicationId === D)).toBeUndefined();

      const [before, after, mismatch] = await rolledBack(async (m) => {
        const before = await repo().transactionCount(m);
        await t.app.get(LedgerWriter).post(m, paymentEntries({ id: randomUUID(), occurredOn: today(t), reference: 'x', partId, applicationId: C, amountCzk: 1 }), { callPartId: partId, applicationId: C }, null, t.clock.now());
        return [before, await repo().transactionCount(m), (await repo().applicationsAgainstLedger(m)).find((a) => a.applicationId === C)];
      });
      expect(after).toBe(before + 1);
      // A posting without its cache: the check sees the difference.
      expect(mismatch).toMatchObject({ cached: { paidCzk: 60_000 }, ledger: { paidCzk: 60_001 } });
    });

    it("finds a transaction's application (null: unknown, or the part's own) and the history a reversal is judged on", async () => {
      const history = await repo().transactionsOf(manager(), C, partId);
      expect(history.map((h) => h.type)).toEqual(['allocation', 'commitment', 'payment']);
      const [allocation, commitment, payment] = history;
      expect(await repo().applicationOf(manager(), payment.id)).toBe(C);
      expect(await repo().applicationOf(manager(), allocation.id)).toBeNull();
      expect(await repo().applicationOf(manager(), randomUUID())).toBeNull();
      expect(commitment.entries).toEqual([
        { transactionId: commitment.id, account: `part:${partId}:available`, amountCzk: -100_000 },
        { transactionId: commitment.id, account: `part:${partId}:application:${C}:committed`, amountCzk: 100_000 },
      ]);
      expect(await repo().transactionsOf(manager(), D, partId)).toEqual([allocation]);

      const reversed = await rolledBack(async (m) => {
        const reversal = reversalOf(payment, { id: randomUUID(), occurredOn: today(t), reference: 'reversal: test' });
        await t.app.get(LedgerWriter).post(m, reversal, { callPartId: partId, applicationId: C }, null, t.clock.now());
        return (await repo().transactionsOf(m, C, partId)).at(-1);
      });
      expect(reversed).toMatchObject({ type: 'reversal', reverses: { id: payment.id, type: 'payment' } });
    });
  });

  describe('ReportsRepository.readOnly', () => {
    it('makes the transaction refuse writes', async () => {
      const error = await failure(
        t.dataSource.transaction('REPEATABLE READ', async (m) => {
          await t.app.get(ReportsRepository).readOnly(m);
          await t.app.get(BalancesRepository).dropProposals(m, [D]);
        }),
      );
      expect(error).toMatchObject({ code: '25006' });
    });
  });

  describe('BalancesRepository', () => {
    const repo = () => t.app.get(BalancesRepository);

    it('propose: the applications whose proposal changes, and the parts’ sums', async () => {
      const [before, after] = await rolledBack(async (m) => {
        const before = [await app(m, D), await app(m, E)];
        const changed = await repo().propose(
          m,
          [
            { applicationId: D, amountCzk: 100_000, status: 'recommended' },
            { applicationId: E, amountCzk: REQUESTED, status: 'recommended' },
          ],
          [{ id: partId, proposedCzk: 800_000 }],
        );
        expect(changed).toEqual([]);
        return [before, [await app(m, D), await app(m, E), await part(m)]];
      });
      expect(after[0]).toMatchObject({ proposed_czk: '100000' });
      expect((after[0] as { updated_at: Date }).updated_at).not.toEqual(before[0].updated_at);
      // Unchanged: not even touched.
      expect(after[1]).toEqual(before[1]);
      expect(after[2]).toMatchObject({ proposed_czk: '800000' });
    });

    it('propose: an application no longer in the status the caller read is named, and nothing is written', async () => {
      const [before, changed, after] = await rolledBack(async (m) => {
        const before = [await app(m, D), await app(m, E), await part(m)];
        // E was read as eligible; it is recommended now (as after a withdrawal, the row moved on).
        const changed = await repo().propose(
          m,
          [
            { applicationId: D, amountCzk: 100_000, status: 'recommended' },
            { applicationId: E, amountCzk: 1_000, status: 'eligible' },
          ],
          [{ id: partId, proposedCzk: 101_000 }],
        );
        return [before, changed, [await app(m, D), await app(m, E), await part(m)]];
      });
      expect(changed).toEqual([E]);
      expect(after).toEqual(before);
    });

    it('propose: a part proposed above its allocation is call_part_proposed_check', async () => {
      expect(await failure(rolledBack((m) => repo().propose(m, [], [{ id: partId, proposedCzk: ALLOCATION + 1 }])))).toMatchObject({
        code: '23514',
        constraint: 'call_part_proposed_check',
      });
    });

    it("dropProposals clears the applications' proposals (the parts are recounted by recountProposals)", async () => {
      const [d, e, p, recounted] = await rolledBack(async (m) => {
        await repo().dropProposals(m, []);
        await repo().dropProposals(m, [D, E]);
        const rows = [await app(m, D), await app(m, E), await part(m)] as const;
        await repo().recountProposals(m, call.call.callId);
        return [...rows, await part(m)] as const;
      });
      expect([d.proposed_czk, e.proposed_czk]).toEqual([null, null]);
      expect(p.proposed_czk).toBe('875000');
      // A, B and C keep their proposals: 3 × 175,000.
      expect(recounted.proposed_czk).toBe('525000');
    });

    it("withdrawProposal: the application's proposal goes back to its part", async () => {
      const [d, p] = await rolledBack(async (m) => {
        await repo().withdrawProposal(m, D, partId, REQUESTED);
        return [await app(m, D), await part(m)] as const;
      });
      expect(d.proposed_czk).toBeNull();
      expect(p.proposed_czk).toBe('700000');
    });

    it("paid: the application's and the part's paid sums; never more than awarded", async () => {
      const after = await rolledBack(async (m) => {
        await repo().paid(m, C, partId, 40_000);
        return balancesOf(m, C);
      });
      expect(after).toEqual({
        app: { awarded_czk: '100000', paid_czk: '100000', returned_czk: '0', return_due_czk: '0' },
        part: { allocation_czk: '1000000', committed_czk: '450000', paid_czk: '100000', returned_czk: '0' },
      });
      expect(await failure(rolledBack((m) => repo().paid(m, C, partId, 40_001)))).toMatchObject({ code: '23514', constraint: 'application_balance_check' });
    });

    it('reviewed: the unpaid rest leaves the award and the part; the return due is set', async () => {
      const [released, kept] = await rolledBack(async (m) => {
        await repo().reviewed(m, C, partId, { releaseCzk: 40_000, returnDueCzk: 10_000 });
        const released = await balancesOf(m, C);
        await repo().reviewed(m, C, partId, { releaseCzk: 0, returnDueCzk: 5_000 });
        return [released, await balancesOf(m, C)];
      });
      expect(released).toEqual({
        app: { awarded_czk: '60000', paid_czk: '60000', returned_czk: '0', return_due_czk: '10000' },
        part: { allocation_czk: '1000000', committed_czk: '410000', paid_czk: '60000', returned_czk: '0' },
      });
      expect(kept).toEqual({ app: { ...released.app, return_due_czk: '5000' }, part: released.part });
      // Releasing more than is unpaid would leave paid above awarded.
      expect(await failure(rolledBack((m) => repo().reviewed(m, C, partId, { releaseCzk: 40_001, returnDueCzk: 0 })))).toMatchObject({
        code: '23514',
        constraint: 'application_balance_check',
      });
    });

    it('returned: the returned sums, the return due settled first; never more than paid', async () => {
      const after = await rolledBack(async (m) => {
        await repo().reviewed(m, C, partId, { releaseCzk: 40_000, returnDueCzk: 10_000 });
        await repo().returned(m, C, partId, { returnedCzk: 15_000, fromDueCzk: 10_000 });
        return balancesOf(m, C);
      });
      expect(after).toEqual({
        app: { awarded_czk: '60000', paid_czk: '60000', returned_czk: '15000', return_due_czk: '0' },
        part: { allocation_czk: '1000000', committed_czk: '410000', paid_czk: '60000', returned_czk: '15000' },
      });
      expect(await failure(rolledBack((m) => repo().returned(m, C, partId, { returnedCzk: 60_001, fromDueCzk: 0 })))).toMatchObject({
        code: '23514',
        constraint: 'application_balance_check',
      });
      // More of the due than is due: a negative return due.
      expect(await failure(rolledBack((m) => repo().returned(m, C, partId, { returnedCzk: 1, fromDueCzk: 1 })))).toMatchObject({
        code: '23514',
        constraint: 'application_balance_check',
      });
    });

    it("recomputed: the application's balances as given, its part's by the difference", async () => {
      const after = await rolledBack(async (m) => {
        await repo().recomputed(m, C, partId, { paidCzk: 60_000, returnedCzk: 0 }, { paidCzk: 30_000, returnedCzk: 0, returnDueCzk: 0 });
        return balancesOf(m, C);
      });
      expect(after).toEqual({
        app: { awarded_czk: '100000', paid_czk: '30000', returned_czk: '0', return_due_czk: '0' },
        part: { allocation_czk: '1000000', committed_czk: '450000', paid_czk: '30000', returned_czk: '0' },
      });
      expect(
        await failure(rolledBack((m) => repo().recomputed(m, C, partId, { paidCzk: 60_000, returnedCzk: 0 }, { paidCzk: 100_001, returnedCzk: 0, returnDueCzk: 0 }))),
      ).toMatchObject({ code: '23514', constraint: 'application_balance_check' });
    });

    it("the part's CHECK is the second line: a release that leaves its paid sum above its commitments is call_part_paid_check", async () => {
      // The part is written first: 450,000 committed less 400,000 leaves 50,000, below the 60,000 paid.
      expect(await failure(rolledBack((m) => repo().reviewed(m, D, partId, { releaseCzk: 400_000, returnDueCzk: 0 })))).toMatchObject({
        code: '23514',
        constraint: 'call_part_paid_check',
      });
    });
  });

  describe('DecisionRepository', () => {
    const repo = () => t.app.get(DecisionRepository);
    const ico = (m: EntityManager, id: string) =>
      one<{ ico: string; organisation_id: string; evaluation_closed_at: Date }>(
        m,
        'SELECT o.ico, a.organisation_id, c.evaluation_closed_at FROM organisation o JOIN application a ON a.organisation_id = o.id JOIN call c ON c.id = a.call_id WHERE a.id = $1',
        [id],
      );

    function record(over: Partial<DecisionRecord> & { ico: string; yearTotalCzk: number }): DecisionRecord {
      const amountCzk = over.amountCzk === undefined ? 150_000 : over.amountCzk;
      const outcome = over.outcome ?? 'approved';
      const decision = { outcome, amountCzk, body: 'council', resolutionNumber: 'R-REPO-1', resolutionDate: today(t), reasons: over.reasons ?? [] };
      return {
        applicationId: D,
        callPartId: partId,
        outcome,
        amountCzk,
        body: 'council',
        resolutionNumber: 'R-REPO-1',
        resolutionDate: today(t),
        resolutionYear: year,
        reasons: [],
        deviationReason: null,
        decidedAt: t.clock.now(),
        decidedBy: cast.officer.id,
        commitment:
          amountCzk === null ? null : commitmentEntries({ id: randomUUID(), occurredOn: today(t), reference: 'council R-REPO-1', partId, applicationId: D, amountCzk }),
        letter: { id: randomUUID(), kind: outcome === 'approved' ? 'approval' : 'rejection', decision },
        audit: t.app.get(AuditTrail).prepare({
          actor: { id: cast.officer.id, role: 'officer' },
          action: 'application.test_decision',
          entityType: 'application',
          entityId: D,
          after: { outcome },
        }),
        ...over,
      };
    }

    /** Everything a decision of D writes, read through the decision's transaction. */
    const written = async (m: EntityManager, r: DecisionRecord) => ({
      app: await app(m, D),
      part: await part(m),
      decisions: await m.query(
        `SELECT outcome, amount_czk, body, resolution_number, resolution_date::text AS resolution_date, resolution_year, recipient_ico, reasons,
                deviation_reason, decided_by
           FROM decision WHERE application_id = $1`,
        [D],
      ),
      transactions: await m.query(`SELECT id, type, occurred_on::text AS occurred_on, reference, call_part_id, application_id FROM ledger_transaction WHERE application_id = $1`, [D]),
      entries: await m.query(
        'SELECT e.account, e.amount_czk FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id WHERE t.application_id = $1 ORDER BY e.id',
        [D],
      ),
      letters: await m.query(`SELECT id, kind, status, data->'decision' AS decision, data->'recipient'->>'ico' AS ico FROM letter WHERE application_id = $1`, [D]),
      outbox: await m.query(`SELECT topic, payload FROM outbox_message WHERE payload->>'letterId' = $1`, [r.letter.id]),
      audit: await m.query('SELECT action, entity_id FROM audit_event WHERE id = $1', [r.audit.params[0]]),
    });

    it('lockSubject: what the decision is judged on; null for a draft or no application', async () => {
      const [subject, recipient, p] = await rolledBack(async (m) => [await repo().lockSubject(m, D, year), await ico(m, D), await part(m)] as const);
      expect(recipient.evaluation_closed_at).toBeInstanceOf(Date);
      expect(subject).toEqual({
        status: 'recommended',
        requestedCzk: REQUESTED,
        proposedCzk: REQUESTED,
        callPartId: partId,
        organisationId: recipient.organisation_id,
        ico: recipient.ico,
        evaluationClosedAt: recipient.evaluation_closed_at,
        yearTotalCzk: 0,
        availableCzk: Number(p.allocation_czk) - Number(p.committed_czk),
        draftResolutionId: null,
      });
      expect((await rolledBack((m) => repo().lockSubject(m, A, year)))?.yearTotalCzk).toBe(REQUESTED);
      expect((await rolledBack((m) => repo().lockSubject(m, A, year + 1)))?.yearTotalCzk).toBe(0);
      expect(await rolledBack((m) => repo().lockSubject(m, randomUUID(), year))).toBeNull();
      expect(
        await rolledBack(async (m) => {
          await m.query(`UPDATE application SET status = 'draft' WHERE id = $1`, [D]);
          return repo().lockSubject(m, D, year);
        }),
      ).toBeNull();
    });

    it('lockSubject: the draft resolution the application is a line of; none once the draft is closed, nor for an ineligible line', async () => {
      const seen = await rolledBack(async (m) => {
        const resolutionId = randomUUID();
        await m.query(
          `INSERT INTO resolution (id, call_id, body, status, version, created_at, created_by)
           SELECT $1, a.call_id, 'council', 'draft', 1, now(), (SELECT id FROM user_account ORDER BY created_at LIMIT 1) FROM application a WHERE a.id = $2`,
          [resolutionId, D],
        );
        await m.query(
          `INSERT INTO resolution_line (resolution_id, application_id, position, live, commission_status, proposed_czk, outcome, amount_czk)
           VALUES ($1, $2, 1, true, 'recommended', $3, 'approved', $3)`,
          [resolutionId, D, REQUESTED],
        );
        const inDraft = (await repo().lockSubject(m, D, year))?.draftResolutionId;
        await m.query(`UPDATE resolution SET status = 'withdrawn', closed_at = now(), closed_by = created_by, close_reason = 'test' WHERE id = $1`, [resolutionId]);
        const closed = (await repo().lockSubject(m, D, year))?.draftResolutionId;
        return { resolutionId, inDraft, closed };
      });
      expect(seen).toEqual({ resolutionId: seen.resolutionId, inDraft: seen.resolutionId, closed: null });
      const ineligible = await rolledBack(async (m) => {
        const resolutionId = randomUUID();
        await m.query(
          `INSERT INTO resolution (id, call_id, body, status, version, created_at, created_by)
           SELECT $1, a.call_id, 'council', 'draft', 1, now(), (SELECT id FROM user_account ORDER BY created_at LIMIT 1) FROM application a WHERE a.id = $2`,
          [resolutionId, D],
        );
        await m.query(
          `INSERT INTO resolution_line (resolution_id, application_id, position, live, commission_status, outcome, reason)
           VALUES ($1, $2, 1, true, 'ineligible', 'ineligible', 'test')`,
          [resolutionId, D],
        );
        return (await repo().lockSubject(m, D, year))?.draftResolutionId;
      });
      expect(ineligible).toBeNull();
    });

    it('write, an approval: commits, awards, and inserts the decision, the ledger transaction and entries, the letter and its outbox row', async () => {
      const { result, rows, r, recipient, before, subjectAfter } = await rolledBack(async (m) => {
        const recipient = (await ico(m, D)).ico;
        const before = await part(m);
        const r = record({ ico: recipient, yearTotalCzk: 0 });
        const result = await repo().write(m, r);
        return { result, rows: await written(m, r), r, recipient, before, subjectAfter: await repo().lockSubject(m, D, year) };
      });
      expect(result).toEqual({ totalUnchanged: true, written: true });
      expect(rows.part.committed_czk).toBe(String(Number(before.committed_czk) + 150_000));
      // The status is ApplicationLifecycle's, afterwards.
      expect(rows.app).toMatchObject({ status: 'recommended', awarded_czk: '150000', paid_czk: '0' });
      expect(rows.decisions).toEqual([
        {
          outcome: 'approved',
          amount_czk: '150000',
          body: 'council',
          resolution_number: 'R-REPO-1',
          resolution_date: today(t),
          resolution_year: year,
          recipient_ico: recipient,
          reasons: [],
          deviation_reason: null,
          decided_by: cast.officer.id,
        },
      ]);
      expect(rows.transactions).toEqual([
        { id: r.commitment!.id, type: 'commitment', occurred_on: today(t), reference: 'council R-REPO-1', call_part_id: partId, application_id: D },
      ]);
      expect(rows.entries).toEqual(r.commitment!.entries.map((e) => ({ account: e.account, amount_czk: String(e.amountCzk) })));
      expect(rows.letters).toEqual([{ id: r.letter.id, kind: 'approval', status: 'queued', decision: r.letter.decision, ico: recipient }]);
      expect(rows.outbox).toEqual([{ topic: LETTER_RENDER_TOPIC, payload: { letterId: r.letter.id } }]);
      expect(rows.audit).toEqual([{ action: 'application.test_decision', entity_id: D }]);
      // The IČO's year total now counts it.
      expect(subjectAfter?.yearTotalCzk).toBe(150_000);
    });

    it('write, an approval deviating from the commission: its reason on the decision; the CHECK refuses a blank one and one on a rejection', async () => {
      const stored = await rolledBack(async (m) => {
        await repo().write(m, record({ ico: (await ico(m, D)).ico, yearTotalCzk: 0, deviationReason: 'Rada navýšila dotaci.' }));
        return m.query('SELECT deviation_reason FROM decision WHERE application_id = $1', [D]);
      });
      expect(stored).toEqual([{ deviation_reason: 'Rada navýšila dotaci.' }]);
      expect(await failure(rolledBack(async (m) => repo().write(m, record({ ico: (await ico(m, D)).ico, yearTotalCzk: 0, deviationReason: '  ' }))))).toMatchObject({
        code: '23514',
        constraint: 'decision_deviation_reason_check',
      });
      expect(
        await failure(
          rolledBack(async (m) =>
            repo().write(m, record({ ico: (await ico(m, D)).ico, yearTotalCzk: 0, outcome: 'rejected', amountCzk: null, reasons: ['x'], deviationReason: 'Proč ne.' })),
          ),
        ),
      ).toMatchObject({ code: '23514', constraint: 'decision_deviation_reason_check' });
    });

    it('write, an approval that does not fit what is left of the part: nothing at all (written=false, totalUnchanged=true)', async () => {
      const { result, rows, available } = await rolledBack(async (m) => {
        // Leave the part CZK 100,000 (set-up only: the cached sum, not a balance anyone posted).
        await m.query('UPDATE call_part SET committed_czk = allocation_czk - 100000 WHERE id = $1', [partId]);
        const r = record({ ico: (await ico(m, D)).ico, yearTotalCzk: 0 });
        const result = await repo().write(m, r);
        return { result, rows: await written(m, r), available: await repo().availableOf(m, partId) };
      });
      expect(result).toEqual({ totalUnchanged: true, written: false });
      expect(available).toBe(100_000);
      expect(rows).toEqual({
        app: expect.objectContaining({ status: 'recommended', awarded_czk: '0' }),
        part: expect.objectContaining({ committed_czk: '900000' }),
        decisions: [],
        transactions: [],
        entries: [],
        letters: [],
        outbox: [],
        audit: [],
      });
    });

    it('write, under a year total that moved: nothing at all (written=false, totalUnchanged=false)', async () => {
      const { result, rows } = await rolledBack(async (m) => {
        const r = record({ ico: (await ico(m, D)).ico, yearTotalCzk: 1 });
        return { result: await repo().write(m, r), rows: await written(m, r) };
      });
      expect(result).toEqual({ totalUnchanged: false, written: false });
      expect(rows).toEqual({
        app: expect.objectContaining({ status: 'recommended', awarded_czk: '0' }),
        part: expect.objectContaining({ committed_czk: '450000' }),
        decisions: [],
        transactions: [],
        entries: [],
        letters: [],
        outbox: [],
        audit: [],
      });
      // A rejection under a moved total writes nothing either.
      const rejected = await rolledBack(async (m) =>
        repo().write(m, record({ ico: (await ico(m, D)).ico, yearTotalCzk: 1, outcome: 'rejected', amountCzk: null, reasons: ['x'] })),
      );
      expect(rejected).toEqual({ totalUnchanged: false, written: false });
    });

    it('write, a rejection: the decision, the letter and its outbox row; no ledger, no commitment', async () => {
      const { result, rows, r } = await rolledBack(async (m) => {
        const r = record({ ico: (await ico(m, D)).ico, yearTotalCzk: 0, outcome: 'rejected', amountCzk: null, reasons: ['Projekt nezískal dostatek bodů.'] });
        return { result: await repo().write(m, r), rows: await written(m, r), r };
      });
      expect(result).toEqual({ totalUnchanged: true, written: true });
      expect(rows.decisions).toEqual([expect.objectContaining({ outcome: 'rejected', amount_czk: null, reasons: ['Projekt nezískal dostatek bodů.'] })]);
      expect(rows.app).toMatchObject({ status: 'recommended', awarded_czk: '0' });
      expect(rows.part.committed_czk).toBe('450000');
      expect(rows.transactions).toEqual([]);
      expect(rows.entries).toEqual([]);
      expect(rows.letters).toEqual([expect.objectContaining({ id: r.letter.id, kind: 'rejection', status: 'queued' })]);
      expect(rows.outbox).toEqual([{ topic: LETTER_RENDER_TOPIC, payload: { letterId: r.letter.id } }]);
      expect(rows.audit).toEqual([{ action: 'application.test_decision', entity_id: D }]);
    });
  });
});
