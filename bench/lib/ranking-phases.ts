import { cpus } from 'node:os';
import type { OwnerDatabase } from './database';
import type { JsonClient } from './http-client';
import { driveLoad, jobsFrom, type LoadResult, type Outcome } from './load';
import { PhaseMonitor, type RssFigures } from './monitor';
import type { CpuUsage } from './proc';
import { fmt, fmtMib } from './report';
import { API } from './seed';
import { summarise, type LatencySummary } from './stats';

export interface PhaseResult {
  name: string;
  load: LoadResult;
  latency: LatencySummary;
  requestsPerSecond: number;
  rss: RssFigures;
  cpu: CpuUsage;
  /** Size of the largest answer. */
  answerBytes: number;
}

/** One request of a phase: the answer's status, time and size; the body is not parsed (it is checked once, afterwards). */
export type PhaseRequest = (client: JsonClient, i: number) => Promise<Outcome & { bytes: number }>;

export function rankingRequest(callId: string, token: string, partCode?: string): PhaseRequest {
  const path = `${API}/calls/${callId}/ranking${partCode === undefined ? '' : `?partCode=${encodeURIComponent(partCode)}`}`;
  return async (client) => {
    const res = await client.request<string>('GET', path, { token, parse: false });
    return { status: res.status, ms: res.ms, bytes: res.body.length, problem: res.status === 200 ? undefined : `GET ranking: HTTP ${res.status} ${res.body.slice(0, 300)}` };
  };
}

export function proposalRequest(callId: string, token: string): PhaseRequest {
  const path = `${API}/calls/${callId}/funding-proposal`;
  return async (client) => {
    const res = await client.request<string>('POST', path, { token, parse: false });
    return {
      status: res.status,
      ms: res.ms,
      bytes: res.body.length,
      problem: res.status === 200 ? undefined : `POST funding-proposal: HTTP ${res.status} ${res.body.slice(0, 300)}`,
    };
  };
}

/** Unmeasured requests, which must succeed. */
export async function warmUp(client: JsonClient, count: number, request: PhaseRequest): Promise<void> {
  for (let i = 0; i < count; i++) {
    const outcome = await request(client, i);
    if (outcome.problem) throw new Error(`warm-up: ${outcome.problem}`);
  }
}

/**
 * `count` requests from the clients (one client: sequential), each sending its
 * next as soon as its answer is in, with the API's RSS and the machine's CPU
 * watched over the phase.
 */
export async function runPhase(
  name: string,
  apiPid: number,
  db: OwnerDatabase,
  clients: readonly JsonClient[],
  count: number,
  request: PhaseRequest,
): Promise<PhaseResult> {
  let answerBytes = 0;
  const monitor = PhaseMonitor.start(apiPid);
  const load = await driveLoad(clients, jobsFrom(Array.from({ length: count }, (_, i) => i)), async (client, i) => {
    const outcome = await request(client, i);
    answerBytes = Math.max(answerBytes, outcome.bytes);
    return outcome;
  });
  const { rss, cpu } = monitor.stop(await db.apiBackendPids());
  const result: PhaseResult = {
    name,
    load,
    latency: summarise(load.latenciesMs),
    requestsPerSecond: load.requests / (load.elapsedMs / 1000),
    rss,
    cpu,
    answerBytes,
  };
  printPhase(result);
  return result;
}

/**
 * Cores busy with anything but this benchmark (the API, its PostgreSQL backends, the clients): from the
 * machine's total, so that processes which started and ended within the phase (test runs) count too.
 */
export function otherWork(cpu: CpuUsage): number {
  const c = cpu.cores;
  return Math.max(0, cpu.machineBusy * cpus().length - c.api - c.postgresBench - c.clients);
}

function printPhase(p: PhaseResult): void {
  const { latency: l, cpu } = p;
  console.log(
    `    ${p.load.requests} requests in ${fmt(p.load.elapsedMs / 1000, 2)} s (${fmt(p.requestsPerSecond)}/s), ` +
      `largest answer ${fmt(p.answerBytes / 1024, 0)} KiB; ms: p50 ${fmt(l.p50Ms)}  p95 ${fmt(l.p95Ms)}  p99 ${fmt(l.p99Ms)}  max ${fmt(l.maxMs)}  mean ${fmt(l.meanMs)}`,
  );
  const c = cpu.cores;
  console.log(
    `    API peak RSS ${fmtMib(p.rss.peakKb)}; CPU (cores): machine ${fmt(cpu.machineBusy * cpus().length, 2)} of ${cpus().length} busy — ` +
      `API ${fmt(c.api, 2)}, PostgreSQL for the API ${fmt(c.postgresBench, 2)}, PostgreSQL other ${fmt(c.postgresOther, 2)}, ` +
      `clients ${fmt(c.clients, 2)}, other processes ${fmt(c.otherProcesses, 2)} (all other work, short-lived processes included: ${fmt(otherWork(cpu), 2)})`,
  );
  if (otherWork(cpu) > 0.25) console.log('    WARNING: other work on this machine used CPU during this phase; figures are noisy.');
  if (p.load.failures.length) {
    console.log(`    ${p.load.failures.length} requests did NOT answer 200, e.g.:`);
    for (const f of p.load.failures.slice(0, 3)) console.log(`      ${f.problem}`);
  }
}

/** The largest RSS of the phases, and the most CPU other work took in one. */
export function peakOf(phases: readonly PhaseResult[]): { peakKb: number; busiestOthers: number } {
  return {
    peakKb: Math.max(0, ...phases.map((p) => p.rss.peakKb)),
    busiestOthers: Math.max(0, ...phases.map((p) => otherWork(p.cpu))),
  };
}
