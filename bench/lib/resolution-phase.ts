import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolutionOf } from './approvals-phase';
import type { OwnerDatabase } from './database';
import { expectStatus, type JsonClient } from './http-client';
import { letterCounts, type LetterCounts, type LetterSample } from './letters-phase';
import { PhaseMonitor, type RssFigures } from './monitor';
import { CpuMeter, type CpuUsage } from './proc';
import { API } from './seed';

const POLL_MS = 100;

/** The contract's ResolutionView (docs: /work/wt/resolutions-contract.md), as the benchmark reads it. */
export interface ResolutionView {
  id: string;
  callId: string;
  body: 'council' | 'assembly';
  status: string;
  version: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  createdAt: string;
  adoptedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  parts: {
    partId: string;
    code: string;
    name: string;
    allocationCzk: number;
    availableCzk: number;
    requestedCzk: number;
    proposedCzk: number;
    approvedCzk: number;
  }[];
  totals: { lines: number; approved: number; rejected: number; ineligible: number; requestedCzk: number; proposedCzk: number; approvedCzk: number };
  lines: ResolutionLine[];
}

export interface ResolutionLine {
  applicationId: string;
  referenceNumber: string;
  ico: string;
  partId: string;
  partCode: string;
  requestedCzk: number;
  proposedCzk: number | null;
  outcome: 'approved' | 'rejected' | 'ineligible';
  amountCzk: number | null;
  reason: string | null;
  deviationReason: string | null;
  letterId: string | null;
}

export interface DraftStep {
  seconds: number;
  status: number;
  drafts: { id: string; body: string; lines: number; approved: number; rejected: number; ineligible: number; approvedCzk: number }[];
}

export interface Adoption {
  resolutionId: string;
  body: string;
  lines: number;
  resolutionNumber: string;
  resolutionDate: string;
  idempotencyKey: string;
  seconds: number;
  /** When its answer came (Date.now() and performance.now()): the letters are timed from the last adoption's. */
  answeredAt: { wall: number; mono: number };
  view: ResolutionView;
  /** The same POST again with the same Idempotency-Key: its status, and whether it answered the same adopted resolution. */
  replay: { status: number; same: boolean; seconds: number };
}

export interface ResolutionPhase {
  draft: DraftStep;
  adoptions: Adoption[];
  /** Lines that get a letter (approved and rejected; ineligible ones got theirs at the formal check). */
  expectedLetters: number;
  /** The last adoption answered → the last letter's ready_at (the database's clock; null when not all became ready). */
  lettersReadySeconds: number | null;
  /** The last adoption answered → the poll that first saw every letter settled. */
  lettersSettledPolledSeconds: number | null;
  final: LetterCounts;
  /** Letters by status, ms since the last adoption was answered. */
  samples: LetterSample[];
  timedOut: boolean;
  /** The API through the draft, the adoptions and the letters. */
  api: { rss: RssFigures; cpu: CpuUsage };
  /** The worker through the same. */
  worker: { cores: number };
}

/** POST /calls/:id/resolutions: the Council's draft (and the Assembly's, should a line need it). */
export async function draftResolutions(client: JsonClient, callId: string, officerToken: string): Promise<{ step: DraftStep; views: ResolutionView[] }> {
  const started = performance.now();
  const res = await client.request<{ resolutions: ResolutionView[] }>('POST', `${API}/calls/${callId}/resolutions`, { token: officerToken });
  const seconds = (performance.now() - started) / 1000;
  const { resolutions } = expectStatus('POST /calls/:id/resolutions', res, 201);
  if (!Array.isArray(resolutions) || resolutions.length === 0) throw new Error(`POST /calls/:id/resolutions answered no draft: ${JSON.stringify(res.body).slice(0, 300)}`);
  for (const r of resolutions) {
    if (r.status !== 'draft') throw new Error(`POST /calls/:id/resolutions answered resolution ${r.id} in status "${r.status}", not draft`);
  }
  return {
    views: resolutions,
    step: {
      seconds,
      status: res.status,
      drafts: resolutions.map((r) => ({
        id: r.id,
        body: r.body,
        lines: r.lines.length,
        approved: r.totals.approved,
        rejected: r.totals.rejected,
        ineligible: r.totals.ineligible,
        approvedCzk: r.totals.approvedCzk,
      })),
    },
  };
}

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** What POST /resolutions/:id/adopt answers (the annex's lines with what each became). */
interface AdoptionAnswer {
  resolutionId: string;
  status: string;
  resolutionNumber: string;
  resolutionDate: string;
  body: string;
  adoptedAt: string;
  lines: { applicationId: string; outcome: string; amountCzk: number | null; status: string; letterId: string | null }[];
}

/**
 * POST /resolutions/:id/adopt as the body of the draft, numbered as that body's resolutions are, dated today; then the
 * same POST again (same key: the same answer); then (untimed) GET /resolutions/:id, the adopted resolution's view.
 */
export async function adopt(client: JsonClient, draft: ResolutionView, officerToken: string, seed: number): Promise<Adoption> {
  const { number, date } = resolutionOf(draft.body, seed);
  const idempotencyKey = `bench-adopt-${randomUUID()}`;
  const body = { resolutionNumber: number, resolutionDate: date, body: draft.body };
  const started = performance.now();
  const res = await client.request<AdoptionAnswer>('POST', `${API}/resolutions/${draft.id}/adopt`, {
    token: officerToken,
    headers: { 'idempotency-key': idempotencyKey },
    body,
  });
  const answeredAt = { wall: Date.now(), mono: performance.now() };
  const seconds = (answeredAt.mono - started) / 1000;
  const answer = expectStatus(`POST /resolutions/${draft.id}/adopt`, res, 200);
  if (answer.status !== 'adopted' || answer.resolutionId !== draft.id) throw new Error(`the adoption of ${draft.id} answered ${answer.resolutionId} "${answer.status}"`);
  const again = await client.request<AdoptionAnswer>('POST', `${API}/resolutions/${draft.id}/adopt`, {
    token: officerToken,
    headers: { 'idempotency-key': idempotencyKey },
    body,
  });
  // The replay comes from the stored answer (jsonb: its keys in another order): compared key by key.
  const same = again.status === 200 && canonical(again.body) === canonical(answer);
  const view = expectStatus(`GET /resolutions/${draft.id}`, await client.request<ResolutionView>('GET', `${API}/resolutions/${draft.id}`, { token: officerToken }), 200);
  if (view.status !== 'adopted') throw new Error(`the adopted resolution ${draft.id} is "${view.status}", not adopted`);
  const letters = new Map(answer.lines.map((l) => [l.applicationId, l.letterId]));
  const disagree = view.lines.filter((l) => (letters.get(l.applicationId) ?? null) !== l.letterId).length;
  if (disagree) throw new Error(`${disagree} lines of ${draft.id} name another letter in GET /resolutions/:id than in the adoption's answer`);
  return {
    resolutionId: draft.id,
    body: draft.body,
    lines: view.lines.length,
    resolutionNumber: number,
    resolutionDate: date,
    idempotencyKey,
    seconds,
    answeredAt,
    view,
    replay: { status: again.status, same, seconds: again.ms / 1000 },
  };
}

/**
 * The measured phase: the draft, the adoption of every draft it answered (one
 * after another, as the Council's and the Assembly's meetings would), then
 * the database polled every 100 ms until every letter is ready or failed.
 * The API's RSS and CPU are watched throughout, the worker's CPU too.
 */
export async function draftAdoptAndWait(args: {
  db: OwnerDatabase;
  client: JsonClient;
  callId: string;
  officerToken: string;
  seed: number;
  apiPid: number;
  workerPid: number;
  timeoutSeconds: number;
}): Promise<ResolutionPhase> {
  const { db, client } = args;
  const monitor = PhaseMonitor.start(args.apiPid);
  const workerCpu = new CpuMeter(args.workerPid);
  const { step: draft, views } = await draftResolutions(client, args.callId, args.officerToken);
  const adoptions: Adoption[] = [];
  for (const view of views) adoptions.push(await adopt(client, view, args.officerToken, args.seed));
  const last = adoptions[adoptions.length - 1].answeredAt;
  const adoptedWall = last.wall;
  const adopted = last.mono;
  const since = () => performance.now() - adopted;
  const expectedLetters = adoptions.reduce((sum, a) => sum + a.view.lines.filter((l) => l.outcome === 'approved' || l.outcome === 'rejected').length, 0);
  const samples: LetterSample[] = [];
  let settledAtMs: number | null = null;
  let timedOut = false;
  let final: LetterCounts;
  for (;;) {
    final = await letterCounts(db);
    samples.push({ atMs: since(), ...final });
    if (final.queued === 0 && final.ready + final.failed >= expectedLetters) {
      settledAtMs = since();
      break;
    }
    if (since() > args.timeoutSeconds * 1000) {
      timedOut = true;
      break;
    }
    await sleep(POLL_MS);
  }
  const backends = await db.apiBackendPids();
  const api = monitor.stop(backends);
  const worker = workerCpu.stop(backends);
  const [span]: { last: Date | null }[] = await db.query("SELECT MAX(ready_at) AS last FROM letter WHERE status = 'ready'");
  const allReady = final.ready === expectedLetters && span.last !== null;
  return {
    draft,
    adoptions,
    expectedLetters,
    lettersReadySeconds: allReady && span.last ? Math.max(0, (span.last.getTime() - adoptedWall) / 1000) : null,
    lettersSettledPolledSeconds: settledAtMs === null ? null : settledAtMs / 1000,
    final,
    samples,
    timedOut,
    api,
    worker: { cores: worker.cores.api },
  };
}
