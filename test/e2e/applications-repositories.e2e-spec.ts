import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApplicationLifecycle, INACTIVE_STATUSES } from '@app/applications';
import { GrantRecordsRepository } from '@app/applications/grant-records.repository';
import { SubmissionRepository } from '@app/applications/submission.repository';
import { asOwner } from '../support/db';
import { callTerms, submitApplication, type CallTerms, type Submitted } from '../support/evaluation';
import { createCast, createDraft, openCall, registerApplicant, type Applicant, type Cast, type OpenCall } from '../support/factories';
import { API } from '../support/http';
import {
  applicants,
  approve,
  evaluatedCalls,
  expectStatus,
  paidOut,
  publishContract,
  reviewSettlement,
  signContract,
  submitSettlement,
  today,
  type EvaluatedCall,
} from '../support/money';
import { rolledBack as rolledBackIn } from '../support/rolled-back';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * applications' read repositories against the real database: the submit
 * path's two prepared statements (SubmissionRepository: the subject read with
 * the application and its organisation locked, then the budget lines and the
 * count of the organisation's other active applications in the call), and
 * the contract and settlement an application's view shows
 * (GrantRecordsRepository). All data comes through the API; whatever a test
 * changes to set a case up runs in a transaction that is rolled back.
 */
describe('applications repositories', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  const rolledBack = <T>(work: (m: EntityManager) => Promise<T>) => rolledBackIn(t.dataSource, work);

  describe('SubmissionRepository', () => {
    const repo = () => t.app.get(SubmissionRepository);
    /** The subject's organisation: a district (the factories' default is an NGO). */
    let X: Applicant;
    /** Another organisation, with an application of its own in the same call. */
    let Y: Applicant;
    let call: OpenCall;
    let otherCall: OpenCall;
    let terms: CallTerms;
    /** X's draft in part 2, three budget lines: the subject. */
    let subject: string;
    /** X's other applications in the call: a draft, a submitted one and a withdrawn draft. */
    let draft2: string;
    let submitted: Submitted;
    let withdrawn: string;
    /** X's draft in another call. */
    let elsewhere: string;
    /** Y's submitted application in the call. */
    let ofY: Submitted;

    const lines = [
      { category: 'Materiál', description: 'Papír a obálky', totalCzk: 40_000, requestedCzk: 28_000 },
      { category: 'Osobní náklady', description: 'Redakce brožury', totalCzk: 60_000, requestedCzk: 42_000 },
      { category: 'Služby', description: 'Tisk', totalCzk: 20_000, requestedCzk: 10_000 },
    ];

    beforeAll(async () => {
      [X, Y] = await Promise.all([registerApplicant(t, 'district'), registerApplicant(t)]);
      // The other call first: opening the second moves the clock into the second's window.
      otherCall = await openCall(t, cast.officer.token);
      elsewhere = (await createDraft(t, X.token, otherCall)).id;
      call = await openCall(t, cast.officer.token);
      terms = await callTerms(t, call.callId);
      subject = (
        await createDraft(t, X.token, call, {
          partCode: '2',
          startDate: `${call.year}-04-01`,
          endDate: `${call.year}-11-30`,
          otherFundingCzk: 15_000,
          budgetLines: lines,
        })
      ).id;
      draft2 = (await createDraft(t, X.token, call)).id;
      submitted = await submitApplication(t, X, call);
      withdrawn = (await createDraft(t, X.token, call)).id;
      await expectStatus(t.http.post(`${API}/applications/${withdrawn}/withdraw`).auth(X.token, { type: 'bearer' }).send({ reason: 'omylem' }), 200, 'withdraw');
      ofY = await submitApplication(t, Y, call);
    }, 60_000);

    describe('lockSubject', () => {
      it("reads the subject's fields: the application, its organisation, call, programme and part", async () => {
        expect(await rolledBack((m) => repo().lockSubject(m, subject, X.organisationId))).toEqual({
          status: 'draft',
          referenceNumber: null,
          submittedAt: null,
          correctionDueOn: null,
          callId: call.callId,
          organisationId: X.organisationId,
          callSequence: 1,
          programmeCode: call.programmeCode,
          context: {
            call: {
              submissionOpensAt: terms.submissionOpensAt,
              submissionClosesAt: terms.submissionClosesAt,
              year: call.year,
              eligibleApplicantKinds: ['ngo', 'district'],
              eligibleMeasureCodes: ['33.I', '34.I', '21.III', '22.I'],
              maxApplicationsPerOrganisation: 2,
              maxRequestShareOfCostsPct: 70,
            },
            part: { code: '2', minRequestCzk: 20_000, maxRequestCzk: 200_000 },
            organisation: { kind: 'district' },
            application: {
              requestedCzk: 80_000,
              totalCostCzk: 120_000,
              otherFundingCzk: 15_000,
              primaryMeasureCode: '33.I',
              measureCodes: ['33.I', '21.III'],
              startDate: `${call.year}-04-01`,
              endDate: `${call.year}-11-30`,
            },
          },
        });
      });

      it('reads a submitted application with its number and receipt time, and the correction due date of one returned for correction', async () => {
        const [asSubmitted, returned] = await rolledBack(async (m) => {
          const before = await repo().lockSubject(m, submitted.id, X.organisationId);
          await t.app
            .get(ApplicationLifecycle)
            .changeStatus(m, { applicationId: submitted.id, from: 'submitted', to: 'correction_requested', at: t.clock.now(), by: cast.officer.id }, { correctionDueOn: '2031-02-28' });
          return [before, await repo().lockSubject(m, submitted.id, X.organisationId)];
        });
        expect(asSubmitted).toMatchObject({
          status: 'submitted',
          referenceNumber: submitted.referenceNumber,
          submittedAt: new Date(submitted.submittedAt),
          correctionDueOn: null,
          context: { part: { code: '1' }, application: { requestedCzk: 175_000, totalCostCzk: 250_000, otherFundingCzk: 20_000 } },
        });
        expect(returned).toMatchObject({ status: 'correction_requested', referenceNumber: submitted.referenceNumber, correctionDueOn: '2031-02-28' });
      });

      it("is null for another organisation's application and for an unknown one", async () => {
        expect(await rolledBack((m) => repo().lockSubject(m, subject, Y.organisationId))).toBeNull();
        expect(await rolledBack((m) => repo().lockSubject(m, ofY.id, X.organisationId))).toBeNull();
        expect(await rolledBack((m) => repo().lockSubject(m, randomUUID(), X.organisationId))).toBeNull();
        // The organisation's own application is found with the same connection and statement.
        expect((await rolledBack((m) => repo().lockSubject(m, ofY.id, Y.organisationId)))?.referenceNumber).toBe(ofY.referenceNumber);
      });

      it('runs only inside a transaction', async () => {
        await expect(repo().lockSubject(t.dataSource.manager, subject, X.organisationId)).rejects.toThrow(/must run inside a transaction/);
      });

      it('holds the row locks of the application and of its organisation until commit (not the call)', async () => {
        /** Another connection's attempt to lock the row: null when it got the lock, else the SQLSTATE. */
        const lockedBy = (table: 'application' | 'organisation' | 'call', id: string) =>
          asOwner((c) =>
            c.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE NOWAIT`, [id]).then(
              () => null,
              (e: { code?: string }) => e.code ?? 'unknown',
            ),
          );
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          // A stranger's attempt finds nothing and locks nothing.
          expect(await repo().lockSubject(runner.manager, subject, Y.organisationId)).toBeNull();
          expect(await lockedBy('application', subject)).toBeNull();
          expect(await lockedBy('organisation', Y.organisationId)).toBeNull();

          expect(await repo().lockSubject(runner.manager, subject, X.organisationId)).not.toBeNull();
          expect(await lockedBy('application', subject)).toBe('55P03');
          expect(await lockedBy('organisation', X.organisationId)).toBe('55P03');
          // Submissions to the same call are not serialised here (the registry book's row is taken later, by submitFirst).
          expect(await lockedBy('call', call.callId)).toBeNull();
          // Other applications of the organisation are not locked either.
          expect(await lockedBy('application', draft2)).toBeNull();
          await runner.commitTransaction();
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
        expect(await lockedBy('application', subject)).toBeNull();
        expect(await lockedBy('organisation', X.organisationId)).toBeNull();
      });
    });

    describe('linesAndOtherActive', () => {
      const read = (applicationId: string, inactive: readonly string[] = INACTIVE_STATUSES, organisationId = X.organisationId, callId = call.callId) =>
        rolledBack((m) => repo().linesAndOtherActive(m, applicationId, { organisationId, callId }, inactive as typeof INACTIVE_STATUSES));

      it('answers the budget lines in position order', async () => {
        expect((await read(subject)).lines).toEqual(lines);
        // Reversed positions (set-up only, rolled back): the order follows them, not the rows' insertion.
        const reversed = await rolledBack(async (m) => {
          await m.query('UPDATE application_budget_line SET position = 100 - position WHERE application_id = $1', [subject]);
          return repo().linesAndOtherActive(m, subject, { organisationId: X.organisationId, callId: call.callId }, INACTIVE_STATUSES);
        });
        expect(reversed.lines).toEqual([...lines].reverse());
        // None: an empty list.
        expect((await read(randomUUID())).lines).toEqual([]);
      });

      it("counts only the organisation's other applications in the call that are not in the inactive statuses", async () => {
        // X in the call: the subject (draft), a draft, a submitted and a withdrawn one; X in another call: a draft; Y: a submitted one.
        expect(await read(subject)).toMatchObject({ otherActive: 1 });
        expect((await read(subject, ['withdrawn'])).otherActive).toBe(2);
        expect((await read(subject, [])).otherActive).toBe(3);
        // The application itself never counts.
        expect((await read(submitted.id)).otherActive).toBe(0);
        expect((await read(submitted.id, [])).otherActive).toBe(3);
        // An unknown application: every one of the organisation's counts.
        expect((await read(randomUUID(), [])).otherActive).toBe(4);
        // The organisation and the call are the subject's, as given.
        expect((await read(subject, [], Y.organisationId)).otherActive).toBe(1);
        expect((await read(subject, [], X.organisationId, otherCall.callId)).otherActive).toBe(1);
        expect((await read(elsewhere, [], X.organisationId, otherCall.callId)).otherActive).toBe(0);
      });

      it('counts a change made earlier in the same transaction', async () => {
        const counted = await rolledBack(async (m) => {
          await t.app
            .get(ApplicationLifecycle)
            .changeStatus(m, { applicationId: submitted.id, from: 'submitted', to: 'withdrawn', at: t.clock.now(), by: X.userId });
          return repo().linesAndOtherActive(m, subject, { organisationId: X.organisationId, callId: call.callId }, INACTIVE_STATUSES);
        });
        expect(counted.otherActive).toBe(0);
      });

      it('runs only inside a transaction', async () => {
        await expect(
          repo().linesAndOtherActive(t.dataSource.manager, subject, { organisationId: X.organisationId, callId: call.callId }, INACTIVE_STATUSES),
        ).rejects.toThrow(/must run inside a transaction/);
      });
    });
  });

  describe('GrantRecordsRepository', () => {
    const repo = () => t.app.get(GrantRecordsRepository);
    const recordsOf = (id: string) => rolledBack((m) => repo().recordsOf(m, id));
    let evaluated: EvaluatedCall;
    /** Contracted for 175,000 and published; contracted for 50,000 (no publication due); settled, not reviewed; settled and reviewed. */
    let published: string, small: string, settling: string, reviewed: string;
    let signedOn: string;
    let publicationDueOn: string;
    let submittedAt: Date;
    let reviewedAt: Date;
    let returnDueOn: string;

    beforeAll(async () => {
      const people = await applicants(t, 5);
      [evaluated] = await evaluatedCalls(t, cast, [{ entries: people.map((applicant) => ({ applicant })) }]);
      [published, small, settling, reviewed] = evaluated.applications.map((a) => a.id);
      const officer = cast.officer.token;
      signedOn = today(t);
      await expectStatus(approve(t, officer, published), 201, 'approve');
      publicationDueOn = (await expectStatus(signContract(t, officer, published), 201, 'contract')).body.publicationDueOn;
      await expectStatus(publishContract(t, officer, published), 201, 'publication');
      await expectStatus(approve(t, officer, small, { amountCzk: 50_000 }), 201, 'approve 50,000');
      await expectStatus(signContract(t, officer, small), 201, 'contract 50,000');
      await paidOut(t, cast, settling, 175_000, 175_000);
      await paidOut(t, cast, reviewed, 175_000, 175_000);
      t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
      submittedAt = t.clock.now();
      const settlement = {
        spentCzk: 160_000,
        lines: [
          { category: 'Osobní náklady', spentCzk: 130_000 },
          { category: 'Materiál', spentCzk: 30_000 },
        ],
        report: 'Kurzy proběhly podle plánu.',
      };
      const settlerOf = (id: string) => evaluated.applications.find((a) => a.id === id)!.applicant.token;
      await expectStatus(submitSettlement(t, settlerOf(settling), settling, settlement), 201, 'settlement');
      await expectStatus(submitSettlement(t, settlerOf(reviewed), reviewed, settlement), 201, 'settlement');
      t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
      reviewedAt = t.clock.now();
      returnDueOn = (await expectStatus(reviewSettlement(t, officer, reviewed, 150_000, 'Část nákladů na materiál nebyla doložena.'), 201, 'review')).body.returnDueOn;
    }, 120_000);

    // The settlement deadline is the call's, copied into each contract.
    const contractOf = (id: string, amountCzk: number) => ({
      contractNumber: `SML-${id}`,
      signedOn,
      bankAccount: '19-2000145399/0800',
      amountCzk,
      settlementDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    it('none yet: both null (also for an unknown application)', async () => {
      expect(await recordsOf(evaluated.applications[4].id)).toEqual({ contract: null, settlement: null });
      expect(await recordsOf(randomUUID())).toEqual({ contract: null, settlement: null });
    });

    it('a contract, published and not; no publication due for CZK 50,000', async () => {
      expect(await recordsOf(published)).toEqual({
        contract: { ...contractOf(published, 175_000), publicationDueOn, publishedOn: signedOn, url: `https://smlouvy.gov.cz/smlouva/${published}` },
        settlement: null,
      });
      expect(publicationDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await recordsOf(small)).toEqual({
        contract: { ...contractOf(small, 50_000), publicationDueOn: null, publishedOn: null, url: null },
        settlement: null,
      });
    });

    it('a settlement submitted, not yet reviewed', async () => {
      expect(await recordsOf(settling)).toEqual({
        contract: { ...contractOf(settling, 175_000), publicationDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), publishedOn: null, url: null },
        settlement: {
          spentCzk: 160_000,
          lines: [
            { category: 'Osobní náklady', spentCzk: 130_000 },
            { category: 'Materiál', spentCzk: 30_000 },
          ],
          report: 'Kurzy proběhly podle plánu.',
          submittedAt: submittedAt.toISOString(),
          acceptedCzk: null,
          unspentCzk: null,
          refusedCzk: null,
          remedyDueOn: null,
          returnDueCzk: null,
          returnDueOn: null,
          reviewNote: null,
          reviewedAt: null,
        },
      });
    });

    it('a reviewed settlement: the accepted sum, the return due with its date, the note and the review time', async () => {
      expect(returnDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await recordsOf(reviewed)).settlement).toEqual({
        spentCzk: 160_000,
        lines: [
          { category: 'Osobní náklady', spentCzk: 130_000 },
          { category: 'Materiál', spentCzk: 30_000 },
        ],
        report: 'Kurzy proběhly podle plánu.',
        submittedAt: submittedAt.toISOString(),
        acceptedCzk: 150_000,
        // Paid 175,000, spent 160,000, accepted 150,000: 15,000 unspent (due by the contract's
        // settlement deadline, next year) and 10,000 refused (due by the remedy deadline, the earlier one).
        unspentCzk: 15_000,
        refusedCzk: 10_000,
        remedyDueOn: returnDueOn,
        returnDueCzk: 25_000,
        returnDueOn,
        reviewNote: 'Část nákladů na materiál nebyla doložena.',
        reviewedAt: reviewedAt.toISOString(),
      });
    });
  });
});
