/**
 * `npm run bench:resolution`: one call part with 2,000 recommended
 * applications (200 organisations × 10, seeded as bench:approvals seeds them:
 * submitted, formally checked, scored by a DOT Commission of 3, funding
 * proposed down the ranking, the evaluation closed — every IČO's requests
 * under the Council's yearly limit, so that every line stays with the
 * Council). Against the built API and ONE worker process: POST
 * /calls/:id/resolutions builds the draft, POST /resolutions/:id/adopt (with
 * its number, date, body and an Idempotency-Key) adopts it — every draft the
 * POST answered, one after another. Measured: the adoption's time, the time
 * until every letter of the annex is ready, the API's peak RSS; then the money
 * (no overspend, committed = the awards = the approved lines), the statuses,
 * decisions, letters and audit events against the annex, the ledger check and
 * the audit chain. Options: bench/lib/resolution-args.ts (`--help`).
 */
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { approvalsBodyGuard, approvalsPlan, type ApprovalsPlan } from './lib/approvals-seed';
import { apiEnvironment, newSecrets } from './lib/api-env';
import { runBenchmark, seconds } from './lib/bench-main';
import { benchDatabaseName, prepareBenchDatabase, type OwnerDatabase } from './lib/database';
import { JsonClient } from './lib/http-client';
import { letterCounts } from './lib/letters-phase';
import { deleteQueueKeys } from './lib/letters-queue';
import { startWorker, WORKER_NODE_FLAGS, type WorkerProcess } from './lib/letters-worker';
import { readStatusKb } from './lib/proc';
import { freePort, removeIfEmpty, REPO_ROOT, startApi, stopProcess, waitForReady, type ApiProcess } from './lib/processes';
import { seedRecommended } from './lib/recommended-seed';
import { fmt, fmtMib, printTable, writeJson } from './lib/report';
import { RESOLUTION_USAGE, parseResolutionOptions, type ResolutionOptions } from './lib/resolution-args';
import { draftAdoptAndWait, type ResolutionPhase } from './lib/resolution-phase';
import { resolutionChecks, resolutionNotes, resolutionResultsJson, type ResolutionRun } from './lib/resolution-results';
import { verifyResolution, type ResolutionVerification } from './lib/resolution-verify';
import { gitRevision, verdict } from './lib/results';
import type { ApprovalsSeeded } from './lib/approvals-results';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
const WORKER_START_TIMEOUT_MS = 60_000;

async function main(): Promise<number> {
  const options = parseResolutionOptions(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(RESOLUTION_USAGE);
    return 0;
  }
  const plan = approvalsPlan(options.organisations, options.draftsPerOrganisation, options.oversubscription, options.seed);
  approvalsBodyGuard('council', plan);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  printHeader(options, plan);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const db = await prepareBenchDatabase(options.databaseUrl);
  let run: ResolutionRun;
  try {
    run = await runApiAndWorker(options, plan, db, stamp);
  } finally {
    await db.close();
  }
  const checks = resolutionChecks(run);
  console.log('');
  printTable(checks);
  const file = join(RESULTS_DIR, `resolution-${stamp}.json`);
  writeJson(file, resolutionResultsJson(options, run, checks));
  console.log('');
  for (const note of resolutionNotes(options)) console.log(`Note: ${note}.`);
  console.log(`Results: ${file}`);
  return verdict(checks, options.strict);
}

function printHeader(options: ResolutionOptions, plan: ApprovalsPlan): void {
  const cores = cpus();
  const czk = (n: number) => `CZK ${n.toLocaleString('en-US')}`;
  console.log(`prague-grants resolution benchmark — ${cores.length} cores (${cores[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `${plan.applications} recommended applications of ${options.organisations} organisations in one part; requests ${czk(plan.requestedTotalCzk)} ` +
      `against an allocation of ${czk(plan.allocationCzk)} (× ${fmt(options.oversubscription, 2)}), at most ${czk(plan.maxPerOrganisationCzk)} an IČO; ` +
      `draft → adopt; ONE worker process (node ${WORKER_NODE_FLAGS.join(' ')}); database "${benchDatabaseName(options.databaseUrl)}" (recreated)`,
  );
  console.log(`working tree: ${gitRevision()} (what runs is dist/: rebuild after changing the code)`);
}

async function runApiAndWorker(options: ResolutionOptions, plan: ApprovalsPlan, db: OwnerDatabase, stamp: string): Promise<ResolutionRun> {
  const secrets = newSecrets();
  const queuePrefix = `bench-resolution-${stamp}`;
  const env: Record<string, string> = { ...apiEnvironment(await freePort(), secrets, options.databaseUrl, options.redisUrl), QUEUE_PREFIX: queuePrefix };
  const apiLog = join(RESULTS_DIR, `resolution-${stamp}.api.log`);
  const api = startApi(env, apiLog);
  console.log(`==> API started (pid ${api.pid}, port ${env.PORT}, queue prefix ${queuePrefix}, log ${apiLog})`);
  let worker: WorkerProcess | null = null;
  let run: ResolutionRun | undefined;
  try {
    const started = performance.now();
    await waitForReady(api, 60_000);
    console.log(`    ready in ${fmt(seconds(started), 2)} s, RSS ${fmtMib(readStatusKb(api.pid, 'VmRSS'))}`);
    const seedingStarted = performance.now();
    const seeded = await seedRecommended(api, options, plan, db, secrets);
    const seedingSeconds = seconds(seedingStarted);
    const before = await letterCounts(db);
    if (before.queued + before.ready + before.failed > 0) throw new Error(`letters exist before the adoption: ${JSON.stringify(before)}`);

    const workerLog = join(RESULTS_DIR, `resolution-${stamp}.worker.log`);
    worker = startWorker({ ...env, LOG_LEVEL: 'info' }, workerLog);
    await withTimeout(worker.started, WORKER_START_TIMEOUT_MS, `the worker did not log 'Worker started' within ${WORKER_START_TIMEOUT_MS} ms (log ${workerLog})`);
    console.log(`==> worker started (pid ${worker.pid}, log ${workerLog}), RSS ${fmtMib(readStatusKb(worker.pid, 'VmRSS'))}`);

    const phase = await measure(api, worker, seeded, options, db);
    const verified = await verify(api, seeded, db, phase);
    const workerExit = await stopProcess(worker.child);
    console.log(`==> worker stopped (SIGTERM): ${workerExit}`);
    const apiExit = await stopProcess(api.child);
    console.log(`==> API stopped (SIGTERM): ${apiExit}`);
    if (removeIfEmpty(apiLog)) console.log('    (the API logged nothing at level warn: log file removed)');
    run = { seeded, seedingSeconds, queuePrefix, phase, verified, apiExit, workerExit, queueKeysDeleted: null };
    return run;
  } finally {
    if (worker) await stopProcess(worker.child);
    await stopProcess(api.child);
    const deleted = await deleteQueueKeys(options.redisUrl, queuePrefix).catch((error: unknown) => {
      console.log(`    could not delete the queue's keys under "${queuePrefix}:": ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (deleted !== null) console.log(`==> ${deleted} Redis keys under "${queuePrefix}:" deleted`);
    if (run) run.queueKeysDeleted = deleted;
  }
}

async function measure(api: ApiProcess, worker: WorkerProcess, seeded: ApprovalsSeeded, options: ResolutionOptions, db: OwnerDatabase): Promise<ResolutionPhase> {
  console.log(
    `==> measured: POST /calls/:id/resolutions (draft), POST /resolutions/:id/adopt for every draft (an Idempotency-Key each), ` +
      'then the letters polled every 100 ms until all are ready',
  );
  const client = new JsonClient(api.origin);
  try {
    const phase = await draftAdoptAndWait({
      db,
      client,
      callId: seeded.call.callId,
      officerToken: seeded.officerToken,
      seed: options.seed,
      apiPid: api.pid,
      workerPid: worker.pid,
      timeoutSeconds: options.timeoutSeconds,
    });
    printPhase(phase);
    return phase;
  } finally {
    client.close();
  }
}

function printPhase(p: ResolutionPhase): void {
  const s = (x: number | null) => (x === null ? 'n/a' : `${fmt(x, 2)} s`);
  for (const d of p.draft.drafts) {
    console.log(`    draft ${d.id} (${d.body}): ${d.lines} lines, ${d.approved} approved (CZK ${d.approvedCzk.toLocaleString('en-US')}), ${d.rejected} rejected, ${d.ineligible} ineligible`);
  }
  console.log(`    POST /calls/:id/resolutions answered in ${s(p.draft.seconds)}`);
  for (const a of p.adoptions) {
    console.log(
      `    adopted ${a.resolutionId} (${a.body} ${a.resolutionNumber} of ${a.resolutionDate}): ${a.lines} lines in ${s(a.seconds)}; ` +
        `again with the same key: HTTP ${a.replay.status}${a.replay.same ? ', the same adoption' : ', NOT THE SAME'} in ${s(a.replay.seconds)}`,
    );
  }
  console.log(
    `    letters: ${p.expectedLetters} expected; all ready ${s(p.lettersReadySeconds)} after the adoption (poll saw it at ${s(p.lettersSettledPolledSeconds)}); ` +
      `final ${p.final.ready} ready, ${p.final.failed} failed, ${p.final.queued} queued${p.timedOut ? ' — TIMED OUT' : ''}`,
  );
  const c = p.api.cpu.cores;
  console.log(
    `    API peak RSS ${fmtMib(p.api.rss.peakKb)} (before ${fmtMib(p.api.rss.beforePhaseKb)}); CPU (cores): API ${fmt(c.api, 2)}, worker ${fmt(p.worker.cores, 2)}, ` +
      `PostgreSQL for the API and worker ${fmt(c.postgresBench, 2)}, PostgreSQL other ${fmt(c.postgresOther, 2)}, other processes ${fmt(Math.max(0, c.otherProcesses - p.worker.cores), 2)}`,
  );
}

async function verify(api: ApiProcess, seeded: ApprovalsSeeded, db: OwnerDatabase, phase: ResolutionPhase): Promise<ResolutionVerification> {
  console.log('==> verifying: the parts\' money, statuses, decisions, letters and audit events against the annex, GET /ledger/check, GET /audit/verify');
  const client = new JsonClient(api.origin);
  try {
    const v = await verifyResolution(db, client, seeded.call.callId, phase.adoptions, { budget: seeded.budgetToken, admin: seeded.adminToken });
    const czk = (n: number) => `CZK ${n.toLocaleString('en-US')}`;
    for (const part of v.parts) {
      console.log(
        `    part ${part.code}: allocation ${czk(part.allocationCzk)}, committed ${czk(part.committedCzk)}, awards ${czk(part.awardsCzk)}, ` +
          `approved lines ${czk(part.linesApprovedCzk)}, overspend ${czk(part.overspendCzk)}`,
      );
    }
    console.log(`    applications by status: ${Object.entries(v.statuses).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`    audit events: ${Object.entries(v.auditEvents).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`    GET /ledger/check: ok=${v.ledger.ok}; GET /audit/verify: ok=${v.audit.ok}, ${v.audit.events} events`);
    console.log(`    ${v.problems.length ? `PROBLEMS: ${v.problems.join('; ')}` : 'no overspend; the database, the letters, the ledger and the audit chain agree with the annex'}`);
    return v;
  } finally {
    client.close();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(ms, undefined, { signal: controller.signal }).then(() => {
        throw new Error(message);
      }),
    ]);
  } finally {
    controller.abort();
  }
}

runBenchmark('resolution', main);
