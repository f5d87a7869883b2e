import { applicationBody } from './bodies';
import { expectStatus, type JsonClient } from './http-client';
import { CRITERIA, mulberry32, type GeneratedSheet, type SheetJob } from './ranking-seed';
import type { RankingBody } from './ranking-verify';
import { API, login, type CallOverrides, type SeededCall } from './seed';

/** The one part every application of the benchmark's call applies to. */
export const APPROVALS_PART_CODE = '1';

/** The Council's yearly limit per IČO (COUNCIL_THRESHOLD_CZK's default); the requests are chosen to stay under it. */
export const COUNCIL_LIMIT_CZK = 1_000_000;

/** A request is 1,750 × units CZK: CZK 35,000–87,500, so that 10 of one organisation stay under the Council's limit. */
const CZK_PER_UNIT = 1_750;
const MIN_UNITS = 20;
const MAX_UNITS = 50;
const PART_MIN_REQUEST_CZK = 20_000;
const PART_MAX_REQUEST_CZK = 100_000;

function units(seed: number, n: number): number {
  const random = mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n, 0x85ebca6b) ^ 0x5bd1e995) >>> 0);
  return MIN_UNITS + Math.floor(random() * (MAX_UNITS - MIN_UNITS + 1));
}

/** What draft n (1-based) requests. */
export function requestOf(seed: number, n: number): number {
  return CZK_PER_UNIT * units(seed, n);
}

/**
 * bodies.ts's application in the benchmark's part, its budget scaled so that
 * the request is requestOf(seed, n) and exactly 70 % of the costs (the call's
 * maximum share), as the ranking benchmark's bodies are.
 */
export function approvalApplicationBody(call: SeededCall, n: number, seed: number) {
  const u = units(seed, n);
  return {
    ...applicationBody(call.callId, call.year, n),
    partCode: APPROVALS_PART_CODE,
    budgetLines: [
      { category: 'Osobní náklady', description: 'Lektorka češtiny', totalCzk: 2_000 * u, requestedCzk: 1_400 * u },
      { category: 'Materiál', description: 'Učebnice', totalCzk: 500 * u, requestedCzk: 350 * u },
    ],
    otherFundingCzk: 500 * u,
  };
}

export interface ApprovalsPlan {
  applications: number;
  /** The request of draft n at index n − 1. */
  requests: number[];
  requestedTotalCzk: number;
  /** The part's allocation: the sum of the requests ÷ the oversubscription, whole CZK. */
  allocationCzk: number;
  /** The most one organisation could be awarded, were all its applications approved. */
  maxPerOrganisationCzk: number;
}

/**
 * The call before it exists: the requests are deterministic, so the part's
 * allocation can be set at creation to make the requests oversubscribe it.
 * Draft n belongs to organisation (n − 1) mod organisations (seed.ts creates them in rounds).
 */
export function approvalsPlan(organisations: number, perOrganisation: number, oversubscription: number, seed: number): ApprovalsPlan {
  const applications = organisations * perOrganisation;
  const requests = Array.from({ length: applications }, (_, i) => requestOf(seed, i + 1));
  const byOrganisation = new Array<number>(organisations).fill(0);
  requests.forEach((r, i) => (byOrganisation[i % organisations] += r));
  const requestedTotalCzk = requests.reduce((s, r) => s + r, 0);
  return {
    applications,
    requests,
    requestedTotalCzk,
    allocationCzk: Math.max(PART_MAX_REQUEST_CZK, Math.round(requestedTotalCzk / oversubscription)),
    maxPerOrganisationCzk: Math.max(...byOrganisation),
  };
}

/** Programme appropriation = the one part's allocation; average ranking (bodies.ts's default), quorum 3, minimum score 50. */
export function approvalsCall(plan: ApprovalsPlan): CallOverrides {
  return {
    programme: { appropriationCzk: plan.allocationCzk },
    call: {
      parts: [
        {
          code: APPROVALS_PART_CODE,
          name: 'Aktivity',
          allocationCzk: plan.allocationCzk,
          minRequestCzk: PART_MIN_REQUEST_CZK,
          maxRequestCzk: PART_MAX_REQUEST_CZK,
        },
      ],
    },
  };
}

/**
 * A sheet well above the call's minimum score (each criterion 60–95 % of its
 * maximum, total ≥ 57 of 100), so that every application is recommended.
 * Deterministic in (seed, member, n).
 */
export function approvalSheet(seed: number, job: SheetJob): GeneratedSheet {
  const random = mulberry32((Math.imul(seed ^ 0x27d4eb2f, job.n) ^ Math.imul(job.memberIndex + 1, 0x165667b1)) >>> 0);
  const level = 0.6 + 0.35 * random();
  const points = CRITERIA.map((c) => ({ criterionCode: c.code, points: Math.min(c.maxPoints, Math.round(c.maxPoints * level)) }));
  return {
    points,
    total: points.reduce((sum, p) => sum + p.points, 0),
    comment: `Kvalitní žádost, doporučuji k podpoře (člen komise ${job.memberIndex + 1}).`,
  };
}

/** POST /calls/:id/close-evaluation; every application must come out recommended. */
export async function closeEvaluation(client: JsonClient, callId: string, officerToken: string, expected: number): Promise<RankingBody> {
  const res = await client.request<RankingBody>('POST', `${API}/calls/${callId}/close-evaluation`, { token: officerToken });
  const view = expectStatus('POST close-evaluation', res, 200);
  const recommended = view.items.filter((i) => i.status === 'recommended').length;
  if (!view.evaluationClosed || recommended !== expected) {
    throw new Error(`close-evaluation: ${recommended} of ${view.items.length} recommended (expected ${expected}), evaluationClosed=${view.evaluationClosed}`);
  }
  return view;
}

/** The admin creates a Budget Department user (GET /ledger/check), who logs in. */
export async function createBudgetUser(client: JsonClient, adminToken: string, password: string): Promise<string> {
  const who = { email: 'bench-budget@praha.example.cz', password, fullName: 'Rozpočtový odbor (benchmark)', role: 'budget' };
  expectStatus('create budget user', await client.request('POST', `${API}/users`, { token: adminToken, body: who }), 201);
  return login(client, who);
}

/**
 * The Council may award one IČO at most CZK 1,000,000 a year: with more
 * applications per organisation than that allows, some approvals would be
 * refused with 422 ASSEMBLY_DECISION_REQUIRED, which is not what is measured.
 */
export function approvalsBodyGuard(body: 'council' | 'assembly', plan: ApprovalsPlan): void {
  if (body === 'council' && plan.maxPerOrganisationCzk > COUNCIL_LIMIT_CZK) {
    throw new Error(
      `one organisation requests up to CZK ${plan.maxPerOrganisationCzk.toLocaleString('en-US')}, above the Council's CZK 1,000,000 a year: ` +
        'use --body assembly or fewer --drafts-per-organisation',
    );
  }
}
