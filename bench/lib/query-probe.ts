/**
 * Preloaded into the API only with --profile (`node --require …/query-probe.js`):
 * counts and times every SQL statement, transaction and pool checkout, tracks
 * event-loop delay and takes a CPU profile, between a "start" and a "stop"
 * message from the benchmark over IPC. The API's own code is not touched.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import type { MemoryFigures, ProbeMessage, ProbeReport, StatementStats } from './probe-protocol';

type Loose = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Locks that serialise submits, held from the statement that takes them until
 * COMMIT or ROLLBACK; timed as the API sees it (answer to answer).
 */
const SERIALISING_LOCKS: { name: string; taken: RegExp }[] = [
  { name: 'registry book: row lock of UPDATE call … last_reference_number', taken: /UPDATE call SET last_reference_number/ },
  // The chain's advisory lock, taken directly or inside the audit_append() function.
  { name: 'audit chain: advisory lock', taken: /pg_advisory_xact_lock|audit_append\(/ },
  // An approval's commitment against its part (bench:approvals): every approval of a part updates its one row.
  // Counted from the UPDATE's answer, also when it matched no row (ALLOCATION_EXCEEDED: no lock, a short "hold" to the ROLLBACK).
  { name: 'call part: row lock of UPDATE call_part SET committed_czk', taken: /UPDATE call_part SET committed_czk/ },
];

const statements = new Map<string, StatementStats>();
const transactionStarts = new WeakMap<object, number>();
const locksTaken = new WeakMap<object, Map<string, number>>();
let transactionsMs: number[] = [];
let lockHoldsMs = new Map<string, number[]>();
let poolWaitsMs: number[] = [];
let phaseStarted = performance.now();
const LOOP_RESOLUTION_MS = 5;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
let profiler: Session | undefined;
/** Only when "start" asks for it: memory at the start and the peak of each field. */
let memory: { atStart: MemoryFigures; peak: MemoryFigures } | undefined;
let memoryTimer: NodeJS.Timeout | undefined;

function memoryNow(): MemoryFigures {
  const m = process.memoryUsage();
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return { rss: mib(m.rss), heapTotal: mib(m.heapTotal), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) };
}

function sampleMemory(): void {
  if (!memory) return;
  const now = memoryNow();
  const peak = memory.peak;
  memory.peak = {
    rss: Math.max(peak.rss, now.rss),
    heapTotal: Math.max(peak.heapTotal, now.heapTotal),
    heapUsed: Math.max(peak.heapUsed, now.heapUsed),
    external: Math.max(peak.external, now.external),
    arrayBuffers: Math.max(peak.arrayBuffers, now.arrayBuffers),
  };
}

function statementKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 160);
}

function record(client: object, text: string, ms: number): void {
  const key = statementKey(text);
  const stats = statements.get(key) ?? { sql: key, count: 0, totalMs: 0, maxMs: 0 };
  stats.count++;
  stats.totalMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  statements.set(key, stats);
  const now = performance.now();
  if (key === 'START TRANSACTION') transactionStarts.set(client, now - ms);
  for (const lock of SERIALISING_LOCKS) {
    // The whole text: the decision's write takes both in CTEs far past the key's first 160 characters.
    if (lock.taken.test(text)) locksTaken.set(client, (locksTaken.get(client) ?? new Map<string, number>()).set(lock.name, now));
  }
  if (key === 'COMMIT' || key === 'ROLLBACK') {
    const started = transactionStarts.get(client);
    if (started !== undefined) transactionsMs.push(now - started);
    transactionStarts.delete(client);
    for (const [name, takenAt] of locksTaken.get(client) ?? []) {
      const holds = lockHoldsMs.get(name) ?? [];
      holds.push(now - takenAt);
      lockHoldsMs.set(name, holds);
    }
    locksTaken.delete(client);
  }
}

/** Calls `original`, and `done(ms)` when its callback (last argument) or its promise settles. */
function timed(self: unknown, original: Loose, args: unknown[], done: (ms: number) => void): unknown {
  const started = performance.now();
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    args[args.length - 1] = (...callbackArgs: unknown[]) => {
      done(performance.now() - started);
      return (last as Loose)(...callbackArgs);
    };
    return original.apply(self, args);
  }
  const result = original.apply(self, args);
  if (result instanceof Promise) {
    result.then(
      () => done(performance.now() - started),
      () => done(performance.now() - started),
    );
  }
  return result;
}

function patch(): void {
  const clientProto = Client.prototype as unknown as { query: Loose };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : String((config as { text?: unknown } | null)?.text ?? '?');
    return timed(this, query, args, (ms) => record(this as object, text, ms));
  };
  const poolProto = Pool.prototype as unknown as { connect: Loose };
  const connect = poolProto.connect;
  poolProto.connect = function (this: unknown, ...args: unknown[]) {
    return timed(this, connect, args, (ms) => poolWaitsMs.push(ms));
  };
}

async function start(cpuProfile: boolean, sampleMemoryToo: boolean): Promise<void> {
  statements.clear();
  transactionsMs = [];
  lockHoldsMs = new Map();
  poolWaitsMs = [];
  loopDelay.reset();
  loopDelay.enable();
  phaseStarted = performance.now();
  clearInterval(memoryTimer);
  memory = undefined;
  if (sampleMemoryToo) {
    const atStart = memoryNow();
    memory = { atStart, peak: atStart };
    memoryTimer = setInterval(sampleMemory, 20).unref();
  }
  if (cpuProfile) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
}

async function stop(cpuProfileFile?: string): Promise<ProbeReport> {
  const elapsedMs = performance.now() - phaseStarted;
  loopDelay.disable();
  clearInterval(memoryTimer);
  sampleMemory();
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    if (cpuProfileFile) writeFileSync(cpuProfileFile, JSON.stringify(profile));
    profiler.disconnect();
    profiler = undefined;
  }
  return {
    elapsedMs,
    statements: [...statements.values()],
    transactionsMs,
    lockHoldsMs: Object.fromEntries(lockHoldsMs),
    poolWaitsMs,
    eventLoopDelayMs: {
      mean: beyondResolution(loopDelay.mean),
      p50: beyondResolution(loopDelay.percentile(50)),
      p99: beyondResolution(loopDelay.percentile(99)),
      max: beyondResolution(loopDelay.max),
    },
    ...(memory ? { memoryMiB: memory } : {}),
  };
}

/** The histogram holds the whole timer interval: an idle loop reads ≈ the resolution. */
function beyondResolution(ns: number): number {
  return Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
}

async function handle(message: ProbeMessage): Promise<void> {
  if (message.probe === 'start') {
    await start(message.cpuProfile, message.memory ?? false);
    process.send?.({ probe: 'started' });
  } else if (message.probe === 'stop') {
    process.send?.({ probe: 'report', report: await stop(message.cpuProfileFile) });
  }
}

patch();
process.on('message', (message: ProbeMessage) => {
  handle(message).catch((error: unknown) => process.send?.({ probe: 'error', error: String(error) }));
});
// The IPC channel must not keep the API alive after SIGTERM.
process.channel?.unref();
