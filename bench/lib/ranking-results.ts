import { cpus, totalmem } from 'node:os';
import type { ProbeReport } from './probe-protocol';
import type { CpuProfileSummary, QueryProfile } from './profile-summary';
import type { RankingOptions } from './ranking-args';
import type { PhaseResult } from './ranking-phases';
import type { Member } from './ranking-seed';
import type { RankingVerification } from './ranking-verify';
import { fmt, fmtMib, mib, mibOrNull, type Check } from './report';
import { gitRevision, info, redactUrl } from './results';
import type { Baseline } from './run-types';
import type { Draft, SeededCall } from './seed';
import type { LatencySummary } from './stats';

export const RANKING_TARGETS = { rankingP50Ms: 150, proposalMs: 1000, peakRssMiB: 300 };

export interface SeedingStep {
  requests: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
}

export interface RankingSeeded {
  call: SeededCall;
  drafts: Draft[];
  members: Member[];
  adminToken: string;
  officerToken: string;
  byPart: Map<string, number>;
  seconds: Record<string, number>;
  submits: SeedingStep;
  formalChecks: SeedingStep;
  /** Declarations + sheets; null when inserted with SQL. */
  sheetsOverHttp: SeedingStep | null;
}

export interface Profiled {
  queries: QueryProfile;
  cpu: CpuProfileSummary;
  cpuProfileFile: string;
  memoryMiB?: ProbeReport['memoryMiB'];
}

export interface RankingMeasured {
  part: PhaseResult;
  whole: PhaseResult;
  concurrent: PhaseResult;
  member: PhaseResult;
  proposal: PhaseResult;
  /** GET /ranking of the whole call right after the proposals (their rewritten rows not yet vacuumed). */
  after: PhaseResult;
  /** Dead row versions in the application table after the proposals (pg_stat_user_tables). */
  deadApplicationRows: number;
  peakRssKb: number;
  /** CPU of other work on the machine in the busiest phase, in cores (ranking-phases.ts otherWork). */
  busiestOthers: number;
  profiles?: { ranking: Profiled; proposal: Profiled };
}

export interface RankingRun {
  rssAtReadyKb: number | null;
  seeded: RankingSeeded;
  measured: RankingMeasured;
  verified: RankingVerification;
  endHwmKb: number | null;
  exit: string;
}

const ms = (n: number): string => `${fmt(n)} ms`;

const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

function latencyRows(label: string, l: LatencySummary): Check[] {
  return [info(`${label} p95`, ms(l.p95Ms)), info(`${label} p99`, ms(l.p99Ms))];
}

export function buildRankingChecks(options: RankingOptions, run: RankingRun, baseline: Baseline): Check[] {
  const { measured: m, seeded: s, verified: v } = run;
  const t = RANKING_TARGETS;
  const p50Check = (label: string, phase: PhaseResult): Check => ({
    metric: `${label} p50`,
    measured: ms(phase.latency.p50Ms),
    target: `≤ ${t.rankingP50Ms} ms`,
    pass: phase.latency.p50Ms <= t.rankingP50Ms,
    kind: 'target',
  });
  const sheets = s.sheetsOverHttp;
  return [
    p50Check('GET ranking ?partCode=1, sequential,', m.part),
    ...latencyRows('GET ranking ?partCode=1, sequential,', m.part.latency),
    p50Check('GET ranking whole call, sequential,', m.whole),
    ...latencyRows('GET ranking whole call, sequential,', m.whole.latency),
    info(
      `GET ranking, ${options.clients} concurrent clients`,
      `p50 ${ms(m.concurrent.latency.p50Ms)}, p95 ${ms(m.concurrent.latency.p95Ms)}, p99 ${ms(m.concurrent.latency.p99Ms)}; ${fmt(m.concurrent.requestsPerSecond)} req/s`,
    ),
    info('GET ranking as a commission member', `p50 ${ms(m.member.latency.p50Ms)}, p99 ${ms(m.member.latency.p99Ms)}`),
    info('POST funding-proposal p50', ms(m.proposal.latency.p50Ms)),
    {
      metric: 'POST funding-proposal p99',
      measured: ms(m.proposal.latency.p99Ms),
      target: `≤ ${t.proposalMs} ms`,
      pass: m.proposal.latency.p99Ms <= t.proposalMs,
      kind: 'target',
    },
    info('POST funding-proposal max', `${ms(m.proposal.latency.maxMs)} (first run ${ms(m.proposal.load.latenciesMs[0] ?? Number.NaN)})`),
    info(
      'GET ranking whole call, after the proposals',
      `p50 ${ms(m.after.latency.p50Ms)}, p99 ${ms(m.after.latency.p99Ms)} (${fmt(m.deadApplicationRows, 0)} dead application rows)`,
    ),
    {
      metric: 'API peak RSS (measured phases)',
      measured: fmtMib(m.peakRssKb),
      target: `≤ ${t.peakRssMiB} MiB`,
      pass: mib(m.peakRssKb) <= t.peakRssMiB,
      kind: 'target',
    },
    info('API VmHWM before measuring (start-up, seeding, warm-up)', fmtMib(m.part.rss.seedingHwmKb)),
    ...correctnessChecks(options, run),
    info('answer size (whole call / part 1)', `${fmt(m.whole.answerBytes / 1024, 0)} KiB / ${fmt(m.part.answerBytes / 1024, 0)} KiB`),
    info('normalisation vs raw average', `${v.normalisation.movedRanks} ranks and ${v.normalisation.changedProposals} proposals differ`),
    ...v.lines.map((l) =>
      info(
        `funding line, part ${l.code}`,
        `${l.funded} funded, ${l.partial} partly, ${l.belowLine} recommended below the line, ${l.applications - l.recommended} not recommended; ` +
          `${czk(l.proposedCzk)} of ${czk(l.allocationCzk)} (requested ${czk(l.requestedCzk)})`,
      ),
    ),
    info('baseline node:http requests/s', `${fmt(baseline.requestsPerSecond, 0)} (p50 ${fmt(baseline.latency.p50Ms, 2)} ms, p99 ${fmt(baseline.latency.p99Ms, 2)} ms)`),
    info('other work on the machine, busiest phase', `${fmt(m.busiestOthers, 2)} of ${cpus().length} cores`),
    info('seeding time', `${fmt(s.seconds.total)} s`),
    info('  submits (HTTP)', step(s.submits, options.concurrency)),
    info('  formal checks (HTTP)', step(s.formalChecks, options.concurrency)),
    info(
      '  declarations + sheets',
      sheets ? `${step(sheets, options.concurrency)}` : `inserted with SQL as the owner in ${fmt(s.seconds.sheets, 2)} s`,
    ),
  ];
}

function step(x: SeedingStep, concurrency: number): string {
  return `${x.requests} requests in ${fmt(x.seconds)} s: ${fmt(x.perSecond)}/s, p50 ${ms(x.latency.p50Ms)}, p99 ${ms(x.latency.p99Ms)} (${concurrency} clients)`;
}

function correctnessChecks(options: RankingOptions, run: RankingRun): Check[] {
  const v = run.verified;
  const m = run.measured;
  const phases = [m.part, m.whole, m.concurrent, m.member, m.proposal, m.after];
  const failures = phases.reduce((n, p) => n + p.load.failures.length, 0);
  const requests = phases.reduce((n, p) => n + p.load.requests, 0);
  const invariant = (metric: string, problems: readonly string[], target: string, ok: string): Check => ({
    metric,
    measured: problems[0] ?? ok,
    target,
    pass: problems.length === 0,
    kind: 'invariant',
  });
  return [
    {
      metric: 'measured requests answered 200',
      measured: `${requests - failures} / ${requests}`,
      target: `${requests} / ${requests}`,
      pass: failures === 0,
      kind: 'invariant',
    },
    {
      metric: 'ranking items (whole call)',
      measured: String(v.items),
      target: String(v.expectedItems),
      pass: v.items === v.expectedItems,
      kind: 'invariant',
    },
    invariant('ranks distinct per part, 1..n', v.rankProblems, 'per part', 'yes'),
    invariant(`every item scorers = ${options.members}, counting`, v.scorerProblems, 'all', 'all'),
    invariant('?partCode=1 = part 1 of the whole call', v.partViewProblems, 'same', 'same'),
    invariant('proposals follow the funding line', v.fundingProblems, 'recomputed', 'as recomputed; line cuts both parts'),
    invariant(
      'call_part.proposed_czk ≤ allocation, = Σ proposals',
      v.databaseProblems,
      'in SQL',
      v.parts.map((p) => `${p.code}: ${p.proposedCzk.toLocaleString('en-US')} ≤ ${p.allocationCzk.toLocaleString('en-US')}`).join('; '),
    ),
    {
      metric: 'averageScore = round(avg(total), 2) in SQL',
      measured: `${v.averageMismatches} differ`,
      target: '0 differ',
      pass: v.averageMismatches === 0,
      kind: 'invariant',
    },
    {
      metric: 'audit chain verifies',
      measured: `ok=${v.audit.ok}, ${v.audit.events} events (${fmt(v.audit.seconds, 2)} s)`,
      target: 'ok=true',
      pass: v.audit.ok,
      kind: 'invariant',
    },
  ];
}

export function rankingNotes(options: RankingOptions, postgres: Record<string, string>): string[] {
  const notes = [
    'window moved by SQL for the benchmark: announced via the API 31 days ahead, opened with one UPDATE as the owner for the submits, ' +
      'and closed with one UPDATE as the owner after them (submission_closes_at = now()), so that the formal check and scoring may start',
    'VACUUM ANALYZE run as the owner after seeding (what autovacuum would have done by the time a commission ranks)',
  ];
  if (postgres.autovacuum === 'off') {
    notes.push('autovacuum is off on this PostgreSQL server: the rows the funding proposals rewrite stay dead until a VACUUM, which the last phase shows');
  }
  if (options.restartApi) notes.push('--restart-api: the measured phases ran in a fresh API process, not the one that did the seeding (argon2 hashing)');
  if (options.sheets === 'sql') {
    notes.push(
      'declarations and score sheets inserted with SQL as the owner (conflict_declaration, score_sheet; total_points = the sum of the points; ' +
        'no audit events for them); everything else through the HTTP API',
    );
  }
  return notes;
}

function phaseJson(p: PhaseResult) {
  return {
    requests: p.load.requests,
    failures: p.load.failures,
    elapsedSeconds: p.load.elapsedMs / 1000,
    requestsPerSecond: p.requestsPerSecond,
    latencyMs: p.latency,
    answerBytes: p.answerBytes,
    apiRssMiB: { peak: mib(p.rss.peakKb), beforePhase: mibOrNull(p.rss.beforePhaseKb), phaseHwm: mibOrNull(p.rss.phaseHwmKb) },
    cpu: p.cpu,
  };
}

export function rankingResultsJson(
  options: RankingOptions,
  run: RankingRun,
  baseline: Baseline,
  checks: readonly Check[],
  postgres: Record<string, string>,
) {
  const { measured: m, seeded: s } = run;
  return {
    benchmark: 'ranking',
    finishedAt: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cores: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: mib(totalmem() / 1024), node: process.version },
    options: { ...options, databaseUrl: redactUrl(options.databaseUrl), redisUrl: redactUrl(options.redisUrl) },
    notes: rankingNotes(options, postgres),
    postgres,
    environment: {
      API_NODE_OPTIONS: process.env.API_NODE_OPTIONS ?? null,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? null,
      PGOPTIONS: process.env.PGOPTIONS ?? null,
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? null,
    },
    call: { applications: s.drafts.length, byPart: Object.fromEntries(s.byPart), members: s.members.length },
    seedingSeconds: s.seconds,
    seeding: { submits: s.submits, formalChecks: s.formalChecks, sheetsOverHttp: s.sheetsOverHttp },
    phases: {
      rankingPart1Sequential: phaseJson(m.part),
      rankingWholeCallSequential: phaseJson(m.whole),
      rankingConcurrent: phaseJson(m.concurrent),
      rankingAsCommissionMember: phaseJson(m.member),
      fundingProposal: { ...phaseJson(m.proposal), latenciesMs: m.proposal.load.latenciesMs },
      rankingAfterProposals: { ...phaseJson(m.after), deadApplicationRows: m.deadApplicationRows },
    },
    apiRssMiB: { peak: mib(m.peakRssKb), atReady: mibOrNull(run.rssAtReadyKb), seedingHwm: mibOrNull(m.part.rss.seedingHwmKb), endHwm: mibOrNull(run.endHwmKb) },
    verification: run.verified,
    apiExit: run.exit,
    baseline,
    profile: m.profiles,
    targets: RANKING_TARGETS,
    checks,
  };
}
