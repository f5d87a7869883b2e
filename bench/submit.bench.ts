/**
 * `npm run bench:submit`: 2,000 drafts of 200 organisations submitted over HTTP
 * by 32 concurrent keep-alive clients against the built API, with the audit
 * chain on; then the registry book and the audit chain are verified, and a
 * minimal node:http server is measured with the same clients as the baseline.
 * Options: bench/lib/args.ts (`--help`).
 */
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { USAGE, parseOptions, type BenchOptions } from './lib/args';
import { runBaseline, startBaselineServer } from './lib/baseline';
import { newSecrets } from './lib/api-env';
import { runBenchmark, seconds, toBaseline } from './lib/bench-main';
import { OwnerDatabase, benchDatabaseName, prepareBenchDatabase } from './lib/database';
import { expectStatus, JsonClient } from './lib/http-client';
import { closeClients, createClients } from './lib/load';
import { PhaseMonitor } from './lib/monitor';
import { askProbe } from './lib/probe-protocol';
import { readStatusKb } from './lib/proc';
import {
  freePort,
  removeIfEmpty,
  REPO_ROOT,
  startApi,
  stopProcess,
  waitForReady,
  describePortal,
  type ApiProcess,
  type ForkedServer,
} from './lib/processes';
import { printCpuProfile, printQueryProfile, summariseCpuProfile, summariseQueries } from './lib/profile-summary';
import { fmt, fmtMib, printTable, writeJson } from './lib/report';
import { buildChecks, gitRevision, resultsJson, verdict, WINDOW_NOTE } from './lib/results';
import type { ApiRun, AuditVerification, Measured, Secrets, Seeded, Verified } from './lib/run-types';
import { API, createAnnouncedCall, createDrafts, createOfficer, login, registerApplicants } from './lib/seed';
import { summarise, throughputBySlice } from './lib/stats';
import { referenceProblems, submitAll } from './lib/submit-phase';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  printHeader(parsed);
  const baselineServer = await startBaselineServer();
  try {
    return await benchmark(parsed, baselineServer);
  } finally {
    await stopProcess(baselineServer.child);
  }
}

async function benchmark(options: BenchOptions, baselineServer: ForkedServer): Promise<number> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const db = await prepareBenchDatabase(options.databaseUrl);
  try {
    const run = await runApi(options, db, stamp);
    console.log(`==> baseline: minimal node:http server, ${options.concurrency} keep-alive clients, ${options.baselineSeconds} s`);
    const baseline = toBaseline(await runBaseline(baselineServer, options.concurrency, options.baselineSeconds));
    const checks = buildChecks(options, run, baseline);
    console.log('');
    printTable(checks);
    const file = join(RESULTS_DIR, `submit-${stamp}.json`);
    writeJson(file, resultsJson(options, run, baseline, checks));
    console.log(`\nNote: ${WINDOW_NOTE} (announced via the API 31 days ahead, then opened with one UPDATE as the owner).`);
    console.log(`Results: ${file}`);
    return verdict(checks, options.strict);
  } finally {
    await db.close();
  }
}

function printHeader(options: BenchOptions): void {
  const database = benchDatabaseName(options.databaseUrl);
  const drafts = options.organisations * options.draftsPerOrganisation;
  const cores = cpus();
  console.log(`prague-grants submit benchmark — ${cores.length} cores (${cores[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `${drafts} drafts from ${options.organisations} organisations, ${options.concurrency} concurrent clients, ` +
      `${options.idempotencyKeys ? "an Idempotency-Key on every submit" : "no Idempotency-Key"}; database "${database}" (recreated)`,
  );
  console.log(`working tree: ${gitRevision()} (what runs is dist/: rebuild after changing the code)`);
  if (options.profile) console.log('--profile: the probe and the CPU profiler slow the API and add memory; take the figures from a run without it.');
  if (process.env.PGOPTIONS) console.log(`PGOPTIONS for the API: ${process.env.PGOPTIONS} (an experiment, not production's setting)`);
}

async function runApi(options: BenchOptions, db: OwnerDatabase, stamp: string): Promise<ApiRun> {
  const secrets = newSecrets();
  const port = await freePort();
  const logFile = join(RESULTS_DIR, `submit-${stamp}.api.log`);
  const preload = options.profile ? join(__dirname, 'lib', 'query-probe.js') : undefined;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const api = startApi(apiEnvironment(options, port, secrets), logFile, preload);
  console.log(`==> API started (pid ${api.pid}, port ${port}, log ${logFile})`);
  try {
    const started = performance.now();
    await waitForReady(api, 60_000);
    const rssAtReadyKb = readStatusKb(api.pid, 'VmRSS');
    console.log(`    ready in ${fmt(seconds(started), 2)} s, RSS ${fmtMib(rssAtReadyKb)}`);
    console.log(`    ${await describePortal(api)}`);
    const seeded = await seed(api, options, db, secrets);
    const measured = await measure(api, seeded, options, db, stamp);
    const verified = await verify(api, seeded, db, measured.references);
    const exit = await stopApi(api);
    if (removeIfEmpty(logFile)) console.log('    (the API logged nothing at level warn: log file removed)');
    return { rssAtReadyKb, seeded, measured, verified, exit };
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

function apiEnvironment(options: BenchOptions, port: number, secrets: Secrets): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    JWT_SECRET: secrets.jwtSecret,
    LOG_LEVEL: 'warn',
    AUTH_THROTTLE_LIMIT: '1000000',
    REGISTER_THROTTLE_LIMIT: '1000000',
    PUBLIC_THROTTLE_LIMIT: '1000000',
    BOOTSTRAP_ADMIN_EMAIL: secrets.admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: secrets.admin.password,
  };
  // PGOPTIONS lets an experiment set PostgreSQL session settings, e.g. '-c synchronous_commit=off'.
  for (const name of ['HOME', 'TZ', 'DATABASE_APP_USER', 'DATABASE_APP_PASSWORD', 'DATABASE_POOL_SIZE', 'UV_THREADPOOL_SIZE', 'PGOPTIONS']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

async function seed(api: ApiProcess, options: BenchOptions, db: OwnerDatabase, secrets: Secrets): Promise<Seeded> {
  console.log('==> seeding through the API');
  const client = new JsonClient(api.origin, Math.max(options.concurrency, options.seedConcurrency));
  const times: Record<string, number> = {};
  const step = async <T>(name: string, label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    times[name] = seconds(started);
    console.log(`    ${label.padEnd(72)} ${fmt(times[name])} s`);
    return value;
  };
  try {
    const started = performance.now();
    const adminToken = await step('admin', 'admin logs in', () => login(client, secrets.admin));
    const officerToken = await step('officer', 'admin creates the officer, who logs in', () =>
      createOfficer(client, adminToken, secrets.password),
    );
    const call = await step('call', 'officer creates programme and call, announces it (opens in 31 days)', () =>
      createAnnouncedCall(client, officerToken, options.draftsPerOrganisation),
    );
    await step('window', `window moved into the present: ${WINDOW_NOTE}`, () => db.openWindowNow(call.callId));
    const applicants = await step(
      'registrations',
      `${options.organisations} organisations register and log in (concurrency ${options.seedConcurrency})`,
      () => registerApplicants(client, options.organisations, options.seedConcurrency, secrets.password),
    );
    const drafts = await step(
      'drafts',
      `${options.organisations * options.draftsPerOrganisation} drafts created (concurrency ${options.concurrency})`,
      () => createDrafts(client, call, applicants, options.draftsPerOrganisation, options.concurrency),
    );
    times.total = seconds(started);
    console.log(`    seeding took ${fmt(times.total)} s`);
    return { call, drafts, adminToken, seconds: times };
  } finally {
    client.close();
  }
}

async function measure(api: ApiProcess, seeded: Seeded, options: BenchOptions, db: OwnerDatabase, stamp: string): Promise<Measured> {
  const { drafts } = seeded;
  console.log(`==> measured phase: ${drafts.length} submits, ${options.concurrency} concurrent keep-alive clients`);
  const clients = createClients(api.origin, options.concurrency);
  if (options.profile) await askProbe(api.child, { probe: 'start', cpuProfile: true });
  const monitor = PhaseMonitor.start(api.pid);
  const { load, references } = await submitAll(clients, drafts, options.idempotencyKeys).finally(() => closeClients(clients));
  const { rss, cpu } = monitor.stop(await db.apiBackendPids());
  const measured: Measured = {
    load,
    references,
    latency: summarise(load.latenciesMs),
    submissionsPerSecond: (load.requests - load.failures.length) / (load.elapsedMs / 1000),
    byQuarter: throughputBySlice(load.finishedAtMs),
    rss,
    cpu,
    profile: options.profile ? await collectProfile(api, drafts.length, stamp) : undefined,
  };
  printMeasured(measured);
  return measured;
}

async function collectProfile(api: ApiProcess, submits: number, stamp: string): Promise<Measured['profile']> {
  const cpuProfileFile = join(RESULTS_DIR, `submit-${stamp}.api.cpuprofile`);
  const reply = await askProbe(api.child, { probe: 'stop', cpuProfileFile });
  if (reply.probe !== 'report') throw new Error(`query probe answered "${reply.probe}" to "stop"`);
  return { queries: summariseQueries(reply.report, submits), cpu: summariseCpuProfile(cpuProfileFile), cpuProfileFile };
}

function printMeasured(m: Measured): void {
  const { latency: l, rss: r, cpu } = m;
  console.log(
    `    ${m.load.requests} requests in ${fmt(m.load.elapsedMs / 1000, 2)} s: ${fmt(m.submissionsPerSecond)} submissions/s ` +
      `(by quarter of the phase: ${m.byQuarter.map((x) => fmt(x, 0)).join(' → ')})`,
  );
  console.log(`    latency ms: p50 ${fmt(l.p50Ms)}  p95 ${fmt(l.p95Ms)}  p99 ${fmt(l.p99Ms)}  max ${fmt(l.maxMs)}  mean ${fmt(l.meanMs)}`);
  console.log(
    `    API peak RSS ${fmtMib(r.peakKb)} (sampled every 100 ms: ${fmtMib(r.sampledPeakKb)} over ${r.samples} samples; ` +
      `VmHWM of the phase: ${fmtMib(r.phaseHwmKb)}); before the phase ${fmtMib(r.beforePhaseKb)}, ` +
      `VmHWM of start-up + seeding (argon2) ${fmtMib(r.seedingHwmKb)}`,
  );
  const c = cpu.cores;
  console.log(
    `    CPU (cores): machine ${fmt(cpu.machineBusy * cpus().length, 2)} of ${cpus().length} busy — API ${fmt(c.api, 2)}, ` +
      `PostgreSQL for the API ${fmt(c.postgresBench, 2)}, PostgreSQL other ${fmt(c.postgresOther, 2)}, ` +
      `clients ${fmt(c.clients, 2)}, other processes ${fmt(c.otherProcesses, 2)}`,
  );
  if (c.otherProcesses + c.postgresOther > 0.25) {
    console.log('    WARNING: other work on this machine used CPU during the measured phase; figures are noisy.');
  }
  if (m.load.failures.length) {
    console.log(`    ${m.load.failures.length} submits did NOT answer 200 with a reference number, e.g.:`);
    for (const f of m.load.failures.slice(0, 5)) console.log(`      ${f.problem}`);
  }
  if (m.profile) {
    printQueryProfile(m.profile.queries);
    printCpuProfile(m.profile.cpu);
    console.log(`  CPU profile: ${m.profile.cpuProfileFile} (open in Chrome DevTools → Performance)`);
  }
}

async function verify(api: ApiProcess, seeded: Seeded, db: OwnerDatabase, references: readonly string[]): Promise<Verified> {
  console.log('==> verifying the registry book and the audit chain');
  const expected = seeded.drafts.length;
  const problems = referenceProblems(references, `${seeded.call.programmeCode}-${seeded.call.year}`, expected);
  const book = await db.registryBook(seeded.call.callId);
  const audit = await verifyAuditChain(api, seeded.adminToken);
  console.log(
    `    reference numbers: ${new Set(references).size} distinct of ${references.length}` +
      (problems.length ? ` — PROBLEMS: ${problems.join('; ')}` : `, gapless 0001..${String(expected).padStart(4, '0')}`),
  );
  console.log(
    `    database: ${book.submitted} submitted, ${book.distinctReferences} distinct numbers, last number ${book.lastNumber}, ` +
      `${book.submitAuditEvents} application.submitted audit events`,
  );
  const broken = audit.firstBrokenEventId ? `, first broken ${audit.firstBrokenEventId}` : '';
  console.log(`    GET /audit/verify: ok=${audit.ok}, ${audit.events} events${broken} (${fmt(audit.seconds, 2)} s)`);
  return { referenceProblems: problems, book, audit, endHwmKb: readStatusKb(api.pid, 'VmHWM') };
}

async function verifyAuditChain(api: ApiProcess, adminToken: string): Promise<AuditVerification> {
  const client = new JsonClient(api.origin);
  try {
    const started = performance.now();
    const res = await client.request<Omit<AuditVerification, 'seconds'>>('GET', `${API}/audit/verify`, { token: adminToken });
    return { ...expectStatus('GET /audit/verify', res, 200), seconds: seconds(started) };
  } finally {
    client.close();
  }
}

runBenchmark('submit', main);
