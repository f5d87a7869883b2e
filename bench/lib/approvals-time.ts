import { cpus } from 'node:os';
import type { Ceiling, ApprovalsRun } from './approvals-results';
import { areaOf, summariseCpuProfile, type CpuShare } from './profile-summary';
import { fmt } from './report';

/**
 * Where an HTTP decision's time goes beside the SQL it sends: CPU per decision
 * of each process in the HTTP phase and in the ceiling's replay (this 2-core
 * machine is CPU-bound, so CPU per decision is what sets the rate), the
 * statements and transactions per request against the replayed script, and
 * with --profile the API's CPU by what it was doing.
 */
export interface TimeBreakdown {
  cores: number;
  http: CpuPerDecision & { decisionsPerSecond: number; approvalsPerSecond: number };
  ceiling: CpuPerDecision & { decisionsPerSecond: number; approvalsPerSecond: number; label: string };
  statements: { request: number; transactionsPerRequest: number; replayed: number };
  /** With --profile: the API's self time by task, shares of its sampled CPU. */
  apiByTask?: CpuShare[];
}

interface CpuPerDecision {
  /** CPU milliseconds per decision (201 + 409 answers), by who. */
  apiMs: number;
  postgresBackendsMs: number;
  postgresOtherMs: number;
  clientsMs: number;
  otherMs: number;
  totalMs: number;
}

function perDecision(cores: { api: number; postgresBench: number; postgresOther: number; clients: number; otherProcesses: number }, decisionsPerSecond: number): CpuPerDecision {
  const ms = (c: number) => (c * 1000) / decisionsPerSecond;
  const r = {
    apiMs: ms(cores.api),
    postgresBackendsMs: ms(cores.postgresBench),
    postgresOtherMs: ms(cores.postgresOther),
    clientsMs: ms(cores.clients),
    otherMs: ms(cores.otherProcesses),
  };
  return { ...r, totalMs: r.apiMs + r.postgresBackendsMs + r.postgresOtherMs + r.clientsMs + r.otherMs };
}

/** What a piece of the API's CPU was for (by package or folder). */
export function apiTaskOf(area: string): string {
  if (/^(express|body-parser|router|send|serve-static|finalhandler|on-finished|raw-body|iconv-lite|qs|type-is|accepts|content-type|cookie|etag|fresh|proxy-addr|negotiator|mime|mime-types|media-typer|depd|http-errors|statuses|destroy|vary|encodeurl|escape-html|parseurl|path-to-regexp|merge-descriptors|utils-merge|helmet|compression|cors)$/.test(area)) {
    return 'HTTP: express and its middleware';
  }
  if (/^@nestjs\/(core|common|platform-express)$/.test(area)) return 'Nest: routing, guards, interceptors, pipes';
  if (/^(class-validator|class-transformer|validator|libphonenumber-js)$/.test(area)) return 'validation and transformation of the body (class-validator/-transformer)';
  if (/^(rxjs|tslib|reflect-metadata)$/.test(area)) return 'rxjs, tslib, reflect-metadata';
  if (/^(typeorm|@nestjs\/typeorm)$/.test(area)) return 'TypeORM';
  if (/^(pg|pg-[a-z-]+|postgres-[a-z-]+|pgpass|split2)$/.test(area)) return 'pg driver';
  if (/^(ioredis|bullmq|@nestjs\/bullmq|denque|redis-[a-z-]+|cluster-key-slot|standard-as-callback)$/.test(area)) return 'Redis (ioredis, bullmq)';
  if (/^(pino|pino-[a-z-]+|nestjs-pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)$/.test(area)) return 'logging (pino)';
  if (/^(jsonwebtoken|jws|jwa|@nestjs\/jwt|@nestjs\/passport|passport|passport-jwt|ecdsa-sig-formatter|buffer-equal-constant-time|safe-buffer)$/.test(area)) return 'authentication (JWT)';
  if (area.startsWith('app: libs/core')) return 'app: libs/core (auth guard, idempotency, audit, errors)';
  if (area === 'app: bench') return "the benchmark's query probe (--profile's own overhead)";
  if (area.startsWith('app: ')) return `${area} (the route's own code)`;
  if (area === '(garbage collector)') return 'garbage collector';
  if (area === '(idle)' || area === '(program)') return area;
  if (area === 'node: core' || area.startsWith('(native')) return 'node core (net, http parser, streams), V8 builtins (JSON, crypto…)';
  return `other: ${area}`;
}

export function whereTimeGoes(run: ApprovalsRun, ceiling: Ceiling): TimeBreakdown {
  const p = run.phase;
  const [c] = ceiling.runs;
  const approval = ceiling.captured.approval;
  const breakdown: TimeBreakdown = {
    cores: cpus().length,
    http: { ...perDecision(p.cpu.cores, p.decisionsPerSecond), decisionsPerSecond: p.decisionsPerSecond, approvalsPerSecond: p.approvalsPerSecond },
    ceiling: c
      ? { ...perDecision(c.cpu.cores, c.decisionsPerSecond), decisionsPerSecond: c.decisionsPerSecond, approvalsPerSecond: c.approvalsPerSecond, label: c.variant.label }
      : { apiMs: NaN, postgresBackendsMs: NaN, postgresOtherMs: NaN, clientsMs: NaN, otherMs: NaN, totalMs: NaN, decisionsPerSecond: NaN, approvalsPerSecond: NaN, label: 'not measured' },
    statements: { request: approval.statements, transactionsPerRequest: approval.transactions, replayed: c?.statementsPerApproval ?? NaN },
  };
  if (run.profile) {
    breakdown.apiByTask = summariseCpuProfile(run.profile.cpuProfileFile, (url, fn) => apiTaskOf(areaOf(url, fn))).byArea;
  }
  return breakdown;
}

export function printWhereTimeGoes(t: TimeBreakdown): void {
  const h = t.http;
  const c = t.ceiling;
  console.log(`Where the time goes (CPU ms per decision, ${t.cores} cores; a CPU-bound machine decides at most ${t.cores} × 1000 ÷ total per second):`);
  const row = (label: string, x: number, y: number) => console.log(`  ${label.padEnd(44)} ${fmt(x, 2).padStart(8)} ${fmt(y, 2).padStart(10)}`);
  console.log(`  ${''.padEnd(44)} ${'HTTP'.padStart(8)} ${'SQL replay'.padStart(10)}`);
  row('API process (Node: HTTP, Nest, TypeORM, pg)', h.apiMs, c.apiMs);
  row('PostgreSQL backends of the decisions', h.postgresBackendsMs, c.postgresBackendsMs);
  row('PostgreSQL other (WAL writer, checkpointer…)', h.postgresOtherMs, c.postgresOtherMs);
  row('load clients (the benchmark)', h.clientsMs, c.clientsMs);
  row('other processes on the machine', h.otherMs, c.otherMs);
  row('total', h.totalMs, c.totalMs);
  row('decisions/s', h.decisionsPerSecond, c.decisionsPerSecond);
  console.log(
    `  statements: the HTTP request sends ${t.statements.request} in ${t.statements.transactionsPerRequest} transaction(s); the ceiling (${c.label}) replays ${t.statements.replayed}`,
  );
  if (t.apiByTask) {
    console.log('  API CPU by task (--profile; self time, share of the sampled CPU):');
    for (const a of t.apiByTask) console.log(`    ${fmt(a.share * 100).padStart(5)} %  ${a.name}`);
  }
}
