/**
 * `npm run bench:ranking`: one call with 2,000 eligible applications (200
 * organisations × 10), a DOT Commission of 9 members and 5 criteria, every
 * member's declaration and score sheet in. Measured against the built API over
 * HTTP: GET /calls/:id/ranking (part 1 and the whole call, sequential, then
 * concurrent clients, then as a commission member) and POST
 * /calls/:id/funding-proposal; then the answers are checked against the rules
 * and the database, and a minimal node:http server is measured with the same
 * client code as the baseline. Options: bench/lib/ranking-args.ts (`--help`).
 */
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiEnvironment, newSecrets } from './lib/api-env';
import { runBaseline, startBaselineServer } from './lib/baseline';
import { runBenchmark, seconds, toBaseline } from './lib/bench-main';
import { OwnerDatabase, benchDatabaseName, prepareBenchDatabase } from './lib/database';
import { JsonClient } from './lib/http-client';
import { closeClients, createClients, type LoadResult } from './lib/load';
import { askProbe, type MemoryFigures } from './lib/probe-protocol';
import { readStatusKb } from './lib/proc';
import { freePort, removeIfEmpty, REPO_ROOT, startApi, stopProcess, waitForReady, type ApiProcess, type ForkedServer } from './lib/processes';
import { printCpuProfile, printQueryProfile, summariseCpuProfile, summariseQueries } from './lib/profile-summary';
import { RANKING_USAGE, parseRankingOptions, type RankingOptions } from './lib/ranking-args';
import { peakOf, proposalRequest, rankingRequest, runPhase, warmUp } from './lib/ranking-phases';
import {
  buildRankingChecks,
  rankingNotes,
  rankingResultsJson,
  type Profiled,
  type RankingMeasured,
  type RankingRun,
  type RankingSeeded,
  type SeedingStep,
} from './lib/ranking-results';
import {
  createCommission,
  formallyCheckAll,
  partOf,
  RANKING_CALL,
  rankingApplicationBody,
  scoreOverHttp,
  scoreWithSql,
  sheetJobs,
  throwOnFailures,
} from './lib/ranking-seed';
import { fetchRanking, postProposal, verifyAuditChain, verifyRanking, type RankingVerification } from './lib/ranking-verify';
import { fmt, fmtMib, printTable, writeJson } from './lib/report';
import { gitRevision, verdict } from './lib/results';
import type { Secrets } from './lib/run-types';
import { createAnnouncedCall, createDrafts, createOfficer, login, registerApplicants } from './lib/seed';
import { summarise } from './lib/stats';
import { submitAll } from './lib/submit-phase';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

async function main(): Promise<number> {
  const parsed = parseRankingOptions(process.argv.slice(2), process.env);
  if (parsed === 'help') {
    console.log(RANKING_USAGE);
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

async function benchmark(options: RankingOptions, baselineServer: ForkedServer): Promise<number> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const db = await prepareBenchDatabase(options.databaseUrl);
  try {
    const postgres = await postgresSettings(db);
    const run = await runApi(options, db, stamp, postgres);
    console.log(`==> baseline: minimal node:http server, ${options.clients} keep-alive clients, ${options.baselineSeconds} s`);
    const baseline = toBaseline(await runBaseline(baselineServer, options.clients, options.baselineSeconds));
    const checks = buildRankingChecks(options, run, baseline);
    console.log('');
    printTable(checks);
    const file = join(RESULTS_DIR, `ranking-${stamp}.json`);
    writeJson(file, rankingResultsJson(options, run, baseline, checks, postgres));
    console.log('');
    for (const note of rankingNotes(options, postgres)) console.log(`Note: ${note}.`);
    console.log(`Results: ${file}`);
    return verdict(checks, options.strict);
  } finally {
    await db.close();
  }
}

function printHeader(options: RankingOptions): void {
  const database = benchDatabaseName(options.databaseUrl);
  const applications = options.organisations * options.draftsPerOrganisation;
  const cores = cpus();
  console.log(`prague-grants ranking benchmark — ${cores.length} cores (${cores[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `${applications} eligible applications of ${options.organisations} organisations in one call, ${options.members} commission members, ` +
      `5 criteria, every sheet in (${options.sheets === 'http' ? 'through the API' : 'inserted with SQL'}); database "${database}" (recreated)`,
  );
  console.log(`working tree: ${gitRevision()} (what runs is dist/: rebuild after changing the code)`);
  if (options.profile) console.log('--profile: the probe and the CPU profiler slow the API and add memory; take the figures from a run without it.');
  if (process.env.PGOPTIONS) console.log(`PGOPTIONS for the API: ${process.env.PGOPTIONS} (an experiment, not production's setting)`);
  if (process.env.API_NODE_OPTIONS) console.log(`NODE_OPTIONS for the API: ${process.env.API_NODE_OPTIONS} (an experiment)`);
}

/** Server settings that change what is measured: autovacuum (the proposals rewrite rows), JIT (expensive plans). */
async function postgresSettings(db: OwnerDatabase): Promise<Record<string, string>> {
  const rows: { name: string; setting: string }[] = await db.query(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'autovacuum', 'jit', 'jit_above_cost', 'shared_buffers', 'work_mem', 'synchronous_commit', 'fsync')
      ORDER BY name`,
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  console.log(`    PostgreSQL ${settings.server_version}: ${rows.filter((r) => r.name !== 'server_version').map((r) => `${r.name}=${r.setting}`).join(', ')}`);
  if (settings.autovacuum === 'off') console.log('    (autovacuum is off on this server: dead rows stay until the benchmark vacuums; see the notes)');
  return settings;
}

async function runApi(options: RankingOptions, db: OwnerDatabase, stamp: string, postgres: Record<string, string>): Promise<RankingRun> {
  const secrets = newSecrets();
  const port = await freePort();
  const logFile = join(RESULTS_DIR, `ranking-${stamp}.api.log`);
  const preload = options.profile ? join(__dirname, 'lib', 'query-probe.js') : undefined;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const env = apiEnvironment(port, secrets, options.databaseUrl, options.redisUrl);
  let api = startApi(env, logFile, preload);
  console.log(`==> API started (pid ${api.pid}, port ${port}, log ${logFile})`);
  try {
    let rssAtReadyKb = await ready(api);
    const seeded = await seed(api, options, db, secrets);
    if (options.restartApi) {
      await stopApi(api);
      api = startApi(env, logFile, preload);
      console.log(`==> API restarted for the measured phases (--restart-api; pid ${api.pid}, the same secrets: the tokens stay valid)`);
      rssAtReadyKb = await ready(api);
    }
    const measured = await measure(api, seeded, options, db, stamp, postgres);
    const verified = await verify(api, seeded, options, db);
    const endHwmKb = readStatusKb(api.pid, 'VmHWM');
    const exit = await stopApi(api);
    if (removeIfEmpty(logFile)) console.log('    (the API logged nothing at level warn: log file removed)');
    return { rssAtReadyKb, seeded, measured, verified, endHwmKb, exit };
  } catch (error) {
    await stopApi(api);
    throw error;
  }
}

async function ready(api: ApiProcess): Promise<number | null> {
  const started = performance.now();
  await waitForReady(api, 60_000);
  const rssKb = readStatusKb(api.pid, 'VmRSS');
  console.log(`    ready in ${fmt(seconds(started), 2)} s, RSS ${fmtMib(rssKb)}`);
  return rssKb;
}

async function stopApi(api: ApiProcess): Promise<string> {
  const exit = await stopProcess(api.child);
  console.log(`==> API stopped (SIGTERM): ${exit}`);
  return exit;
}

function seedingStep(load: LoadResult, requestsPerJob = 1): SeedingStep {
  return {
    requests: load.requests * requestsPerJob,
    seconds: load.elapsedMs / 1000,
    perSecond: (load.requests * requestsPerJob) / (load.elapsedMs / 1000),
    latency: summarise(load.latenciesMs),
  };
}

async function seed(api: ApiProcess, options: RankingOptions, db: OwnerDatabase, secrets: Secrets): Promise<RankingSeeded> {
  console.log('==> seeding through the API');
  const client = new JsonClient(api.origin, Math.max(options.concurrency, options.seedConcurrency));
  const clients = createClients(api.origin, options.concurrency);
  const times: Record<string, number> = {};
  const step = async <T>(name: string, label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    times[name] = seconds(started);
    console.log(`    ${label.padEnd(84)} ${fmt(times[name])} s`);
    return value;
  };
  try {
    const started = performance.now();
    const adminToken = await step('admin', 'admin logs in', () => login(client, secrets.admin));
    const officerToken = await step('officer', 'admin creates the officer, who logs in', () => createOfficer(client, adminToken, secrets.password));
    const call = await step('call', 'officer creates programme and call (ranked by normalised score), announces it', () =>
      createAnnouncedCall(client, officerToken, options.draftsPerOrganisation, RANKING_CALL),
    );
    await step('openWindow', 'window opened by SQL (one UPDATE as the owner)', () => db.openWindowNow(call.callId));
    const applicants = await step(
      'registrations',
      `${options.organisations} organisations register and log in (concurrency ${options.seedConcurrency})`,
      () => registerApplicants(client, options.organisations, options.seedConcurrency, secrets.password),
    );
    const count = options.organisations * options.draftsPerOrganisation;
    const drafts = await step('drafts', `${count} drafts created, parts 1 and 2, varied requests (concurrency ${options.concurrency})`, () =>
      createDrafts(client, call, applicants, options.draftsPerOrganisation, options.concurrency, (n) =>
        rankingApplicationBody(call, n, options.organisations, options.seed),
      ),
    );
    const submitted = await step('submits', `${count} submitted (${options.concurrency} clients)`, () => submitAll(clients, drafts));
    throwOnFailures('submits', submitted.load);
    await step('closeWindow', 'window closed by SQL (one UPDATE as the owner)', () => db.closeWindowNow(call.callId));
    const checked = await step('formalChecks', `${count} formally checked as eligible (${options.concurrency} clients)`, () =>
      formallyCheckAll(clients, officerToken, drafts),
    );
    throwOnFailures('formal checks', checked);
    const members = await step('commission', `admin creates ${options.members} commission members, who log in; officer sets the commission`, () =>
      createCommission(client, adminToken, officerToken, call.callId, options.members, secrets.password),
    );
    const jobs = sheetJobs(
      members,
      drafts.map((d) => d.id),
    );
    let sheetsOverHttp: SeedingStep | null = null;
    if (options.sheets === 'http') {
      const scored = await step(
        'sheets',
        `${jobs.length} declarations + ${jobs.length} score sheets through the API (${options.concurrency} clients)`,
        () => scoreOverHttp(clients, jobs, options.seed),
      );
      throwOnFailures('declarations and score sheets', scored);
      sheetsOverHttp = seedingStep(scored, 2);
    } else {
      await step('sheets', `${jobs.length} declarations + ${jobs.length} score sheets inserted with SQL as the owner`, () =>
        scoreWithSql(db, call.callId, jobs, options.seed),
      );
    }
    await step('vacuum', 'VACUUM ANALYZE as the owner (what autovacuum would have done by now)', () => db.query('VACUUM ANALYZE'));
    times.total = seconds(started);
    const submits = seedingStep(submitted.load);
    const formalChecks = seedingStep(checked);
    console.log(
      `    submits ${fmt(submits.perSecond)}/s, formal checks ${fmt(formalChecks.perSecond)}/s` +
        (sheetsOverHttp ? `, declarations + sheets ${fmt(sheetsOverHttp.perSecond)} requests/s` : ''),
    );
    console.log(`    seeding took ${fmt(times.total)} s`);
    const byPart = new Map<string, number>();
    for (let n = 1; n <= count; n++) byPart.set(partOf(n, options.organisations), (byPart.get(partOf(n, options.organisations)) ?? 0) + 1);
    return {
      call,
      drafts,
      members,
      adminToken,
      officerToken,
      byPart: new Map([...byPart].sort()),
      seconds: times,
      submits,
      formalChecks,
      sheetsOverHttp,
    };
  } finally {
    client.close();
    closeClients(clients);
  }
}

async function measure(
  api: ApiProcess,
  seeded: RankingSeeded,
  options: RankingOptions,
  db: OwnerDatabase,
  stamp: string,
  postgres: Record<string, string>,
): Promise<RankingMeasured> {
  const { callId } = seeded.call;
  const officer = seeded.officerToken;
  const part = rankingRequest(callId, officer, '1');
  const whole = rankingRequest(callId, officer);
  const sequential = [new JsonClient(api.origin)];
  const concurrent = createClients(api.origin, options.clients);
  try {
    console.log(`==> warm-up: ${options.warmUp} GET /ranking of part 1 and ${options.warmUp} of the whole call (not measured)`);
    await warmUp(sequential[0], options.warmUp, part);
    await warmUp(sequential[0], options.warmUp, whole);

    if (options.profile) await askProbe(api.child, { probe: 'start', cpuProfile: true, memory: true });
    console.log(`==> measured: ${options.requests} sequential GET /calls/:id/ranking?partCode=1 (officer)`);
    const partPhase = await runPhase('ranking part 1', api.pid, db, sequential, options.requests, part);
    console.log(`==> measured: ${options.requests} sequential GET /calls/:id/ranking, whole call (officer)`);
    const wholePhase = await runPhase('ranking whole call', api.pid, db, sequential, options.requests, whole);
    const rankingProfile = options.profile ? await collectProfile(api, 2 * options.requests, `${stamp}.ranking`, 'GET ranking') : undefined;

    console.log(`==> measured: ${options.concurrentRequests} GET /ranking from ${options.clients} concurrent clients, part 1 and whole call alternating`);
    const concurrentPhase = await runPhase('ranking concurrent', api.pid, db, concurrent, options.concurrentRequests, (client, i) =>
      i % 2 === 0 ? part(client, i) : whole(client, i),
    );
    console.log(`==> measured: ${options.memberRequests} sequential GET /ranking, whole call, as a commission member (peer scores hidden until scored)`);
    const memberPhase = await runPhase('ranking as member', api.pid, db, sequential, options.memberRequests, rankingRequest(callId, seeded.members[0].token));

    if (options.profile) await askProbe(api.child, { probe: 'start', cpuProfile: true, memory: true });
    console.log(`==> measured: ${options.proposals} sequential POST /calls/:id/funding-proposal (officer; the first one proposes, the others redo it)`);
    const proposalPhase = await runPhase('funding proposal', api.pid, db, sequential, options.proposals, proposalRequest(callId, officer));
    const proposalProfile = options.profile ? await collectProfile(api, options.proposals, `${stamp}.proposal`, 'funding proposal') : undefined;

    const [bloat] = await db.query<{ dead: string; live: string }[]>(
      "SELECT n_dead_tup::text AS dead, n_live_tup::text AS live FROM pg_stat_user_tables WHERE relname = 'application'",
    );
    console.log(
      `==> measured: ${options.afterRequests} sequential GET /ranking, whole call, right after the proposals ` +
        `(application: ${bloat?.live ?? '?'} live rows, ${bloat?.dead ?? '?'} dead; autovacuum=${postgres.autovacuum ?? '?'})`,
    );
    const afterPhase = await runPhase('ranking after proposals', api.pid, db, sequential, options.afterRequests, whole);

    const phases = [partPhase, wholePhase, concurrentPhase, memberPhase, proposalPhase, afterPhase];
    const { peakKb, busiestOthers } = peakOf(phases);
    console.log(`    API peak RSS over the measured phases: ${fmtMib(peakKb)}`);
    return {
      part: partPhase,
      whole: wholePhase,
      concurrent: concurrentPhase,
      member: memberPhase,
      proposal: proposalPhase,
      after: afterPhase,
      deadApplicationRows: Number(bloat?.dead ?? Number.NaN),
      peakRssKb: peakKb,
      busiestOthers,
      profiles: rankingProfile && proposalProfile ? { ranking: rankingProfile, proposal: proposalProfile } : undefined,
    };
  } finally {
    closeClients(sequential);
    closeClients(concurrent);
  }
}

async function collectProfile(api: ApiProcess, requests: number, name: string, unit: string): Promise<Profiled> {
  const cpuProfileFile = join(RESULTS_DIR, `ranking-${name}.api.cpuprofile`);
  const reply = await askProbe(api.child, { probe: 'stop', cpuProfileFile });
  if (reply.probe !== 'report') throw new Error(`query probe answered "${reply.probe}" to "stop"`);
  const profiled: Profiled = {
    queries: summariseQueries(reply.report, requests),
    cpu: summariseCpuProfile(cpuProfileFile),
    cpuProfileFile,
    memoryMiB: reply.report.memoryMiB,
  };
  console.log(`  --- profile of ${requests} × ${unit} ---`);
  printQueryProfile(profiled.queries, unit);
  const memory = profiled.memoryMiB;
  if (memory) {
    const show = (m: MemoryFigures) =>
      `rss ${fmt(m.rss)}, heapTotal ${fmt(m.heapTotal)}, heapUsed ${fmt(m.heapUsed)}, external ${fmt(m.external)} (arrayBuffers ${fmt(m.arrayBuffers)})`;
    console.log(`  API memory MiB (process.memoryUsage every 20 ms): at start ${show(memory.atStart)}`);
    console.log(`                                          peak of each: ${show(memory.peak)}`);
  }
  printCpuProfile(profiled.cpu);
  console.log(`  CPU profile: ${cpuProfileFile} (open in Chrome DevTools → Performance)`);
  return profiled;
}

async function verify(api: ApiProcess, seeded: RankingSeeded, options: RankingOptions, db: OwnerDatabase): Promise<RankingVerification> {
  console.log('==> verifying: the ranking, the funding line, the database, the audit chain');
  const client = new JsonClient(api.origin);
  try {
    const { callId } = seeded.call;
    const lastProposal = await postProposal(client, callId, seeded.officerToken);
    const whole = await fetchRanking(client, callId, seeded.officerToken);
    const part1 = await fetchRanking(client, callId, seeded.officerToken, '1');
    const audit = await verifyAuditChain(client, seeded.adminToken);
    const expected = { applications: seeded.drafts.length, members: options.members, byPart: seeded.byPart };
    const v = await verifyRanking(db, callId, whole, part1, lastProposal, expected, audit);
    const problems = [...v.rankProblems, ...v.scorerProblems, ...v.partViewProblems, ...v.fundingProblems, ...v.databaseProblems];
    console.log(
      `    ${v.items} items (${[...seeded.byPart].map(([code, n]) => `part ${code}: ${n}`).join(', ')}); ` +
        `${problems.length ? `PROBLEMS: ${problems.slice(0, 3).join('; ')}` : 'ranks, scorers, part view, funding line and database agree'}`,
    );
    for (const l of v.lines) {
      console.log(
        `    part ${l.code}: ${l.recommended} of ${l.applications} recommended; ${l.funded} funded in full, ${l.partial} partly, ${l.belowLine} below the line; ` +
          `proposed ${l.proposedCzk.toLocaleString('en-US')} of ${l.allocationCzk.toLocaleString('en-US')} CZK (requests ${l.requestedCzk.toLocaleString('en-US')})`,
      );
    }
    console.log(`    normalisation: ${v.normalisation.movedRanks} ranks and ${v.normalisation.changedProposals} proposals differ from a ranking by raw average`);
    console.log(`    averages vs PostgreSQL round(avg(total_points), 2): ${v.averageMismatches} differ`);
    console.log(`    GET /audit/verify: ok=${audit.ok}, ${audit.events} events (${fmt(audit.seconds, 2)} s)`);
    return v;
  } finally {
    client.close();
  }
}

runBenchmark('ranking', main);
