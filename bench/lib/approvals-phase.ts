import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pragueDate } from '@app/core/time/prague-time';
import type { ApprovingBodyOption } from './approvals-args';
import type { JsonClient } from './http-client';
import { driveLoad, jobsFrom, type LoadResult, type Outcome } from './load';
import type { RssFigures } from './monitor';
import type { CpuUsage } from './proc';
import { API } from './seed';
import { summarise, throughputBySlice, type LatencySummary } from './stats';

const DAY_MS = 86_400_000;

/** One recommended application to decide, and the award asked for it: its whole request. */
export interface DecisionTarget {
  applicationId: string;
  /** The draft's number (1-based). */
  n: number;
  requestedCzk: number;
  /** The commission's proposal (0 below the funding line): asking for more is the Council's deviation, with its reason. */
  proposedCzk: number;
}

/** One resolution of the approving body, approving every application of the annex (as the Council does). */
export interface Resolution {
  body: ApprovingBodyOption;
  number: string;
  date: string;
}

export function resolutionOf(body: ApprovingBodyOption, seed: number, now = new Date()): Resolution {
  const date = pragueDate(now);
  return { body, number: `${body === 'council' ? 'RHMP' : 'ZHMP'}/${seed}/${date.slice(0, 4)}`, date };
}

export function decisionBody(resolution: Resolution, target: DecisionTarget, date = resolution.date) {
  return {
    outcome: 'approved',
    body: resolution.body,
    resolutionNumber: resolution.number,
    resolutionDate: date,
    // The whole request, not the commission's proposal (which fits the allocation by construction):
    // the approvals compete for the allocation and the conditional UPDATE decides.
    amountCzk: target.requestedCzk,
    ...(target.requestedCzk > target.proposedCzk ? { deviationReason: 'Rada přiznává celou požadovanou částku nad návrh komise.' } : {}),
  };
}

interface DecisionReply {
  status?: string;
  amountCzk?: number | null;
  code?: string;
}

export interface DecisionAnswer {
  applicationId: string;
  status: number;
  /** The award of a 201, the amount asked for otherwise. */
  amountCzk: number;
  code?: string;
  ms: number;
  /** ms since the phase started. */
  finishedAtMs: number;
}

export interface DecisionsPhase {
  load: LoadResult;
  answers: DecisionAnswer[];
  approved: number;
  refused: number;
  /** Answers other than 201 approved / 409 ALLOCATION_EXCEEDED. */
  other: number;
  approvedCzk: number;
  latency: LatencySummary;
  approvedLatency: LatencySummary;
  refusedLatency: LatencySummary;
  /** 201 + 409 answers per second of the phase. */
  decisionsPerSecond: number;
  /** 201 answers per second of the whole phase (the figure compared with the targets). */
  approvalsPerSecond: number;
  /** When the last 201 came in (ms since the start), and 201s per second up to then. */
  lastApprovalAtMs: number;
  approvalsPerSecondWhileFunds: number;
  /** All answers per second in each quarter of the phase. */
  decisionsByQuarter: number[];
  rss: RssFigures;
  cpu: CpuUsage;
}

/**
 * Unmeasured: decisions dated tomorrow, which the API refuses (400
 * VALIDATION_FAILED) after
 * claiming the Idempotency-Key, locking the application and its organisation
 * and summing the IČO's awards: the route, the pool and the plans get warm,
 * and nothing changes.
 */
export async function warmUpDecisions(clients: readonly JsonClient[], token: string, targets: readonly DecisionTarget[], count: number, resolution: Resolution): Promise<void> {
  if (count === 0) return;
  const tomorrow = pragueDate(new Date(Date.now() + DAY_MS));
  const jobs = Array.from({ length: count }, (_, i) => targets[i % targets.length]);
  const load = await driveLoad(clients, jobsFrom(jobs), async (client, target): Promise<Outcome> => {
    const res = await client.request<DecisionReply>('POST', `${API}/applications/${target.applicationId}/decision`, {
      token,
      headers: { 'idempotency-key': `bench-warm-up-${randomUUID()}` },
      body: decisionBody(resolution, target, tomorrow),
    });
    const refused = res.status === 400 && res.body.code === 'VALIDATION_FAILED';
    return { status: res.status, ms: res.ms, problem: refused ? undefined : `warm-up decision: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}` };
  });
  if (load.failures.length) {
    throw new Error(`warm-up: ${load.failures.length} of ${count} were not refused with 400 VALIDATION_FAILED, e.g. ${load.failures[0].problem}`);
  }
}

/** Every target decided once, each request with its own Idempotency-Key, by `clients` closed-loop keep-alive clients. */
export async function decideAll(
  clients: readonly JsonClient[],
  token: string,
  targets: readonly DecisionTarget[],
  resolution: Resolution,
): Promise<{ load: LoadResult; answers: DecisionAnswer[] }> {
  const answers: DecisionAnswer[] = [];
  const started = performance.now();
  const load = await driveLoad(clients, jobsFrom(targets), async (client, target): Promise<Outcome> => {
    const res = await client.request<DecisionReply>('POST', `${API}/applications/${target.applicationId}/decision`, {
      token,
      headers: { 'idempotency-key': `bench-decision-${randomUUID()}` },
      body: decisionBody(resolution, target),
    });
    const body = typeof res.body === 'object' && res.body !== null ? res.body : {};
    const approved = res.status === 201 && body.status === 'approved' && body.amountCzk === target.requestedCzk;
    const refused = res.status === 409 && body.code === 'ALLOCATION_EXCEEDED';
    answers.push({
      applicationId: target.applicationId,
      status: res.status,
      amountCzk: approved ? (body.amountCzk ?? 0) : target.requestedCzk,
      code: body.code,
      ms: res.ms,
      finishedAtMs: performance.now() - started,
    });
    return {
      status: res.status,
      ms: res.ms,
      problem: approved || refused ? undefined : `decision: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
    };
  });
  return { load, answers };
}

export function summariseDecisions(load: LoadResult, answers: readonly DecisionAnswer[], rss: RssFigures, cpu: CpuUsage): DecisionsPhase {
  const approved = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status === 409 && a.code === 'ALLOCATION_EXCEEDED');
  const seconds = load.elapsedMs / 1000;
  const lastApprovalAtMs = Math.max(0, ...approved.map((a) => a.finishedAtMs));
  return {
    load,
    answers: [...answers],
    approved: approved.length,
    refused: refused.length,
    other: answers.length - approved.length - refused.length,
    approvedCzk: approved.reduce((s, a) => s + a.amountCzk, 0),
    latency: summarise(load.latenciesMs),
    approvedLatency: summarise(approved.map((a) => a.ms)),
    refusedLatency: summarise(refused.map((a) => a.ms)),
    decisionsPerSecond: (approved.length + refused.length) / seconds,
    approvalsPerSecond: approved.length / seconds,
    lastApprovalAtMs,
    approvalsPerSecondWhileFunds: lastApprovalAtMs > 0 ? approved.length / (lastApprovalAtMs / 1000) : Number.NaN,
    decisionsByQuarter: throughputBySlice(load.finishedAtMs),
    rss,
    cpu,
  };
}
