/**
 * `npm run bench:approvals`: one call part whose recommended applications
 * (2,000 of 200 organisations, scored by a DOT Commission of 3, the evaluation
 * closed through the API) ask for 1.5 × its allocation. 32 concurrent
 * keep-alive clients POST an approval of each, the whole request, against the
 * built API: about two thirds are approved (201), the rest refused with 409
 * ALLOCATION_EXCEEDED by the conditional UPDATE on the part's row. Then the
 * money is checked (no overspend, committed = the awards, the ledger and the
 * audit chain). Then, in the same run and database, the ceiling: what the API
 * sent to PostgreSQL for one approval and one refusal is captured inside the
 * API (statement-capture.ts) and replayed with plain pg clients — no HTTP, no
 * Nest — for copies of the same applications in a new part of the same
 * allocation, at the same concurrency (approvals-ceiling.ts); and a minimal
 * node:http server is the HTTP baseline. Options: bench/lib/approvals-args.ts (`--help`).
 */
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { APPROVALS_USAGE, parseApprovalsOptions, type ApprovalsOptions } from './lib/approvals-args';
import { captureDecisions, copyCeilingBatches, runCeiling, type CeilingBatches, type CeilingRun, type CeilingVariant, type CapturedDecisions } from './lib/approvals-ceiling';
import { decideAll, resolutionOf, summariseDecisions, warmUpDecisions, type DecisionsPhase, type Resolution } from './lib/approvals-phase';
import { approvalsBodyGuard, approvalsPlan, type ApprovalsPlan } from './lib/approvals-seed';
import {
  approvalsNotes,
  approvalsResultsJson,
  buildApprovalsChecks,
  ceilingFigure,
  type ApprovalsRun,
  type ApprovalsSeeded,
  type Ceiling,
} from './lib/approvals-results';
import { printWhereTimeGoes, whereTimeGoes } from './lib/approvals-time';
import { verifyApprovals, type ApprovalsVerification } from './lib/approvals-verify';
import { apiEnvironment, newSecrets } from './lib/api-env';
import { runBaseline, startBaselineServer } from './lib/baseline';
import { runBenchmark, seconds, toBaseline } from './lib/bench-main';
import { OwnerDatabase, benchDatabaseName, prepareBenchDatabase } from './lib/database';
import { JsonClient } from './lib/http-client';
import { closeClients, createClients } from './lib/load';
import { PhaseMonitor } from './lib/monitor';
import { askProbe } from './lib/probe-protocol';
import { readStatusKb } from './lib/proc';
import { describePortal, freePort, removeIfEmpty, REPO_ROOT, startApi, stopProcess, waitForReady, type ApiProcess, type ForkedServer } from './lib/processes';
import { seedRecommended } from './lib/recommended-seed';
import { printCpuProfile, printQueryProfile, summariseCpuProfile, summariseQueries } from './lib/profile-summary';
import { otherWork } from './lib/ranking-phases';
import type { Profiled } from './lib/ranking-results';
import { fmt, fmtMib, printTable, writeJson } from './lib/report';
import { gitRevision, verdict } from './lib/results';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
/** The API's connection pool unless DATABASE_POOL_SIZE says otherwise (libs/core/src/config/env.validation.ts). */
const API_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE || 6);

async function main(): Promise<number> {
  const parsed = parseApprovalsOptions(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    console.log(APPROVALS_USAGE);
    return 0;
  }
  const plan = approvalsPlan(parsed.organisations, parsed.draftsPerOrganisation, parsed.oversubscription, parsed.seed);
  approvalsBodyGuard(parsed.body, plan);
  printHeader(parsed, plan);
  const baselineServer = await startBaselineServer();
  try {
    return await benchmark(parsed, plan, baselineServer);
  } finally {
    await stopProcess(baselineServer.child);
  }
}

async function benchmark(options: ApprovalsOptions, plan: ApprovalsPlan, baselineServer: ForkedServer): Promise<number> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const db = await prepareBenchDatabase(options.databaseUrl);
  try {
    const postgres = await postgresSettings(db);
    const run = await runApi(options, plan, db, stamp);
    const ceiling = await measureCeiling(options, db, run.ceilingPrep);
    console.log(`==> baseline: minimal node:http server, ${options.clients} keep-alive clients, ${options.baselineSeconds} s`);
    const baseline = toBaseline(await runBaseline(baselineServer, options.clients, options.baselineSeconds));
    const checks = buildApprovalsChecks(options, run, ceiling, baseline);
    const time = whereTimeGoes(run, ceiling);
    console.log('');
    printTable(checks);
    console.log('');
    printWhereTimeGoes(time);
    const file = join(RESULTS_DIR, `approvals-${stamp}.json`);
    writeJson(file, { ...approvalsResultsJson(options, run, ceiling, baseline, checks, postgres), whereTimeGoes: time });
    console.log('');
    for (const note of approvalsNotes(options, run, postgres)) console.log(`Note: ${note}.`);
    console.log(`Results: ${file}`);
    return verdict(checks, options.strict);
  } finally {
    await db.close();
  }
}

function printHeader(options: ApprovalsOptions, plan: ApprovalsPlan): void {
  const database = benchDatabaseName(options.databaseUrl);
  const cores = cpus();
  const czk = (n: number) => `CZK ${n.toLocaleString('en-US')}`;
  console.log(`prague-grants approvals benchmark — ${cores.length} cores (${cores[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `${plan.applications} recommended applications of ${options.organisations} organisations in one part, ${options.members} commission members; ` +
      `requests ${czk(plan.requestedTotalCzk)} against an allocation of ${czk(plan.allocationCzk)} (× ${fmt(options.oversubscription, 2)}); ` +
      `${options.clients} clients approve as the ${options.body === 'council' ? 'Council' : 'Assembly'}; database "${database}" (recreated)`,
  );
  console.log(`working tree: ${gitRevision()} (what runs is dist/: rebuild after changing the code)`);
  if (options.profile) console.log('--profile: the probe and the CPU profiler slow the API and add memory; take the figures from a run without it.');
  if (process.env.PGOPTIONS) console.log(`PGOPTIONS for the API: ${process.env.PGOPTIONS} (an experiment, not production's setting)`);
  if (process.env.DATABASE_POOL_SIZE) console.log(`DATABASE_POOL_SIZE for the API: ${process.env.DATABASE_POOL_SIZE} (an experiment; production's default is 6)`);
  if (process.env.API_NODE_OPTIONS) console.log(`NODE_OPTIONS for the API: ${process.env.API_NODE_OPTIONS} (an experiment)`);
}

/** Server settings that change what is measured: every approval and every ceiling UPDATE waits for its commit's WAL flush. */
async function postgresSettings(db: OwnerDatabase): Promise<Record<string, string>> {
  const rows: { name: string; setting: string }[] = await db.query(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'autovacuum', 'shared_buffers', 'synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'max_connections')
      ORDER BY name`,
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  console.log(`    PostgreSQL ${settings.server_version}: ${rows.filter((r) => r.name !== 'server_version').map((r) => `${r.name}=${r.setting}`).join(', ')}`);
  return settings;
}

async function runApi(options: ApprovalsOptions, plan: ApprovalsPlan, db: OwnerDatabase, stamp: string): Promise<ApprovalsRun> {
  const secrets = newSecrets();
  const port = await freePort();
  const logFile = join(RESULTS_DIR, `approvals-${stamp}.api.log`);
  // The capture patches nothing until asked (after the measured phase); the probe only with --profile.
  const preload = [join(__dirname, 'lib', 'statement-capture.js'), ...(options.profile ? [join(__dirname, 'lib', 'query-probe.js')] : [])];
  mkdirSync(RESULTS_DIR, { recursive: true });
  const api = startApi(apiEnvironment(port, secrets, options.databaseUrl, options.redisUrl), logFile, preload);
  console.log(`==> API started (pid ${api.pid}, port ${port}, log ${logFile})`);
  try {
    const started = performance.now();
    await waitForReady(api, 60_000);
    const rssAtReadyKb = readStatusKb(api.pid, 'VmRSS');
    console.log(`    ready in ${fmt(seconds(started), 2)} s, RSS ${fmtMib(rssAtReadyKb)}`);
    console.log(`    ${await describePortal(api)}`);
    const seeded = await seedRecommended(api, options, plan, db, secrets);
    const resolution = resolutionOf(options.body, options.seed);
    const { phase, profile } = await measure(api, seeded, options, db, stamp, resolution);
    const verified = await verify(api, seeded, db, phase);
    const endHwmKb = readStatusKb(api.pid, 'VmHWM');
    const ceilingPrep = await prepareCeiling(api, seeded, db, phase, resolution, options);
    const exit = await stopApi(api);
    if (removeIfEmpty(logFile)) console.log('    (the API logged nothing at level warn: log file removed)');
    return { rssAtReadyKb, seeded, resolution, phase, profile, verified, endHwmKb, exit, ceilingPrep };
  } catch (error) {
    await stopApi(api);
    throw error;
  }
}

async function stopApi(api: ApiProcess): Promise<string> {
  const exit = await stopProcess(api.child);
  console.log(`==> API stopped (SIGTERM): ${exit}`);
  return exit;
}

async function measure(
  api: ApiProcess,
  seeded: ApprovalsSeeded,
  options: ApprovalsOptions,
  db: OwnerDatabase,
  stamp: string,
  resolution: Resolution,
): Promise<{ phase: DecisionsPhase; profile?: Profiled }> {
  const clients = createClients(api.origin, options.clients);
  try {
    if (options.warmUp > 0) {
      console.log(`==> warm-up: ${options.warmUp} decisions dated tomorrow, refused with 400 (not measured; nothing changes)`);
      await warmUpDecisions(clients, seeded.officerToken, seeded.targets, options.warmUp, resolution);
    }
    console.log(
      `==> measured: ${seeded.targets.length} POST /applications/:id/decision (approve the whole request), ` +
        `${options.clients} concurrent keep-alive clients, an Idempotency-Key each`,
    );
    if (options.profile) await askProbe(api.child, { probe: 'start', cpuProfile: true, memory: true });
    const monitor = PhaseMonitor.start(api.pid);
    const { load, answers } = await decideAll(clients, seeded.officerToken, seeded.targets, resolution);
    const { rss, cpu } = monitor.stop(await db.apiBackendPids());
    const phase = summariseDecisions(load, answers, rss, cpu);
    printPhase(phase);
    const profile = options.profile ? await collectProfile(api, phase.load.requests, stamp) : undefined;
    return { phase, profile };
  } finally {
    closeClients(clients);
  }
}

function printPhase(p: DecisionsPhase): void {
  const { latency: l, cpu } = p;
  console.log(
    `    ${p.load.requests} decisions in ${fmt(p.load.elapsedMs / 1000, 2)} s: ${p.approved} approved (201), ` +
      `${p.refused} refused (409 ALLOCATION_EXCEEDED)${p.other ? `, ${p.other} OTHER` : ''}`,
  );
  console.log(
    `    approvals/s ${fmt(p.approvalsPerSecond)} (whole phase); decisions answered/s ${fmt(p.decisionsPerSecond)}; ` +
      `approvals/s until the last 201 (at ${fmt(p.lastApprovalAtMs / 1000, 2)} s) ${fmt(p.approvalsPerSecondWhileFunds)}; ` +
      `decisions/s by quarter ${p.decisionsByQuarter.map((x) => fmt(x, 0)).join(' → ')}`,
  );
  console.log(`    latency ms: p50 ${fmt(l.p50Ms)}  p95 ${fmt(l.p95Ms)}  p99 ${fmt(l.p99Ms)}  max ${fmt(l.maxMs)}  mean ${fmt(l.meanMs)}`);
  console.log(
    `    201: p50 ${fmt(p.approvedLatency.p50Ms)}  p99 ${fmt(p.approvedLatency.p99Ms)} ms;  409: p50 ${fmt(p.refusedLatency.p50Ms)}  p99 ${fmt(p.refusedLatency.p99Ms)} ms`,
  );
  const c = cpu.cores;
  console.log(
    `    API peak RSS ${fmtMib(p.rss.peakKb)} (before the phase ${fmtMib(p.rss.beforePhaseKb)}, VmHWM of start-up + seeding ${fmtMib(p.rss.seedingHwmKb)}); ` +
      `CPU (cores): machine ${fmt(cpu.machineBusy * cpus().length, 2)} of ${cpus().length} busy — API ${fmt(c.api, 2)}, ` +
      `PostgreSQL for the API ${fmt(c.postgresBench, 2)}, PostgreSQL other ${fmt(c.postgresOther, 2)}, clients ${fmt(c.clients, 2)}, ` +
      `other processes ${fmt(c.otherProcesses, 2)} (all other work: ${fmt(otherWork(cpu), 2)})`,
  );
  if (otherWork(cpu) > 0.25) console.log('    WARNING: other work on this machine used CPU during the measured phase; figures are noisy.');
  if (p.load.failures.length) {
    console.log(`    ${p.load.failures.length} decisions answered neither 201 approved nor 409 ALLOCATION_EXCEEDED, e.g.:`);
    for (const f of p.load.failures.slice(0, 5)) console.log(`      ${f.problem}`);
  }
}

async function collectProfile(api: ApiProcess, decisions: number, stamp: string): Promise<Profiled> {
  const cpuProfileFile = join(RESULTS_DIR, `approvals-${stamp}.api.cpuprofile`);
  const reply = await askProbe(api.child, { probe: 'stop', cpuProfileFile });
  if (reply.probe !== 'report') throw new Error(`query probe answered "${reply.probe}" to "stop"`);
  const profiled: Profiled = {
    queries: summariseQueries(reply.report, decisions),
    cpu: summariseCpuProfile(cpuProfileFile),
    cpuProfileFile,
    memoryMiB: reply.report.memoryMiB,
  };
  console.log(`  --- profile of ${decisions} decisions ---`);
  printQueryProfile(profiled.queries, 'decision');
  printCpuProfile(profiled.cpu);
  console.log(`  CPU profile: ${cpuProfileFile} (open in Chrome DevTools → Performance)`);
  return profiled;
}

async function verify(api: ApiProcess, seeded: ApprovalsSeeded, db: OwnerDatabase, phase: DecisionsPhase): Promise<ApprovalsVerification> {
  console.log('==> verifying: the part\'s money, the database against the answers, GET /ledger/check, GET /audit/verify');
  const client = new JsonClient(api.origin);
  try {
    const v = await verifyApprovals(db, client, seeded.partId, phase.answers, { budget: seeded.budgetToken, admin: seeded.adminToken });
    const czk = (n: number) => `CZK ${n.toLocaleString('en-US')}`;
    console.log(
      `    part: allocation ${czk(v.part.allocationCzk)}, committed ${czk(v.part.committedCzk)}, left ${czk(v.part.availableCzk)}, ` +
        `overspend ${czk(v.part.overspendCzk)} (of the awards: ${czk(v.part.awardsOverspendCzk)}); approval decisions ${v.approvedDecisions} for ${czk(v.approvedDecisionsCzk)}; ` +
        `smallest refused ${v.smallestRefusedCzk === null ? 'n/a' : czk(v.smallestRefusedCzk)}`,
    );
    console.log(`    applications by status: ${Object.entries(v.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
    console.log(
      `    rows: ${v.rows.letters} approval letters, ${v.rows.outbox} outbox messages, ${v.rows.statusChanges} status changes, ` +
        `${v.rows.ledgerCommitments} ledger commitments (${czk(v.rows.ledgerCommittedCzk)}), ${v.rows.auditApproved} application.approved audit events`,
    );
    console.log(`    GET /ledger/check: ok=${v.ledger.ok}, ${v.ledger.transactions} transactions (${fmt(v.ledger.seconds, 2)} s)`);
    console.log(`    GET /audit/verify: ok=${v.audit.ok}, ${v.audit.events} events (${fmt(v.audit.seconds, 2)} s)`);
    console.log(`    ${v.problems.length ? `PROBLEMS: ${v.problems.join('; ')}` : 'no overspend; the database, the ledger and the audit chain agree with the answers'}`);
    return v;
  } finally {
    client.close();
  }
}

/** The ceiling's variants: the headline first. */
function ceilingVariants(options: ApprovalsOptions): CeilingVariant[] {
  const transaction = "the decision's transaction (BEGIN … COMMIT)";
  return [
    // The API sends the decisions to PostgreSQL through its pool: that many at a time is the HTTP phase's concurrency as the database sees it.
    { scope: 'transaction', clients: Math.min(API_POOL_SIZE, options.ceilingClients), label: `${transaction}, as many connections as the API's pool` },
    { scope: 'transaction', clients: options.ceilingClients, label: `${transaction}, as many connections as the HTTP clients` },
    { scope: 'request', clients: Math.min(API_POOL_SIZE, options.ceilingClients), label: "every statement of the request (the Idempotency-Key's own too), the pool's connections" },
  ];
}

/**
 * After the verification (so the call's own figures are final): copies of the
 * call's applications for the ceiling, and the capture, through the API, of
 * one approval and one refusal on a part of its own.
 */
async function prepareCeiling(
  api: ApiProcess,
  seeded: ApprovalsSeeded,
  db: OwnerDatabase,
  phase: DecisionsPhase,
  resolution: Resolution,
  options: ApprovalsOptions,
): Promise<{ batches: CeilingBatches; captured: CapturedDecisions }> {
  console.log("==> SQL ceiling, preparation: copies of the call's applications in new parts; one approval and one refusal captured inside the API");
  const approved = new Set(phase.answers.filter((a) => a.status === 201).map((a) => a.applicationId));
  const batches = await copyCeilingBatches(db, seeded.partId, seeded.targets, approved, ceilingVariants(options));
  const client = new JsonClient(api.origin);
  try {
    const captured = await captureDecisions(api, client, seeded.officerToken, resolution, batches.capture);
    const s = captured.statements;
    console.log(
      `    captured: an approval sends ${s.approval.statements} statements (${s.approval.transactions} transaction(s)), ` +
        `a refusal ${s.refusal.statements} (${s.refusal.transactions})`,
    );
    for (const head of s.approval.heads) console.log(`      ${head}`);
    return { batches, captured };
  } finally {
    client.close();
  }
}

async function measureCeiling(
  options: ApprovalsOptions,
  db: OwnerDatabase,
  prep: { batches: CeilingBatches; captured: CapturedDecisions },
): Promise<Ceiling> {
  const runs: CeilingRun[] = [];
  for (const run of prep.batches.runs) {
    const v = run.variant;
    await db.query('VACUUM ANALYZE');
    console.log(`==> SQL ceiling: ${v.label}, replayed with pg, ${v.clients} connections, ${run.measured.targets.length} decisions (VACUUM ANALYZE first)`);
    const r = await runCeiling(db, options.databaseUrl, prep.captured, run);
    runs.push(r);
    const c = r.cpu.cores;
    console.log(
      `    ${r.approved} approved + ${r.refused} refused (${r.refusedAtWrite} by the write), ${r.rereads} second reads${r.diverged ? ` + ${r.diverged} DIVERGED` : ''} in ${fmt(r.seconds, 2)} s: ` +
        `approvals/s ${fmt(r.approvalsPerSecond)}, decisions/s ${fmt(r.decisionsPerSecond)}; ms p50 ${fmt(r.latency.p50Ms, 2)}  p99 ${fmt(r.latency.p99Ms, 2)}; ` +
        `${r.statementsPerApproval} statements an approval, ${r.statementsPerRefusal} a refusal; ` +
        `${r.exact ? 'committed = the approvals' : 'COMMITTED DOES NOT ADD UP'}, overspend CZK ${r.overspendCzk}`,
    );
    console.log(
      `    CPU (cores): PostgreSQL backends ${fmt(c.postgresBench, 2)}, PostgreSQL other (WAL writer…) ${fmt(c.postgresOther, 2)}, ` +
        `pg clients ${fmt(c.clients, 2)}, other processes ${fmt(c.otherProcesses, 2)}`,
    );
    for (const p of r.problems) console.log(`    diverged: ${p}`);
  }
  const ceiling: Ceiling = { runs, captured: prep.captured.statements };
  const figure = ceilingFigure(ceiling);
  console.log(`    ceiling for the ratio: ${fmt(figure.perSecond)} approvals/s (${figure.tool})`);
  return ceiling;
}

runBenchmark('approvals', main);
