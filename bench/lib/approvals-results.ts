import { cpus, totalmem } from 'node:os';
import type { ApprovalsOptions } from './approvals-args';
import type { CapturedDecisions, CeilingBatches, CeilingRun } from './approvals-ceiling';
import type { DecisionsPhase, DecisionTarget, Resolution } from './approvals-phase';
import type { ApprovalsPlan } from './approvals-seed';
import type { ApprovalsVerification } from './approvals-verify';
import { otherWork } from './ranking-phases';
import type { Profiled, SeedingStep } from './ranking-results';
import { fmt, fmtMib, mib, mibOrNull, type Check } from './report';
import { gitRevision, info, redactUrl } from './results';
import type { Baseline } from './run-types';
import type { SeededCall } from './seed';

export const APPROVALS_TARGETS = { approvalsPerSecond: 150, shareOfSqlCeiling: 0.5 };

export interface ApprovalsSeeded {
  call: SeededCall;
  partId: string;
  plan: ApprovalsPlan;
  targets: DecisionTarget[];
  members: number;
  adminToken: string;
  officerToken: string;
  budgetToken: string;
  /** What the funding proposal proposed in the part (at most the allocation). */
  proposedCzk: number;
  seconds: Record<string, number>;
  submits: SeedingStep;
  formalChecks: SeedingStep;
  sheetsOverHttp: SeedingStep | null;
}

export interface ApprovalsRun {
  rssAtReadyKb: number | null;
  seeded: ApprovalsSeeded;
  resolution: Resolution;
  phase: DecisionsPhase;
  profile?: Profiled;
  verified: ApprovalsVerification;
  endHwmKb: number | null;
  exit: string;
  /** The ceiling's copies and the captured decisions (made before the API stopped). */
  ceilingPrep: { batches: CeilingBatches; captured: CapturedDecisions };
}

/** The decision's own SQL replayed with pg: the headline variant first. */
export interface Ceiling {
  runs: CeilingRun[];
  captured: CapturedDecisions['statements'];
}

/** The ceiling the ratio is taken against: the first variant's (the decision's transaction, as many connections as the API's pool). */
export function ceilingFigure(ceiling: Ceiling): { perSecond: number; tool: string } {
  const [run] = ceiling.runs;
  if (!run) return { perSecond: Number.NaN, tool: 'not measured' };
  return { perSecond: run.approvalsPerSecond, tool: `${run.variant.label}, pg, ${run.variant.clients} connections` };
}

const ms = (n: number): string => `${fmt(n)} ms`;
const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;
const pct = (x: number): string => `${fmt(x * 100)} %`;

export function buildApprovalsChecks(options: ApprovalsOptions, run: ApprovalsRun, ceiling: Ceiling, baseline: Baseline): Check[] {
  const { phase: p, verified: v, seeded: s } = run;
  const t = APPROVALS_TARGETS;
  const sql = ceilingFigure(ceiling);
  const share = p.approvalsPerSecond / sql.perSecond;
  const c = p.cpu.cores;
  const rows: Check[] = [
    {
      metric: 'approvals/s (201 answers ÷ the whole phase)',
      measured: `${fmt(p.approvalsPerSecond)} (${p.approved} in ${fmt(p.load.elapsedMs / 1000, 2)} s)`,
      target: `≥ ${t.approvalsPerSecond}`,
      pass: p.approvalsPerSecond >= t.approvalsPerSecond,
      kind: 'target',
    },
    info('decisions answered/s (201 + 409)', `${fmt(p.decisionsPerSecond)} (${p.approved + p.refused} in ${fmt(p.load.elapsedMs / 1000, 2)} s)`),
    info('approvals/s until the last 201', `${fmt(p.approvalsPerSecondWhileFunds)} (last approval at ${fmt(p.lastApprovalAtMs / 1000, 2)} s)`),
    info('decisions/s by quarter of the phase', p.decisionsByQuarter.map((x) => fmt(x, 0)).join(' → ')),
    info('latency p50, all decisions', ms(p.latency.p50Ms)),
    info('latency p95, all decisions', ms(p.latency.p95Ms)),
    info('latency p99, all decisions', ms(p.latency.p99Ms)),
    info('latency max, all decisions', ms(p.latency.maxMs)),
    info('latency 201 / 409', `p50 ${ms(p.approvedLatency.p50Ms)} / ${ms(p.refusedLatency.p50Ms)}, p99 ${ms(p.approvedLatency.p99Ms)} / ${ms(p.refusedLatency.p99Ms)}`),
    {
      metric: 'answers: 201 approved + 409 ALLOCATION_EXCEEDED',
      measured: `${p.approved} + ${p.refused}${p.other ? `, ${p.other} OTHER` : ''} of ${p.load.requests}`,
      target: `${s.targets.length}, both kinds`,
      pass: p.other === 0 && p.approved + p.refused === s.targets.length && p.approved > 0 && p.refused > 0,
      kind: 'invariant',
    },
    {
      metric: 'overspend = max(0, committed − allocation)',
      measured:
        `${czk(v.part.overspendCzk)} (call_part.committed_czk); of the awards: ${czk(v.part.awardsOverspendCzk)} (decisions), ` +
        `${czk(v.part.ledgerOverspendCzk)} (ledger)`,
      target: 'CZK 0 each',
      pass: v.part.overspendCzk === 0 && v.part.awardsOverspendCzk === 0 && v.part.ledgerOverspendCzk === 0,
      kind: 'invariant',
    },
    {
      metric: 'committed = Σ approved awards',
      measured: `${czk(v.part.committedCzk)} = ${czk(v.approvedDecisionsCzk)} (decisions) = ${czk(p.approvedCzk)} (201s)`,
      target: 'equal',
      pass: v.part.committedCzk === v.approvedDecisionsCzk && v.part.committedCzk === p.approvedCzk,
      kind: 'invariant',
    },
    {
      metric: 'allocation used up: left < smallest refused',
      measured: `${czk(v.part.availableCzk)} left of ${czk(v.part.allocationCzk)}; smallest refused ${v.smallestRefusedCzk === null ? 'n/a' : czk(v.smallestRefusedCzk)}`,
      target: 'left < refused',
      pass: v.smallestRefusedCzk === null || v.part.availableCzk < v.smallestRefusedCzk,
      kind: 'invariant',
    },
    {
      metric: 'database agrees with the answers',
      measured: v.problems[0] ?? 'decisions, statuses, letters, outbox, history, ledger, audit events',
      target: 'all',
      pass: v.problems.length === 0,
      kind: 'invariant',
    },
    {
      metric: 'GET /ledger/check (budget)',
      measured: `ok=${v.ledger.ok}, ${v.ledger.transactions} transactions (${fmt(v.ledger.seconds, 2)} s)`,
      target: 'ok=true',
      pass: v.ledger.ok,
      kind: 'invariant',
    },
    {
      metric: 'audit chain verifies',
      measured: `ok=${v.audit.ok}, ${v.audit.events} events (${fmt(v.audit.seconds, 2)} s)`,
      target: 'ok=true',
      pass: v.audit.ok,
      kind: 'invariant',
    },
  ];
  for (const r of ceiling.runs) {
    rows.push(
      info(
        `SQL ceiling: ${r.variant.label}, ${r.variant.clients} connections`,
        `${fmt(r.approvalsPerSecond)} approvals/s, ${fmt(r.decisionsPerSecond)} decisions/s (${r.approved} + ${r.refused} in ${fmt(r.seconds, 2)} s; ` +
          `p50 ${ms(r.latency.p50Ms)}, p99 ${ms(r.latency.p99Ms)}; ${r.statementsPerApproval} statements an approval)`,
      ),
      {
        metric: `  replay faithful (${r.variant.scope}, ${r.variant.clients} connections)`,
        measured: `${r.diverged} diverged; ${r.exact ? 'committed = the approvals' : 'COMMITTED ≠ the approvals'}; overspend ${czk(r.overspendCzk)}; same split ${r.approved}/${r.refused} vs HTTP ${p.approved}/${p.refused}`,
        target: '0, equal, CZK 0',
        pass: r.diverged === 0 && r.exact && r.overspendCzk === 0,
        kind: 'invariant',
      },
    );
  }
  rows.push(
    {
      metric: `approvals/s ÷ SQL ceiling (${sql.tool})`,
      measured: pct(share),
      target: `≥ ${fmt(t.shareOfSqlCeiling * 100, 0)} %`,
      pass: share >= t.shareOfSqlCeiling,
      kind: 'target',
    },
    info('decisions answered/s ÷ SQL ceiling', pct(p.decisionsPerSecond / sql.perSecond)),
    ...ceiling.runs.slice(1).map((r) => info(`approvals/s ÷ ceiling (${r.variant.label}, ${r.variant.clients} connections)`, pct(p.approvalsPerSecond / r.approvalsPerSecond))),
  );
  rows.push(
    info('API peak RSS (measured phase)', `${fmtMib(p.rss.peakKb)} (VmHWM before it: ${fmtMib(p.rss.seedingHwmKb)})`),
    info(
      'CPU (cores) during the phase',
      `API ${fmt(c.api, 2)}, PostgreSQL for the API ${fmt(c.postgresBench, 2)}, clients ${fmt(c.clients, 2)}, all other work ${fmt(otherWork(p.cpu), 2)} of ${cpus().length}`,
    ),
    info('baseline node:http requests/s', `${fmt(baseline.requestsPerSecond, 0)} (p50 ${fmt(baseline.latency.p50Ms, 2)} ms, p99 ${fmt(baseline.latency.p99Ms, 2)} ms)`),
    info('decisions answered/s ÷ baseline', pct(p.decisionsPerSecond / baseline.requestsPerSecond)),
    info('part', `${czk(s.plan.allocationCzk)} allocated, ${czk(s.plan.requestedTotalCzk)} requested (× ${fmt(s.plan.requestedTotalCzk / s.plan.allocationCzk, 3)})`),
    info('seeding time', `${fmt(s.seconds.total)} s`),
    info('  submits (HTTP)', step(s.submits, options.concurrency)),
    info('  formal checks (HTTP)', step(s.formalChecks, options.concurrency)),
    info(
      '  declarations + sheets',
      s.sheetsOverHttp ? step(s.sheetsOverHttp, options.concurrency) : `inserted with SQL as the owner in ${fmt(s.seconds.sheets, 2)} s`,
    ),
    info('  proposal + close of the evaluation', `${fmt(s.seconds.proposal, 2)} s + ${fmt(s.seconds.close, 2)} s`),
  );
  return rows;
}

function step(x: SeedingStep, concurrency: number): string {
  return `${x.requests} requests in ${fmt(x.seconds)} s: ${fmt(x.perSecond)}/s, p50 ${ms(x.latency.p50Ms)}, p99 ${ms(x.latency.p99Ms)} (${concurrency} clients)`;
}

export function approvalsNotes(options: ApprovalsOptions, run: ApprovalsRun, postgres: Record<string, string>): string[] {
  const notes = [
    'window moved by SQL for the benchmark: announced via the API 31 days ahead, opened with one UPDATE as the owner for the submits, ' +
      'and closed with one UPDATE as the owner after them, so that the formal check and scoring may start',
    `every approval asks for the whole request (amountCzk = requestedCzk), not the commission's proposal, which fits the allocation by construction; ` +
      `the requests add up to ${fmt(options.oversubscription, 2)} × the part's allocation, so the conditional UPDATE refuses the approvals that no longer fit (409)`,
    `one ${run.resolution.body === 'council' ? 'Council' : 'Assembly'} resolution (${run.resolution.number} of ${run.resolution.date}) approves them all; ` +
      `each request has its own Idempotency-Key`,
    'approvals/s counts the 201 answers over the whole phase, the 409 refusals included in its time: that is the figure compared with both targets; ' +
      'decisions answered/s (201 + 409) is shown beside it',
    'the SQL ceiling runs after the API has stopped: the statements the API sent for one approval and one refusal (captured inside the API, ' +
      'texts, prepared statement names and parameters as sent) are replayed with plain pg clients, new parameters taken from the replayed answers, ' +
      "for copies of the call's applications (same organisations, requests and order) in new parts of the same call with the measured part's allocation, " +
      "the ratio's run with as many connections as the API's pool (the decisions PostgreSQL had at a time during the HTTP phase); " +
      'the copies are made after the verification, so the call\'s own figures do not include them',
    'VACUUM ANALYZE run as the owner after seeding (what autovacuum would have done by the time the Council decides)',
  ];
  if (postgres.autovacuum === 'off') notes.push('autovacuum is off on this PostgreSQL server');
  if (options.sheets === 'sql') notes.push('declarations and score sheets inserted with SQL as the owner (no audit events for them); everything else through the HTTP API');
  return notes;
}

export function approvalsResultsJson(
  options: ApprovalsOptions,
  run: ApprovalsRun,
  ceiling: Ceiling,
  baseline: Baseline,
  checks: readonly Check[],
  postgres: Record<string, string>,
) {
  const { phase: p, seeded: s } = run;
  const sql = ceilingFigure(ceiling);
  return {
    benchmark: 'approvals',
    finishedAt: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cores: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: mib(totalmem() / 1024), node: process.version },
    options: { ...options, databaseUrl: redactUrl(options.databaseUrl), redisUrl: redactUrl(options.redisUrl) },
    notes: approvalsNotes(options, run, postgres),
    postgres,
    environment: {
      API_NODE_OPTIONS: process.env.API_NODE_OPTIONS ?? null,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? null,
      PGOPTIONS: process.env.PGOPTIONS ?? null,
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? null,
    },
    call: {
      applications: s.targets.length,
      members: s.members,
      allocationCzk: s.plan.allocationCzk,
      requestedTotalCzk: s.plan.requestedTotalCzk,
      maxPerOrganisationCzk: s.plan.maxPerOrganisationCzk,
      proposedCzk: s.proposedCzk,
    },
    resolution: run.resolution,
    seedingSeconds: s.seconds,
    seeding: { submits: s.submits, formalChecks: s.formalChecks, sheetsOverHttp: s.sheetsOverHttp },
    decisions: {
      requests: p.load.requests,
      approved: p.approved,
      refused: p.refused,
      other: p.other,
      failures: p.load.failures,
      elapsedSeconds: p.load.elapsedMs / 1000,
      approvalsPerSecond: p.approvalsPerSecond,
      decisionsPerSecond: p.decisionsPerSecond,
      approvalsPerSecondWhileFunds: p.approvalsPerSecondWhileFunds,
      lastApprovalAtSeconds: p.lastApprovalAtMs / 1000,
      decisionsPerSecondByQuarter: p.decisionsByQuarter,
      latencyMs: p.latency,
      approvedLatencyMs: p.approvedLatency,
      refusedLatencyMs: p.refusedLatency,
      approvedCzk: p.approvedCzk,
      cpu: p.cpu,
    },
    apiRssMiB: {
      peak: mib(p.rss.peakKb),
      atReady: mibOrNull(run.rssAtReadyKb),
      beforePhase: mibOrNull(p.rss.beforePhaseKb),
      seedingHwm: mibOrNull(p.rss.seedingHwmKb),
      endHwm: mibOrNull(run.endHwmKb),
    },
    verification: run.verified,
    sqlCeiling: { ...ceiling, comparedWith: sql.tool, approvalsPerSecond: sql.perSecond, approvalsShare: p.approvalsPerSecond / sql.perSecond },
    apiExit: run.exit,
    baseline,
    profile: run.profile,
    targets: APPROVALS_TARGETS,
    checks,
  };
}
