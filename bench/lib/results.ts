import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BenchOptions } from './args';
import { REPO_ROOT } from './processes';
import { failedChecks, fmt, fmtMib, mib, mibOrNull, type Check } from './report';
import type { ApiRun, Baseline } from './run-types';

const TARGETS = { submissionsPerSecond: 300, p99Ms: 250, peakRssMiB: 300 };
export const WINDOW_NOTE = 'window moved by SQL for the benchmark';

export const info = (metric: string, measured: string): Check => ({ metric, measured, target: '', pass: null, kind: 'info' });

export function buildChecks(options: BenchOptions, run: ApiRun, baseline: Baseline): Check[] {
  const { measured: m } = run;
  return [
    {
      metric: 'submissions/s',
      measured: fmt(m.submissionsPerSecond),
      target: `≥ ${TARGETS.submissionsPerSecond}`,
      pass: m.submissionsPerSecond >= TARGETS.submissionsPerSecond,
      kind: 'target',
    },
    info('latency p50', `${fmt(m.latency.p50Ms)} ms`),
    info('latency p95', `${fmt(m.latency.p95Ms)} ms`),
    {
      metric: 'latency p99',
      measured: `${fmt(m.latency.p99Ms)} ms`,
      target: `≤ ${TARGETS.p99Ms} ms`,
      pass: m.latency.p99Ms <= TARGETS.p99Ms,
      kind: 'target',
    },
    info('latency max', `${fmt(m.latency.maxMs)} ms`),
    {
      metric: 'API peak RSS (measured phase)',
      measured: fmtMib(m.rss.peakKb),
      target: `≤ ${TARGETS.peakRssMiB} MiB`,
      pass: mib(m.rss.peakKb) <= TARGETS.peakRssMiB,
      kind: 'target',
    },
    info('API VmHWM of start-up + seeding', fmtMib(m.rss.seedingHwmKb)),
    ...correctnessChecks(run),
    info('baseline node:http requests/s', `${fmt(baseline.requestsPerSecond, 0)} (p99 ${fmt(baseline.latency.p99Ms, 2)} ms)`),
    info('submissions/s ÷ baseline', `${fmt((m.submissionsPerSecond / baseline.requestsPerSecond) * 100, 2)} %`),
    info('seeding time', `${fmt(run.seeded.seconds.total)} s`),
    info('clients', `${options.concurrency} concurrent, keep-alive`),
  ];
}

function correctnessChecks(run: ApiRun): Check[] {
  const { measured: m, verified: v } = run;
  const expected = run.seeded.drafts.length;
  const range = `0001..${String(expected).padStart(4, '0')}`;
  const answered = m.load.requests - m.load.failures.length;
  return [
    {
      metric: 'audit chain on and verified',
      measured: `ok=${v.audit.ok}, ${v.audit.events} events, ${v.book.submitAuditEvents} for submits`,
      target: `ok, ${expected} submit events`,
      pass: v.audit.ok && v.book.submitAuditEvents === expected,
      kind: 'target',
    },
    {
      metric: 'submits answered 200 + reference',
      measured: `${answered} / ${m.load.requests}`,
      target: `${expected} / ${expected}`,
      pass: m.load.failures.length === 0 && answered === expected,
      kind: 'invariant',
    },
    {
      metric: 'reference numbers gapless, distinct',
      measured: v.referenceProblems[0] ?? range,
      target: range,
      pass: v.referenceProblems.length === 0,
      kind: 'invariant',
    },
    {
      metric: 'registry book in the database',
      measured: `${v.book.submitted} submitted, ${v.book.distinctReferences} numbers, last ${v.book.lastNumber}`,
      target: `${expected} each`,
      pass: v.book.submitted === expected && v.book.distinctReferences === expected && v.book.lastNumber === expected,
      kind: 'invariant',
    },
    { metric: 'audit chain verifies', measured: `ok=${v.audit.ok}`, target: 'ok=true', pass: v.audit.ok, kind: 'invariant' },
  ];
}

export function resultsJson(options: BenchOptions, run: ApiRun, baseline: Baseline, checks: readonly Check[]) {
  const { measured: m } = run;
  return {
    benchmark: 'submit',
    finishedAt: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cores: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: mib(totalmem() / 1024), node: process.version },
    options: { ...options, databaseUrl: redactUrl(options.databaseUrl), redisUrl: redactUrl(options.redisUrl) },
    notes: [WINDOW_NOTE],
    /** Settings passed through to the API that change what is measured. */
    environment: {
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? null,
      PGOPTIONS: process.env.PGOPTIONS ?? null,
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? null,
    },
    seedingSeconds: run.seeded.seconds,
    submit: {
      requests: m.load.requests,
      failures: m.load.failures,
      elapsedSeconds: m.load.elapsedMs / 1000,
      submissionsPerSecond: m.submissionsPerSecond,
      submissionsPerSecondByQuarter: m.byQuarter,
      latencyMs: m.latency,
      cpu: m.cpu,
    },
    apiRssMiB: {
      peak: mib(m.rss.peakKb),
      atReady: mibOrNull(run.rssAtReadyKb),
      beforePhase: mibOrNull(m.rss.beforePhaseKb),
      sampledPeak: mib(m.rss.sampledPeakKb),
      samples: m.rss.samples,
      phaseHwm: mibOrNull(m.rss.phaseHwmKb),
      seedingHwm: mibOrNull(m.rss.seedingHwmKb),
      endHwm: mibOrNull(run.verified.endHwmKb),
    },
    verification: run.verified,
    apiExit: run.exit,
    baseline: { ...baseline, ratio: m.submissionsPerSecond / baseline.requestsPerSecond },
    profile: m.profile,
    targets: TARGETS,
    checks,
  };
}

/** Exit code: a broken invariant always fails the run, a missed target only with --strict. */
export function verdict(checks: readonly Check[], strict: boolean): number {
  const failed = failedChecks(checks, strict);
  const missed = checks.filter((c) => c.kind === 'target' && c.pass === false);
  if (missed.length && !strict) console.log(`${missed.length} target(s) missed: reported only (pass --strict to fail the run).`);
  if (failed.length) console.error(`FAILED: ${failed.map((c) => c.metric).join(', ')}`);
  return failed.length ? 1 : 0;
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The code measured: the commit, and whether the working tree differed from it. */
export function gitRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'apps', 'libs', 'migrations'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
