import { cpus, totalmem } from 'node:os';
import type { ApprovalsSeeded } from './approvals-results';
import { otherWork } from './ranking-phases';
import { fmt, fmtMib, mib, mibOrNull, type Check } from './report';
import type { ResolutionOptions } from './resolution-args';
import type { ResolutionPhase } from './resolution-phase';
import type { ResolutionVerification } from './resolution-verify';
import { gitRevision, info, redactUrl } from './results';

/** The issue's targets: the annex adopted in 2 s, its letters ready 30 s after, the API under 300 MB. */
export const RESOLUTION_TARGETS = { adoptionSeconds: 2, lettersSeconds: 30, apiPeakRssMB: 300 };

export interface ResolutionRun {
  seeded: ApprovalsSeeded;
  seedingSeconds: number;
  queuePrefix: string;
  phase: ResolutionPhase;
  verified: ResolutionVerification;
  apiExit: string;
  workerExit: string;
  queueKeysDeleted: number | null;
}

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;
const s = (x: number | null): string => (x === null ? 'n/a' : `${fmt(x, 2)} s`);
/** Peak RSS in MB (10^6 bytes), the unit of the issue's target. */
const mb = (kb: number): number => (kb * 1024) / 1e6;

export function resolutionChecks(run: ResolutionRun): Check[] {
  const { phase: p, verified: v } = run;
  const t = RESOLUTION_TARGETS;
  const adoptionSeconds = p.adoptions.reduce((sum, a) => sum + a.seconds, 0);
  const lines = p.adoptions.reduce((sum, a) => sum + a.lines, 0);
  const rssMB = mb(p.api.rss.peakKb);
  const c = p.api.cpu.cores;
  return [
    {
      metric: `adoption of the annex (${lines} lines, ${p.adoptions.map((a) => a.body).join(' + ')})`,
      measured: `${s(adoptionSeconds)} (${p.adoptions.map((a) => `${a.body} ${a.lines} lines ${s(a.seconds)}`).join('; ')})`,
      target: `≤ ${t.adoptionSeconds} s`,
      pass: adoptionSeconds <= t.adoptionSeconds,
      kind: 'target',
    },
    {
      metric: 'all letters ready after the adoption',
      measured: `${s(p.lettersReadySeconds)} (${p.final.ready} of ${p.expectedLetters} ready, ${p.final.failed} failed${p.timedOut ? ', TIMED OUT' : ''}; poll saw it at ${s(p.lettersSettledPolledSeconds)})`,
      target: `≤ ${t.lettersSeconds} s`,
      pass: p.lettersReadySeconds !== null && p.lettersReadySeconds <= t.lettersSeconds,
      kind: 'target',
    },
    {
      metric: 'API peak RSS (draft, adoption, letters)',
      measured: `${fmt(rssMB)} MB = ${fmtMib(p.api.rss.peakKb)} (before ${fmtMib(p.api.rss.beforePhaseKb)})`,
      target: `≤ ${t.apiPeakRssMB} MB`,
      pass: rssMB <= t.apiPeakRssMB,
      kind: 'target',
    },
    {
      metric: 'overspend = Σ max(0, committed − allocation)',
      measured: `${czk(v.overspendCzk)} (${v.parts.map((x) => `part ${x.code}: ${czk(x.committedCzk)} of ${czk(x.allocationCzk)}`).join('; ')})`,
      target: 'CZK 0',
      pass: v.overspendCzk === 0,
      kind: 'invariant',
    },
    {
      metric: 'committed = Σ awards = Σ approved lines, per part',
      measured: v.parts.map((x) => `${x.code}: ${czk(x.committedCzk)} = ${czk(x.awardsCzk)} = ${czk(x.linesApprovedCzk)}`).join('; '),
      target: 'equal',
      pass: v.parts.every((x) => x.committedCzk === x.awardsCzk && x.awardsCzk === x.linesApprovedCzk),
      kind: 'invariant',
    },
    {
      metric: 'database agrees with the adopted annex',
      measured: v.problems[0] ?? 'statuses, decisions, letters (PDF, sha256, letter.ready), outbox, audit events, Idempotency-Key replay',
      target: 'all',
      pass: v.problems.length === 0,
      kind: 'invariant',
    },
    {
      metric: 'GET /ledger/check (budget)',
      measured: `ok=${v.ledger.ok}, ${v.ledger.transactions} transactions (${fmt(v.ledger.seconds, 2)} s)`,
      target: 'ok=true',
      pass: v.ledger.ok,
      kind: 'invariant',
    },
    {
      metric: 'audit chain verifies',
      measured: `ok=${v.audit.ok}, ${v.audit.events} events (${fmt(v.audit.seconds, 2)} s)`,
      target: 'ok=true',
      pass: v.audit.ok,
      kind: 'invariant',
    },
    info(
      'drafts answered by POST /calls/:id/resolutions',
      `${p.draft.drafts.map((d) => `${d.body}: ${d.lines} lines (${d.approved} approved ${czk(d.approvedCzk)}, ${d.rejected} rejected, ${d.ineligible} ineligible)`).join('; ')} in ${s(p.draft.seconds)}` +
        (p.draft.drafts.some((d) => d.body !== 'council') ? ' — an Assembly draft: some IČO crossed the Council limit, which the seeding should prevent' : ''),
    ),
    info('adoption again with the same Idempotency-Key', p.adoptions.map((a) => `${a.replay.status}${a.replay.same ? ' same' : ' DIFFERENT'} in ${s(a.replay.seconds)}`).join('; ')),
    info('letters/s after the adoption', p.lettersReadySeconds ? fmt(p.expectedLetters / p.lettersReadySeconds) : 'n/a'),
    info(
      'CPU (cores) from the draft to the last letter',
      `API ${fmt(c.api, 2)}, worker ${fmt(p.worker.cores, 2)}, PostgreSQL for the API and worker ${fmt(c.postgresBench, 2)}, all other work ${fmt(otherWork(p.api.cpu), 2)} of ${cpus().length}`,
    ),
    info('seeding time', `${fmt(run.seedingSeconds)} s`),
  ];
}

export function resolutionNotes(options: ResolutionOptions): string[] {
  return [
    'window moved by SQL for the benchmark: announced via the API 31 days ahead, opened with one UPDATE as the owner for the submits, and closed with one UPDATE as the owner after them',
    `${options.organisations} organisations with ${options.draftsPerOrganisation} applications each, every IČO's requests together under the Council's yearly limit, so that every line stays with the Council; ` +
      `the requests add up to ${fmt(options.oversubscription, 2)} × the part's allocation: the commission's proposal funds down the ranking (approved lines), the rest are rejected lines`,
    'every draft POST /calls/:id/resolutions answers is adopted, one after another, as its body, dated today, each with its own Idempotency-Key; then adopted again with the same key (not timed into the adoption)',
    'the letters are timed from the last adoption\'s answer to the last letter\'s ready_at (the database\'s clock); ONE worker process renders them, sharing the 2 cores with the API and PostgreSQL',
    'the API\'s peak RSS is its VmHWM (reset at the start of the draft) or the peak of its VmRSS sampled every 100 ms, whichever is larger; MB = 10^6 bytes',
  ];
}

export function resolutionResultsJson(options: ResolutionOptions, run: ResolutionRun, checks: readonly Check[]) {
  const { phase: p } = run;
  return {
    benchmark: 'resolution',
    finishedAt: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cores: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: mib(totalmem() / 1024), node: process.version },
    options: { ...options, databaseUrl: redactUrl(options.databaseUrl), redisUrl: redactUrl(options.redisUrl) },
    notes: resolutionNotes(options),
    call: { applications: run.seeded.targets.length, allocationCzk: run.seeded.plan.allocationCzk, requestedTotalCzk: run.seeded.plan.requestedTotalCzk, proposedCzk: run.seeded.proposedCzk },
    seedingSeconds: run.seedingSeconds,
    draft: p.draft,
    adoptions: p.adoptions.map((a) => ({
      resolutionId: a.resolutionId,
      body: a.body,
      lines: a.lines,
      resolutionNumber: a.resolutionNumber,
      resolutionDate: a.resolutionDate,
      seconds: a.seconds,
      totals: a.view.totals,
      replay: a.replay,
    })),
    letters: {
      expected: p.expectedLetters,
      readySeconds: p.lettersReadySeconds,
      settledPolledSeconds: p.lettersSettledPolledSeconds,
      final: p.final,
      timedOut: p.timedOut,
      samples: p.samples,
    },
    apiRssMiB: { peak: mib(p.api.rss.peakKb), beforePhase: mibOrNull(p.api.rss.beforePhaseKb), seedingHwm: mibOrNull(p.api.rss.seedingHwmKb) },
    cpu: { api: p.api.cpu, workerCores: p.worker.cores },
    verification: run.verified,
    queuePrefix: run.queuePrefix,
    queueKeysDeleted: run.queueKeysDeleted,
    apiExit: run.apiExit,
    workerExit: run.workerExit,
    targets: RESOLUTION_TARGETS,
    checks,
  };
}
