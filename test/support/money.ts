import type { Response } from 'supertest';
import { pragueDate, pragueYear } from '@app/core/time/prague-time';
import type { TestApp } from './test-app';
import { adminToken, callBody, createProgramme, createStaff, registerApplicant, type Applicant, type Cast, type OpenCall } from './factories';
import { asOwner } from './db';
import { API } from './http';
import {
  closeEvaluation,
  declareAndScore,
  expectOk,
  formalCheck,
  fundingProposal,
  setUpEvaluation,
  submitApplication,
  type Criterion,
  type EvaluationOptions,
  type EvaluationSetup,
  type Submitted,
} from './evaluation';

const DAY = 86_400_000;

/**
 * Set-up and calls for the money stage: a call whose evaluation is closed,
 * with every application recommended and proposed its request (or what fits),
 * then decisions, contracts, payments, settlements and returns over HTTP.
 */

/** `count` applications scored 80 of 100 by 3 members, funding proposed, evaluation closed: all `recommended`. */
export async function recommendedApplications(t: TestApp, cast: Cast, options: EvaluationOptions = {}): Promise<EvaluationSetup> {
  const setup = await setUpEvaluation(t, cast.officer.token, options);
  for (const a of setup.applications) {
    for (const m of setup.members) await declareAndScore(t, m.token, a.id, setup.terms.criteria, 80);
  }
  await expectOk(fundingProposal(t, cast.officer.token, setup.call.callId), 'funding proposal');
  await expectOk(closeEvaluation(t, cast.officer.token, setup.call.callId), 'close evaluation');
  return setup;
}

export const today = (t: TestApp): string => pragueDate(t.clock.now());

/**
 * Runs `work` with the clock two weeks on, then puts it back. A resolution
 * cannot be dated before the call's evaluation closed: a spec that needs a
 * resolution, a contract and a payment on earlier days than "today" takes
 * them in the two weeks after the close. Everything dated so belongs inside
 * `work` (back at the close, a later signing date would be in the future).
 */
export async function twoWeeksOn<T>(t: TestApp, work: () => Promise<T>): Promise<T> {
  const before = t.clock.now();
  t.clock.set(new Date(before.getTime() + 14 * DAY));
  try {
    return await work();
  } finally {
    t.clock.set(before);
  }
}

export function decide(t: TestApp, officer: string, id: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/decision`).auth(officer, { type: 'bearer' }).send(body);
}

export function approve(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return decide(t, officer, id, { outcome: 'approved', body: 'council', resolutionNumber: `R-${id.slice(0, 8)}`, resolutionDate: today(t), ...extra });
}

export function signContract(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${API}/applications/${id}/contract`)
    .auth(officer, { type: 'bearer' })
    .send({ contractNumber: `SML-${id}`, signedOn: today(t), bankAccount: '19-2000145399/0800', ...extra });
}

export function pay(t: TestApp, budget: string, id: string, amountCzk: number, extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${API}/applications/${id}/payments`)
    .auth(budget, { type: 'bearer' })
    .send({ amountCzk, paidOn: today(t), paymentReference: `VS-${amountCzk}`, ...extra });
}

export function submitSettlement(t: TestApp, applicant: string, id: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/settlement`).auth(applicant, { type: 'bearer' }).send(body);
}

export function reviewSettlement(t: TestApp, officer: string, id: string, acceptedCzk: number, note = '') {
  return t.http.post(`${API}/applications/${id}/settlement/review`).auth(officer, { type: 'bearer' }).send({ acceptedCzk, note });
}

export function recordReturn(t: TestApp, budget: string, id: string, amountCzk: number, receivedOn: string) {
  return t.http
    .post(`${API}/applications/${id}/returns`)
    .auth(budget, { type: 'bearer' })
    .send({ amountCzk, receivedOn, reference: `return ${amountCzk} ${receivedOn}` });
}

export function ledgerOf(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}/ledger`).auth(token, { type: 'bearer' });
}

export function budgetOf(t: TestApp, token: string, callId: string) {
  return t.http.get(`${API}/calls/${callId}/budget`).auth(token, { type: 'bearer' });
}

export function ledgerCheck(t: TestApp, token: string) {
  return t.http.get(`${API}/ledger/check`).auth(token, { type: 'bearer' });
}

// ---------------------------------------------------------------------------
// Several calls evaluated at once, with chosen applicants and scores.

export interface Entry {
  applicant: Applicant;
  /** Overrides of the application's body (applicationBody). */
  body?: Record<string, unknown>;
  /** Every member's total (of 100); the calls' default minimum score is 50. Default 80: recommended. */
  score?: number;
}

export interface CallPlan {
  /** Overrides of the call's terms (callBody); the dates are always the defaults, so every plan has the same window. */
  call?: Record<string, unknown>;
  /** The programme's appropriation (default CZK 4,000,000: the default parts' allocations). */
  appropriationCzk?: number;
  entries: Entry[];
}

export interface EvaluatedCall {
  call: OpenCall;
  /** Part id by part code (read as the owner: the API does not show it). */
  partIds: Map<string, string>;
  /** In the order of the plan's entries. */
  applications: Submitted[];
}

/** Runs `work` over `items`, at most `size` at a time; results in the items' order. */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)))));
  }
  return results;
}

async function expectStatus(request: PromiseLike<Response>, status: number, what: string): Promise<Response> {
  const res = await request;
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * Announces one call per plan at the clock's current instant (so they share
 * one submission window; each in its own programme of the window's year),
 * submits the entries, closes the window, checks every application eligible,
 * has one commission of `members` score each `score`, proposes funding and
 * closes every evaluation. Everything over HTTP. The clock ends one minute
 * after the window closed.
 */
export async function evaluatedCalls(t: TestApp, cast: Cast, plans: readonly CallPlan[], members = 3): Promise<EvaluatedCall[]> {
  const officer = cast.officer.token;
  const admin = await adminToken(t);
  const commission = await Promise.all(Array.from({ length: members }, () => createStaff(t, 'commission', admin)));
  const windowOpens = new Date(t.clock.now().getTime() + 31 * DAY);
  const calls: { call: OpenCall; opensAt: Date; closesAt: Date; criteria: Criterion[] }[] = [];
  for (const plan of plans) {
    const programme = await createProgramme(t, officer, plan.appropriationCzk ?? 4_000_000, pragueYear(windowOpens));
    const created = await expectStatus(
      t.http.post(`${API}/calls`).auth(officer, { type: 'bearer' }).send(callBody(t, programme.id, { quorum: members, ...plan.call })),
      201,
      'call',
    );
    await expectStatus(t.http.post(`${API}/calls/${created.body.id}/announce`).auth(officer, { type: 'bearer' }), 200, 'announce');
    await expectOk(
      t.http
        .put(`${API}/calls/${created.body.id}/commission`)
        .auth(officer, { type: 'bearer' })
        .send({ memberIds: commission.map((m) => m.id), chairId: commission[0].id }),
      'commission',
    );
    calls.push({
      call: { callId: created.body.id, programmeId: programme.id, programmeCode: programme.code, year: programme.year },
      opensAt: new Date(created.body.submissionOpensAt),
      closesAt: new Date(created.body.submissionClosesAt),
      criteria: created.body.criteria.map((c: Criterion) => ({ code: c.code, maxPoints: c.maxPoints })),
    });
  }
  t.clock.set(new Date(calls[0].opensAt.getTime() + DAY));
  const submitted = await Promise.all(
    plans.map((plan, p) => inBatches(plan.entries, 8, (e) => submitApplication(t, e.applicant, calls[p].call, e.body ?? {}))),
  );
  t.clock.set(new Date(calls[0].closesAt.getTime() + 60_000));
  const all = plans.flatMap((plan, p) => plan.entries.map((e, i) => ({ id: submitted[p][i].id, score: e.score ?? 80, criteria: calls[p].criteria })));
  await inBatches(all, 8, (a) => expectOk(formalCheck(t, officer, a.id, { result: 'eligible', reasons: [] }), 'formal check'));
  await inBatches(all, 8, async (a) => {
    for (const m of commission) await declareAndScore(t, m.token, a.id, a.criteria, a.score);
  });
  const result: EvaluatedCall[] = [];
  for (const [p, c] of calls.entries()) {
    await expectOk(fundingProposal(t, officer, c.call.callId), 'funding proposal');
    await expectOk(closeEvaluation(t, officer, c.call.callId), 'close evaluation');
    result.push({ call: c.call, partIds: await partIdsOf(c.call.callId), applications: submitted[p] });
  }
  return result;
}

export function partIdsOf(callId: string): Promise<Map<string, string>> {
  return asOwner(async (c) => {
    const { rows } = await c.query<{ code: string; id: string }>('SELECT code, id FROM call_part WHERE call_id = $1', [callId]);
    return new Map(rows.map((r) => [r.code, r.id]));
  });
}

/** `count` applicants, each of its own organisation. */
export function applicants(t: TestApp, count: number): Promise<Applicant[]> {
  return inBatches(Array.from({ length: count }), 8, () => registerApplicant(t));
}

/** Budget lines requesting `requestedCzk` of a total cost of twice as much (50 %, below the default 70 % share). */
export function requesting(requestedCzk: number): Record<string, unknown> {
  const staff = Math.ceil(requestedCzk / 2);
  return {
    budgetLines: [
      { category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: staff * 2, requestedCzk: staff },
      { category: 'Materiál', description: 'Učebnice', totalCzk: (requestedCzk - staff) * 2, requestedCzk: requestedCzk - staff },
    ],
  };
}

// ---------------------------------------------------------------------------
// More of the stage's endpoints (raw responses).

export function reject(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return decide(t, officer, id, {
    outcome: 'rejected',
    body: 'council',
    resolutionNumber: `R-${id.slice(0, 8)}`,
    resolutionDate: today(t),
    reasons: ['Projekt nezískal dostatek bodů.'],
    ...extra,
  });
}

export function publishContract(t: TestApp, officer: string, id: string, extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${API}/applications/${id}/contract/publication`)
    .auth(officer, { type: 'bearer' })
    .send({ publishedOn: today(t), url: `https://smlouvy.gov.cz/smlouva/${id}`, ...extra });
}

export function auditTrail(t: TestApp, auditor: string, applicationId: string) {
  return t.http.get(`${API}/audit?entityType=application&entityId=${applicationId}&pageSize=200`).auth(auditor, { type: 'bearer' });
}

/** The reason the specs give where an award deviates from the commission (the rule itself is tested in money-errors). */
export const DEVIATION_REASON = 'Rada se odchýlila od návrhu komise: projekt považuje za prioritní.';

/** The commission's proposals of applications, as stored. */
export function proposalsOf(ids: readonly string[]): Promise<Map<string, number | null>> {
  return asOwner(async (c) => {
    const { rows } = await c.query<{ id: string; proposed_czk: string | null }>('SELECT id, proposed_czk FROM application WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.proposed_czk === null ? null : Number(r.proposed_czk)]));
  });
}

/** An award of `amountCzk` as the officer records it: with the deviation reason when it is above the proposal (issue 12, item 7). */
export function awardOf(amountCzk: number, proposedCzk: number | null | undefined): { amountCzk: number; deviationReason?: string } {
  return amountCzk > (proposedCzk ?? 0) ? { amountCzk, deviationReason: DEVIATION_REASON } : { amountCzk };
}

/** Approved (for `amountCzk`, default the proposal; above it with the deviation reason) and contracted today; both must succeed. */
export async function contracted(t: TestApp, officer: string, id: string, amountCzk?: number): Promise<void> {
  const award = amountCzk === undefined ? {} : awardOf(amountCzk, (await proposalsOf([id])).get(id));
  await expectStatus(approve(t, officer, id, award), 201, 'approve');
  await expectStatus(signContract(t, officer, id), 201, 'contract');
}

/** Contracted and paid `paidCzk` in one instalment. */
export async function paidOut(t: TestApp, cast: Cast, id: string, amountCzk: number, paidCzk: number): Promise<void> {
  await contracted(t, cast.officer.token, id, amountCzk);
  await expectStatus(pay(t, cast.budget.token, id, paidCzk), 201, 'payment');
}

/** A settlement declaring `spentCzk`, all of it on the default application's first budget category. */
export function settlementOf(spentCzk: number, report = 'Projekt proběhl podle plánu.') {
  return { spentCzk, lines: [{ category: 'Osobní náklady', spentCzk }], report };
}

export { expectStatus };

/** The application's ledger movements as [type, amountCzk] pairs, oldest first. */
export async function movementsOf(t: TestApp, token: string, id: string): Promise<[string, number][]> {
  const res = await expectStatus(ledgerOf(t, token, id), 200, 'ledger');
  return res.body.map((l: { type: string; amountCzk: number }) => [l.type, l.amountCzk]);
}

/** Part 1 of the call's budget. */
export async function partOf(t: TestApp, token: string, callId: string, code = '1') {
  const res = await expectStatus(budgetOf(t, token, callId), 200, 'budget');
  return res.body.parts.find((p: { code: string }) => p.code === code) as {
    code: string;
    allocationCzk: number;
    proposedCzk: number;
    committedCzk: number;
    paidCzk: number;
    returnedCzk: number;
    availableCzk: number;
  };
}

/**
 * GET /ledger/check as `token`: no transaction anywhere is unbalanced, and
 * no cached balance of the given parts and applications disagrees with the
 * ledger. Scoped because the e2e files share one database: a mismatch left by
 * another file's (failing) test must not fail this one.
 */
export async function expectLedgerAgrees(t: TestApp, token: string, scope: { partIds?: readonly string[]; applicationIds?: readonly string[] }) {
  const res = await expectStatus(ledgerCheck(t, token), 200, 'ledger check');
  const body = res.body as {
    ok: boolean;
    transactions: number;
    unbalancedTransactions: string[];
    parts: { partId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
    applications: { applicationId: string; field: string; cachedCzk: number; ledgerCzk: number }[];
  };
  expect(body.unbalancedTransactions).toEqual([]);
  expect(body.parts.filter((p) => scope.partIds?.includes(p.partId))).toEqual([]);
  expect(body.applications.filter((a) => scope.applicationIds?.includes(a.applicationId))).toEqual([]);
  return body;
}

/**
 * Test hygiene for the shared database, run after the files whose tests can
 * catch an approval that overspends a part: when the ledger commits more to a
 * part than its cached `committed_czk` (or than its allocation), the part is
 * put back in agreement with the ledger as the owner — committed_czk set to
 * the ledger's, and the allocation topped up (with a balanced `allocation`
 * transaction) by whatever was committed above it. A no-op while the ledger
 * and the caches agree. It exists so that one file's failing test does not
 * make GET /ledger/check fail in every other file.
 */
export async function repairOverspentParts(partIds: readonly string[]): Promise<void> {
  if (!partIds.length) return;
  await asOwner(async (c) => {
    const { rows } = await c.query<{ id: string; programme_id: string; allocation: string; committed: string; ledger_committed: string }>(
      `SELECT p.id, c.programme_id, p.allocation_czk AS allocation, p.committed_czk AS committed,
              COALESCE((SELECT sum(e.amount_czk) FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
                         WHERE t.call_part_id = p.id AND e.account LIKE 'part:' || p.id || ':application:%'
                           AND split_part(e.account, ':', 5) IN ('committed', 'paid', 'return_due', 'returned')), 0) AS ledger_committed
         FROM call_part p JOIN call c ON c.id = p.call_id WHERE p.id = ANY($1::uuid[])`,
      [partIds],
    );
    for (const r of rows) {
      const ledgerCommitted = Number(r.ledger_committed);
      if (ledgerCommitted === Number(r.committed)) continue;
      const topUp = Math.max(0, ledgerCommitted - Number(r.allocation));
      await c.query('BEGIN');
      if (topUp > 0) {
        await c.query(
          `WITH t AS (
             INSERT INTO ledger_transaction (id, type, occurred_on, reference, programme_id, call_part_id, created_at)
             VALUES (gen_random_uuid(), 'allocation', CURRENT_DATE, 'test repair: overspent part topped up', $2, $1, now()) RETURNING id
           )
           INSERT INTO ledger_entry (transaction_id, account, amount_czk)
           SELECT t.id, e.account, e.amount FROM t, (VALUES ('part:' || $1 || ':available', $3::bigint), ('programme:' || $2 || ':unallocated', -$3::bigint)) AS e(account, amount)`,
          [r.id, r.programme_id, topUp],
        );
      }
      await c.query('UPDATE call_part SET allocation_czk = allocation_czk + $2, committed_czk = $3 WHERE id = $1', [r.id, topUp, ledgerCommitted]);
      await c.query('COMMIT');
    }
  });
}
