import { applicationBody, callBody } from './bodies';
import type { OwnerDatabase } from './database';
import { expectStatus, type JsonClient } from './http-client';
import { driveLoad, jobsFrom, type LoadResult, type Outcome } from './load';
import { mapConcurrently } from './pool';
import { API, login, type CallOverrides, type Draft, type SeededCall } from './seed';

/**
 * The ranking benchmark's call: ranked by the normalised score (so that the
 * leniency correction decides the order), with allocations far below the sum
 * of the requests, so that the funding line cuts through the recommended
 * applications of both parts (checked after the run).
 */
export const RANKING_CALL: CallOverrides = {
  programme: { appropriationCzk: 112_000_000 },
  call: {
    rankingMethod: 'normalised',
    parts: [
      { code: '1', name: 'Aktivity', allocationCzk: 100_000_000, minRequestCzk: 50_000, maxRequestCzk: 500_000 },
      { code: '2', name: 'Publikační činnost', allocationCzk: 12_000_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 },
    ],
  },
};

/** The call's criteria (K1..K5, 100 points in all), as bodies.ts announces them. */
export const CRITERIA: readonly { code: string; maxPoints: number }[] = callBody('', new Date(0), 1).criteria;

// ---------------------------------------------------------------------------
// Deterministic pseudo-randomness: the same seed gives the same call.
// ---------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a-like mixing of small integers into one 32-bit seed. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** A standard normal variate (Box–Muller). */
function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------
// Applications: three in four in part 1, varied requests.
// ---------------------------------------------------------------------------

/**
 * Part of draft n (1-based). Drafts are created in rounds over the
 * organisations (seed.ts), so this mixes the parts within each organisation;
 * 200 × 10 drafts give exactly 1,500 in part 1 and 500 in part 2.
 */
export function partOf(n: number, organisations: number): '1' | '2' {
  const i = n - 1;
  return ((i % organisations) + Math.floor(i / organisations)) % 4 === 3 ? '2' : '1';
}

/**
 * bodies.ts's application in the draft's part, its budget scaled so that the
 * request varies (part 1: CZK 52,500–490,000; part 2: 35,000–192,500) and
 * stays exactly 70 % of the costs, the call's maximum share.
 */
export function rankingApplicationBody(call: SeededCall, n: number, organisations: number, seed: number) {
  const partCode = partOf(n, organisations);
  const random = mulberry32(mix(seed, 4, n));
  const u = partCode === '1' ? 3 + Math.floor(random() * 26) : 2 + Math.floor(random() * 10);
  return {
    ...applicationBody(call.callId, call.year, n),
    partCode,
    ...(partCode === '2' ? { title: `Příručka pro nově příchozí cizince ${n}` } : {}),
    budgetLines: [
      { category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: 20_000 * u, requestedCzk: 14_000 * u },
      { category: 'Materiál', description: 'Učebnice', totalCzk: 5_000 * u, requestedCzk: 3_500 * u },
    ],
    otherFundingCzk: 5_000 * u,
  };
}

// ---------------------------------------------------------------------------
// Score sheets: members of different leniency, applications of different quality.
// ---------------------------------------------------------------------------

interface MemberProfile {
  /** Added to every score, as a fraction of the maximum: a lenient (+) or strict (−) member. */
  leniency: number;
  /** How far the member spreads good and bad applications apart. */
  stretch: number;
  /** Their inconsistency. */
  noise: number;
}

function memberProfile(seed: number, member: number): MemberProfile {
  const random = mulberry32(mix(seed, 1, member));
  return { leniency: (random() - 0.5) * 0.3, stretch: 0.7 + 0.6 * random(), noise: 0.03 + 0.07 * random() };
}

/** The application's true quality in [0, 1], centred on ½. */
function quality(seed: number, n: number): number {
  const random = mulberry32(mix(seed, 2, n));
  return (random() + random() + random()) / 3;
}

const COMMENTS = [
  'Projekt odpovídá prioritám Koncepce hl. m. Prahy pro oblast integrace cizinců; rozpočet je přiměřený.',
  'Potřebnost je doložena jen obecně; chybí data o cílové skupině v dané městské části.',
  'Zkušený žadatel s dobrými výsledky z předchozích let, udržitelnost zajištěna spoluprací se školami.',
  'Rozpočet obsahuje položky, které s aktivitami přímo nesouvisejí; doporučuji krácení.',
  'Kvalitně zpracovaná žádost, jasně popsané výstupy a způsob jejich ověření.',
];

export interface GeneratedSheet {
  points: { criterionCode: string; points: number }[];
  total: number;
  comment: string;
}

/**
 * Member m's sheet for draft n: the application's quality seen through the
 * member's leniency, stretch and noise, split over the criteria by their
 * maxima (each whole, 0..max). Deterministic in (seed, m, n).
 */
export function sheetFor(seed: number, member: number, n: number): GeneratedSheet {
  const profile = memberProfile(seed, member);
  const random = mulberry32(mix(seed, 3, member, n));
  const level = 0.55 + profile.stretch * (quality(seed, n) - 0.5) * 1.2 + profile.leniency + profile.noise * gauss(random);
  const points = CRITERIA.map((c) => ({
    criterionCode: c.code,
    points: clamp(Math.round(c.maxPoints * (level + 0.05 * gauss(random))), 0, c.maxPoints),
  }));
  const total = points.reduce((sum, p) => sum + p.points, 0);
  return { points, total, comment: `${COMMENTS[Math.floor(random() * COMMENTS.length)]} (člen komise ${member + 1})` };
}

// ---------------------------------------------------------------------------
// The evaluation's seeding steps.
// ---------------------------------------------------------------------------

export interface Member {
  id: string;
  email: string;
  token: string;
}

/** The admin creates the members, who log in; the officer makes them the call's commission (the first chairs). */
export async function createCommission(
  client: JsonClient,
  adminToken: string,
  officerToken: string,
  callId: string,
  count: number,
  password: string,
): Promise<Member[]> {
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const members = await mapConcurrently(numbers, 4, async (n) => {
    const who = { email: `bench-member-${n}@praha.example.cz`, password, fullName: `Členka komise ${n}`, role: 'commission' };
    const res = await client.request<{ id: string }>('POST', `${API}/users`, { token: adminToken, body: who });
    const { id } = expectStatus(`create commission member ${n}`, res, 201);
    return { id, email: who.email, token: await login(client, who) };
  });
  const res = await client.request('PUT', `${API}/calls/${callId}/commission`, {
    token: officerToken,
    // The benchmarks set it after the submission window has closed (by SQL): that needs a reason (COMMISSION_FROZEN otherwise).
    body: { memberIds: members.map((m) => m.id), chairId: members[0].id, reason: 'Komise jmenována po uzávěrce příjmu žádostí (benchmark).' },
  });
  expectStatus('set the commission', res, 200);
  return members;
}

/** Seeding must not fail silently: the first failures, with the count. */
export function throwOnFailures(what: string, load: LoadResult): void {
  if (load.failures.length === 0) return;
  const examples = load.failures.slice(0, 3).map((f) => f.problem);
  throw new Error(`${what}: ${load.failures.length} of ${load.requests} failed, e.g. ${examples.join(' | ')}`);
}

function problemOf(what: string, status: number, body: unknown): string {
  return `${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`;
}

/** The officer finds every submitted application eligible. */
export function formallyCheckAll(clients: readonly JsonClient[], officerToken: string, drafts: readonly Draft[]): Promise<LoadResult> {
  return driveLoad(clients, jobsFrom(drafts), async (client, draft): Promise<Outcome> => {
    const res = await client.request<{ status?: string }>('POST', `${API}/applications/${draft.id}/formal-check`, {
      token: officerToken,
      body: { result: 'eligible', reasons: [] },
    });
    const ok = res.status === 200 && res.body.status === 'eligible';
    return { status: res.status, ms: res.ms, problem: ok ? undefined : problemOf('formal check', res.status, res.body) };
  });
}

export interface SheetJob {
  member: Member;
  memberIndex: number;
  applicationId: string;
  /** The draft's number (1-based), which seeds its points. */
  n: number;
}

/** Every member × every application, members interleaved so that concurrent requests spread over them. */
export function sheetJobs(members: readonly Member[], applicationIds: readonly string[]): SheetJob[] {
  return applicationIds.flatMap((applicationId, i) => members.map((member, memberIndex) => ({ member, memberIndex, applicationId, n: i + 1 })));
}

/**
 * Through the API: each job is the member's declaration of no conflict, then their sheet, saved and submitted (three requests).
 * `sheetOf` gives a job's sheet (default: sheetFor, the ranking benchmark's members of different leniency).
 */
export function scoreOverHttp(
  clients: readonly JsonClient[],
  jobs: readonly SheetJob[],
  seed: number,
  sheetOf: (job: SheetJob) => GeneratedSheet = (job) => sheetFor(seed, job.memberIndex, job.n),
): Promise<LoadResult> {
  return driveLoad(clients, jobsFrom(jobs), async (client, job): Promise<Outcome> => {
    const token = job.member.token;
    const path = `${API}/applications/${job.applicationId}`;
    const declared = await client.request('PUT', `${path}/conflict-of-interest`, { token, body: { hasConflict: false } });
    if (declared.status !== 200) return { status: declared.status, ms: declared.ms, problem: problemOf('declaration', declared.status, declared.body) };
    const sheet = sheetOf(job);
    // Without `draft` the sheet is saved and submitted at once: it counts.
    const res = await client.request<{ totalPoints?: number; status?: string }>('PUT', `${path}/scores`, {
      token,
      body: { points: sheet.points, comment: sheet.comment },
    });
    const ok = res.status === 200 && res.body.totalPoints === sheet.total && res.body.status === 'submitted';
    return { status: res.status, ms: declared.ms + res.ms, problem: ok ? undefined : problemOf('score sheet', res.status, res.body) };
  });
}

/**
 * The shortcut (--sheets sql): the same declarations and sheets inserted as
 * the owner in two statements, as the API stores them (points in the order of
 * the criteria, total_points their sum). No audit events for them.
 */
export async function scoreWithSql(
  db: OwnerDatabase,
  callId: string,
  jobs: readonly SheetJob[],
  seed: number,
  sheetOf: (job: SheetJob) => GeneratedSheet = (job) => sheetFor(seed, job.memberIndex, job.n),
): Promise<void> {
  const applicationIds = jobs.map((j) => j.applicationId);
  const memberIds = jobs.map((j) => j.member.id);
  const sheets = jobs.map((job) => sheetOf(job));
  await db.query(
    `INSERT INTO conflict_declaration (application_id, member_id, has_conflict, reason, automatic, declared_at)
     SELECT a, m, false, NULL, false, now() FROM unnest($1::uuid[], $2::uuid[]) AS v(a, m)`,
    [applicationIds, memberIds],
  );
  await db.query(
    `INSERT INTO score_sheet (application_id, member_id, call_id, points, total_points, comment, status, submitted_at, updated_at)
     SELECT a, m, $1, p::jsonb, t, c, 'submitted', now(), now() FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[]) AS v(a, m, p, t, c)`,
    [callId, applicationIds, memberIds, sheets.map((s) => JSON.stringify(s.points)), sheets.map((s) => s.total), sheets.map((s) => s.comment)],
  );
}
