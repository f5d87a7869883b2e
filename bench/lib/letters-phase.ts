import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { decideAll, type DecisionTarget, type Resolution } from './approvals-phase';
import type { OwnerDatabase } from './database';
import type { JsonClient } from './http-client';
import type { LoadResult } from './load';
import { CpuMeter, RssSampler, readStatusKb } from './proc';

const POLL_MS = 100;

export interface LetterCounts {
  queued: number;
  ready: number;
  failed: number;
}

/** One poll of the letters by status, ms since the first approval was sent. */
export interface LetterSample extends LetterCounts {
  atMs: number;
}

export interface LettersPhase {
  approvals: LoadResult;
  /** 201 approved answers. */
  approved: number;
  /** The decisions' phase: first sent → last answered. */
  approvalsSeconds: number;
  /** First approval sent → the last letter's ready_at (the database's clock; null when not all became ready). */
  allReadySeconds: number | null;
  /** First approval sent → the poll that first saw every letter settled. */
  allSettledPolledSeconds: number | null;
  firstReadySeconds: number | null;
  /** First ready_at → last ready_at. */
  readySpanSeconds: number | null;
  /** Letters ÷ readySpanSeconds: the worker's rate while it had work. */
  workerLettersPerSecond: number;
  /** Letters ÷ allReadySeconds: approvals to PDFs, end to end. */
  endToEndLettersPerSecond: number;
  /** Letters ready when the last approval was answered. */
  readyWhenApprovalsDone: number;
  /**
   * The letters still to do when the approvals were done ÷ the time from then
   * to the last ready_at: the worker draining its backlog with the API idle
   * (NaN when there was hardly any backlog).
   */
  drainLettersPerSecond: number;
  final: LetterCounts;
  samples: LetterSample[];
  worker: { sampledPeakKb: number; samples: number; hwmKb: number | null; peakKb: number };
  /** Cores' worth during the phase. */
  cpu: { worker: number; api: number; postgres: number; postgresOther: number; bench: number; otherProcesses: number; machineBusyCores: number };
  timedOut: boolean;
}

export async function letterCounts(db: OwnerDatabase): Promise<LetterCounts> {
  const rows: { status: string; n: string }[] = await db.query('SELECT status, COUNT(*) AS n FROM letter GROUP BY status');
  const counts: LetterCounts = { queued: 0, ready: 0, failed: 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as keyof LetterCounts] = Number(row.n);
  return counts;
}

/**
 * The measured phase: `clients` approve every target over HTTP while the
 * database is polled every 100 ms until every letter is ready or failed.
 * Watches the worker's RSS (every 100 ms, and VmHWM at the end) and the CPU
 * of the worker, the API and PostgreSQL.
 */
export async function approveAndWaitForLetters(args: {
  db: OwnerDatabase;
  clients: readonly JsonClient[];
  officerToken: string;
  targets: readonly DecisionTarget[];
  resolution: Resolution;
  workerPid: number;
  apiPid: number;
  timeoutSeconds: number;
}): Promise<LettersPhase> {
  const { db, workerPid, apiPid } = args;
  const expected = args.targets.length;
  const sampler = new RssSampler(workerPid);
  sampler.start(100);
  const workerCpu = new CpuMeter(workerPid);
  const apiCpu = new CpuMeter(apiPid);
  const startedWall = Date.now();
  const started = performance.now();
  const since = () => performance.now() - started;
  const samples: LetterSample[] = [];
  let approvalsDoneMs: number | null = null;
  let readyWhenApprovalsDone: number | null = null;
  const approving = decideAll(args.clients, args.officerToken, args.targets, args.resolution).then((result) => {
    approvalsDoneMs = since();
    return result;
  });
  let settledAtMs: number | null = null;
  let timedOut = false;
  let final: LetterCounts;
  for (;;) {
    final = await letterCounts(db);
    samples.push({ atMs: since(), ...final });
    if (approvalsDoneMs !== null && readyWhenApprovalsDone === null) readyWhenApprovalsDone = final.ready;
    if (approvalsDoneMs !== null && final.queued === 0 && final.ready + final.failed >= expected) {
      settledAtMs = since();
      break;
    }
    if (since() > args.timeoutSeconds * 1000) {
      timedOut = true;
      break;
    }
    await sleep(POLL_MS);
  }
  const { load, answers } = await approving;
  const backends = await db.apiBackendPids();
  const w = workerCpu.stop(backends);
  const a = apiCpu.stop(backends);
  const sampled = sampler.stop();
  const hwmKb = readStatusKb(workerPid, 'VmHWM');
  const [span]: { first: Date | null; last: Date | null }[] = await db.query(
    "SELECT MIN(ready_at) AS first, MAX(ready_at) AS last FROM letter WHERE status = 'ready'",
  );
  const allReady = final.ready === expected && span.last !== null;
  const readySpanSeconds = span.first && span.last ? (span.last.getTime() - span.first.getTime()) / 1000 : null;
  const allReadySeconds = allReady && span.last ? (span.last.getTime() - startedWall) / 1000 : null;
  const backlog = expected - (readyWhenApprovalsDone ?? expected);
  const drainSeconds = allReadySeconds === null || approvalsDoneMs === null ? 0 : allReadySeconds - approvalsDoneMs / 1000;
  return {
    approvals: load,
    approved: answers.filter((x) => x.status === 201).length,
    approvalsSeconds: load.elapsedMs / 1000,
    allReadySeconds,
    allSettledPolledSeconds: settledAtMs === null ? null : settledAtMs / 1000,
    firstReadySeconds: span.first ? (span.first.getTime() - startedWall) / 1000 : null,
    readySpanSeconds,
    workerLettersPerSecond: allReady && readySpanSeconds ? expected / readySpanSeconds : Number.NaN,
    endToEndLettersPerSecond: allReadySeconds ? expected / allReadySeconds : Number.NaN,
    readyWhenApprovalsDone: readyWhenApprovalsDone ?? final.ready,
    drainLettersPerSecond: backlog >= 50 && drainSeconds > 0 ? backlog / drainSeconds : Number.NaN,
    final,
    samples,
    worker: { sampledPeakKb: sampled.peakKb, samples: sampled.samples, hwmKb, peakKb: Math.max(sampled.peakKb, hwmKb ?? 0) },
    cpu: {
      worker: w.cores.api,
      api: a.cores.api,
      postgres: w.cores.postgresBench,
      postgresOther: w.cores.postgresOther,
      bench: w.cores.clients,
      // The worker's meter counts the API among the other processes.
      otherProcesses: Math.max(0, w.cores.otherProcesses - a.cores.api),
      machineBusyCores: w.machineBusy * cpus().length,
    },
    timedOut,
  };
}
