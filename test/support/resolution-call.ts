import type { TestApp } from './test-app';
import type { Applicant, Cast, OpenCall, Staff } from './factories';
import { openCall } from './factories';
import { API } from './http';
import {
  callTerms,
  closeEvaluation,
  closeWindow,
  declare,
  declareAndScore,
  expectOk,
  formalCheck,
  fundingProposal,
  score,
  setCommission,
  submitApplication,
  type Submitted,
} from './evaluation';
import { applicants, approve, evaluatedCalls, expectStatus, partIdsOf, requesting } from './money';

/**
 * A hand-computed call for the resolutions (issue 13), built over HTTP:
 *
 * 1. The clock is set to 2027-01-04 09:00 UTC. A PREVIOUS call (its own
 *    programme, one part allowing CZK 950,000) is evaluated and the Council
 *    approves two of its applications: organisation A CZK 500,000 and
 *    organisation I CZK 920,000 (decisions of 2027, counted by the Council's
 *    yearly limit of CZK 1,000,000 per IČO).
 * 2. The MAIN call is announced then (window 2027-04-06 … 2027-05-06), with
 *    two parts — 1 "Aktivity" (allocation CZK 2,000,000, requests 50,000 …
 *    900,000) and 2 "Publikační činnost" (allocation CZK 400,000, requests
 *    20,000 … 200,000) —, quorum 3, minimum score 50, ranking by average, and
 *    a DOT Commission of 4 (the first chairs). Eleven applications (every
 *    member gives each the same total, so the average is that total):
 *
 *    | key | org | part | requested | score | rank | status          | proposed  |
 *    | B1  | B   | 1    | 600,000   | 90    | 1    | recommended     | 600,000   |
 *    | A1  | A   | 1    | 600,000   | 85    | 2    | recommended     | 600,000   |
 *    | C1  | C   | 1    | 400,000   | 80    | 3    | recommended     | 400,000   |  member 4 declared a conflict: 3 scorers
 *    | D1  | D   | 1    | 500,000   | 70    | 4    | recommended     | 400,000   |  what was left of the allocation
 *    | E1  | E   | 1    | 300,000   | 60    | 5    | recommended     | 0         |  below the funding line
 *    | F1  | F   | 1    | 200,000   | 40    | 6    | not_recommended | null      |
 *    | G1  | G   | 1    | 250,000   | —     | —    | ineligible      | null      |  formal check: INELIGIBLE_REASON
 *    | H2  | H   | 2    | 200,000   | 88    | 1    | recommended     | 200,000   |
 *    | B2  | B   | 2    | 150,000   | 75    | 2    | recommended     | 150,000   |
 *    | I2  | I   | 2    | 100,000   | 65    | 3    | recommended     | 50,000    |  what was left
 *    | J2  | J   | 2    | 80,000    | 30    | 4    | not_recommended | null      |
 *
 *    Proposals: part 1 CZK 2,000,000 (= its allocation), part 2 CZK 400,000 (= its allocation).
 *    The evaluation is closed on 2027-05-06, the clock stays one minute after the window's close.
 *
 * Drafted then (POST /calls/:id/resolutions, year 2027):
 * - the Council's draft, 10 lines in this order: B1 600,000, C1 400,000,
 *   D1 400,000 approved; E1 rejected ("Pod hranicí financování …"), F1
 *   rejected ("Nedoporučeno Komisí DOT …"), G1 ineligible (its formal check's
 *   reason); H2 200,000, B2 150,000, I2 50,000 approved (I: 920,000 + 50,000 =
 *   970,000, the Council's), J2 rejected. Totals: 6 approved, 3 rejected,
 *   1 ineligible; requested 2,780,000 (part 1 2,250,000, part 2 530,000),
 *   proposed 1,800,000 (1,400,000 + 400,000), approved 1,800,000 (1,400,000 + 400,000).
 *   B's two lines come to 750,000: the Council's.
 * - the Assembly's draft, 1 line: A1 600,000 approved (A: 500,000 + 600,000 = 1,100,000 > 1,000,000).
 *   Totals: requested, proposed and approved 600,000.
 * - Both parts are exactly used: part 1 1,400,000 + 600,000 = 2,000,000, part 2 400,000.
 */
export interface ResolutionCall {
  call: OpenCall;
  /** Part id by code ('1', '2'). */
  partIds: Map<string, string>;
  /** The DOT Commission; members[0] chairs, members[3] is conflicted on C1. */
  members: Staff[];
  /** The organisations by letter (A … J). */
  orgs: Record<OrgKey, Applicant>;
  /** The main call's applications by key. */
  apps: Record<AppKey, Submitted>;
  /** The previous call's approvals: A's and I's applications there. */
  previous: { callId: string; a: Submitted; i: Submitted };
}

export type OrgKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J';
export type AppKey = 'B1' | 'A1' | 'C1' | 'D1' | 'E1' | 'F1' | 'G1' | 'H2' | 'B2' | 'I2' | 'J2';

/** The formal check's reason of G1: its ineligible line's reason. */
export const INELIGIBLE_REASON = 'Žádost neobsahuje povinné přílohy (výpis z veřejného rejstříku).';
export const CONFLICT_REASON = 'Člen komise je členem správní rady žadatele.';

interface Plan {
  key: AppKey;
  org: OrgKey;
  part: '1' | '2';
  requestedCzk: number;
  /** Every member's total; null: ineligible, not scored. */
  score: number | null;
}

const PLANS: readonly Plan[] = [
  { key: 'B1', org: 'B', part: '1', requestedCzk: 600_000, score: 90 },
  { key: 'A1', org: 'A', part: '1', requestedCzk: 600_000, score: 85 },
  { key: 'C1', org: 'C', part: '1', requestedCzk: 400_000, score: 80 },
  { key: 'D1', org: 'D', part: '1', requestedCzk: 500_000, score: 70 },
  { key: 'E1', org: 'E', part: '1', requestedCzk: 300_000, score: 60 },
  { key: 'F1', org: 'F', part: '1', requestedCzk: 200_000, score: 40 },
  { key: 'G1', org: 'G', part: '1', requestedCzk: 250_000, score: null },
  { key: 'H2', org: 'H', part: '2', requestedCzk: 200_000, score: 88 },
  { key: 'B2', org: 'B', part: '2', requestedCzk: 150_000, score: 75 },
  { key: 'I2', org: 'I', part: '2', requestedCzk: 100_000, score: 65 },
  { key: 'J2', org: 'J', part: '2', requestedCzk: 80_000, score: 30 },
];

export const MAIN_PARTS = [
  { code: '1', name: 'Aktivity', allocationCzk: 2_000_000, minRequestCzk: 50_000, maxRequestCzk: 900_000 },
  { code: '2', name: 'Publikační činnost', allocationCzk: 400_000, minRequestCzk: 20_000, maxRequestCzk: 200_000 },
];

const ORG_KEYS: readonly OrgKey[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

/** Builds the call described above; `cast.officer` does the officers' work. */
export async function resolutionCall(t: TestApp, cast: Cast): Promise<ResolutionCall> {
  const officer = cast.officer.token;
  t.clock.set(new Date('2027-01-04T09:00:00Z'));
  const registered = await applicants(t, ORG_KEYS.length);
  const orgs = Object.fromEntries(ORG_KEYS.map((k, i) => [k, registered[i]])) as Record<OrgKey, Applicant>;

  // 1. The previous call: A and I approved by the Council in 2027.
  const [previous] = await evaluatedCalls(t, cast, [
    {
      call: { parts: [{ code: '1', name: 'Aktivity', allocationCzk: 2_000_000, minRequestCzk: 50_000, maxRequestCzk: 950_000 }] },
      entries: [
        { applicant: orgs.A, body: requesting(500_000) },
        { applicant: orgs.I, body: requesting(920_000) },
      ],
    },
  ]);
  const [prevA, prevI] = previous.applications;
  await expectStatus(approve(t, officer, prevA.id, { amountCzk: 500_000 }), 201, 'previous approval of A');
  await expectStatus(approve(t, officer, prevI.id, { amountCzk: 920_000 }), 201, 'previous approval of I');

  // 2. The main call.
  const call = await openCall(t, officer, { parts: MAIN_PARTS, quorum: 3, minScore: 50 });
  const terms = await callTerms(t, call.callId);
  const members = await setCommission(t, officer, call.callId, 4);
  const apps = {} as Record<AppKey, Submitted>;
  for (const plan of PLANS) {
    apps[plan.key] = await submitApplication(t, orgs[plan.org], call, {
      partCode: plan.part,
      title: `Projekt ${plan.key}: čeština a orientace v Praze`,
      ...requesting(plan.requestedCzk),
    });
  }
  closeWindow(t, terms);
  for (const plan of PLANS) {
    const id = apps[plan.key].id;
    if (plan.score === null) {
      await expectOk(formalCheck(t, officer, id, { result: 'ineligible', reasons: [INELIGIBLE_REASON] }), 'formal check (ineligible)');
      continue;
    }
    await expectOk(formalCheck(t, officer, id, { result: 'eligible', reasons: [] }), 'formal check');
    for (const [m, member] of members.entries()) {
      if (plan.key === 'C1' && m === 3) {
        await expectOk(declare(t, member.token, id, true, CONFLICT_REASON), 'conflict declaration');
        continue;
      }
      await declareAndScore(t, member.token, id, terms.criteria, plan.score);
    }
  }
  // The conflicted member cannot score C1.
  const refused = await score(t, members[3].token, apps.C1.id, terms.criteria, 50);
  if (refused.status !== 403) throw new Error(`a conflicted member scored: ${refused.status} ${JSON.stringify(refused.body)}`);
  await expectOk(fundingProposal(t, officer, call.callId), 'funding proposal');
  await expectOk(closeEvaluation(t, officer, call.callId), 'close evaluation');
  return { call, partIds: await partIdsOf(call.callId), members, orgs, apps, previous: { callId: previous.call.callId, a: prevA, i: prevI } };
}

/** A line of a draft as [application key, outcome, amount]. */
export type DraftedLine = [AppKey, 'approved' | 'rejected' | 'ineligible', number | null];

/**
 * What POST /calls/:id/resolutions builds on the fresh call (the default
 * outcomes), hand-computed in the comment of ResolutionCall: each draft's
 * lines in annex order, its totals and each part's sums of its lines.
 */
export const DRAFTED = {
  council: {
    lines: [
      ['B1', 'approved', 600_000],
      ['C1', 'approved', 400_000],
      ['D1', 'approved', 400_000],
      ['E1', 'rejected', null],
      ['F1', 'rejected', null],
      ['G1', 'ineligible', null],
      ['H2', 'approved', 200_000],
      ['B2', 'approved', 150_000],
      ['I2', 'approved', 50_000],
      ['J2', 'rejected', null],
    ] as DraftedLine[],
    totals: { lines: 10, approved: 6, rejected: 3, ineligible: 1, requestedCzk: 2_780_000, proposedCzk: 1_800_000, approvedCzk: 1_800_000 },
    parts: {
      '1': { requestedCzk: 2_250_000, proposedCzk: 1_400_000, approvedCzk: 1_400_000 },
      '2': { requestedCzk: 530_000, proposedCzk: 400_000, approvedCzk: 400_000 },
    },
  },
  assembly: {
    lines: [['A1', 'approved', 600_000]] as DraftedLine[],
    totals: { lines: 1, approved: 1, rejected: 0, ineligible: 0, requestedCzk: 600_000, proposedCzk: 600_000, approvedCzk: 600_000 },
    parts: {
      '1': { requestedCzk: 600_000, proposedCzk: 600_000, approvedCzk: 600_000 },
      '2': { requestedCzk: 0, proposedCzk: 0, approvedCzk: 0 },
    },
  },
} as const;

/** The default reasons of the rejected lines (libs/resolutions/src/domain/draft-lines.ts). */
export const BELOW_FUNDING_LINE_REASON = 'Pod hranicí financování: alokace okruhu byla vyčerpána žádostmi s lepším pořadím.';
export const NOT_RECOMMENDED_REASON = 'Nedoporučeno Komisí DOT k financování.';

// ---------------------------------------------------------------------------
// The resolutions' endpoints (raw responses).

export function draftResolutions(t: TestApp, officer: string, callId: string) {
  return t.http.post(`${API}/calls/${callId}/resolutions`).auth(officer, { type: 'bearer' });
}

export function resolutionsOf(t: TestApp, officer: string, callId: string) {
  return t.http.get(`${API}/calls/${callId}/resolutions`).auth(officer, { type: 'bearer' });
}

export function resolution(t: TestApp, officer: string, id: string) {
  return t.http.get(`${API}/resolutions/${id}`).auth(officer, { type: 'bearer' });
}

export function editLine(t: TestApp, officer: string, id: string, applicationId: string, body: Record<string, unknown>) {
  return t.http.patch(`${API}/resolutions/${id}/lines/${applicationId}`).auth(officer, { type: 'bearer' }).send(body);
}

export function rejectResolution(t: TestApp, officer: string, id: string, reason = 'Rada usnesení nepřijala.') {
  return t.http.post(`${API}/resolutions/${id}/rejection`).auth(officer, { type: 'bearer' }).send({ reason });
}

export function withdrawResolution(t: TestApp, officer: string, id: string, reason = 'Návrh stažen k přepracování.') {
  return t.http.post(`${API}/resolutions/${id}/withdrawal`).auth(officer, { type: 'bearer' }).send({ reason });
}
