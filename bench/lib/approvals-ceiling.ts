import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { decisionBody, type DecisionTarget, type Resolution } from './approvals-phase';
import { buildScript, replayDecision, type CapturedDecision, type DecisionScript, type ReplayScope } from './approvals-replay';
import { copyBatch, maxRequestOf, type ScratchBatch } from './approvals-scratch';
import { askCapture, type Capture } from './capture-protocol';
import type { OwnerDatabase } from './database';
import type { JsonClient } from './http-client';
import type { ApiProcess } from './processes';
import { CpuMeter, type CpuUsage } from './proc';
import { API } from './seed';
import { summarise, type LatencySummary } from './stats';

/**
 * The database's ceiling for approvals: the decision's own SQL — what the
 * API sent for one approval and one refusal, captured inside the API
 * (statement-capture.ts) — sent again straight to PostgreSQL from plain `pg`
 * clients (no HTTP, no Nest), with new parameters, for copies of the measured
 * call's applications in a new part of the same allocation (approvals-scratch.ts):
 * the same decisions, amounts and order. The ratio's run has as many
 * connections as the API's pool (the decisions PostgreSQL had at a time in
 * the HTTP phase); others (as many as the HTTP clients; every statement of
 * the request) are shown beside it.
 */
const APPLICATION_NAME = 'prague-grants-bench-ceiling';

/** Fails early, with the reason, when the server has no room for the ceiling's connections (other people's tests use it too). */
export async function ensureConnections(db: OwnerDatabase, wanted: number): Promise<void> {
  const [row]: { free: number }[] = await db.query(
    "SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int AS free",
  );
  if (Number(row.free) < wanted + 2) {
    throw new Error(`the SQL ceiling needs ${wanted} connections, the server has ${row.free} free (max_connections); use --ceiling-clients`);
  }
}

export interface CapturedDecisions {
  approval: { capture: Capture; decision: CapturedDecision };
  refusal: { capture: Capture; decision: CapturedDecision };
  /** The statements of each captured request, for the report. */
  statements: { approval: CaptureSummary; refusal: CaptureSummary };
}

export interface CaptureSummary {
  statements: number;
  transactions: number;
  /** Statement heads (first 80 characters), in order. */
  heads: string[];
}

function summariseCapture(capture: Capture): CaptureSummary {
  return {
    statements: capture.statements.length,
    transactions: capture.statements.filter((s) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(s.text)).length,
    heads: capture.statements.map((s) => `${s.name ? `[${s.name}] ` : ''}${s.text.replace(/\s+/g, ' ').trim().slice(0, 80)}`),
  };
}

/**
 * Decides, one at a time through the API, the applications of a small part
 * whose allocation is its maximum request (so the third approval at the
 * latest no longer fits), capturing each request's statements: the first
 * approval's and the first refusal's captures make the script.
 */
export async function captureDecisions(
  api: ApiProcess,
  client: JsonClient,
  officerToken: string,
  resolution: Resolution,
  batch: ScratchBatch,
): Promise<CapturedDecisions> {
  let approval: CapturedDecisions['approval'] | undefined;
  let refusal: CapturedDecisions['refusal'] | undefined;
  for (const target of batch.targets) {
    const idempotencyKey = `bench-capture-${randomUUID()}`;
    await askCapture(api.child, { capture: 'start' });
    const res = await client.request<{ status?: string; code?: string }>('POST', `${API}/applications/${target.applicationId}/decision`, {
      token: officerToken,
      headers: { 'idempotency-key': idempotencyKey },
      body: decisionBody(resolution, target),
    });
    const reply = await askCapture(api.child, { capture: 'stop' });
    if (reply.capture !== 'statements') throw new Error(`the statement capture answered "${reply.capture}" to "stop"`);
    const capture: Capture = { statements: reply.statements, generatedUuids: reply.generatedUuids, startedAt: reply.startedAt, stoppedAt: reply.stoppedAt };
    const decision = { applicationId: target.applicationId, requestedCzk: target.requestedCzk, idempotencyKey };
    if (res.status === 201 && res.body.status === 'approved') approval ??= { capture, decision };
    else if (res.status === 409 && res.body.code === 'ALLOCATION_EXCEEDED') {
      refusal = { capture, decision };
      break;
    } else throw new Error(`captured decision: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  if (!approval || !refusal) throw new Error(`the capture's part (${batch.targets.length} applications) gave ${approval ? 'no refusal' : 'no approval'}`);
  return { approval, refusal, statements: { approval: summariseCapture(approval.capture), refusal: summariseCapture(refusal.capture) } };
}

/** One replay of the script: which scope, how many connections. */
export interface CeilingVariant {
  scope: ReplayScope;
  clients: number;
  /** Why this variant is measured. */
  label: string;
}

export interface CeilingRun {
  variant: CeilingVariant;
  statementsPerApproval: number;
  statementsPerRefusal: number;
  decisions: number;
  approved: number;
  refused: number;
  /** Refusals by the write (the allocation ran out between the read and the write), replayed without the service's re-read of the part. */
  refusedAtWrite: number;
  /** Writes sent again after a second read of the subject (the IČO's year total had moved). */
  rereads: number;
  diverged: number;
  problems: string[];
  seconds: number;
  approvalsPerSecond: number;
  decisionsPerSecond: number;
  latency: LatencySummary;
  /** The part's committed_czk = the replayed approvals' amounts, and within its allocation. */
  exact: boolean;
  overspendCzk: number;
  cpu: CpuUsage;
}

/** The batches a ceiling run needs, copied while the API still runs (the capture needs it). */
export interface CeilingBatches {
  capture: ScratchBatch;
  runs: { variant: CeilingVariant; warmUp: ScratchBatch; measured: ScratchBatch }[];
}

/**
 * Copies: a capture part of 3 applications (sources whose approval went
 * through, so that their IČO's year total is no zero that could not be told
 * apart), and for each variant a warm-up part (one decision per connection,
 * not measured: the connections prepare their statements, as the API's pool
 * had) and a measured part holding every measured application again.
 */
export async function copyCeilingBatches(
  db: OwnerDatabase,
  partId: string,
  targets: readonly DecisionTarget[],
  approvedIds: ReadonlySet<string>,
  variants: readonly CeilingVariant[],
): Promise<CeilingBatches> {
  const approvedSources = targets.filter((t) => approvedIds.has(t.applicationId)).slice(0, 3);
  if (approvedSources.length < 3) throw new Error('fewer than 3 approvals to copy for the capture');
  const capture = await copyBatch(db, partId, approvedSources, 'CAPTURE', await maxRequestOf(db, partId));
  const runs = [];
  for (const [i, variant] of variants.entries()) {
    const warmUp = await copyBatch(db, partId, targets.slice(0, variant.clients), `WARM${i + 1}`);
    const measured = await copyBatch(db, partId, targets, `CEIL${i + 1}`);
    runs.push({ variant, warmUp, measured });
  }
  return { capture, runs };
}

/** Statement counts of the script's two paths. */
function pathLengths(script: DecisionScript): { approval: number; refusal: number } {
  return { approval: script.approval.statements.length, refusal: script.refusal.statements.length };
}

/**
 * `variant.clients` plain pg connections, each taking the next application
 * (in the measured order) as soon as its previous decision is done (closed
 * loop, as the HTTP clients): the warm-up part first (not measured), then the
 * measured part, timed from the first statement to the last answer.
 */
export async function runCeiling(
  db: OwnerDatabase,
  url: string,
  captured: CapturedDecisions,
  run: CeilingBatches['runs'][number],
): Promise<CeilingRun> {
  const { variant } = run;
  await ensureConnections(db, variant.clients);
  const script = buildScript(captured.approval, captured.refusal, variant.scope);
  const connections = Array.from({ length: variant.clients }, () => new Client({ connectionString: url, application_name: APPLICATION_NAME }));
  try {
    await Promise.all(connections.map((c) => c.connect()));
    const pids = new Set<number>();
    for (const c of connections) {
      const { rows } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pids.add(Number(rows[0].pid));
    }
    const drive = async (targets: readonly DecisionTarget[], latencies: number[] | null) => {
      let next = 0;
      const tally = { approved: 0, refused: 0, refusedAtWrite: 0, rereads: 0, diverged: 0, approvedCzk: 0, problems: [] as string[] };
      await Promise.all(
        connections.map(async (connection) => {
          while (next < targets.length) {
            const target = targets[next++];
            const sent = performance.now();
            const outcome = await replayDecision(connection, script, target);
            latencies?.push(performance.now() - sent);
            if (outcome.kind !== 'diverged') tally.rereads += outcome.rereads ?? 0;
            if (outcome.kind === 'approved') {
              tally.approved++;
              tally.approvedCzk += target.requestedCzk;
            } else if (outcome.kind === 'refused') {
              tally.refused++;
              if (outcome.atWrite) tally.refusedAtWrite++;
            }
            else if (outcome.kind === 'diverged') {
              tally.diverged++;
              if (tally.problems.length < 5) tally.problems.push(outcome.problem);
            }
          }
        }),
      );
      return tally;
    };
    const warm = await drive(run.warmUp.targets, null);
    if (warm.diverged) throw new Error(`the ceiling's warm-up diverged from the captured decision: ${warm.problems.join(' | ')}`);
    const latencies: number[] = [];
    const meter = new CpuMeter(0);
    const started = performance.now();
    const tally = await drive(run.measured.targets, latencies);
    const seconds = (performance.now() - started) / 1000;
    const cpu = meter.stop(pids);
    const [part]: { committed: string; allocation: string }[] = await db.query(
      'SELECT committed_czk::text AS committed, allocation_czk::text AS allocation FROM call_part WHERE id = $1',
      [run.measured.partId],
    );
    const committed = Number(part.committed);
    const lengths = pathLengths(script);
    return {
      variant,
      statementsPerApproval: lengths.approval,
      statementsPerRefusal: lengths.refusal,
      decisions: run.measured.targets.length,
      approved: tally.approved,
      refused: tally.refused,
      refusedAtWrite: tally.refusedAtWrite,
      rereads: tally.rereads,
      diverged: tally.diverged,
      problems: tally.problems,
      seconds,
      approvalsPerSecond: tally.approved / seconds,
      decisionsPerSecond: (tally.approved + tally.refused) / seconds,
      latency: summarise(latencies),
      exact: committed === tally.approvedCzk,
      overspendCzk: Math.max(0, committed - Number(part.allocation)),
      cpu,
    };
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
}
