import { randomUUID } from 'node:crypto';
import { asOwner } from '../support/db';
import { getApplication } from '../support/evaluation';
import { createCast, createDraft, createStaff, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import {
  applicants,
  approve,
  auditTrail,
  contracted,
  decide,
  evaluatedCalls,
  expectStatus,
  ledgerOf,
  movementsOf,
  paidOut,
  partOf,
  pay,
  publishContract,
  recordReturn,
  reject,
  repairOverspentParts,
  reviewSettlement,
  settlementOf,
  signContract,
  submitSettlement,
  today,
  twoWeeksOn,
  type EvaluatedCall,
} from '../support/money';
import type { Submitted } from '../support/evaluation';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every error of the money stage over HTTP, with its status and RFC 9457 body,
 * and that a refused request changes nothing. The clock is fixed: the calls
 * are announced on 2027-01-04, their window closes 2027-03-06 09:00 UTC and
 * the decisions are taken on 2027-03-06 (Prague).
 */

const TODAY = '2027-03-06';
const TOMORROW = '2027-03-07';
/** Today two weeks on (twoWeeksOn), and the day after: for resolutions, contracts and payments on days between. */
const LATER = '2027-03-20';
const DAY_AFTER_LATER = '2027-03-21';
/** The calls' settlement deadline (created on 2027-01-04, + 400 days: test/support/factories), which their contracts copy. */
const SETTLEMENT_DUE_ON = '2028-02-08';

/** The default application: CZK 175,000 requested, budget categories "Osobní náklady" and "Materiál". */
const REQUESTED = 175_000;

describe('money: error codes', () => {
  let t: TestApp;
  let cast: Cast;
  /** Part 1: CZK 9,000,000 for 32 recommended applications of 8 organisations and 2 not recommended ones. */
  let big: EvaluatedCall;
  /** Part 1: CZK 300,000; three applications scored 90, 80, 70: proposals 175,000, 125,000 and 0. */
  let tight: EvaluatedCall;
  /** Part 1: CZK 250,000; two applications scored 90 and 80: proposals 175,000 and 75,000. */
  let modest: EvaluatedCall;
  let recommended: Submitted[];
  let notRecommended: Submitted[];

  /** The next unused recommended application of `big`. */
  const fresh = (): Submitted => {
    const next = recommended.shift();
    if (!next) throw new Error('out of recommended applications: add entries to the plan');
    return next;
  };
  const officer = () => cast.officer.token;
  const budget = () => cast.budget.token;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    const people = await applicants(t, 8);
    const bigPart = { code: '1', name: 'Aktivity', allocationCzk: 9_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 };
    const tightPart = { code: '1', name: 'Aktivity', allocationCzk: 300_000, minRequestCzk: 50_000, maxRequestCzk: 300_000 };
    const modestPart = { code: '1', name: 'Aktivity', allocationCzk: 250_000, minRequestCzk: 50_000, maxRequestCzk: 250_000 };
    [big, tight, modest] = await evaluatedCalls(t, cast, [
      {
        appropriationCzk: 9_000_000,
        call: { parts: [bigPart], maxApplicationsPerOrganisation: 5 },
        entries: [
          ...Array.from({ length: 32 }, (_, i) => ({ applicant: people[i % 8] })),
          { applicant: people[0], score: 40 },
          { applicant: people[1], score: 40 },
        ],
      },
      {
        call: { parts: [tightPart] },
        entries: [90, 80, 70].map((score, i) => ({ applicant: people[i], score })),
      },
      {
        call: { parts: [modestPart] },
        entries: [90, 80].map((score, i) => ({ applicant: people[i + 3], score })),
      },
    ]);
    recommended = big.applications.slice(0, 32);
    notRecommended = big.applications.slice(32);
    expect(today(t)).toBe(TODAY);
  }, 120_000);
  afterAll(async () => {
    // Should an approval ever overspend `tight` again, put it back in agreement with the ledger for the other files (a no-op otherwise).
    if (big && tight) await repairOverspentParts([big.partIds.get('1')!, tight.partIds.get('1')!]);
    await t?.close();
  });

  const statusOf = async (id: string) => (await expectStatus(getApplication(t, officer(), id), 200, 'application')).body.status as string;

  const countRows = (sql: string, params: unknown[]) =>
    asOwner(async (c) => Number((await c.query<{ n: string }>(sql, params)).rows[0].n));

  describe('POST /applications/:id/decision', () => {
    // Regression: DecisionsService.commit once read a bare `UPDATE … RETURNING` as rows (TypeORM answers [rows, rowCount]),
    // so every approval passed and the allocation was overspent (fixed in 1921cbb).
    it('ALLOCATION_EXCEEDED (409) when the award does not fit what is left of the part: nothing committed, no letter, no event; what fits passes', async () => {
      const [first, second, third] = tight.applications;
      const a = await approve(t, officer(), first.id, { amountCzk: REQUESTED });
      expect(a.status).toBe(201);

      // The second was proposed CZK 125,000: more is a deviation from the commission, with its reason.
      const deviating = { deviationReason: 'Rada navýšila dotaci.' };
      const refused = expectProblem(await approve(t, officer(), second.id, { amountCzk: REQUESTED, ...deviating }), 409, 'ALLOCATION_EXCEEDED');
      expect(refused.detail).toBe('The part has CZK 125,000 left of its allocation; the award of CZK 175,000 does not fit.');
      const byOne = expectProblem(await approve(t, officer(), second.id, { amountCzk: 125_001, ...deviating }), 409, 'ALLOCATION_EXCEEDED');
      expect(byOne.detail).toBe('The part has CZK 125,000 left of its allocation; the award of CZK 125,001 does not fit.');

      expect(await partOf(t, budget(), tight.call.callId)).toEqual({
        code: '1',
        allocationCzk: 300_000,
        proposedCzk: 300_000,
        committedCzk: 175_000,
        paidCzk: 0,
        returnedCzk: 0,
        availableCzk: 125_000,
      });
      expect(await statusOf(second.id)).toBe('recommended');
      expect(await movementsOf(t, officer(), second.id)).toEqual([]);
      const events = (await auditTrail(t, budget(), second.id)).body.items.map((e: { action: string }) => e.action);
      expect(events).not.toContain('application.approved');
      expect(await countRows('SELECT count(*) AS n FROM letter WHERE application_id = $1', [second.id])).toBe(0);
      expect(await countRows('SELECT count(*) AS n FROM decision WHERE application_id = $1', [second.id])).toBe(0);

      // Without an amount the commission's proposal (CZK 125,000, exactly what is left) is awarded.
      const fits = await approve(t, officer(), second.id);
      expect(fits.status).toBe(201);
      expect(fits.body).toMatchObject({ outcome: 'approved', amountCzk: 125_000, status: 'approved' });
      expect(await partOf(t, budget(), tight.call.callId)).toMatchObject({ committedCzk: 300_000, availableCzk: 0 });

      // The third was proposed nothing: an approval needs an amount, and no amount fits any more.
      const none = expectProblem(await approve(t, officer(), third.id), 400, 'VALIDATION_FAILED');
      expect(none.errors).toEqual([
        { field: 'amountCzk', code: 'VALIDATION_FAILED', message: 'An approval must award a positive amount; there is no proposal to fall back on.' },
      ]);
      const one = expectProblem(await approve(t, officer(), third.id, { amountCzk: 1, ...deviating }), 409, 'ALLOCATION_EXCEEDED');
      expect(one.detail).toBe('The part has CZK 0 left of its allocation; the award of CZK 1 does not fit.');
      expect(await statusOf(third.id)).toBe('recommended');
    });

    it('PROPOSAL_EXCEEDS_REQUEST (422) for an award above the request; exactly the request passes', async () => {
      const app = fresh();
      const problem = expectProblem(await approve(t, officer(), app.id, { amountCzk: REQUESTED + 1 }), 422, 'PROPOSAL_EXCEEDS_REQUEST');
      expect(problem.detail).toBe('The awarded CZK 175,001 is more than the CZK 175,000 requested.');
      expect(problem.errors).toEqual([{ field: 'amountCzk', code: 'PROPOSAL_EXCEEDS_REQUEST', message: problem.detail }]);
      expect(await movementsOf(t, officer(), app.id)).toEqual([]);
      const ok = await approve(t, officer(), app.id, { amountCzk: REQUESTED });
      expect(ok.status).toBe(201);
      expect(await movementsOf(t, officer(), app.id)).toEqual([['commitment', REQUESTED]]);
    });

    it('a not recommended application is rejected with reasons (its approval needs a deviation reason, below)', async () => {
      const [app] = notRecommended;
      expect(await statusOf(app.id)).toBe('not_recommended');
      const rejected = await reject(t, officer(), app.id);
      expect(rejected.status).toBe(201);
      expect(rejected.body).toMatchObject({ outcome: 'rejected', amountCzk: null, status: 'rejected', reasons: ['Projekt nezískal dostatek bodů.'] });
    });

    it('RESOLUTION_BEFORE_EVALUATION_CLOSE (422): a resolution dated before the evaluation closed (2027-03-06), e.g. a year early; nothing written; the day of the close passes', async () => {
      const app = fresh();
      const message = (date: string) =>
        `The resolution date ${date} is before the evaluation of the call closed (2027-03-06): the Council or the Assembly decides on the commission's results, so not earlier.`;
      const dayBefore = expectProblem(await approve(t, officer(), app.id, { amountCzk: 100_000, resolutionDate: '2027-03-05' }), 422, 'RESOLUTION_BEFORE_EVALUATION_CLOSE');
      expect(dayBefore.detail).toBe(message('2027-03-05'));
      expect(dayBefore.errors).toEqual([{ field: 'resolutionDate', code: 'RESOLUTION_BEFORE_EVALUATION_CLOSE', message: message('2027-03-05') }]);
      // A resolution "of last year" would count against last year's Council limit: refused, and so is a rejection dated so.
      const lastYear = expectProblem(await approve(t, officer(), app.id, { amountCzk: 100_000, resolutionDate: '2026-12-31' }), 422, 'RESOLUTION_BEFORE_EVALUATION_CLOSE');
      expect(lastYear.errors.map((e) => e.field)).toEqual(['resolutionDate']);
      expectProblem(await reject(t, officer(), app.id, { resolutionDate: '2026-12-31' }), 422, 'RESOLUTION_BEFORE_EVALUATION_CLOSE');
      expect(await statusOf(app.id)).toBe('recommended');
      expect(await countRows('SELECT count(*) AS n FROM decision WHERE application_id = $1', [app.id])).toBe(0);
      expect(await movementsOf(t, officer(), app.id)).toEqual([]);
      const ok = await approve(t, officer(), app.id, { amountCzk: 100_000, resolutionDate: TODAY });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ resolutionDate: TODAY, status: 'approved' });
    });

    it('DEVIATION_REASON_REQUIRED (422): approving a not recommended application needs the deviation reason, which is stored, audited and in the letter', async () => {
      const [, app] = notRecommended;
      expect(await statusOf(app.id)).toBe('not_recommended');
      const message = 'The DOT Commission did not recommend this application: an approval must give the reason for deviating from its recommendation (deviationReason).';
      const missing = expectProblem(await approve(t, officer(), app.id, { amountCzk: 100_000 }), 422, 'DEVIATION_REASON_REQUIRED');
      expect(missing.detail).toBe(message);
      expect(missing.errors).toEqual([{ field: 'deviationReason', code: 'DEVIATION_REASON_REQUIRED', message }]);
      expectProblem(await approve(t, officer(), app.id, { amountCzk: 100_000, deviationReason: '   ' }), 422, 'DEVIATION_REASON_REQUIRED');
      expect(await statusOf(app.id)).toBe('not_recommended');
      expect(await countRows('SELECT count(*) AS n FROM decision WHERE application_id = $1', [app.id])).toBe(0);

      const reason = 'Rada ocenila přínos projektu pro rodiny cizinců na Praze 14.';
      const ok = await approve(t, officer(), app.id, { amountCzk: 100_000, deviationReason: `  ${reason} ` });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ outcome: 'approved', amountCzk: 100_000, status: 'approved', deviationReason: reason });
      const stored = await asOwner((c) => c.query<{ deviation_reason: string | null }>('SELECT deviation_reason FROM decision WHERE application_id = $1', [app.id]));
      expect(stored.rows).toEqual([{ deviation_reason: reason }]);
      const events = (await auditTrail(t, budget(), app.id)).body.items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
      const approved = events.find((e) => e.action === 'application.approved');
      expect(approved?.before).toMatchObject({ status: 'not_recommended', proposedCzk: null });
      expect(approved?.after).toMatchObject({ status: 'approved', amountCzk: 100_000, deviationReason: reason });
      const letter = await asOwner((c) => c.query<{ kind: string; data: { decision: Record<string, unknown> } }>('SELECT kind, data FROM letter WHERE application_id = $1', [app.id]));
      expect(letter.rows).toEqual([expect.objectContaining({ kind: 'approval', data: expect.objectContaining({ decision: expect.objectContaining({ deviationReason: reason }) }) })]);
    });

    it('DEVIATION_REASON_REQUIRED (422): an award above the commission\'s proposal needs the reason; up to the proposal none is needed, and none is taken', async () => {
      const [first, second] = modest.applications;
      // The second was proposed CZK 75,000 of the CZK 175,000 it requested.
      const above = expectProblem(await approve(t, officer(), second.id, { amountCzk: 75_001 }), 422, 'DEVIATION_REASON_REQUIRED');
      expect(above.errors).toEqual([
        {
          field: 'deviationReason',
          code: 'DEVIATION_REASON_REQUIRED',
          message: 'The award of CZK 75,001 is above the DOT Commission\'s proposal of CZK 75,000: give the reason for deviating from it (deviationReason).',
        },
      ]);
      expect(await partOf(t, budget(), modest.call.callId)).toMatchObject({ committedCzk: 0 });
      const ok = await approve(t, officer(), second.id, { amountCzk: 100_000, deviationReason: 'Rada navýšila dotaci na lektora.' });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ amountCzk: 100_000, deviationReason: 'Rada navýšila dotaci na lektora.' });

      // The first follows the proposal (CZK 175,000): a deviation reason there is refused, so no letter states a deviation that is none.
      const needless = expectProblem(await approve(t, officer(), first.id, { deviationReason: 'Bez odchylky.' }), 400, 'VALIDATION_FAILED');
      expect(needless.errors).toEqual([
        { field: 'deviationReason', code: 'VALIDATION_FAILED', message: 'The award follows the DOT Commission\'s recommendation and proposal: there is no deviation to give a reason for.' },
      ]);
      const plain = await approve(t, officer(), first.id, { amountCzk: 150_000 });
      expect(plain.status).toBe(201);
      expect(plain.body).toMatchObject({ amountCzk: 150_000, deviationReason: null });
    });

    it('INVALID_STATUS_TRANSITION (409): deciding twice, either way; the allocation is committed once', async () => {
      const app = fresh();
      const before = await partOf(t, budget(), big.call.callId);
      expect((await approve(t, officer(), app.id, { amountCzk: 100_000 })).status).toBe(201);
      const again = expectProblem(await approve(t, officer(), app.id, { amountCzk: 100_000 }), 409, 'INVALID_STATUS_TRANSITION');
      expect(again.detail).toBe('An application in status "approved" cannot be approved; only a recommended or not recommended one can.');
      const rejectNow = expectProblem(await reject(t, officer(), app.id), 409, 'INVALID_STATUS_TRANSITION');
      expect(rejectNow.detail).toBe('An application in status "approved" cannot be decided; only recommended and not recommended ones can.');
      expect((await partOf(t, budget(), big.call.callId)).committedCzk).toBe(before.committedCzk + 100_000);
      expect(await movementsOf(t, officer(), app.id)).toEqual([['commitment', 100_000]]);

      const other = fresh();
      expect((await reject(t, officer(), other.id)).status).toBe(201);
      expectProblem(await reject(t, officer(), other.id), 409, 'INVALID_STATUS_TRANSITION');
      const late = expectProblem(await approve(t, officer(), other.id, { amountCzk: 1 }), 409, 'INVALID_STATUS_TRANSITION');
      expect(late.detail).toBe('An application in status "rejected" cannot be approved; only a recommended or not recommended one can.');
      expect(await countRows('SELECT count(*) AS n FROM decision WHERE application_id = ANY($1::uuid[])', [[app.id, other.id]])).toBe(2);
    });

    it('INVALID_STATUS_TRANSITION (409): contract, settlement, review and return out of order', async () => {
      const app = fresh();
      const early = expectProblem(await signContract(t, officer(), app.id), 409, 'INVALID_STATUS_TRANSITION');
      expect(early.detail).toBe('A contract can be recorded only for an approved application; this one is "recommended".');
      expect((await approve(t, officer(), app.id, { amountCzk: 60_000 })).status).toBe(201);
      const settlement = expectProblem(await submitSettlement(t, app.applicant.token, app.id, settlementOf(0)), 409, 'INVALID_STATUS_TRANSITION');
      expect(settlement.detail).toBe('A settlement can be submitted only for a contracted application; this one is "approved".');
      const review = expectProblem(await reviewSettlement(t, officer(), app.id, 0), 409, 'INVALID_STATUS_TRANSITION');
      expect(review.detail).toBe('Only a submitted settlement can be reviewed; this application is "approved".');
      const back = expectProblem(await recordReturn(t, budget(), app.id, 1_000, TODAY), 409, 'INVALID_STATUS_TRANSITION');
      expect(back.detail).toBe('Nothing can be returned for an application that is approved.');
      expect(await statusOf(app.id)).toBe('approved');
      expect(await movementsOf(t, officer(), app.id)).toEqual([['commitment', 60_000]]);
    });

    it('VALIDATION_FAILED (400): a rejection without reasons, with blank reasons, or with an amount', async () => {
      const app = fresh();
      const missing = expectProblem(await decide(t, officer(), app.id, { outcome: 'rejected', body: 'council', resolutionNumber: 'R-1', resolutionDate: TODAY }), 400, 'VALIDATION_FAILED');
      expect(missing.errors).toEqual([{ field: 'reasons', code: 'VALIDATION_FAILED', message: 'A rejection must give the applicant its reasons.' }]);
      expect(missing.detail).toBe('A rejection must give the applicant its reasons.');
      const empty = expectProblem(await reject(t, officer(), app.id, { reasons: [] }), 400, 'VALIDATION_FAILED');
      expect(empty.errors.map((e) => e.field)).toEqual(['reasons']);
      const blank = expectProblem(await reject(t, officer(), app.id, { reasons: ['   '] }), 400, 'VALIDATION_FAILED');
      expect(blank.errors.map((e) => e.field)).toEqual(['reasons', 'reasons[0]']);
      const amount = expectProblem(await reject(t, officer(), app.id, { amountCzk: 10_000 }), 400, 'VALIDATION_FAILED');
      expect(amount.errors).toEqual([{ field: 'amountCzk', code: 'VALIDATION_FAILED', message: 'A rejection awards nothing; leave the amount out.' }]);
      expect(await statusOf(app.id)).toBe('recommended');
    });

    it('VALIDATION_FAILED (400): a resolution dated in the future; all problems of a request at once', async () => {
      const app = fresh();
      const future = expectProblem(await approve(t, officer(), app.id, { resolutionDate: TOMORROW }), 400, 'VALIDATION_FAILED');
      expect(future.errors).toEqual([
        { field: 'resolutionDate', code: 'VALIDATION_FAILED', message: 'The resolution date 2027-03-07 is in the future; record a resolution once it is passed.' },
      ]);
      const all = expectProblem(
        await decide(t, officer(), app.id, { outcome: 'rejected', amountCzk: 5_000, body: 'council', resolutionNumber: 'R-2', resolutionDate: TOMORROW }),
        400,
        'VALIDATION_FAILED',
      );
      expect(all.detail).toBe('3 rules are not met; see errors.');
      expect(all.errors.map((e) => e.field)).toEqual(['resolutionDate', 'amountCzk', 'reasons']);
      // Today is fine, and so is a date in the past (since the evaluation closed: two weeks on, a resolution of a week ago).
      expect((await twoWeeksOn(t, () => approve(t, officer(), app.id, { resolutionDate: '2027-03-13', amountCzk: 50_000 }))).status).toBe(201);
    });

    it.each([
      ['a fractional amount', { amountCzk: 1000.5 }, 'amountCzk'],
      ['an amount as a string', { amountCzk: '1000' }, 'amountCzk'],
      ['a negative amount', { amountCzk: -1 }, 'amountCzk'],
      ['a zero amount', { amountCzk: 0 }, 'amountCzk'],
      ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
      ['an unknown body', { body: 'mayor' }, 'body'],
      ['a blank resolution number', { resolutionNumber: '   ' }, 'resolutionNumber'],
      ['an impossible date', { resolutionDate: '2027-02-30' }, 'resolutionDate'],
      ['reasons that are not strings', { outcome: 'rejected', reasons: [1] }, 'reasons'],
    ])('VALIDATION_FAILED (400) for %s, naming the field', async (_label, patch, field) => {
      const app = recommended[0];
      const problem = expectProblem(await approve(t, officer(), app.id, patch), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => (e.field ?? '').replace(/\[\d+\]$/, ''))).toContain(field);
      expect(await statusOf(app.id)).toBe('recommended');
    });

    it('NOT_FOUND (404) for a draft or an unknown id; 400 for an id that is not a UUID', async () => {
      const draft = await createDraft(t, recommended[0].applicant.token, big.call);
      expectProblem(await approve(t, officer(), draft.id, { amountCzk: 1_000 }), 404, 'NOT_FOUND');
      expectProblem(await approve(t, officer(), randomUUID(), { amountCzk: 1_000 }), 404, 'NOT_FOUND');
      expectProblem(await approve(t, officer(), 'not-a-uuid', { amountCzk: 1_000 }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('POST /applications/:id/contract and /contract/publication', () => {
    it('INVALID_BANK_ACCOUNT (400) for an account whose checksum fails; the application stays approved', async () => {
      const app = fresh();
      expect((await approve(t, officer(), app.id, { amountCzk: 80_000 })).status).toBe(201);
      for (const bankAccount of ['19-2000145398/0800', '2000145399', '19-2000145399/08']) {
        const problem = expectProblem(await signContract(t, officer(), app.id, { bankAccount }), 400, 'INVALID_BANK_ACCOUNT');
        expect(problem.errors).toEqual([
          { field: 'bankAccount', code: 'INVALID_BANK_ACCOUNT', message: 'is not a valid Czech bank account (prefix-number/bank code with checksums)' },
        ]);
      }
      expect(await statusOf(app.id)).toBe('approved');
      // The organisation's registered account (the factories register this one).
      const ok = await signContract(t, officer(), app.id, { bankAccount: '19-2000145399/0800' });
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({
        applicationId: app.id,
        contractNumber: `SML-${app.id}`,
        signedOn: TODAY,
        bankAccount: '19-2000145399/0800',
        amountCzk: 80_000,
        settlementDueOn: SETTLEMENT_DUE_ON,
        publicationDueOn: '2027-04-05',
        publishedOn: null,
        publicationUrl: null,
      });
    });

    it('BANK_ACCOUNT_NOT_REGISTERED (422) for a valid account that is not the organisation’s registered one; the application stays approved', async () => {
      const app = fresh();
      expect((await approve(t, officer(), app.id, { amountCzk: 60_000 })).status).toBe(201);
      const problem = expectProblem(await signContract(t, officer(), app.id, { bankAccount: '034278-0727558021/0100' }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');
      expect(problem.errors).toEqual([
        {
          field: 'bankAccount',
          code: 'BANK_ACCOUNT_NOT_REGISTERED',
          message:
            "034278-0727558021/0100 is not the organisation's registered bank account (19-2000145399/0800); a change is asked for by the organisation and confirmed by an officer.",
        },
      ]);
      expect(await statusOf(app.id)).toBe('approved');
    });

    it('VALIDATION_FAILED (400) for a contract signed before the resolution or in the future; a second contract is 409', async () => {
      const app = fresh();
      // Two weeks on: a resolution of 15 March, after the evaluation closed on 6 March.
      await twoWeeksOn(t, async () => {
        expect(today(t)).toBe(LATER);
        expect((await approve(t, officer(), app.id, { amountCzk: 70_000, resolutionDate: '2027-03-15' })).status).toBe(201);
        const before = expectProblem(await signContract(t, officer(), app.id, { signedOn: '2027-03-14' }), 400, 'VALIDATION_FAILED');
        expect(before.errors).toEqual([
          { field: 'signedOn', code: 'VALIDATION_FAILED', message: 'The contract cannot be signed (2027-03-14) before the resolution awarding the grant (2027-03-15).' },
        ]);
        const future = expectProblem(await signContract(t, officer(), app.id, { signedOn: DAY_AFTER_LATER }), 400, 'VALIDATION_FAILED');
        expect(future.errors[0]).toMatchObject({ field: 'signedOn', message: 'The signing date 2027-03-21 is in the future; record the contract once it is signed.' });

        const signed = await signContract(t, officer(), app.id, { signedOn: '2027-03-15' });
        expect(signed.status).toBe(201);
        expect(signed.body.publicationDueOn).toBe('2027-04-14');
        const twice = expectProblem(await signContract(t, officer(), app.id, { contractNumber: 'SML-OTHER' }), 409, 'INVALID_STATUS_TRANSITION');
        expect(twice.detail).toBe('A contract can be recorded only for an approved application; this one is "contracted".');
      });

      // The contract number is unique across applications.
      const other = fresh();
      expect((await approve(t, officer(), other.id, { amountCzk: 70_000 })).status).toBe(201);
      const taken = expectProblem(await signContract(t, officer(), other.id, { contractNumber: `SML-${app.id}` }), 409, 'CONTRACT_NUMBER_TAKEN');
      expect(taken.errors).toEqual([{ field: 'contractNumber', message: 'is already used by another contract' }]);
      expect(await statusOf(other.id)).toBe('approved');
    });

    it('publicationDueOn: none up to CZK 50,000, signing date + 30 days above', async () => {
      const [at, above] = [fresh(), fresh()];
      await contracted(t, officer(), at.id, 50_000);
      await contracted(t, officer(), above.id, 50_001);
      const res = await asOwner((c) =>
        c.query<{ application_id: string; due: string | null }>(
          'SELECT application_id, publication_due_on::text AS due FROM grant_contract WHERE application_id = ANY($1::uuid[])',
          [[at.id, above.id]],
        ),
      );
      expect(Object.fromEntries(res.rows.map((r) => [r.application_id, r.due]))).toEqual({ [at.id]: null, [above.id]: '2027-04-05' });
    });

    it('publication: CONTRACT_REQUIRED (409) without a contract; dates and URL validated; then recorded', async () => {
      const app = fresh();
      // Two weeks on: resolved on 16 March, signed on the 17th, published on the 18th.
      await twoWeeksOn(t, async () => {
        expect((await approve(t, officer(), app.id, { amountCzk: 90_000, resolutionDate: '2027-03-16' })).status).toBe(201);
        const none = expectProblem(await publishContract(t, officer(), app.id), 409, 'CONTRACT_REQUIRED');
        expect(none.detail).toBe('The application has no contract to publish.');
        expect((await signContract(t, officer(), app.id, { signedOn: '2027-03-17' })).status).toBe(201);

        const early = expectProblem(await publishContract(t, officer(), app.id, { publishedOn: '2027-03-16' }), 400, 'VALIDATION_FAILED');
        expect(early.errors).toEqual([
          { field: 'publishedOn', code: 'VALIDATION_FAILED', message: 'A contract cannot be published (2027-03-16) before it is signed (2027-03-17).' },
        ]);
        const future = expectProblem(await publishContract(t, officer(), app.id, { publishedOn: DAY_AFTER_LATER }), 400, 'VALIDATION_FAILED');
        expect(future.errors.map((e) => e.field)).toEqual(['publishedOn']);
        const url = expectProblem(await publishContract(t, officer(), app.id, { url: 'ftp://smlouvy.gov.cz/1' }), 400, 'VALIDATION_FAILED');
        expect(url.errors).toEqual([{ field: 'url', code: 'VALIDATION_FAILED', message: 'The publication address must be an http(s) URL.' }]);

        const ok = await publishContract(t, officer(), app.id, { publishedOn: '2027-03-18', url: 'https://smlouvy.gov.cz/smlouva/42' });
        expect(ok.status).toBe(201);
        expect(ok.body).toMatchObject({ applicationId: app.id, signedOn: '2027-03-17', publicationDueOn: '2027-04-16', publishedOn: '2027-03-18', publicationUrl: 'https://smlouvy.gov.cz/smlouva/42' });
      });
    });
  });

  describe('POST /applications/:id/payments', () => {
    it('CONTRACT_REQUIRED (409) before the contract; PAYMENT_EXCEEDS_AWARD (409) above the award, to the crown', async () => {
      const app = fresh();
      expect((await approve(t, officer(), app.id, { amountCzk: REQUESTED })).status).toBe(201);
      const early = expectProblem(await pay(t, budget(), app.id, 10_000), 409, 'CONTRACT_REQUIRED');
      expect(early.detail).toBe('Nothing can be paid before the contract is signed and recorded.');
      expect((await signContract(t, officer(), app.id)).status).toBe(201);

      expect((await pay(t, budget(), app.id, 100_000)).status).toBe(201);
      const over = expectProblem(await pay(t, budget(), app.id, 75_001), 409, 'PAYMENT_EXCEEDS_AWARD');
      expect(over.detail).toBe(
        'With CZK 100,000 already paid, CZK 75,001 more would make CZK 175,001, above the award of CZK 175,000; at most CZK 75,000 can still be paid.',
      );
      expect(over.errors).toEqual([{ field: 'amountCzk', code: 'PAYMENT_EXCEEDS_AWARD', message: over.detail }]);
      const rest = await pay(t, budget(), app.id, 75_000, { paymentReference: 'VS 2027000042' });
      expect(rest.status).toBe(201);
      expect(rest.body).toEqual({
        id: expect.any(String),
        applicationId: app.id,
        amountCzk: 75_000,
        paidOn: TODAY,
        paymentReference: 'VS 2027000042',
        bankAccount: '19-2000145399/0800',
        paidTotalCzk: REQUESTED,
        awardCzk: REQUESTED,
      });
      const more = expectProblem(await pay(t, budget(), app.id, 1), 409, 'PAYMENT_EXCEEDS_AWARD');
      expect(more.detail).toContain('at most CZK 0 can still be paid');
      expect(await movementsOf(t, budget(), app.id)).toEqual([
        ['commitment', REQUESTED],
        ['payment', 100_000],
        ['payment', 75_000],
      ]);
    });

    it('a payment dated before the signature is CONTRACT_REQUIRED (409) on paidOn; one in the future is 400', async () => {
      const app = fresh();
      // Two weeks on: resolved on 15 March, signed on the 16th.
      await twoWeeksOn(t, async () => {
        expect((await approve(t, officer(), app.id, { amountCzk: 60_000, resolutionDate: '2027-03-15' })).status).toBe(201);
        expect((await signContract(t, officer(), app.id, { signedOn: '2027-03-16' })).status).toBe(201);
        const before = expectProblem(await pay(t, budget(), app.id, 1_000, { paidOn: '2027-03-15' }), 409, 'CONTRACT_REQUIRED');
        expect(before.errors).toEqual([
          { field: 'paidOn', code: 'CONTRACT_REQUIRED', message: 'The contract was signed on 2027-03-16; a payment cannot be dated before it (2027-03-15).' },
        ]);
        const future = expectProblem(await pay(t, budget(), app.id, 1_000, { paidOn: DAY_AFTER_LATER }), 400, 'VALIDATION_FAILED');
        expect(future.errors[0]).toMatchObject({ field: 'paidOn' });
        expect((await pay(t, budget(), app.id, 1_000, { paidOn: '2027-03-16' })).status).toBe(201);
      });
    });

    it.each([
      ['zero', 0],
      ['negative', -100],
      ['fractional', 100.5],
      ['a string', '100'],
      ['above the maximum', 1_000_000_000_001],
    ])('VALIDATION_FAILED (400) for an amount that is %s', async (_label, amountCzk) => {
      const problem = expectProblem(
        await t.http.post(`${API}/applications/${recommended[0].id}/payments`).auth(budget(), { type: 'bearer' }).send({ amountCzk, paidOn: TODAY, paymentReference: 'VS 1' }),
        400,
        'VALIDATION_FAILED',
      );
      expect([...new Set(problem.errors.map((e) => e.field))]).toEqual(['amountCzk']);
    });

    it('INVALID_STATUS_TRANSITION (409) once the settlement is in, even within the award', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, 100_000, 50_000);
      expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(50_000))).status).toBe(201);
      const problem = expectProblem(await pay(t, budget(), app.id, 10_000), 409, 'INVALID_STATUS_TRANSITION');
      expect(problem.detail).toBe('Payments are made while the contract runs; this application is settlement_submitted.');
    });
  });

  describe('POST /applications/:id/settlement and /settlement/review', () => {
    it('SETTLEMENT_EXCEEDS_PAYMENTS (422) when more was spent than paid (less what was returned)', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, REQUESTED, 100_000);
      const over = expectProblem(await submitSettlement(t, app.applicant.token, app.id, settlementOf(100_001)), 422, 'SETTLEMENT_EXCEEDS_PAYMENTS');
      expect(over.detail).toBe('CZK 100,001 cannot have been spent of a grant of which CZK 100,000 was paid.');
      expect(over.errors).toEqual([{ field: 'spentCzk', code: 'SETTLEMENT_EXCEEDS_PAYMENTS', message: over.detail }]);

      // Unused money sent back before the settlement lowers what can have been spent.
      const early = await recordReturn(t, budget(), app.id, 10_000, TODAY);
      expect(early.status).toBe(201);
      expect(early.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 0, penaltyDueCzk: 0, status: 'contracted' });
      const afterReturn = expectProblem(await submitSettlement(t, app.applicant.token, app.id, settlementOf(90_001)), 422, 'SETTLEMENT_EXCEEDS_PAYMENTS');
      expect(afterReturn.detail).toBe('CZK 90,001 cannot have been spent of a grant of which CZK 100,000 was paid and CZK 10,000 returned.');
      const ok = await submitSettlement(t, app.applicant.token, app.id, settlementOf(90_000));
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({
        applicationId: app.id,
        status: 'settlement_submitted',
        spentCzk: 90_000,
        lines: [{ category: 'Osobní náklady', spentCzk: 90_000 }],
        report: 'Projekt proběhl podle plánu.',
        paidCzk: 100_000,
        acceptedCzk: null,
        returnDueCzk: null,
        returnDueOn: null,
        settlementDueOn: SETTLEMENT_DUE_ON,
        unspentCzk: null,
        refusedCzk: null,
        remedyDueOn: null,
      });
      const twice = expectProblem(await submitSettlement(t, app.applicant.token, app.id, settlementOf(90_000)), 409, 'INVALID_STATUS_TRANSITION');
      expect(twice.detail).toBe('A settlement can be submitted only for a contracted application; this one is "settlement_submitted".');
    });

    it('SETTLEMENT_EXCEEDS_PAYMENTS (422) on review when money came back after the settlement; the unpaid rest is released', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, REQUESTED, 100_000);
      expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(100_000))).status).toBe(201);
      expect((await recordReturn(t, budget(), app.id, 10_000, TODAY)).body).toMatchObject({ status: 'settlement_submitted', returnDueCzk: 0 });
      const before = await partOf(t, budget(), big.call.callId);

      const over = expectProblem(await reviewSettlement(t, officer(), app.id, 100_000), 422, 'SETTLEMENT_EXCEEDS_PAYMENTS');
      expect(over.detail).toBe('CZK 100,000 cannot be accepted: the recipient holds CZK 90,000 of the grant.');
      const aboveSpent = expectProblem(await reviewSettlement(t, officer(), app.id, 100_001, 'x'), 400, 'VALIDATION_FAILED');
      expect(aboveSpent.errors[0]).toEqual({
        field: 'acceptedCzk',
        code: 'VALIDATION_FAILED',
        message: 'CZK 100,001 cannot be accepted: the recipient declared CZK 100,000 spent.',
      });
      const noNote = expectProblem(await reviewSettlement(t, officer(), app.id, 80_000, '  '), 400, 'VALIDATION_FAILED');
      expect(noNote.errors).toEqual([{ field: 'note', code: 'VALIDATION_FAILED', message: 'Say why part of the amount spent is not accepted.' }]);

      const ok = await reviewSettlement(t, officer(), app.id, 90_000, 'CZK 10,000 vráceno předem.');
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ status: 'closed', acceptedCzk: 90_000, returnDueCzk: 0, returnDueOn: null, paidCzk: 100_000 });
      // 175,000 awarded, 100,000 paid: the 75,000 never paid goes back to the part.
      const after = await partOf(t, budget(), big.call.callId);
      expect(after.committedCzk).toBe(before.committedCzk - 75_000);
      expect(after.availableCzk).toBe(before.availableCzk + 75_000);
      expect(await movementsOf(t, budget(), app.id)).toEqual([
        ['commitment', REQUESTED],
        ['payment', 100_000],
        ['return', 10_000],
        ['release', 75_000],
      ]);
      const closed = expectProblem(await reviewSettlement(t, officer(), app.id, 90_000, 'x'), 409, 'INVALID_STATUS_TRANSITION');
      expect(closed.detail).toBe('Only a submitted settlement can be reviewed; this application is "closed".');
    });

    it.each([
      ['lines that do not add up', { spentCzk: 15_000, lines: [{ category: 'Osobní náklady', spentCzk: 10_000 }], report: 'Zpráva' }, 'lines', 'The lines add up to CZK 10,000, not the CZK 15,000 declared as spent.'],
      ['a category the budget does not have', { spentCzk: 1_000, lines: [{ category: 'Cestovné', spentCzk: 1_000 }], report: 'Zpráva' }, 'lines[0].category', '"Cestovné" is not a budget category of the application.'],
      [
        'a category twice',
        { spentCzk: 2_000, lines: [{ category: 'Materiál', spentCzk: 1_000 }, { category: 'Materiál', spentCzk: 1_000 }], report: 'Zpráva' },
        'lines[1].category',
        'Category "Materiál" is listed twice.',
      ],
    ])('VALIDATION_FAILED (400) for a settlement with %s', async (_label, body, field, message) => {
      const app = settleable();
      const problem = expectProblem(await submitSettlement(t, app.applicant.token, app.id, body), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field, code: 'VALIDATION_FAILED', message }]);
    });

    it.each([
      ['no lines', { spentCzk: 0, lines: [], report: 'Zpráva' }, 'lines'],
      ['a blank report', { spentCzk: 0, lines: [{ category: 'Materiál', spentCzk: 0 }], report: '   ' }, 'report'],
      ['a fractional amount', { spentCzk: 0.5, lines: [{ category: 'Materiál', spentCzk: 0.5 }], report: 'Zpráva' }, 'spentCzk'],
    ])('VALIDATION_FAILED (400) for a settlement with %s (request shape)', async (_label, body, field) => {
      const app = settleable();
      const problem = expectProblem(await submitSettlement(t, app.applicant.token, app.id, body), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    });

    /** A contracted application paid CZK 20,000, prepared once for the settlement validation cases. */
    let settleableApp: Submitted | undefined;
    const settleable = () => {
      if (!settleableApp) throw new Error('not prepared');
      return settleableApp;
    };
    beforeAll(async () => {
      settleableApp = fresh();
      await paidOut(t, cast, settleableApp.id, 20_000, 20_000);
    });

    it("NOT_FOUND (404) for another organisation's application, like an id that does not exist", async () => {
      const app = settleable();
      const other = recommended.find((a) => a.applicant.organisationId !== app.applicant.organisationId)!;
      const foreign = expectProblem(await submitSettlement(t, other.applicant.token, app.id, settlementOf(1_000)), 404, 'NOT_FOUND');
      const missing = expectProblem(await submitSettlement(t, other.applicant.token, randomUUID(), settlementOf(1_000)), 404, 'NOT_FOUND');
      expect(foreign.detail).toBe(missing.detail);
      expectProblem(await ledgerOf(t, other.applicant.token, app.id), 404, 'NOT_FOUND');
      expect(await statusOf(app.id)).toBe('contracted');
    });
  });

  describe('POST /applications/:id/returns', () => {
    it('VALIDATION_FAILED (400) above what is due and held, or received in the future; 409 once closed', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, 100_000, 100_000);
      expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(100_000))).status).toBe(201);
      expect((await reviewSettlement(t, officer(), app.id, 70_000, 'Nedoložené výdaje.')).body).toMatchObject({
        status: 'settled',
        returnDueCzk: 30_000,
        returnDueOn: '2027-04-05',
      });
      const future = expectProblem(await recordReturn(t, budget(), app.id, 1_000, TOMORROW), 400, 'VALIDATION_FAILED');
      expect(future.errors).toEqual([{ field: 'receivedOn', code: 'VALIDATION_FAILED', message: 'The date received 2027-03-07 is in the future.' }]);

      const part = await recordReturn(t, budget(), app.id, 12_000, TODAY);
      expect(part.body).toMatchObject({ amountCzk: 12_000, returnDueCzk: 18_000, penaltyLeviedCzk: 0, penaltyDueCzk: 0, status: 'settled' });
      const rest = await recordReturn(t, budget(), app.id, 18_000, TODAY);
      expect(rest.body).toMatchObject({ returnDueCzk: 0, penaltyLeviedCzk: 0, status: 'closed' });
      const closed = expectProblem(await recordReturn(t, budget(), app.id, 1, TODAY), 409, 'INVALID_STATUS_TRANSITION');
      expect(closed.detail).toBe('Nothing can be returned for an application that is closed.');
      expect(await movementsOf(t, budget(), app.id)).toEqual([
        ['commitment', 100_000],
        ['payment', 100_000],
        ['return_due', 30_000],
        ['return', 12_000],
        ['return', 18_000],
      ]);
    });

    it('VALIDATION_FAILED (400) before the settlement: at most what the recipient still holds comes back', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, 50_000, 20_000);
      const over = expectProblem(await recordReturn(t, budget(), app.id, 20_001, TODAY), 400, 'VALIDATION_FAILED');
      expect(over.errors).toEqual([
        { field: 'amountCzk', code: 'VALIDATION_FAILED', message: 'At most CZK 20,000 can be returned: CZK 0 due and CZK 20,000 still held of the grant.' },
      ]);
      expect((await recordReturn(t, budget(), app.id, 20_000, TODAY)).body).toMatchObject({ status: 'contracted', returnDueCzk: 0 });
      const nothing = expectProblem(await recordReturn(t, budget(), app.id, 1, TODAY), 400, 'VALIDATION_FAILED');
      expect(nothing.errors[0].message).toBe('The recipient holds nothing of the grant and owes nothing back.');
    });

    // Regression: after the review the recipient holds nothing; the money accepted as spent is not "held".
    it('VALIDATION_FAILED (400) after the review: no more than the claimed return can come back', async () => {
      const app = fresh();
      await paidOut(t, cast, app.id, 100_000, 100_000);
      expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(100_000))).status).toBe(201);
      expect((await reviewSettlement(t, officer(), app.id, 70_000, 'Nedoložené výdaje.')).body).toMatchObject({ returnDueCzk: 30_000 });
      const over = expectProblem(await recordReturn(t, budget(), app.id, 30_001, TODAY), 400, 'VALIDATION_FAILED');
      expect(over.errors).toEqual([
        { field: 'amountCzk', code: 'VALIDATION_FAILED', message: 'At most CZK 30,000 can be returned: CZK 30,000 due and CZK 0 still held of the grant.' },
      ]);
      expect(await statusOf(app.id)).toBe('settled');
    });
  });

  describe('Idempotency-Key on decision, payment and return', () => {
    it('the same key and body replays the first answer and pays once; another body is IDEMPOTENCY_KEY_REUSED (409)', async () => {
      const app = fresh();
      await contracted(t, officer(), app.id, 100_000);
      const first = await pay(t, budget(), app.id, 40_000).set('Idempotency-Key', 'pay-once');
      expect(first.status).toBe(201);
      const replay = await pay(t, budget(), app.id, 40_000).set('Idempotency-Key', 'pay-once');
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);

      const reused = expectProblem(await pay(t, budget(), app.id, 40_001).set('Idempotency-Key', 'pay-once'), 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(reused.detail).toBe('This Idempotency-Key was already used with a different request.');
      // The path is part of the request: the key on another application's payment is a different request too.
      const elsewhere = recommended[0];
      expectProblem(await pay(t, budget(), elsewhere.id, 40_000).set('Idempotency-Key', 'pay-once'), 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(await movementsOf(t, budget(), app.id)).toEqual([
        ['commitment', 100_000],
        ['payment', 40_000],
      ]);
      expect(await countRows('SELECT count(*) AS n FROM payment WHERE application_id = $1', [app.id])).toBe(1);
    });

    it('a refused first request frees its key: the same request is judged again, a corrected one goes through', async () => {
      const app = fresh();
      await contracted(t, officer(), app.id, 50_000);
      expectProblem(await pay(t, budget(), app.id, 50_001).set('Idempotency-Key', 'fix-me'), 409, 'PAYMENT_EXCEEDS_AWARD');
      const again = expectProblem(await pay(t, budget(), app.id, 50_001).set('Idempotency-Key', 'fix-me'), 409, 'PAYMENT_EXCEEDS_AWARD');
      expect(again).toBeDefined();
      const ok = await pay(t, budget(), app.id, 50_000).set('Idempotency-Key', 'fix-me');
      expect(ok.status).toBe(201);
      expect(ok.headers['idempotent-replayed']).toBeUndefined();
      expect((await pay(t, budget(), app.id, 50_000).set('Idempotency-Key', 'fix-me')).headers['idempotent-replayed']).toBe('true');
    });

    it('on decisions and returns too; a key longer than 200 characters is 400', async () => {
      const app = fresh();
      const key = `decision-${app.id}`;
      const first = await approve(t, officer(), app.id, { amountCzk: 30_000 }).set('Idempotency-Key', key);
      expect(first.status).toBe(201);
      const replay = await approve(t, officer(), app.id, { amountCzk: 30_000 }).set('Idempotency-Key', key);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expectProblem(await approve(t, officer(), app.id, { amountCzk: 30_001 }).set('Idempotency-Key', key), 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(await countRows('SELECT count(*) AS n FROM letter WHERE application_id = $1', [app.id])).toBe(1);

      expect((await signContract(t, officer(), app.id)).status).toBe(201);
      expect((await pay(t, budget(), app.id, 30_000)).status).toBe(201);
      const back = await recordReturn(t, budget(), app.id, 5_000, TODAY).set('Idempotency-Key', 'return-1');
      expect(back.status).toBe(201);
      expect((await recordReturn(t, budget(), app.id, 5_000, TODAY).set('Idempotency-Key', 'return-1')).body).toEqual(back.body);
      expectProblem(await recordReturn(t, budget(), app.id, 6_000, TODAY).set('Idempotency-Key', 'return-1'), 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(await movementsOf(t, budget(), app.id)).toEqual([
        ['commitment', 30_000],
        ['payment', 30_000],
        ['return', 5_000],
      ]);

      const long = expectProblem(await pay(t, budget(), app.id, 1).set('Idempotency-Key', 'k'.repeat(201)), 400, 'VALIDATION_FAILED');
      expect(long.errors).toEqual([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
    });

    it('keys belong to their user: another Budget Department user with the same key makes its own payment', async () => {
      const app = fresh();
      await contracted(t, officer(), app.id, 20_000);
      const colleague = await createStaff(t, 'budget');
      expect((await pay(t, budget(), app.id, 5_000).set('Idempotency-Key', 'shared-key')).status).toBe(201);
      const own = await pay(t, colleague.token, app.id, 5_000).set('Idempotency-Key', 'shared-key');
      expect(own.status).toBe(201);
      expect(own.headers['idempotent-replayed']).toBeUndefined();
      expect(own.body.paidTotalCzk).toBe(10_000);
    });
  });

  describe('segregation of duties', () => {
    it('an officer cannot pay, the Budget Department cannot decide or review, an applicant cannot decide or pay (403); nothing changes', async () => {
      const app = fresh();
      for (const token of [cast.budget.token, cast.commission.token, cast.admin.token, app.applicant.token]) {
        expectProblem(await approve(t, token, app.id, { amountCzk: 10_000 }), 403, 'FORBIDDEN');
      }
      expect(await statusOf(app.id)).toBe('recommended');
      await contracted(t, officer(), app.id, 40_000);
      for (const token of [cast.officer.token, cast.commission.token, cast.admin.token, app.applicant.token]) {
        expectProblem(await pay(t, token, app.id, 10_000), 403, 'FORBIDDEN');
        expectProblem(await recordReturn(t, token, app.id, 1_000, TODAY), 403, 'FORBIDDEN');
      }
      expect(await movementsOf(t, budget(), app.id)).toEqual([['commitment', 40_000]]);
      expect((await pay(t, budget(), app.id, 10_000)).status).toBe(201);
      for (const token of [cast.officer.token, cast.budget.token, cast.admin.token]) {
        expectProblem(await submitSettlement(t, token, app.id, settlementOf(10_000)), 403, 'FORBIDDEN');
      }
      expect((await submitSettlement(t, app.applicant.token, app.id, settlementOf(10_000))).status).toBe(201);
      for (const token of [cast.budget.token, cast.admin.token, app.applicant.token]) {
        expectProblem(await reviewSettlement(t, token, app.id, 10_000), 403, 'FORBIDDEN');
      }
      expect(await statusOf(app.id)).toBe('settlement_submitted');
    });
  });
});
