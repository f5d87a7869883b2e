import fc from 'fast-check';
import type { Response } from 'supertest';
import { asOwner } from '../support/db';
import { getApplication } from '../support/evaluation';
import { createCast, type Applicant, type Cast } from '../support/factories';
import { API } from '../support/http';
import {
  applicants,
  approve,
  awardOf,
  budgetOf,
  evaluatedCalls,
  expectLedgerAgrees,
  ledgerOf,
  pay,
  recordReturn,
  reject,
  repairOverspentParts,
  reviewSettlement,
  settlementOf,
  signContract,
  submitSettlement,
  today,
} from '../support/money';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Random sequences of approve / reject / contract / pay / settle / review /
 * return / reverse over HTTP on the real database, each run on a fresh part
 * (CZK 300,000) with three recommended applications of CZK 175,000 (proposed
 * 175,000, 125,000 and 0 down the ranking). A model
 * predicts every answer (status and code) and every ledger line; after every
 * step the invariants are checked against the API:
 *   - GET /calls/:id/budget: allocation = available + committed, and committed / paid / returned as the model says;
 *   - GET /applications/:id/ledger: the movements the model expects, paid ≤ awarded (net of releases), returned ≤ paid;
 *   - after each run, GET /ledger/check: no unbalanced transaction, no cached balance of the run's part or applications
 *     that disagrees with the ledger (scoped: the e2e files share one database).
 * The pool of parts is set up once (20 calls announced together); a run that
 * needs one more (e.g. a raised numRuns) gets a fresh call.
 *
 * Not predicted (the answer is followed instead): reversing a movement once the settlement is in, which the code allows
 * and its own description does not (see money-reversal). Not generated: a return above the claimed amount after the
 * review (a known bug, see money-errors).
 */

const RUNS = 20;
const ALLOCATION = 300_000;
const REQUESTED = 175_000;
const NOTE = 'Kontrola vyúčtování.';

type Status = 'recommended' | 'approved' | 'rejected' | 'contracted' | 'settlement_submitted' | 'settled' | 'closed';
type Kind = 'approve' | 'reject' | 'contract' | 'pay' | 'settle' | 'review' | 'return' | 'reverse';

interface Movement {
  type: string;
  amount: number;
  /** For a return: the part of it that settled the claimed return due. */
  fromDue?: number;
  reversed: boolean;
}

/** An application as the model sees it: its status and its ledger accounts. */
interface AppModel {
  id: string;
  applicant: Applicant;
  proposed: number;
  status: Status;
  committed: number;
  held: number;
  due: number;
  returned: number;
  spent: number;
  movements: Movement[];
}

const awardedOf = (a: AppModel) => a.committed + a.held + a.due + a.returned;
const paidOf = (a: AppModel) => a.held + a.due + a.returned;

interface Group {
  callId: string;
  partId: string;
  apps: { id: string; applicant: Applicant }[];
}

interface Command {
  kind: 'next' | Kind;
  app: number;
  pick: number;
  over: boolean;
  omitAmount: boolean;
}

const command: fc.Arbitrary<Command> = fc.record({
  kind: fc.oneof(
    { weight: 20, arbitrary: fc.constant('next' as const) },
    { weight: 2, arbitrary: fc.constantFrom<Kind>('approve', 'pay', 'return', 'reverse') },
    { weight: 1, arbitrary: fc.constantFrom<Kind>('reject', 'contract', 'settle', 'review') },
  ),
  app: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }),
  pick: fc.nat({ max: 1_000_000 }),
  over: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  omitAmount: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});

interface Expected {
  status: number;
  code?: string;
  /** Not predicted: any of these statuses, the model follows the answer. */
  either?: number[];
}

describe('money: properties over random sequences (fast-check, real database)', () => {
  let t: TestApp;
  let cast: Cast;
  const pool: Group[] = [];
  /** How often each kind succeeded and each error code came back, over all runs. */
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

  async function addGroups(n: number): Promise<void> {
    const people = await applicants(t, Math.min(12, 3 * n));
    const calls = await evaluatedCalls(
      t,
      cast,
      Array.from({ length: n }, (_, g) => ({
        call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: ALLOCATION, minRequestCzk: 50_000, maxRequestCzk: 300_000 }] },
        entries: [0, 1, 2].map((i) => ({ applicant: people[(3 * g + i) % people.length] })),
      })),
    );
    for (const c of calls) pool.push({ callId: c.call.callId, partId: c.partIds.get('1')!, apps: c.applications.map((a) => ({ id: a.id, applicant: a.applicant })) });
  }

  async function takeGroup(): Promise<Group> {
    if (!pool.length) await addGroups(1);
    return pool.shift()!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    // 12 organisations with five applications each over the 20 calls: at most 5 × 175,000 = 875,000 a year, the Council's.
    await addGroups(RUNS);
  }, 180_000);
  /** Every part a run used. */
  const used: string[] = [];
  afterAll(async () => {
    // Should a run ever overspend its part again, put it back in agreement with the ledger for the other files (a no-op otherwise).
    await repairOverspentParts(used);
    await t?.close();
  });

  const officer = () => cast.officer.token;
  const budget = () => cast.budget.token;

  /** One run: a fresh part, the commands, the checks. */
  async function run(commands: Command[]): Promise<void> {
    const group = await takeGroup();
    used.push(group.partId);
    const proposals = await asOwner(
      async (c) =>
        new Map(
          (await c.query<{ id: string; proposed: string }>('SELECT id, proposed_czk AS proposed FROM application WHERE id = ANY($1::uuid[])', [group.apps.map((a) => a.id)])).rows.map(
            (r) => [r.id, Number(r.proposed)],
          ),
        ),
    );
    const apps: AppModel[] = group.apps.map((a) => ({
      id: a.id,
      applicant: a.applicant,
      proposed: proposals.get(a.id)!,
      status: 'recommended',
      committed: 0,
      held: 0,
      due: 0,
      returned: 0,
      spent: 0,
      movements: [],
    }));
    const history: string[] = [];
    const partCommitted = () => apps.reduce((s, a) => s + awardedOf(a), 0);

    for (const cmd of commands) {
      const app = apps[cmd.app];
      const kind = cmd.kind === 'next' ? nextFor(app, cmd) : cmd.kind;
      const { request, expected, apply, label } = await plan(kind, app, `app${cmd.app}`, cmd, partCommitted());
      const res = await request();
      history.push(`${label} → ${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`);
      const fail = (what: string) => new Error(`${what}\nsteps:\n  ${history.join('\n  ')}\nanswer: ${JSON.stringify(res.body)}`);
      const allowed = expected.either ?? [expected.status];
      if (!allowed.includes(res.status)) throw fail(`expected ${allowed.join(' or ')}${expected.code ? ` ${expected.code}` : ''}`);
      if (res.status >= 400 && expected.code && res.body.code !== expected.code) throw fail(`expected code ${expected.code}`);
      if (res.status < 300) {
        apply(res);
        count(`${kind} ok`);
      } else {
        count(res.body.code);
      }
      if (app.status === 'closed') count('closed');
      await checkInvariants(group, apps, app, partCommitted(), fail);
    }
    await expectLedgerAgrees(t, budget(), { partIds: [group.partId], applicationIds: apps.map((a) => a.id) });
    for (const app of apps) {
      const res = await getApplication(t, officer(), app.id);
      if (res.body.status !== app.status) throw new Error(`${app.id}: status ${res.body.status}, the model says ${app.status}\n  ${history.join('\n  ')}`);
    }
  }

  /** The step that moves the application on. */
  function nextFor(app: AppModel, cmd: Command): Kind {
    switch (app.status) {
      case 'recommended':
        return 'approve';
      case 'approved':
        return 'contract';
      case 'contracted':
        return paidOf(app) < awardedOf(app) && cmd.pick % 4 !== 0 ? 'pay' : cmd.pick % 8 === 0 ? 'return' : 'settle';
      case 'settlement_submitted':
        return 'review';
      case 'settled':
        return cmd.pick % 5 === 0 ? 'reverse' : 'return';
      default:
        return cmd.pick % 2 === 0 ? 'pay' : 'reverse';
    }
  }

  interface Plan {
    label: string;
    request: () => PromiseLike<Response>;
    expected: Expected;
    apply: (res: Response) => void;
  }

  const ok = (status = 201): Expected => ({ status });
  const problem = (status: number, code: string): Expected => ({ status, code });

  async function plan(kind: Kind, app: AppModel, name: string, cmd: Command, committedInPart: number): Promise<Plan> {
    const { pick, over } = cmd;
    const paid = paidOf(app);
    const awarded = awardedOf(app);
    const hasContract = ['contracted', 'settlement_submitted', 'settled', 'closed'].includes(app.status);
    switch (kind) {
      case 'approve': {
        // Large awards (75,001 to 175,000), so that a part of 300,000 often runs out.
        const amount = cmd.omitAmount ? undefined : over ? REQUESTED + 1 + (pick % 1_000) : REQUESTED - (pick % 100_000);
        const effective = amount ?? app.proposed;
        const expected =
          app.status !== 'recommended'
            ? problem(409, 'INVALID_STATUS_TRANSITION')
            : effective === 0
              ? problem(400, 'VALIDATION_FAILED')
              : effective > REQUESTED
                ? problem(422, 'PROPOSAL_EXCEEDS_REQUEST')
                : committedInPart + effective > ALLOCATION
                  ? problem(409, 'ALLOCATION_EXCEEDED')
                  : ok();
        return {
          label: `approve ${name} ${amount ?? `(proposal ${app.proposed})`} [part committed ${committedInPart}]`,
          // Above the commission's proposal, the Council gives its reason for deviating (issue 12, item 7).
          request: () => approve(t, officer(), app.id, amount === undefined ? {} : awardOf(amount, app.proposed)),
          expected,
          apply: (res) => {
            expect(res.body).toMatchObject({ outcome: 'approved', amountCzk: effective, status: 'approved' });
            app.status = 'approved';
            app.committed = effective;
            app.movements.push({ type: 'commitment', amount: effective, reversed: false });
          },
        };
      }
      case 'reject':
        return {
          label: `reject ${name}`,
          request: () => reject(t, officer(), app.id),
          expected: app.status === 'recommended' ? ok() : problem(409, 'INVALID_STATUS_TRANSITION'),
          apply: () => {
            app.status = 'rejected';
          },
        };
      case 'contract':
        return {
          label: `contract ${name}`,
          request: () => signContract(t, officer(), app.id),
          expected: app.status === 'approved' ? ok() : problem(409, 'INVALID_STATUS_TRANSITION'),
          apply: (res) => {
            expect(res.body).toMatchObject({ amountCzk: awarded });
            app.status = 'contracted';
          },
        };
      case 'pay': {
        const remaining = awarded - paid;
        const amount = over ? remaining + 1 + (pick % 1_000) : 1 + (pick % Math.max(remaining, 1));
        const expected = !hasContract
          ? problem(409, 'CONTRACT_REQUIRED')
          : paid + amount > awarded
            ? problem(409, 'PAYMENT_EXCEEDS_AWARD')
            : app.status !== 'contracted'
              ? problem(409, 'INVALID_STATUS_TRANSITION')
              : ok();
        return {
          label: `pay ${name} ${amount} [awarded ${awarded}, paid ${paid}]`,
          request: () => pay(t, budget(), app.id, amount),
          expected,
          apply: (res) => {
            expect(res.body).toMatchObject({ amountCzk: amount, paidTotalCzk: paid + amount, awardCzk: awarded });
            app.committed -= amount;
            app.held += amount;
            app.movements.push({ type: 'payment', amount, reversed: false });
          },
        };
      }
      case 'settle': {
        const available = paid - app.returned;
        const spent = over ? available + 1 + (pick % 1_000) : pick % (available + 1);
        const expected =
          app.status !== 'contracted' ? problem(409, 'INVALID_STATUS_TRANSITION') : spent > available ? problem(422, 'SETTLEMENT_EXCEEDS_PAYMENTS') : ok();
        return {
          label: `settle ${name} ${spent} [paid ${paid}, returned ${app.returned}]`,
          request: () => submitSettlement(t, app.applicant.token, app.id, settlementOf(spent)),
          expected,
          apply: (res) => {
            expect(res.body).toMatchObject({ status: 'settlement_submitted', spentCzk: spent, paidCzk: paid });
            app.status = 'settlement_submitted';
            app.spent = spent;
          },
        };
      }
      case 'review': {
        const available = paid - app.returned;
        const accepted = over ? (pick % 2 === 0 ? app.spent + 1 + (pick % 1_000) : available + 1) : pick % (Math.min(app.spent, available) + 1);
        const expected =
          app.status !== 'settlement_submitted'
            ? problem(409, 'INVALID_STATUS_TRANSITION')
            : accepted > app.spent
              ? problem(400, 'VALIDATION_FAILED')
              : accepted > available
                ? problem(422, 'SETTLEMENT_EXCEEDS_PAYMENTS')
                : ok();
        return {
          label: `review ${name} accept ${accepted} [spent ${app.spent}, paid ${paid}, returned ${app.returned}]`,
          request: () => reviewSettlement(t, officer(), app.id, accepted, NOTE),
          expected,
          apply: (res) => {
            const release = app.committed;
            const due = available - accepted;
            expect(res.body).toMatchObject({ acceptedCzk: accepted, returnDueCzk: due, status: due > 0 ? 'settled' : 'closed' });
            if (release > 0) app.movements.push({ type: 'release', amount: release, reversed: false });
            if (due > 0) app.movements.push({ type: 'return_due', amount: due, reversed: false });
            app.committed = 0;
            app.held -= due;
            app.due += due;
            app.status = due > 0 ? 'settled' : 'closed';
          },
        };
      }
      case 'return': {
        const most = app.due + app.held;
        // After the review only up to what is claimed (a return above it is the bug pinned in money-errors).
        const amount = app.status === 'settled' ? 1 + (pick % Math.max(app.due, 1)) : over ? most + 1 + (pick % 1_000) : 1 + (pick % Math.max(most, 1));
        const expected = !['contracted', 'settlement_submitted', 'settled'].includes(app.status)
          ? problem(409, 'INVALID_STATUS_TRANSITION')
          : amount > most
            ? problem(400, 'VALIDATION_FAILED')
            : ok();
        return {
          label: `return ${name} ${amount} [due ${app.due}, held ${app.held}]`,
          request: () => recordReturn(t, budget(), app.id, amount, today(t)),
          expected,
          apply: (res) => {
            const fromDue = Math.min(amount, app.due);
            app.due -= fromDue;
            app.held -= amount - fromDue;
            app.returned += amount;
            if (app.status === 'settled' && app.due === 0) app.status = 'closed';
            expect(res.body).toMatchObject({ amountCzk: amount, returnDueCzk: app.due, penaltyLeviedCzk: 0, status: app.status });
            app.movements.push({ type: 'return', amount, fromDue, reversed: false });
          },
        };
      }
      case 'reverse': {
        const candidates = app.movements.filter((m) => (m.type === 'payment' || m.type === 'return') && !m.reversed);
        const target = candidates.length ? candidates[pick % candidates.length] : app.movements.find((m) => m.type === 'commitment');
        if (!target) return plan('pay', app, name, cmd, committedInPart);
        const index = app.movements.indexOf(target);
        const settledAlready = app.status === 'settlement_submitted' || app.status === 'settled';
        let expected: Expected;
        if (target.type === 'commitment') expected = problem(409, 'INVALID_STATUS_TRANSITION');
        else if (app.status === 'closed') expected = problem(409, 'INVALID_STATUS_TRANSITION');
        else if (target.type === 'payment' && app.held < target.amount) expected = problem(409, 'INVALID_STATUS_TRANSITION');
        else if (settledAlready) expected = { status: 201, either: [201, 409], code: 'INVALID_STATUS_TRANSITION' };
        else expected = ok();
        return {
          label: `reverse ${name} ${target.type} ${target.amount} (#${index}) [held ${app.held}, due ${app.due}, returned ${app.returned}]`,
          request: async () => {
            const lines = (await ledgerOf(t, budget(), app.id)).body as { id: string }[];
            return t.http
              .post(`${API}/ledger/transactions/${lines[index].id}/reversal`)
              .auth(budget(), { type: 'bearer' })
              .send({ reason: 'Zaúčtováno omylem' });
          },
          expected,
          apply: (res) => {
            if (target.type === 'payment') {
              app.committed += target.amount;
              app.held -= target.amount;
            } else {
              app.returned -= target.amount;
              app.due += target.fromDue!;
              app.held += target.amount - target.fromDue!;
            }
            target.reversed = true;
            app.movements.push({ type: 'reversal', amount: target.amount, reversed: false });
            expect(res.body).toMatchObject({ type: target.type, amountCzk: target.amount, paidCzk: paidOf(app), returnedCzk: app.returned, returnDueCzk: app.due });
          },
        };
      }
    }
  }

  async function checkInvariants(group: Group, apps: AppModel[], touched: AppModel, committed: number, fail: (what: string) => Error): Promise<void> {
    const budgetRes = await budgetOf(t, budget(), group.callId);
    const part = budgetRes.body.parts[0] as { allocationCzk: number; committedCzk: number; paidCzk: number; returnedCzk: number; availableCzk: number };
    if (part.allocationCzk !== part.availableCzk + part.committedCzk) throw fail(`allocation ≠ available + committed: ${JSON.stringify(part)}`);
    const want: Record<string, number> = {
      allocationCzk: ALLOCATION,
      committedCzk: committed,
      paidCzk: apps.reduce((s, a) => s + paidOf(a), 0),
      returnedCzk: apps.reduce((s, a) => s + a.returned, 0),
      availableCzk: ALLOCATION - committed,
    };
    if (Object.entries(want).some(([k, v]) => (part as unknown as Record<string, number>)[k] !== v)) {
      throw fail(`budget ${JSON.stringify(part)}, the model says ${JSON.stringify(want)}`);
    }
    if (part.committedCzk > part.allocationCzk) throw fail('committed above the allocation');

    const ledger = (await ledgerOf(t, budget(), touched.id)).body as { id: string; type: string; amountCzk: number; reverses: string | null }[];
    const got = ledger.map((l) => `${l.type} ${l.amountCzk}`);
    const expected = touched.movements.map((m) => `${m.type} ${m.amount}`);
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw fail(`ledger [${got.join(', ')}], the model says [${expected.join(', ')}]`);
    // From the ledger lines alone: awarded net of releases ≥ paid ≥ returned ≥ 0.
    const sign = new Map<string, { awarded: number; paid: number; returned: number }>([
      ['commitment', { awarded: 1, paid: 0, returned: 0 }],
      ['release', { awarded: -1, paid: 0, returned: 0 }],
      ['payment', { awarded: 0, paid: 1, returned: 0 }],
      ['return', { awarded: 0, paid: 0, returned: 1 }],
    ]);
    const byId = new Map(ledger.map((l) => [l.id, l]));
    const totals = { awarded: 0, paid: 0, returned: 0 };
    for (const l of ledger) {
      const original = l.type === 'reversal' ? byId.get(l.reverses!) : undefined;
      const s = sign.get(original ? original.type : l.type);
      if (!s) continue;
      const factor = original ? -1 : 1;
      totals.awarded += factor * s.awarded * l.amountCzk;
      totals.paid += factor * s.paid * l.amountCzk;
      totals.returned += factor * s.returned * l.amountCzk;
    }
    if (!(totals.returned >= 0 && totals.returned <= totals.paid && totals.paid <= totals.awarded)) {
      throw fail(`the ledger of ${touched.id} breaks returned ≤ paid ≤ awarded: ${JSON.stringify(totals)}`);
    }
  }

  // Caught the bug fixed in 1921cbb (an approval above what was left of the part passed) in its first runs.
  it(`${RUNS} random sequences keep every invariant and match the model`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 15, maxLength: 40 }), async (commands) => {
        await run(commands);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The sequences did reach every part of the stage.
    for (const key of [
      'approve ok',
      'contract ok',
      'pay ok',
      'settle ok',
      'review ok',
      'return ok',
      'reverse ok',
      'closed',
      'ALLOCATION_EXCEEDED',
      'PAYMENT_EXCEEDS_AWARD',
      'INVALID_STATUS_TRANSITION',
    ]) {
      expect({ key, seen: (seen.get(key) ?? 0) > 0 }).toEqual({ key, seen: true });
    }
  }, 170_000);
});
