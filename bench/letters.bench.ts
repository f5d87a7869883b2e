/**
 * `npm run bench:letters`: 1,000 recommended applications (100 organisations,
 * one call part whose allocation fits them all) are approved over HTTP by 32
 * concurrent clients against the built API, while ONE worker process (as
 * `npm run start:worker` runs it) relays the outbox and renders every
 * decision letter. Measured: the time from the first approval sent until
 * every letter is `ready`, the worker's letters/s, its peak RSS and CPU; then
 * every letter is checked (PDF, SHA-256, audit event, outbox). In the same
 * run, with the API and the worker stopped, the same approval letter is
 * rendered in this process in pdfkit's built-in Helvetica (the baseline) and
 * with the embedded font. Options: bench/lib/letters-args.ts (`--help`).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolutionOf } from './lib/approvals-phase';
import { approvalsBodyGuard, approvalsPlan, type ApprovalsPlan } from './lib/approvals-seed';
import { apiEnvironment, newSecrets } from './lib/api-env';
import { runBenchmark, seconds } from './lib/bench-main';
import { benchDatabaseName, prepareBenchDatabase, type OwnerDatabase } from './lib/database';
import { JsonClient } from './lib/http-client';
import { LETTERS_USAGE, parseLettersOptions, type LettersOptions } from './lib/letters-args';
import { approveAndWaitForLetters, letterCounts, type LettersPhase } from './lib/letters-phase';
import { printWorkerProfile, summariseWorkerProfile, type WorkerProfile } from './lib/letters-profile';
import { deleteQueueKeys, letterQueueCounts } from './lib/letters-queue';
import { measureRendering } from './lib/letters-render';
import { lettersChecks, lettersResultsJson, type LettersRender, type LettersRun } from './lib/letters-results';
import { verifyLetters, type LettersVerification } from './lib/letters-verify';
import { startWorker, WORKER_NODE_FLAGS, type WorkerProcess } from './lib/letters-worker';
import { closeClients, createClients } from './lib/load';
import { readStatusKb } from './lib/proc';
import { freePort, removeIfEmpty, REPO_ROOT, startApi, stopProcess, waitForReady, type ApiProcess } from './lib/processes';
import { seedRecommended } from './lib/recommended-seed';
import { fmt, fmtMib, printTable, writeJson } from './lib/report';
import { gitRevision, verdict } from './lib/results';
import type { ApprovalsSeeded } from './lib/approvals-results';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
const WORKER_START_TIMEOUT_MS = 60_000;

async function main(): Promise<number> {
  const options = parseLettersOptions(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(LETTERS_USAGE);
    return 0;
  }
  // Every request fits the part: the allocation is their sum (oversubscription 1).
  const plan = approvalsPlan(options.organisations, options.draftsPerOrganisation, 1, options.seed);
  approvalsBodyGuard('council', plan);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  printHeader(options, plan);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const db = await prepareBenchDatabase(options.databaseUrl);
  let run: LettersRun;
  try {
    run = await runApiAndWorker(options, plan, db, stamp);
  } finally {
    await db.close();
  }
  const render = await measureBaseline(options.renderLetters);
  const checks = lettersChecks(options, run, render);
  console.log('');
  printTable(checks);
  const file = join(RESULTS_DIR, `letters-${stamp}.json`);
  writeJson(file, lettersResultsJson(options, run, render, checks));
  console.log('');
  console.log(
    'Note: the worker shares the 2 cores with the API, PostgreSQL and the clients while it renders; the in-process ' +
      'baseline runs alone after they stopped. Other work on the machine shows as "other work" in the worker CPU row.',
  );
  console.log(`Results: ${file}`);
  return verdict(checks, options.strict);
}

function printHeader(options: LettersOptions, plan: ApprovalsPlan): void {
  const cores = cpus();
  console.log(`prague-grants letters benchmark — ${cores.length} cores (${cores[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(
    `${plan.applications} recommended applications of ${options.organisations} organisations in one part (allocation = their requests, ` +
      `CZK ${plan.allocationCzk.toLocaleString('en-US')}); ${options.clients} clients approve as the Council; ONE worker process ` +
      `(node ${WORKER_NODE_FLAGS.join(' ')}, LETTER_CONCURRENCY ${options.letterConcurrency ?? 'default'}); database "${benchDatabaseName(options.databaseUrl)}" (recreated)`,
  );
  console.log(`working tree: ${gitRevision()} (what runs is dist/: rebuild after changing the code)`);
  if (options.profile) console.log('--profile: the worker runs with --cpu-prof, which slows it; take the figures from a run without it.');
}

async function runApiAndWorker(options: LettersOptions, plan: ApprovalsPlan, db: OwnerDatabase, stamp: string): Promise<LettersRun> {
  const secrets = newSecrets();
  const queuePrefix = `bench-letters-${stamp}`;
  const env: Record<string, string> = { ...apiEnvironment(await freePort(), secrets, options.databaseUrl, options.redisUrl), QUEUE_PREFIX: queuePrefix };
  const apiLog = join(RESULTS_DIR, `letters-${stamp}.api.log`);
  const api = startApi(env, apiLog);
  console.log(`==> API started (pid ${api.pid}, port ${env.PORT}, queue prefix ${queuePrefix}, log ${apiLog})`);
  let worker: WorkerProcess | null = null;
  let run: LettersRun | undefined;
  try {
    await waitForReady(api, 60_000);
    const seedingStarted = performance.now();
    const seeded = await seedRecommended(api, options, plan, db, secrets);
    const seedingSeconds = seconds(seedingStarted);
    const before = await letterCounts(db);
    if (before.queued + before.ready + before.failed > 0) throw new Error(`letters exist before the approvals: ${JSON.stringify(before)}`);

    const profileDir = options.profile ? join(RESULTS_DIR, `letters-${stamp}.worker-profile`) : undefined;
    const workerLog = join(RESULTS_DIR, `letters-${stamp}.worker.log`);
    const workerEnv: Record<string, string> = { ...env, LOG_LEVEL: 'info' };
    if (options.letterConcurrency !== null) workerEnv.LETTER_CONCURRENCY = String(options.letterConcurrency);
    const workerStarted = performance.now();
    worker = startWorker(workerEnv, workerLog, profileDir);
    await withTimeout(worker.started, WORKER_START_TIMEOUT_MS, `the worker did not log 'Worker started' within ${WORKER_START_TIMEOUT_MS} ms (log ${workerLog})`);
    const workerStartSeconds = seconds(workerStarted);
    const workerRssAtStartKb = readStatusKb(worker.pid, 'VmRSS');
    console.log(`==> worker started (pid ${worker.pid}, log ${workerLog}) in ${fmt(workerStartSeconds, 2)} s, RSS ${fmtMib(workerRssAtStartKb)}`);

    const phase = await measure(api, worker, seeded, options, db);
    const verified = await verify(api, seeded, db, plan.applications);
    const queue = await letterQueueCounts(options.redisUrl, queuePrefix).catch(() => null);
    if (queue) console.log(`    queue "${queuePrefix}:letters": ${Object.entries(queue).map(([k, v]) => `${k} ${v}`).join(', ')}`);

    const workerExit = await stopProcess(worker.child);
    console.log(`==> worker stopped (SIGTERM): ${workerExit}`);
    const profile = profileDir ? profileOf(profileDir) : undefined;
    const apiExit = await stopProcess(api.child);
    console.log(`==> API stopped (SIGTERM): ${apiExit}`);
    if (removeIfEmpty(apiLog)) console.log('    (the API logged nothing at level warn: log file removed)');
    run = {
      queuePrefix,
      letterConcurrency: options.letterConcurrency,
      workerStartSeconds,
      workerRssAtStartKb,
      phase,
      queue,
      verified,
      workerExit,
      apiExit,
      queueKeysDeleted: null,
      profile,
      seedingSeconds,
    };
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

async function measure(api: ApiProcess, worker: WorkerProcess, seeded: ApprovalsSeeded, options: LettersOptions, db: OwnerDatabase): Promise<LettersPhase> {
  console.log(
    `==> measured: ${seeded.targets.length} POST /applications/:id/decision (approve the whole request), ${options.clients} concurrent ` +
      'keep-alive clients; the letters polled every 100 ms until all are ready',
  );
  const clients = createClients(api.origin, options.clients);
  try {
    const phase = await approveAndWaitForLetters({
      db,
      clients,
      officerToken: seeded.officerToken,
      targets: seeded.targets,
      resolution: resolutionOf('council', options.seed),
      workerPid: worker.pid,
      apiPid: api.pid,
      timeoutSeconds: options.timeoutSeconds,
    });
    printPhase(phase);
    return phase;
  } finally {
    closeClients(clients);
  }
}

function printPhase(p: LettersPhase): void {
  const s = (x: number | null) => (x === null ? 'n/a' : `${fmt(x, 2)} s`);
  console.log(
    `    approvals: ${p.approved} approved (201) in ${fmt(p.approvalsSeconds, 2)} s (${fmt(p.approved / p.approvalsSeconds)}/s)` +
      `${p.approvals.failures.length ? `, ${p.approvals.failures.length} OTHER, e.g. ${p.approvals.failures[0].problem}` : ''}; ` +
      `${p.readyWhenApprovalsDone} letters ready by then`,
  );
  console.log(
    `    letters: first ready at ${s(p.firstReadySeconds)}, all ready at ${s(p.allReadySeconds)} (poll saw it at ${s(p.allSettledPolledSeconds)}); ` +
      `final ${p.final.ready} ready, ${p.final.failed} failed, ${p.final.queued} queued${p.timedOut ? ' — TIMED OUT' : ''}`,
  );
  console.log(
    `    worker letters/s: ${fmt(p.workerLettersPerSecond)} (first → last ready_at, ${s(p.readySpanSeconds)}); ` +
      `first approval → all ready: ${fmt(p.endToEndLettersPerSecond)}; draining the backlog after the approvals: ${fmt(p.drainLettersPerSecond)}`,
  );
  const bySecond: string[] = [];
  for (let second = 2; ; second += 2) {
    const sample = [...p.samples].reverse().find((x) => x.atMs <= second * 1000);
    if (!sample) break;
    bySecond.push(`${second} s: ${sample.ready}`);
    if (sample === p.samples[p.samples.length - 1]) break;
  }
  console.log(`    letters ready by time: ${bySecond.join(', ')}`);
  const c = p.cpu;
  console.log(
    `    worker peak RSS ${fmtMib(p.worker.peakKb)} (sampled ${fmtMib(p.worker.sampledPeakKb)} in ${p.worker.samples} samples, VmHWM ${fmtMib(p.worker.hwmKb)}); ` +
      `CPU (cores): machine ${fmt(c.machineBusyCores, 2)} of ${cpus().length} busy — worker ${fmt(c.worker, 2)}, API ${fmt(c.api, 2)}, ` +
      `PostgreSQL for API + worker ${fmt(c.postgres, 2)}, PostgreSQL other ${fmt(c.postgresOther, 2)}, benchmark ${fmt(c.bench, 2)}, other processes ${fmt(c.otherProcesses, 2)}`,
  );
  if (c.otherProcesses + c.postgresOther > 0.25) console.log('    WARNING: other work on this machine used CPU during the measured phase; figures are noisy.');
}

async function verify(api: ApiProcess, seeded: ApprovalsSeeded, db: OwnerDatabase, expected: number): Promise<LettersVerification> {
  console.log('==> verifying every letter: status, SHA-256 of the stored PDF, letter.ready audit events, outbox, GET /audit/verify');
  const client = new JsonClient(api.origin);
  try {
    const v = await verifyLetters(db, client, seeded.adminToken, expected);
    console.log(
      `    ${v.letters} letters: ${v.ready} ready, ${v.failed} failed, ${v.retried} retried; sha256 matches ${v.shaMatches}, %PDF- ${v.pdfs}, ` +
        `${v.distinctSha256} distinct; mean ${fmt(v.meanPdfBytes / 1024)} KiB; ${v.readyAuditEvents} letter.ready events; ` +
        `outbox ${v.outbox.messages} messages, ${v.outbox.unsent} unsent; audit chain ok=${v.audit.ok} (${v.audit.events} events)`,
    );
    console.log(`    ${v.problems.length ? `PROBLEMS: ${v.problems.join('; ')}` : 'every letter is ready, its PDF matches its sha256, one audit event each, the outbox is sent'}`);
    return v;
  } finally {
    client.close();
  }
}

function profileOf(dir: string): WorkerProfile | undefined {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    console.log(`    no CPU profile in ${dir} (the worker did not exit normally?)`);
    return undefined;
  }
  const profile = summariseWorkerProfile(join(dir, file));
  printWorkerProfile(profile);
  return profile;
}

async function measureBaseline(letters: number): Promise<LettersRender> {
  console.log(`==> rendering baseline in this process (API and worker stopped): the same approval letter ${letters} times each, one after another`);
  const helvetica = await measureRendering({ letters, font: 'helvetica' });
  console.log(`    pdfkit's built-in Helvetica (no embedded font): ${fmt(helvetica.perLetterMs, 2)} ms a letter = ${fmt(helvetica.lettersPerSecond)} letters/s`);
  const embedded = await measureRendering({ letters, font: 'embedded' });
  console.log(`    embedded DejaVu Sans subset (as the worker renders): ${fmt(embedded.perLetterMs, 2)} ms a letter = ${fmt(embedded.lettersPerSecond)} letters/s`);
  return { helvetica, embedded };
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

runBenchmark('letters', main);
