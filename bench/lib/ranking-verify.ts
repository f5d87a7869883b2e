import { performance } from 'node:perf_hooks';
import type { OwnerDatabase } from './database';
import { expectStatus, type JsonClient } from './http-client';
import type { AuditVerification } from './run-types';
import { API } from './seed';

export interface RankingItemBody {
  applicationId: string;
  partCode: string;
  referenceNumber: string;
  status: string;
  averageScore: number | null;
  normalisedScore: number | null;
  scorers: number;
  counting: boolean | null;
  rank: number | null;
  requestedCzk: number;
  proposedCzk: number | null;
  recommended: boolean | null;
  scoresHidden: boolean;
}

export interface RankingBody {
  callId: string;
  rankingMethod: string;
  quorum: number;
  minScore: number;
  maxTotal: number;
  evaluationClosed: boolean;
  parts: { code: string; allocationCzk: number; proposedCzk: number }[];
  items: RankingItemBody[];
}

export interface PartLine {
  code: string;
  applications: number;
  recommended: number;
  /** Proposed the whole request. */
  funded: number;
  /** Proposed part of it: the application at the line. */
  partial: number;
  /** Recommended, but below the line (proposed 0). */
  belowLine: number;
  requestedCzk: number;
  allocationCzk: number;
  proposedCzk: number;
}

export interface PartInDatabase {
  code: string;
  allocationCzk: number;
  proposedCzk: number;
  sumOfApplicationsCzk: number;
}

export interface RankingVerification {
  items: number;
  expectedItems: number;
  rankProblems: string[];
  scorerProblems: string[];
  partViewProblems: string[];
  fundingProblems: string[];
  databaseProblems: string[];
  parts: PartInDatabase[];
  /** Averages that differ from round(avg(total_points), 2) computed by PostgreSQL. */
  averageMismatches: number;
  lines: PartLine[];
  /** Ranks that would differ if the call ranked by the raw average; proposals that would differ too. */
  normalisation: { movedRanks: number; changedProposals: number };
  audit: AuditVerification;
}

export interface Expected {
  applications: number;
  members: number;
  byPart: Map<string, number>;
}

/**
 * The figures are only worth something if the answers are right: the whole
 * ranking, the part-1 view and the funding proposal are checked against each
 * other, against the rules (the funding line is recomputed from the ranking)
 * and against the database, read as the owner.
 */
export async function verifyRanking(
  db: OwnerDatabase,
  callId: string,
  whole: RankingBody,
  part1: RankingBody,
  lastProposal: RankingBody,
  expected: Expected,
  audit: AuditVerification,
): Promise<RankingVerification> {
  const rankProblems: string[] = [];
  const scorerProblems: string[] = [];
  const fundingProblems: string[] = [];
  const byPart = groupByPart(whole.items);

  for (const [code, count] of expected.byPart) {
    const items = byPart.get(code) ?? [];
    if (items.length !== count) rankProblems.push(`part ${code}: ${items.length} items, expected ${count}`);
    const ranks = items.map((i) => i.rank);
    if (!ranks.every((r, i) => r === i + 1)) rankProblems.push(`part ${code}: ranks are not 1..${items.length} in order (${ranks.slice(0, 5).join(', ')}…)`);
  }
  if (new Set(whole.items.map((i) => i.applicationId)).size !== whole.items.length) rankProblems.push('an application is listed twice');
  for (const item of whole.items) {
    if (item.scorers !== expected.members || item.counting !== true || item.scoresHidden || item.status !== 'eligible') {
      scorerProblems.push(
        `${item.referenceNumber}: scorers ${item.scorers}, counting ${item.counting}, hidden ${item.scoresHidden}, status ${item.status}`,
      );
    }
  }

  const partViewProblems = comparePartView(part1, byPart.get('1') ?? []);

  const lines: PartLine[] = [];
  for (const part of whole.parts) {
    const items = byPart.get(part.code) ?? [];
    const expectedLine = fundingLine(items, part.allocationCzk, (i) => i.recommended === true);
    const wrong = items.filter((item, i) => item.proposedCzk !== expectedLine[i]);
    if (wrong.length) {
      fundingProblems.push(`part ${part.code}: ${wrong.length} proposals differ from the funding line, e.g. ${wrong[0].referenceNumber} ${wrong[0].proposedCzk}`);
    }
    const sum = items.reduce((s, i) => s + (i.proposedCzk ?? 0), 0);
    if (sum !== part.proposedCzk) fundingProblems.push(`part ${part.code}: proposals sum to ${sum}, the part says ${part.proposedCzk}`);
    if (part.proposedCzk > part.allocationCzk) fundingProblems.push(`part ${part.code}: ${part.proposedCzk} proposed of ${part.allocationCzk}`);
    lines.push(lineOf(part, items));
  }
  const posted = new Map(lastProposal.items.map((i) => [i.applicationId, i]));
  const differing = whole.items.filter((i) => posted.get(i.applicationId)?.proposedCzk !== i.proposedCzk || posted.get(i.applicationId)?.rank !== i.rank);
  if (differing.length || lastProposal.items.length !== whole.items.length) {
    fundingProblems.push(`the last POST /funding-proposal and the GET /ranking after it differ on ${differing.length} applications`);
  }
  // The seed must make the funding line cut through the recommended applications of each part.
  for (const line of lines) {
    if (line.funded === 0 || line.belowLine === 0) fundingProblems.push(`part ${line.code}: the funding line does not cut through the ranking`);
  }

  const { parts, databaseProblems, averageMismatches } = await checkDatabase(db, callId, whole.items);
  return {
    items: whole.items.length,
    expectedItems: expected.applications,
    rankProblems: rankProblems.slice(0, 10),
    scorerProblems: scorerProblems.slice(0, 10),
    partViewProblems,
    fundingProblems: fundingProblems.slice(0, 10),
    databaseProblems,
    parts,
    averageMismatches,
    lines,
    normalisation: normalisationEffect(whole, byPart),
    audit,
  };
}

function groupByPart(items: readonly RankingItemBody[]): Map<string, RankingItemBody[]> {
  const byPart = new Map<string, RankingItemBody[]>();
  for (const item of items) {
    const list = byPart.get(item.partCode);
    if (list) list.push(item);
    else byPart.set(item.partCode, [item]);
  }
  return byPart;
}

/** ?partCode=1 must be exactly part 1 of the whole ranking. */
function comparePartView(part1: RankingBody, wholePart1: readonly RankingItemBody[]): string[] {
  const problems: string[] = [];
  if (part1.parts.length !== 1 || part1.parts[0].code !== '1') problems.push(`parts of ?partCode=1: ${part1.parts.map((p) => p.code).join(', ')}`);
  if (part1.items.length !== wholePart1.length) problems.push(`?partCode=1 has ${part1.items.length} items, part 1 of the whole call ${wholePart1.length}`);
  const differ = part1.items.filter((item, i) => item.applicationId !== wholePart1[i]?.applicationId || item.rank !== wholePart1[i]?.rank);
  if (differ.length) problems.push(`?partCode=1 and part 1 of the whole call differ at ${differ.length} places`);
  return problems;
}

/** The rule of POST /funding-proposal, recomputed: down the ranking, min(request, what is left) to the recommended. */
function fundingLine(items: readonly RankingItemBody[], allocationCzk: number, recommended: (i: RankingItemBody) => boolean): (number | null)[] {
  let left = allocationCzk;
  return items.map((item) => {
    if (!recommended(item)) return null;
    const proposed = Math.min(item.requestedCzk, left);
    left -= proposed;
    return proposed;
  });
}

function lineOf(part: RankingBody['parts'][number], items: readonly RankingItemBody[]): PartLine {
  const recommended = items.filter((i) => i.recommended === true);
  return {
    code: part.code,
    applications: items.length,
    recommended: recommended.length,
    funded: recommended.filter((i) => i.proposedCzk === i.requestedCzk && i.requestedCzk > 0).length,
    partial: recommended.filter((i) => i.proposedCzk !== null && i.proposedCzk > 0 && i.proposedCzk < i.requestedCzk).length,
    belowLine: recommended.filter((i) => i.proposedCzk === 0).length,
    requestedCzk: items.reduce((s, i) => s + i.requestedCzk, 0),
    allocationCzk: part.allocationCzk,
    proposedCzk: part.proposedCzk,
  };
}

/** What the leniency correction changes: ranks and proposals had the call ranked by the raw average. */
function normalisationEffect(whole: RankingBody, byPart: Map<string, RankingItemBody[]>): RankingVerification['normalisation'] {
  let movedRanks = 0;
  let changedProposals = 0;
  const minKey = Math.round(whole.minScore * 100);
  for (const part of whole.parts) {
    const items = byPart.get(part.code) ?? [];
    const byAverage = [...items].sort(
      (a, b) => Math.round((b.averageScore ?? 0) * 100) - Math.round((a.averageScore ?? 0) * 100) || (a.rank ?? 0) - (b.rank ?? 0),
    );
    byAverage.forEach((item, i) => {
      if (item.rank !== i + 1) movedRanks++;
    });
    const line = fundingLine(byAverage, part.allocationCzk, (i) => Math.round((i.averageScore ?? 0) * 100) >= minKey);
    byAverage.forEach((item, i) => {
      if ((line[i] ?? null) !== item.proposedCzk) changedProposals++;
    });
  }
  return { movedRanks, changedProposals };
}

async function checkDatabase(
  db: OwnerDatabase,
  callId: string,
  items: readonly RankingItemBody[],
): Promise<{ parts: PartInDatabase[]; databaseProblems: string[]; averageMismatches: number }> {
  const databaseProblems: string[] = [];
  const partRows: { code: string; allocation: string; proposed: string; sum: string }[] = await db.query(
    `SELECT p.code, p.allocation_czk::text AS allocation, p.proposed_czk::text AS proposed,
            COALESCE(sum(a.proposed_czk), 0)::text AS sum
       FROM call_part p LEFT JOIN application a ON a.call_part_id = p.id
      WHERE p.call_id = $1 GROUP BY p.id ORDER BY p.code`,
    [callId],
  );
  const parts = partRows.map((r) => ({
    code: r.code,
    allocationCzk: Number(r.allocation),
    proposedCzk: Number(r.proposed),
    sumOfApplicationsCzk: Number(r.sum),
  }));
  for (const p of parts) {
    if (p.proposedCzk > p.allocationCzk) databaseProblems.push(`call_part ${p.code}: proposed_czk ${p.proposedCzk} > allocation_czk ${p.allocationCzk}`);
    if (p.proposedCzk !== p.sumOfApplicationsCzk) {
      databaseProblems.push(`call_part ${p.code}: proposed_czk ${p.proposedCzk} ≠ ${p.sumOfApplicationsCzk}, the sum of its applications' proposed_czk`);
    }
  }
  const applicationRows: { id: string; proposed: string | null; average: string | null }[] = await db.query(
    `SELECT a.id, a.proposed_czk::text AS proposed,
            (SELECT round(avg(s.total_points), 2)::text FROM score_sheet s WHERE s.application_id = a.id AND s.status = 'submitted') AS average
       FROM application a WHERE a.call_id = $1`,
    [callId],
  );
  const stored = new Map(applicationRows.map((r) => [r.id, r]));
  let proposalMismatches = 0;
  let averageMismatches = 0;
  for (const item of items) {
    const row = stored.get(item.applicationId);
    if ((row?.proposed ?? null) !== (item.proposedCzk === null ? null : String(item.proposedCzk))) proposalMismatches++;
    const average = row?.average === null || row?.average === undefined ? null : Math.round(Number(row.average) * 100);
    if (average !== (item.averageScore === null ? null : Math.round(item.averageScore * 100))) averageMismatches++;
  }
  if (proposalMismatches) databaseProblems.push(`${proposalMismatches} applications' proposed_czk differ from the ranking's proposedCzk`);
  if (applicationRows.length !== items.length) databaseProblems.push(`${applicationRows.length} applications in the call, ${items.length} ranked`);
  return { parts, databaseProblems, averageMismatches };
}

export async function fetchRanking(client: JsonClient, callId: string, token: string, partCode?: string): Promise<RankingBody> {
  const query = partCode === undefined ? '' : `?partCode=${encodeURIComponent(partCode)}`;
  return expectStatus('GET ranking', await client.request<RankingBody>('GET', `${API}/calls/${callId}/ranking${query}`, { token }), 200);
}

export async function postProposal(client: JsonClient, callId: string, token: string): Promise<RankingBody> {
  return expectStatus('POST funding-proposal', await client.request<RankingBody>('POST', `${API}/calls/${callId}/funding-proposal`, { token }), 200);
}

export async function verifyAuditChain(client: JsonClient, adminToken: string): Promise<AuditVerification> {
  const started = performance.now();
  const res = await client.request<Omit<AuditVerification, 'seconds'>>('GET', `${API}/audit/verify`, { token: adminToken });
  return { ...expectStatus('GET /audit/verify', res, 200), seconds: (performance.now() - started) / 1000 };
}
