import { cpus, totalmem } from 'node:os';
import type { LettersOptions } from './letters-args';
import type { LettersPhase } from './letters-phase';
import type { RenderingMeasurement } from './letters-render';
import type { WorkerProfile } from './letters-profile';
import type { QueueCounts } from './letters-queue';
import type { LettersVerification } from './letters-verify';
import { fmt, fmtMib, mib, mibOrNull, type Check } from './report';
import { gitRevision, info, redactUrl } from './results';

export const LETTERS_TARGETS = { workerLettersPerSecond: 60, shareOfHelvetica: 0.25, allReadySeconds: 30, workerRssMiB: 300 };

/** The rendering baseline, in this process with the API and the worker stopped. */
export interface LettersRender {
  helvetica: RenderingMeasurement;
  embedded: RenderingMeasurement;
}

export interface LettersRun {
  queuePrefix: string;
  /** LETTER_CONCURRENCY given to the worker; null: its default. */
  letterConcurrency: number | null;
  workerStartSeconds: number;
  workerRssAtStartKb: number | null;
  phase: LettersPhase;
  queue: QueueCounts | null;
  verified: LettersVerification;
  workerExit: string;
  apiExit: string;
  queueKeysDeleted: number | null;
  profile?: WorkerProfile;
  seedingSeconds: number;
}

/**
 * The worker's CPU time per letter over the phase (start-up excluded): while
 * it keeps up with the approvals its letters/s is theirs, and this says how
 * many letters one core of it could render.
 */
export function workerCpuMsPerLetter(p: LettersPhase, letters: number): number {
  const phaseSeconds = p.allSettledPolledSeconds ?? Number.NaN;
  return (p.cpu.worker * phaseSeconds * 1000) / letters;
}

/** The worker's own letters/s: its backlog after the approvals ÷ the time to drain it (see lettersChecks). */
export function workerOwnRate(p: LettersPhase): number {
  return Number.isNaN(p.drainLettersPerSecond) ? p.workerLettersPerSecond : p.drainLettersPerSecond;
}

export function lettersChecks(options: LettersOptions, run: LettersRun, render: LettersRender): Check[] {
  const p = run.phase;
  const v = run.verified;
  const expected = options.organisations * options.draftsPerOrganisation;
  // The worker's own rate: draining its backlog once the approvals are answered, with the API idle. While the
  // approvals run it shares the 2 cores (hyperthreads) with the API, PostgreSQL and the clients; that rate is shown too.
  // (A backlog too small to time means the worker kept pace with the approvals: then its rate while sharing.)
  const workerRate = workerOwnRate(p);
  const ratio = workerRate / render.helvetica.lettersPerSecond;
  const t = LETTERS_TARGETS;
  return [
    {
      metric: `time to all ${expected} letters ready`,
      measured: p.allReadySeconds === null ? `not all ready (${v.ready})` : `${fmt(p.allReadySeconds, 2)} s`,
      target: `≤ ${t.allReadySeconds} s`,
      pass: p.allReadySeconds !== null && p.allReadySeconds <= t.allReadySeconds,
      kind: 'target',
    },
    {
      metric: `one worker's letters/s (its backlog of ${expected - p.readyWhenApprovalsDone} after the approvals, API idle)`,
      measured: fmt(workerRate),
      target: `≥ ${t.workerLettersPerSecond}`,
      pass: workerRate >= t.workerLettersPerSecond,
      kind: 'target',
    },
    info('worker letters/s while sharing the cores with the approvals (first → last ready_at)', fmt(p.workerLettersPerSecond)),
    info('letters/s, first approval → all ready', fmt(p.endToEndLettersPerSecond)),
    {
      metric: 'worker letters/s ÷ Helvetica in-process',
      measured: `${fmt(ratio * 100)} %`,
      target: `≥ ${fmt(t.shareOfHelvetica * 100, 0)} %`,
      pass: ratio >= t.shareOfHelvetica,
      kind: 'target',
    },
    {
      metric: 'worker peak RSS',
      measured: fmtMib(p.worker.peakKb),
      target: `≤ ${t.workerRssMiB} MiB`,
      pass: mib(p.worker.peakKb) <= t.workerRssMiB,
      kind: 'target',
    },
    info(
      'worker CPU per letter (capacity on one core)',
      `${fmt(workerCpuMsPerLetter(p, expected), 1)} ms → ${fmt(1000 / workerCpuMsPerLetter(p, expected))} letters/s`,
    ),
    info('worker CPU (cores)', `${fmt(p.cpu.worker, 2)} (API ${fmt(p.cpu.api, 2)}, PostgreSQL ${fmt(p.cpu.postgres, 2)}, other work ${fmt(p.cpu.otherProcesses + p.cpu.postgresOther, 2)})`),
    info('approvals phase', `${p.approved} approved in ${fmt(p.approvalsSeconds, 2)} s; ${p.readyWhenApprovalsDone} letters ready by then`),
    info('Helvetica in-process (baseline)', `${fmt(render.helvetica.perLetterMs, 2)} ms/letter = ${fmt(render.helvetica.lettersPerSecond)} letters/s`),
    info('embedded font in-process', `${fmt(render.embedded.perLetterMs, 2)} ms/letter = ${fmt(render.embedded.lettersPerSecond)} letters/s`),
    info('embedded in-process ÷ Helvetica', `${fmt((render.embedded.lettersPerSecond / render.helvetica.lettersPerSecond) * 100)} %`),
    { metric: 'approvals answered 201', measured: `${p.approved} / ${expected}`, target: `${expected} / ${expected}`, pass: p.approved === expected, kind: 'invariant' },
    { metric: 'letters ready', measured: `${v.ready} / ${expected}`, target: `${expected} / ${expected}`, pass: v.ready === expected, kind: 'invariant' },
    { metric: 'letters failed', measured: String(v.failed), target: '0', pass: v.failed === 0, kind: 'invariant' },
    {
      metric: 'sha256 = SHA-256(pdf), %PDF-',
      measured: `${v.shaMatches} / ${v.ready}, ${v.pdfs} PDFs`,
      target: `${expected} / ${expected}`,
      pass: v.shaMatches === expected && v.pdfs === expected,
      kind: 'invariant',
    },
    {
      metric: 'one letter.ready audit event each',
      measured: `${v.readyAuditEvents} events, ${v.lettersWithoutOneReadyEvent} letters without one`,
      target: `${expected}, 0`,
      pass: v.readyAuditEvents === expected && v.lettersWithoutOneReadyEvent === 0,
      kind: 'invariant',
    },
    { metric: 'audit chain verifies', measured: `ok=${v.audit.ok}, ${v.audit.events} events`, target: 'ok=true', pass: v.audit.ok, kind: 'invariant' },
    {
      metric: 'outbox all sent',
      measured: `${v.outbox.messages - v.outbox.unsent} / ${v.outbox.messages}`,
      target: `${expected} / ${expected}`,
      pass: v.outbox.unsent === 0 && v.outbox.messages === expected,
      kind: 'invariant',
    },
    { metric: 'worker exits 0 on SIGTERM', measured: run.workerExit, target: 'exit code 0', pass: run.workerExit === 'exit code 0', kind: 'invariant' },
    info('letters retried (attempts > 1)', String(v.retried)),
    info('mean PDF size', `${fmt(v.meanPdfBytes / 1024)} KiB`),
  ];
}

export function lettersResultsJson(options: LettersOptions, run: LettersRun, render: LettersRender, checks: readonly Check[]) {
  const p = run.phase;
  return {
    benchmark: 'letters',
    finishedAt: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cores: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: mib(totalmem() / 1024), node: process.version },
    options: { ...options, databaseUrl: redactUrl(options.databaseUrl), redisUrl: redactUrl(options.redisUrl) },
    queuePrefix: run.queuePrefix,
    letterConcurrency: run.letterConcurrency,
    seedingSeconds: run.seedingSeconds,
    worker: {
      startSeconds: run.workerStartSeconds,
      rssAtStartMiB: mibOrNull(run.workerRssAtStartKb),
      peakRssMiB: mib(p.worker.peakKb),
      sampledPeakRssMiB: mib(p.worker.sampledPeakKb),
      rssSamples: p.worker.samples,
      hwmMiB: mibOrNull(p.worker.hwmKb),
      exit: run.workerExit,
    },
    phase: {
      approved: p.approved,
      approvalFailures: p.approvals.failures,
      approvalsSeconds: p.approvalsSeconds,
      allReadySeconds: p.allReadySeconds,
      allSettledPolledSeconds: p.allSettledPolledSeconds,
      firstReadySeconds: p.firstReadySeconds,
      readySpanSeconds: p.readySpanSeconds,
      workerLettersPerSecond: p.workerLettersPerSecond,
      endToEndLettersPerSecond: p.endToEndLettersPerSecond,
      readyWhenApprovalsDone: p.readyWhenApprovalsDone,
      drainLettersPerSecond: p.drainLettersPerSecond,
      workerCpuMsPerLetter: workerCpuMsPerLetter(p, p.approved),
      final: p.final,
      timedOut: p.timedOut,
      cpuCores: p.cpu,
      /** Every poll: ms since the first approval, letters by status. */
      samples: p.samples,
    },
    queue: run.queue,
    queueKeysDeleted: run.queueKeysDeleted,
    verification: run.verified,
    apiExit: run.apiExit,
    rendering: {
      ...render,
      workerShareOfHelvetica: workerOwnRate(p) / render.helvetica.lettersPerSecond,
      embeddedShareOfHelvetica: render.embedded.lettersPerSecond / render.helvetica.lettersPerSecond,
    },
    profile: run.profile,
    targets: LETTERS_TARGETS,
    checks,
  };
}
