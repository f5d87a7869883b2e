import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays, pragueDate } from '@app/core/time/prague-time';
import { EvaluationRepository } from '@app/evaluation/evaluation.repository';
import { createCast, createDraft, openCall, type Cast, type OpenCall } from '../support/factories';
import { API } from '../support/http';
import {
  adjustProposal,
  declare,
  declareAndScore,
  expectOk,
  formalCheck,
  setAffiliations,
  setUpEvaluation,
  type EvaluationSetup,
  type Submitted,
} from '../support/evaluation';
import { partIdsOf, requesting } from '../support/money';
import { organisationOf } from '../support/reports';
import { rolledBack as rolledBackIn } from '../support/rolled-back';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * EvaluationRepository's reads against the real database (callOfSubmitted and
 * the writers of sheets, declarations and formal checks are in
 * evaluation-repositories.e2e-spec.ts). Everything is set up through the HTTP
 * API and left as the services wrote it; the tests only read. One call
 * (normalised ranking, quorum 2, minimum 40 points) with six applications:
 *
 *   a  part 1, eligible: m0 80, m1 70, m2 50 (m2 is then affiliated with a's organisation); proposed 150,000
 *   b  part 2, eligible: m0 60; m1 declared a conflict
 *   c  part 1, eligible: m0 90, then withdrawn by the applicant
 *   d  part 1, correction requested
 *   e  part 1, submitted, not yet checked
 *   f  part 1, ineligible
 */
describe('evaluation reads (EvaluationRepository)', () => {
  let t: TestApp;
  let cast: Cast;
  let setup: EvaluationSetup;
  let otherCall: OpenCall;
  let a: Submitted, b: Submitted, c: Submitted, d: Submitted, e: Submitted, f: Submitted;
  let m0: string, m1: string, m2: string;
  let parts: Map<string, string>;
  const orgName = new Map<string, string>();

  const repo = () => t.app.get(EvaluationRepository);
  const manager = () => t.dataSource.manager;
  const callId = () => setup.call.callId;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    // Another announced call (the cast's applicant has a draft in it): nothing of it is in the first call's reads.
    otherCall = await openCall(t, cast.officer.token);
    await createDraft(t, cast.applicant.token, otherCall);
    setup = await setUpEvaluation(t, cast.officer.token, {
      applications: 6,
      members: 3,
      eligible: false,
      call: { rankingMethod: 'normalised', quorum: 2, minScore: 40 },
      application: (i) => (i === 1 ? { partCode: '2', title: 'Sborník příběhů cizinců', ...requesting(100_000) } : {}),
    });
    [a, b, c, d, e, f] = setup.applications;
    [m0, m1, m2] = setup.members.map((m) => m.id);
    const [t0, t1, t2] = setup.members.map((m) => m.token);
    const officer = cast.officer.token;
    const criteria = setup.terms.criteria;
    const today = pragueDate(t.clock.now());

    for (const x of [a, b, c]) await expectOk(formalCheck(t, officer, x.id, { result: 'eligible', reasons: [] }), 'eligible');
    await expectOk(formalCheck(t, officer, d.id, { result: 'correction_requested', reasons: ['Chybí podpis'], correctionDueOn: addDays(today, 7) }), 'correction');
    await expectOk(formalCheck(t, officer, f.id, { result: 'ineligible', reasons: ['Nesplňuje podmínky výzvy'] }), 'ineligible');

    await declareAndScore(t, t0, a.id, criteria, 80);
    await declareAndScore(t, t1, a.id, criteria, 70);
    await declareAndScore(t, t2, a.id, criteria, 50);
    await declareAndScore(t, t0, b.id, criteria, 60);
    await expectOk(declare(t, t1, b.id, true, 'Člen správní rady'), 'conflict');
    await declareAndScore(t, t0, c.id, criteria, 90);
    // Affiliated after scoring: m2's sheet of a no longer counts, nor may m2 see a's scores.
    await expectOk(setAffiliations(t, cast.admin.token, m2, [a.applicant.organisationId]), 'affiliation');
    await expectOk(adjustProposal(t, officer, a.id, 150_000), 'proposal');
    const withdrawn = await t.http.post(`${API}/applications/${c.id}/withdraw`).auth(c.applicant.token, { type: 'bearer' }).send({});
    if (withdrawn.status !== 200) throw new Error(`withdraw: ${withdrawn.status} ${JSON.stringify(withdrawn.body)}`);

    parts = await partIdsOf(callId());
    for (const x of [a, b]) orgName.set(x.id, (await organisationOf(t, officer, x.applicant.organisationId)).name);
  }, 120_000);
  afterAll(() => t?.close());

  /** Runs `work` in a transaction while another connection tries to lock the rows `probes` select FOR UPDATE NOWAIT. */
  async function lockedWhile<T>(work: (m: EntityManager) => Promise<T>, probes: { sql: string; params: unknown[] }[]) {
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      const tryLock = async (p: { sql: string; params: unknown[] }) =>
        other.query(`${p.sql} FOR UPDATE NOWAIT`, p.params).then(
          () => 'free',
          (error: { code?: string }) => (error.code === '55P03' ? 'locked' : Promise.reject(error)),
        );
      let during: string[] = [];
      const result = await t.dataSource.transaction(async (m) => {
        const r = await work(m);
        during = [];
        for (const p of probes) during.push(await tryLock(p));
        return r;
      });
      const after: string[] = [];
      for (const p of probes) after.push(await tryLock(p));
      return { result, during, after };
    } finally {
      await other.release();
    }
  }

  const rolledBack = <T>(work: (m: EntityManager) => Promise<T>) => rolledBackIn(t.dataSource, work);

  const callRow = () => ({ sql: 'SELECT 1 FROM call WHERE id = $1', params: [callId()] });

  describe('callTerms', () => {
    const expectedTerms = () => ({
      callId: callId(),
      status: 'announced',
      rankingMethod: 'normalised',
      quorum: 2,
      minScore: 40,
      submissionClosesAt: setup.terms.submissionClosesAt,
      evaluationClosedAt: null,
      criteria: [
        { code: 'K1', maxPoints: 30 },
        { code: 'K2', maxPoints: 20 },
        { code: 'K3', maxPoints: 20 },
        { code: 'K4', maxPoints: 15 },
        { code: 'K5', maxPoints: 15 },
      ],
      parts: [
        { id: parts.get('1'), code: '1', allocationCzk: 3_000_000, proposedCzk: 150_000 },
        { id: parts.get('2'), code: '2', allocationCzk: 1_000_000, proposedCzk: 0 },
      ],
    });

    it('reads the terms, the criteria in order and the parts by code with their proposed sums; null for no such call', async () => {
      expect(await repo().callTerms(manager(), callId())).toEqual(expectedTerms());
      expect(await repo().callTerms(manager(), randomUUID())).toBeNull();
      // Another call's terms are its own.
      const other = await repo().callTerms(manager(), otherCall.callId);
      expect(other).toMatchObject({ callId: otherCall.callId, rankingMethod: 'average', quorum: 3, minScore: 50 });
      expect(other?.parts.map((p) => p.proposedCzk)).toEqual([0, 0]);
    });

    it('without the lock, another connection may lock the call row meanwhile', async () => {
      const { result, during, after } = await lockedWhile((m) => repo().callTerms(m, callId()), [callRow()]);
      expect(result).toEqual(expectedTerms());
      expect(during).toEqual(['free']);
      expect(after).toEqual(['free']);
    });

    it('with the lock, the call row is held until the transaction ends (another FOR UPDATE NOWAIT: 55P03)', async () => {
      const { result, during, after } = await lockedWhile((m) => repo().callTerms(m, callId(), true), [
        callRow(),
        // Only the call row: its parts are not locked.
        { sql: 'SELECT 1 FROM call_part WHERE id = $1', params: [parts.get('1')] },
      ]);
      expect(result).toEqual(expectedTerms());
      expect(during).toEqual(['locked', 'free']);
      expect(after).toEqual(['free', 'free']);
    });
  });

  describe('rankingInputs', () => {
    it("reads the call's applications from the formal check on, and the counting sheets of its members", async () => {
      const { applications, sheets } = await repo().rankingInputs(manager(), callId());
      // The statements have no order: the ranking sorts.
      const byReference = [...applications].sort((x, y) => x.referenceNumber.localeCompare(y.referenceNumber));
      expect(byReference).toEqual([
        {
          applicationId: a.id,
          partCode: '1',
          referenceNumber: a.referenceNumber,
          submittedAt: new Date(a.submittedAt),
          status: 'eligible',
          title: 'Čeština pro rodiče dětí cizinců',
          organisationName: orgName.get(a.id),
          requestedCzk: 175_000,
          proposedCzk: 150_000,
        },
        {
          applicationId: b.id,
          partCode: '2',
          referenceNumber: b.referenceNumber,
          submittedAt: new Date(b.submittedAt),
          status: 'eligible',
          title: 'Sborník příběhů cizinců',
          organisationName: orgName.get(b.id),
          requestedCzk: 100_000,
          proposedCzk: null,
        },
      ]);
      // Not c (withdrawn: its sheet neither), d, e, f (not eligible); not m2's sheet of a (affiliated since).
      const key = (s: { applicationId: string; memberId: string }) => `${s.applicationId}/${s.memberId}`;
      expect([...sheets].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
        [
          { memberId: m0, applicationId: a.id, total: 80 },
          { memberId: m1, applicationId: a.id, total: 70 },
          { memberId: m0, applicationId: b.id, total: 60 },
        ].sort((x, y) => key(x).localeCompare(key(y))),
      );
    });

    it('a sheet of a member no longer on the commission does not count', async () => {
      // Set-up only, rolled back: m1 leaves the commission.
      const { sheets } = await rolledBack(async (m) => {
        await m.query('DELETE FROM commission_member WHERE call_id = $1 AND user_id = $2', [callId(), m1]);
        return repo().rankingInputs(m, callId());
      });
      expect(sheets.map((s) => s.memberId).sort()).toEqual([m0, m0].sort());
      expect(await repo().isMember(manager(), callId(), m1)).toBe(true);
    });

    it('a call without applications: none, and no sheets', async () => {
      expect(await repo().rankingInputs(manager(), otherCall.callId)).toEqual({ applications: [], sheets: [] });
    });
  });

  describe('scoresVisibleTo', () => {
    const visible = async (memberId: string, closed: boolean) => [...(await repo().scoresVisibleTo(manager(), callId(), memberId, closed))].sort();
    const ids = (...xs: Submitted[]) => xs.map((x) => x.id).sort();

    it('while the evaluation runs: the applications the member scored, less their conflicts', async () => {
      // The set is not limited to the ranking's statuses (c is withdrawn): the ranking only looks up its own rows in it.
      expect(await visible(m0, false)).toEqual(ids(a, b, c));
      // m1 scored a only (a conflict on b).
      expect(await visible(m1, false)).toEqual(ids(a));
      // m2 scored a, but is affiliated with its organisation.
      expect(await visible(m2, false)).toEqual([]);
      expect(await visible(cast.commission.id, false)).toEqual([]);
    });

    it("once it is closed: all the call's applications but the member's conflicts, declared or through an affiliation", async () => {
      expect(await visible(m0, true)).toEqual(ids(a, b, c, d, e, f));
      expect(await visible(m1, true)).toEqual(ids(a, c, d, e, f));
      expect(await visible(m2, true)).toEqual(ids(b, c, d, e, f));
      // The other call's draft is not among them (the exact sets above).
    });
  });

  describe('pendingFormalChecks', () => {
    it('the references of the applications submitted or awaiting a correction, in order', async () => {
      expect(await repo().pendingFormalChecks(manager(), callId())).toEqual([d.referenceNumber, e.referenceNumber]);
      // The other call's application is a draft: not pending.
      expect(await repo().pendingFormalChecks(manager(), otherCall.callId)).toEqual([]);
    });
  });

  describe('isMember', () => {
    it("is true for the call's commission members only", async () => {
      for (const m of [m0, m1, m2]) expect(await repo().isMember(manager(), callId(), m)).toBe(true);
      expect(await repo().isMember(manager(), callId(), cast.commission.id)).toBe(false);
      expect(await repo().isMember(manager(), otherCall.callId, m0)).toBe(false);
    });
  });

  describe('lockProposalSubject', () => {
    it('reads the application and its part, and holds both rows until the transaction ends', async () => {
      const { result, during, after } = await lockedWhile((m) => repo().lockProposalSubject(m, a.id), [
        { sql: 'SELECT 1 FROM application WHERE id = $1', params: [a.id] },
        { sql: 'SELECT 1 FROM call_part WHERE id = $1', params: [parts.get('1')] },
        // Neither another application nor another part.
        { sql: 'SELECT 1 FROM application WHERE id = $1', params: [b.id] },
        { sql: 'SELECT 1 FROM call_part WHERE id = $1', params: [parts.get('2')] },
      ]);
      expect(result).toEqual({
        callPartId: parts.get('1'),
        status: 'eligible',
        requestedCzk: 175_000,
        proposedCzk: 150_000,
        part: { code: '1', allocationCzk: 3_000_000, proposedCzk: 150_000 },
      });
      expect(during).toEqual(['locked', 'locked', 'free', 'free']);
      expect(after).toEqual(['free', 'free', 'free', 'free']);
    });

    it('an application without a proposal, in another part', async () => {
      expect(await t.dataSource.transaction((m) => repo().lockProposalSubject(m, b.id))).toEqual({
        callPartId: parts.get('2'),
        status: 'eligible',
        requestedCzk: 100_000,
        proposedCzk: null,
        part: { code: '2', allocationCzk: 1_000_000, proposedCzk: 0 },
      });
    });
  });
});
