import { readFileSync } from 'node:fs';
import type { ProbeReport } from './probe-protocol';
import { fmt } from './report';
import { summarise, type LatencySummary } from './stats';

export interface StatementShare {
  sql: string;
  perSubmit: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
}

export interface QueryProfile {
  statementsPerSubmit: number;
  transactionsPerSubmit: number;
  transaction: LatencySummary;
  /** Per lock: hold times, and the share of the phase during which some transaction held it (≈ 1: the bottleneck). */
  locks: { name: string; hold: LatencySummary; busyShare: number }[];
  poolWait: LatencySummary;
  eventLoopDelayMs: ProbeReport['eventLoopDelayMs'];
  statements: StatementShare[];
}

export function summariseQueries(report: ProbeReport, submits: number): QueryProfile {
  const statements = report.statements
    .map((s) => ({ sql: s.sql, perSubmit: s.count / submits, meanMs: s.totalMs / s.count, maxMs: s.maxMs, totalMs: s.totalMs }))
    .sort((a, b) => b.totalMs - a.totalMs);
  const count = report.statements.reduce((sum, s) => sum + s.count, 0);
  return {
    statementsPerSubmit: count / submits,
    transactionsPerSubmit: report.transactionsMs.length / submits,
    transaction: summarise(report.transactionsMs),
    locks: Object.entries(report.lockHoldsMs).map(([name, holds]) => ({
      name,
      hold: summarise(holds),
      busyShare: holds.reduce((sum, ms) => sum + ms, 0) / report.elapsedMs,
    })),
    poolWait: summarise(report.poolWaitsMs),
    eventLoopDelayMs: report.eventLoopDelayMs,
    statements,
  };
}

/** `unit` names what the figures are per (summariseQueries' `submits`): a submit unless told. */
export function printQueryProfile(profile: QueryProfile, unit = 'submit'): void {
  console.log(
    `  SQL statements per ${unit}: ${fmt(profile.statementsPerSubmit)}; transactions per ${unit}: ${fmt(profile.transactionsPerSubmit, 2)}`,
  );
  const t = profile.transaction;
  console.log(`  transaction (BEGIN..COMMIT) ms: p50 ${fmt(t.p50Ms)}  p99 ${fmt(t.p99Ms)}  max ${fmt(t.maxMs)}`);
  for (const lock of profile.locks) {
    console.log(
      `  ${lock.name}: held p50 ${fmt(lock.hold.p50Ms)} ms, mean ${fmt(lock.hold.meanMs, 2)} ms, p99 ${fmt(lock.hold.p99Ms)} ms; ` +
        `held ${fmt(lock.busyShare * 100)} % of the phase (ceiling ≈ ${fmt(1000 / lock.hold.meanMs, 0)} ${unit}s/s)`,
    );
  }
  const w = profile.poolWait;
  console.log(`  pool checkout wait ms: mean ${fmt(w.meanMs)}  p50 ${fmt(w.p50Ms)}  p99 ${fmt(w.p99Ms)}`);
  const l = profile.eventLoopDelayMs;
  console.log(`  API event-loop delay ms: mean ${fmt(l.mean)}  p99 ${fmt(l.p99)}  max ${fmt(l.max)}`);
  console.log(`  statements by total time (per ${unit} × mean ms, as the API sees them incl. lock waits):`);
  for (const s of profile.statements.slice(0, 16)) {
    console.log(`    ${fmt(s.perSubmit, 2).padStart(5)} × ${fmt(s.meanMs, 2).padStart(6)} ms  (max ${fmt(s.maxMs).padStart(6)})  ${s.sql.slice(0, 110)}`);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShare {
  name: string;
  share: number;
}

export interface CpuProfileSummary {
  sampledMs: number;
  byArea: CpuShare[];
  topFunctions: CpuShare[];
}

/** Self time of a CPU profile (the API's unless told), by package or area (or by `area`'s grouping) and by function. */
export function summariseCpuProfile(file: string, area: (url: string, functionName: string) => string = areaOf): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame) return;
    total += us;
    add(byArea, area(frame.url, frame.functionName), us);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, us);
  });
  const shares = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, share: us / Math.max(1, total) }));
  return { sampledMs: total / 1000, byArea: shares(byArea, 14), topFunctions: shares(byFunction, 20) };
}

export function printCpuProfile(summary: CpuProfileSummary, who = 'API'): void {
  console.log(`  ${who} CPU profile (${fmt(summary.sampledMs / 1000)} s sampled), self time by area:`);
  for (const a of summary.byArea) console.log(`    ${fmt(a.share * 100).padStart(5)} %  ${a.name}`);
  console.log('  top functions by self time:');
  for (const f of summary.topFunctions) console.log(`    ${fmt(f.share * 100).padStart(5)} %  ${f.name}`);
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node: core';
  const app = /\/dist\/((?:apps|libs)\/[^/]+|bench|migrations)/.exec(url);
  return app ? `app: ${app[1]}` : url;
}

function shortUrl(url: string): string {
  const pkg = /node_modules\/(.*)$/.exec(url);
  if (pkg) return pkg[1];
  const dist = /\/dist\/(.*)$/.exec(url);
  return dist ? dist[1] : url;
}
