import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pragueDate } from '@app/core/time/prague-time';
import { DEMO_COMMISSION, DEMO_STAGES, type DemoApplicationDescription, type DemoStageName } from '../../apps/api/src/demo/demo-data';
import { DISTRICT_CONTRACT_ACCOUNT } from '../../apps/api/src/demo/demo-content';
import { loadDemo, type DemoSeedResult } from '../../apps/api/src/demo/demo-seed';
import { DemoSeedModule } from '../../apps/api/src/demo/demo-seed.module';
import { adminToken, login } from '../support/factories';
import { API } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The demo seed (`npm run demo`) against the test database: it writes every
 * stage of a call's life through the services, the API then shows each stage
 * as DEMO_STAGES describes it, the ledger and the audit chain are whole, and
 * a second run writes nothing.
 */

const PASSWORD = 'demo-password-for-the-e2e-test';
const STAGES: DemoStageName[] = ['open', 'closed', 'scored', 'decided'];
/** Tables the seed writes (and a second run must leave as they are). */
const TABLES = [
  'user_account', 'organisation', 'programme', 'call', 'call_part', 'commission_member', 'application', 'application_status_change',
  'formal_check', 'conflict_declaration', 'score_sheet', 'decision', 'grant_contract', 'payment', 'settlement', 'money_return',
  'ledger_transaction', 'letter', 'outbox_message', 'audit_event',
];

interface Summary {
  id: string;
  title: string;
  status: string;
  referenceNumber: string | null;
  correctionDueOn: string | null;
  money: { awardedCzk: number; paidCzk: number; returnedCzk: number; returnDueCzk: number };
}

describe('demo seed', () => {
  let t: TestApp;
  let seedApp: INestApplicationContext;
  let first: DemoSeedResult;
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await login(t, email, PASSWORD));
    return tokens.get(email)!;
  };
  const get = async (path: string, as: string) => {
    const res = await t.http.get(`${API}${path}`).auth(await token(as), { type: 'bearer' });
    if (res.status !== 200) throw new Error(`GET ${path} as ${as}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ids = <S extends DemoStageName>(stage: S) => first.ids[stage]!;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    seedApp = await NestFactory.createApplicationContext(DemoSeedModule, { logger: false });
    const started = Date.now();
    first = await loadDemo(seedApp, { password: PASSWORD });
    // Fast enough for `npm run demo` (about 3 s on a quiet machine, most of it hashing the demo users' passwords with argon2id).
    expect(Date.now() - started).toBeLessThan(60_000);
    t.clock.set(new Date());
    tokens.set(process.env.BOOTSTRAP_ADMIN_EMAIL!, await adminToken(t));
  }, 120_000);

  afterAll(async () => {
    await seedApp?.close();
    await t?.close();
  });

  it('writes the four stages, oldest first', () => {
    expect(first.written).toEqual(['decided', 'scored', 'closed', 'open']);
  });

  it('shows each call in its phase, by its title', async () => {
    const calls: { id: string; title: string; status: string }[] = (await t.http.get(`${API}/calls?pageSize=200`)).body.items;
    const phase = (stage: DemoStageName) => calls.find((c) => c.id === ids(stage).callId && c.title === DEMO_STAGES[stage].callTitle)?.status;
    expect(phase('open')).toBe('open');
    expect(phase('closed')).toBe('closed');
    expect(phase('scored')).toBe('closed');
    // No service records the call's decision yet (call.decided_at): the decided call reads "evaluated".
    expect(['evaluated', 'decided']).toContain(phase('decided'));
  });

  it.each(STAGES)('leaves every application of the %s call in the described status, owned by the described login', async (stage) => {
    const officer: Summary[] = (await get(`/applications?callId=${ids(stage).callId}&pageSize=200`, 'officer@demo.praha.eu')).items;
    const described: Record<string, DemoApplicationDescription> = DEMO_STAGES[stage].applications;
    expect(officer).toHaveLength(Object.keys(described).length);
    for (const [key, d] of Object.entries(described)) {
      const app = officer.find((a) => a.title === d.title);
      expect({ key, status: app?.status }).toEqual({ key, status: d.status });
      if (d.money) expect({ key, money: app!.money }).toEqual({ key, money: d.money });
      // The owner sees it among its organisation's applications.
      const own: Summary[] = (await get(`/applications?callId=${ids(stage).callId}`, d.login)).items;
      expect(own.map((a) => a.title)).toContain(d.title);
    }
  });

  it('open call: ngo2’s application has the first reference number, ngo1 and ngo3 have drafts', async () => {
    const open = DEMO_STAGES.open.applications;
    const year = Number(pragueDate(new Date()).slice(0, 4)) + 1;
    const submitted: Summary = await get(`/applications/${ids('open').applications.submitted}`, open.submitted.login);
    expect(submitted.referenceNumber).toBe(`INT-${year}-0001`);
    const draft: Summary = await get(`/applications/${ids('open').applications.draft}`, open.draft.login);
    expect(draft.referenceNumber).toBeNull();
  });

  it('closed call: ngo2 may still correct its application, the others wait for the formal check', async () => {
    const closed = DEMO_STAGES.closed.applications;
    const correction = await get(`/applications/${ids('closed').applications.correction}`, closed.correction.login);
    expect(correction.status).toBe('correction_requested');
    expect(correction.correctionDueOn > pragueDate(new Date())).toBe(true);
    expect(correction.formalChecks.at(-1)).toMatchObject({ result: 'correction_requested', reasons: [expect.any(String), expect.any(String)] });
    const letters = await get(`/applications/${ids('closed').applications.correction}/letters`, closed.correction.login);
    expect(letters).toEqual([expect.objectContaining({ kind: 'correction_request', status: expect.stringMatching(/^(queued|ready)$/) })]);
    const waiting: Summary[] = (await get(`/applications?callId=${ids('closed').callId}&status=submitted`, 'officer@demo.praha.eu')).items;
    expect(waiting.map((a) => a.title).sort()).toEqual([closed.awaitingCheck.title, closed.awaitingCheckToo.title].sort());
  });

  it('closed call: partly scored — commission1 has scored three, commission2 one (and declared a conflict), commission3 none', async () => {
    const closed: Record<string, DemoApplicationDescription> = DEMO_STAGES.closed.applications;
    const members = await Promise.all(DEMO_COMMISSION.map(async (email) => (await get('/me', email)).id as string));
    const eligible = Object.entries(closed).filter(([, d]) => d.status === 'eligible');
    const sheetsBy = new Map<string, number>(members.map((m) => [m, 0]));
    for (const [key, d] of eligible) {
      const scores = await get(`/applications/${(ids('closed').applications as Record<string, string>)[key]}/scores`, 'officer@demo.praha.eu');
      const expected = Object.entries(d.sheets ?? {}).filter(([, v]) => typeof v === 'number');
      expect(scores.sheets.map((s: { totalPoints: number }) => s.totalPoints).sort()).toEqual(expected.map(([, v]) => v).sort());
      for (const s of scores.sheets as { memberId: string }[]) sheetsBy.set(s.memberId, sheetsBy.get(s.memberId)! + 1);
    }
    expect(members.map((m) => sheetsBy.get(m))).toEqual([3, 1, 0]);
    const conflicts: { member_id: string }[] = await t.dataSource.query(
      'SELECT member_id FROM conflict_declaration WHERE has_conflict AND application_id = $1',
      [ids('closed').applications.conflict],
    );
    expect(conflicts.map((c) => c.member_id)).toEqual([members[1]]);

    // Each member sees the call's eligible applications to score; the ranking counts the one with a quorum.
    const seen: Summary[] = (await get(`/applications?callId=${ids('closed').callId}`, 'commission3@demo.praha.eu')).items;
    expect(seen).toHaveLength(eligible.length);
    const ranking = await get(`/calls/${ids('closed').callId}/ranking`, 'officer@demo.praha.eu');
    const top = ranking.items.find((i: { applicationId: string }) => i.applicationId === ids('closed').applications.scoredTwice);
    expect(top).toMatchObject({ scorers: 2, averageScore: 81.5 });
  });

  it('decided call: Council decisions, letters queued for the worker, contracts, payments', async () => {
    const decided = DEMO_STAGES.decided.applications;
    const app = ids('decided').applications;
    const decisions: { application_id: string; outcome: string; body: string; resolution_number: string; resolution_date: string }[] = await t.dataSource.query(
      `SELECT application_id, outcome, body, resolution_number, resolution_date::text AS resolution_date FROM decision WHERE application_id = ANY($1::uuid[])`,
      [Object.values(app)],
    );
    expect(decisions).toHaveLength(6);
    for (const d of decisions) {
      expect(d).toMatchObject({ body: 'council', resolution_number: '412', outcome: d.application_id === app.rejected ? 'rejected' : 'approved' });
      expect(d.resolution_date < pragueDate(new Date())).toBe(true);
    }

    const kinds: Record<keyof typeof decided, string> = {
      closed: 'approval',
      settlementForReview: 'approval',
      overdueReturn: 'approval',
      awaitingPublication: 'approval',
      secondInstalment: 'approval',
      rejected: 'rejection',
      ineligible: 'ineligible',
    };
    // Queued with its outbox row in the decision's transaction; a letters worker (none here, but the e2e files share
    // the database) may have rendered it since.
    for (const [key, kind] of Object.entries(kinds) as [keyof typeof decided, string][]) {
      const letters = await get(`/applications/${app[key]}/letters`, decided[key].login);
      expect({ key, letters }).toEqual({ key, letters: [expect.objectContaining({ kind, status: expect.stringMatching(/^(queued|ready)$/) })] });
    }
    const outbox: { n: string }[] = await t.dataSource.query(
      `SELECT count(*) AS n FROM outbox_message o JOIN letter l ON l.id = (o.payload->>'letterId')::uuid WHERE l.application_id = ANY($1::uuid[])`,
      [Object.values(app)],
    );
    expect(Number(outbox[0].n)).toBe(7);

    const contracts: { application_id: string; amount_czk: string; publication_due_on: string | null; published_on: string | null }[] = await t.dataSource.query(
      `SELECT application_id, amount_czk, publication_due_on::text AS publication_due_on, published_on::text AS published_on
         FROM grant_contract WHERE application_id = ANY($1::uuid[])`,
      [Object.values(app)],
    );
    const contract = (id: string) => contracts.find((c) => c.application_id === id);
    expect(contracts).toHaveLength(5);
    expect(contract(app.closed)).toMatchObject({ amount_czk: '48000', publication_due_on: null, published_on: null });
    expect(contract(app.settlementForReview)?.published_on).not.toBeNull();
    expect(contract(app.awaitingPublication)).toMatchObject({ publication_due_on: expect.any(String), published_on: null });

    const payments = async (id: string) =>
      (await get(`/applications/${id}/ledger`, 'budget@demo.praha.eu')).filter((l: { type: string }) => l.type === 'payment').map((l: { amountCzk: number }) => l.amountCzk);
    expect(await payments(app.settlementForReview)).toEqual([150_000, 100_000]);
    expect(await payments(app.secondInstalment)).toEqual([100_000]);
    expect(await payments(app.overdueReturn)).toEqual([180_000]);
    expect(await payments(app.awaitingPublication)).toEqual([]);
  });

  it('scored call: every sheet in, nothing pending; closing the evaluation would recommend the two above the minimum', async () => {
    const scored = DEMO_STAGES.scored.applications;
    const app = ids('scored').applications;
    const ranking: { items: { applicationId: string; scorers: number; averageScore: number; recommended: boolean }[] } = await get(
      `/calls/${ids('scored').callId}/ranking`,
      'officer@demo.praha.eu',
    );
    const row = (id: string) => ranking.items.find((i) => i.applicationId === id);
    const average = (key: keyof typeof scored) => {
      const sheets = Object.values(scored[key].sheets) as number[];
      return sheets.reduce((sum, p) => sum + p, 0) / sheets.length;
    };
    expect(row(app.leading)).toMatchObject({ scorers: 3, recommended: true });
    expect(row(app.leading)!.averageScore).toBeCloseTo(average('leading'), 2);
    expect(row(app.runnerUp)).toMatchObject({ scorers: 3, recommended: true });
    expect(row(app.belowMinimum)).toMatchObject({ scorers: 3, recommended: false });
    const waiting: Summary[] = (await get(`/applications?callId=${ids('scored').callId}&status=submitted`, 'officer@demo.praha.eu')).items;
    expect(waiting).toEqual([]);
  });

  it('decided call: a settlement waits for review, a return is overdue, one grant is closed', async () => {
    const app = ids('decided').applications;
    const settlements: { application_id: string; reviewed_at: Date | null; return_due_czk: string | null; return_due_on: string | null }[] = await t.dataSource.query(
      `SELECT application_id, reviewed_at, return_due_czk, return_due_on::text AS return_due_on FROM settlement WHERE application_id = ANY($1::uuid[])`,
      [Object.values(app)],
    );
    const settlement = (id: string) => settlements.find((s) => s.application_id === id);
    expect(settlement(app.settlementForReview)).toMatchObject({ reviewed_at: null });
    expect(settlement(app.closed)).toMatchObject({ return_due_czk: '0', return_due_on: null });
    const overdue = settlement(app.overdueReturn)!;
    expect(overdue.return_due_czk).toBe('40000');
    expect(overdue.return_due_on! < pragueDate(new Date())).toBe(true);

    const report = await get(`/reports/reconciliation?callId=${ids('decided').callId}`, 'budget@demo.praha.eu');
    expect(report.anomalies).toContainEqual(expect.objectContaining({ kind: 'return_overdue', applicationId: app.overdueReturn }));
    expect(report.anomalies.filter((a: { kind: string }) => a.kind === 'return_overdue')).toHaveLength(1);
    // Every demo payment went to the account its organisation had registered on that day.
    expect(report.anomalies.filter((a: { kind: string }) => a.kind === 'payment_to_other_account')).toEqual([]);
  });

  it('decided call: the district registered without an account asked for one, an officer confirmed it, its contract names it', async () => {
    const app = ids('decided').applications;
    const contract = await get(`/applications/${app.awaitingPublication}`, 'officer@demo.praha.eu');
    const requests = await get(`/organisations/${contract.organisationId}/bank-account-requests`, 'officer@demo.praha.eu');
    expect(requests).toEqual([
      expect.objectContaining({
        bankAccount: DISTRICT_CONTRACT_ACCOUNT,
        previousBankAccount: null,
        status: 'confirmed',
        requestedBy: expect.objectContaining({ fullName: 'Marie Dvořáková' }),
        decidedBy: expect.objectContaining({ fullName: expect.any(String) }),
      }),
    ]);
    expect(contract.contract.bankAccount).toBe(DISTRICT_CONTRACT_ACCOUNT);
  });

  it('leaves the ledger consistent and the audit chain whole', async () => {
    const ledger = await get('/ledger/check', 'budget@demo.praha.eu');
    expect(ledger).toMatchObject({ ok: true, unbalancedTransactions: [], parts: [], applications: [] });
    const audit = await get('/audit/verify', process.env.BOOTSTRAP_ADMIN_EMAIL!);
    expect(audit.ok).toBe(true);
  });

  it('a second run writes nothing', async () => {
    const before = await Promise.all(TABLES.map(count));
    const second = await loadDemo(seedApp, { password: PASSWORD });
    expect(second).toEqual({ written: [], ids: { open: null, closed: null, scored: null, decided: null } });
    expect(await Promise.all(TABLES.map(count))).toEqual(before);
  });
});
