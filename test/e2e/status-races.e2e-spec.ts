import type { EntityManager } from 'typeorm';
import { EvaluationModule } from '@app/evaluation';
import { EvaluationRepository } from '@app/evaluation/evaluation.repository';
import { asOwner } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { closeEvaluation, declareAndScore, fundingProposal, rowsById, setUpEvaluation, type Submitted } from '../support/evaluation';

/** How long a withdrawal may take while the officer's operation waits (it needs no lock the operation holds). */
const WAIT_MS = 5_000;

/** Part 1: CZK 400,000 for requests of CZK 175,000 (the default application). */
const PARTS = [{ code: '1', name: 'Aktivity', allocationCzk: 400_000, minRequestCzk: 50_000, maxRequestCzk: 300_000 }];

interface Row {
  status: string;
  proposed: number | null;
}

/**
 * Status races: the funding proposal and the close of the evaluation read the
 * call's applications, then write them. An applicant's withdrawal that
 * commits in between is never overwritten: the writes change only rows still
 * in the status read, and the officer's operation runs again on what is there
 * now (after three such collisions in a row: 409 RANKING_CHANGED, nothing
 * changed). The withdrawal is made to commit between the read and the write
 * deterministically, by running it (through the API, on another connection)
 * right after the operation's read of the ranking's inputs.
 */
describe('status races: proposals and the close of the evaluation never overwrite a withdrawal', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const officer = () => cast.officer.token;

  async function scoredCall(applications: number) {
    const setup = await setUpEvaluation(t, officer(), { applications, members: 2, call: { parts: PARTS, quorum: 2, minScore: 50 } });
    for (const [i, app] of setup.applications.entries()) {
      for (const m of setup.members) await declareAndScore(t, m.token, app.id, setup.terms.criteria, 90 - i * 5);
    }
    return setup;
  }

  function withdraw(app: Submitted) {
    return t.http.post(`${API}/applications/${app.id}/withdraw`).set({ Authorization: `Bearer ${app.applicant.token}` }).send({ reason: 'Projekt se neuskuteční' });
  }

  /**
   * Each of `apps`, in turn, is withdrawn (and committed) right after one read
   * of the ranking's inputs, while the operation's transaction waits. A
   * withdrawal that cannot commit within WAIT_MS (it waits for a lock the
   * operation holds) fails the operation instead of hanging the test.
   */
  function withdrawAfterReads(...apps: Submitted[]): jest.SpyInstance {
    // The ranking's own instance (the ports module that serves applications has another).
    const repository = t.app.select(EvaluationModule).get(EvaluationRepository, { strict: true });
    const read = repository.rankingInputs.bind(repository);
    const spy = jest.spyOn(repository, 'rankingInputs');
    for (const app of apps) {
      spy.mockImplementationOnce(async (manager: EntityManager, callId: string) => {
        const inputs = await read(manager, callId);
        let timer: NodeJS.Timeout | undefined;
        const blocked = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the withdrawal of ${app.referenceNumber} waited for the operation's locks`)), WAIT_MS);
        });
        const res = await Promise.race([withdraw(app), blocked]).finally(() => clearTimeout(timer));
        if (res.status !== 200) throw new Error(`withdraw: ${res.status} ${JSON.stringify(res.body)}`);
        return inputs;
      });
    }
    return spy;
  }

  function rowsOf(apps: readonly Submitted[]): Promise<Row[]> {
    return asOwner(async (c) => {
      const { rows } = await c.query<{ id: string; status: string; proposed: string | null }>(
        'SELECT id, status, proposed_czk AS proposed FROM application WHERE id = ANY($1::uuid[])',
        [apps.map((a) => a.id)],
      );
      const byId = new Map(rows.map((r) => [r.id, { status: r.status, proposed: r.proposed === null ? null : Number(r.proposed) }]));
      return apps.map((a) => byId.get(a.id)!);
    });
  }

  function partProposed(callId: string): Promise<{ proposed: number; applications: number }> {
    return asOwner(async (c) => {
      const { rows } = await c.query<{ proposed: string; applications: string }>(
        `SELECT p.proposed_czk AS proposed, COALESCE((SELECT sum(a.proposed_czk) FROM application a WHERE a.call_part_id = p.id), 0) AS applications
           FROM call_part p WHERE p.call_id = $1 AND p.code = '1'`,
        [callId],
      );
      return { proposed: Number(rows[0].proposed), applications: Number(rows[0].applications) };
    });
  }

  it('a withdrawal committed between the proposal’s read and its write gets no proposal; the proposal is made on what is left', async () => {
    const {
      call,
      applications: [p1, p2, p3],
    } = await scoredCall(3);
    const spy = withdrawAfterReads(p1);
    const res = await fundingProposal(t, officer(), call.callId);
    expect(res.status).toBe(200);
    expect(await rowsOf([p1, p2, p3])).toEqual([
      { status: 'withdrawn', proposed: null },
      { status: 'eligible', proposed: 175_000 },
      { status: 'eligible', proposed: 175_000 },
    ]);
    expect(await partProposed(call.callId)).toEqual({ proposed: 350_000, applications: 350_000 });
    // Read once with p1 in, once more (the operation again) without it.
    expect(spy).toHaveBeenCalledTimes(2);
    const rows = rowsById(res);
    expect(rows.has(p1.id)).toBe(false);
    expect(rows.get(p3.id)).toMatchObject({ proposedCzk: 175_000 });
  });

  it('a withdrawal of an application with a proposal, committed while a new proposal runs, gives its money back and is not overwritten', async () => {
    const {
      call,
      applications: [p1, p2, p3],
    } = await scoredCall(3);
    // A first fill: p1 and p2 get their requests, p3 the rest of the allocation.
    await fundingProposal(t, officer(), call.callId).expect(200);
    expect(await rowsOf([p1, p2, p3])).toEqual([
      { status: 'eligible', proposed: 175_000 },
      { status: 'eligible', proposed: 175_000 },
      { status: 'eligible', proposed: 50_000 },
    ]);

    const spy = withdrawAfterReads(p1);
    const res = await fundingProposal(t, officer(), call.callId);
    expect(res.status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await rowsOf([p1, p2, p3])).toEqual([
      { status: 'withdrawn', proposed: null },
      { status: 'eligible', proposed: 175_000 },
      { status: 'eligible', proposed: 175_000 },
    ]);
    expect(await partProposed(call.callId)).toEqual({ proposed: 350_000, applications: 350_000 });
  });

  it('a withdrawal committed between the close’s read and its write stays withdrawn; the close is made on what is left', async () => {
    const {
      call,
      applications: [p1, p2, p3],
    } = await scoredCall(3);
    const spy = withdrawAfterReads(p2);
    const res = await closeEvaluation(t, officer(), call.callId);
    expect(res.status).toBe(200);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect((await rowsOf([p1, p2, p3])).map((r) => r.status)).toEqual(['recommended', 'withdrawn', 'recommended']);
    const rows = rowsById(res);
    expect(rows.has(p2.id)).toBe(false);
    expect(rows.get(p3.id)).toMatchObject({ rank: 2, recommended: true });
    const history = await asOwner(async (c) => {
      const { rows: changes } = await c.query<{ to_status: string }>(
        'SELECT to_status FROM application_status_change WHERE application_id = $1 ORDER BY changed_at, id',
        [p2.id],
      );
      return changes.map((r) => r.to_status);
    });
    expect(history.at(-1)).toBe('withdrawn');
  });

  it.each(['proposal', 'close'] as const)(
    'withdrawals colliding with three attempts of the %s in a row: 409 RANKING_CHANGED, and nothing of it is written',
    async (operation) => {
      const {
        call,
        applications: [p1, p2, p3, p4],
      } = await scoredCall(4);
      withdrawAfterReads(p1, p2, p3);
      const res = operation === 'proposal' ? await fundingProposal(t, officer(), call.callId) : await closeEvaluation(t, officer(), call.callId);
      const problem = expectProblem(res, 409, 'RANKING_CHANGED');
      expect(problem.detail).toMatch(/again/);
      expect(await rowsOf([p1, p2, p3, p4])).toEqual([
        { status: 'withdrawn', proposed: null },
        { status: 'withdrawn', proposed: null },
        { status: 'withdrawn', proposed: null },
        { status: 'eligible', proposed: null },
      ]);
      expect(await partProposed(call.callId)).toEqual({ proposed: 0, applications: 0 });
      // Left alone, the operation succeeds on what is there.
      const again = operation === 'proposal' ? await fundingProposal(t, officer(), call.callId) : await closeEvaluation(t, officer(), call.callId);
      expect(again.status).toBe(200);
    },
  );
});
