import type { Response } from 'supertest';
import type { TestApp } from './test-app';
import { adminToken, createDraft, createStaff, openCall, registerApplicant, type Applicant, type OpenCall, type Staff } from './factories';
import { API } from './http';

/**
 * Set-up and calls for the evaluation stage: formal check, the DOT
 * Commission's declarations and score sheets, ranking, funding proposal and
 * the close of the evaluation. Every helper goes through the HTTP API.
 */

export interface Criterion {
  code: string;
  maxPoints: number;
}

/** What the evaluation tests need to know of a call, read back from GET /calls/:id. */
export interface CallTerms {
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  criteria: Criterion[];
}

export interface Submitted {
  id: string;
  applicant: Applicant;
  referenceNumber: string;
  submittedAt: string;
  requestedCzk: number;
}

export interface EvaluationSetup {
  call: OpenCall;
  terms: CallTerms;
  /** The call's DOT Commission; the first one chairs it. */
  members: Staff[];
  /** In submission order (reference numbers 0001, 0002, …). */
  applications: Submitted[];
}

export interface EvaluationOptions {
  /** Overrides of the call's terms (callBody). */
  call?: Record<string, unknown>;
  /** Applications to submit (default 3), each from its own organisation unless `applicants` is smaller. */
  applications?: number;
  /** Organisations to spread the applications over (round robin); default one each. */
  applicants?: number;
  /** Overrides of the i-th application's body (applicationBody). */
  application?: (i: number) => Record<string, unknown>;
  /** Where the clock stands when the i-th application is submitted (its receipt time); default: wherever it is. */
  receiptAt?: (i: number, terms: CallTerms) => Date;
  /** Commission members (default 3; 0: no commission). */
  members?: number;
  /** Move the clock just past the window's close (default true). */
  closeWindow?: boolean;
  /** Formally check every application as eligible (default true; needs closeWindow). */
  eligible?: boolean;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function callTerms(t: TestApp, callId: string): Promise<CallTerms> {
  const res = await t.http.get(`${API}/calls/${callId}`);
  if (res.status !== 200) throw new Error(`call ${callId}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    submissionOpensAt: new Date(res.body.submissionOpensAt),
    submissionClosesAt: new Date(res.body.submissionClosesAt),
    criteria: res.body.criteria.map((c: Criterion) => ({ code: c.code, maxPoints: c.maxPoints })),
  };
}

/** The clock one minute after the window closed: formal check and scoring are open. */
export function closeWindow(t: TestApp, terms: CallTerms): void {
  t.clock.set(new Date(terms.submissionClosesAt.getTime() + 60_000));
}

/** Points for every criterion adding up to `total`: the first criteria are filled to their maximum first. */
export function pointsFor(criteria: readonly Criterion[], total: number): { criterionCode: string; points: number }[] {
  const max = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  if (!Number.isInteger(total) || total < 0 || total > max) throw new RangeError(`a total of ${total} does not fit criteria worth ${max}`);
  let left = total;
  return criteria.map((c) => {
    const points = Math.min(c.maxPoints, left);
    left -= points;
    return { criterionCode: c.code, points };
  });
}

/** Creates `size` commission users and makes them the call's commission, the first one its chair. */
export async function setCommission(t: TestApp, officer: string, callId: string, size = 3, admin?: string): Promise<Staff[]> {
  const adminTok = admin ?? (await adminToken(t));
  const members = await Promise.all(Array.from({ length: size }, () => createStaff(t, 'commission', adminTok)));
  const res = await t.http
    .put(`${API}/calls/${callId}/commission`)
    .set(bearer(officer))
    .send({ memberIds: members.map((m) => m.id), chairId: members[0].id });
  if (res.status !== 200) throw new Error(`commission: ${res.status} ${JSON.stringify(res.body)}`);
  return members;
}

/** Drafts and submits one application; the clock must be inside the window. */
export async function submitApplication(
  t: TestApp,
  applicant: Applicant,
  call: Pick<OpenCall, 'callId' | 'year'>,
  overrides: Record<string, unknown> = {},
): Promise<Submitted> {
  const draft = await createDraft(t, applicant.token, call, overrides);
  const res = await t.http.post(`${API}/applications/${draft.id}/submit`).set(bearer(applicant.token));
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: draft.id, applicant, referenceNumber: res.body.referenceNumber, submittedAt: res.body.submittedAt, requestedCzk: draft.requestedCzk };
}

/**
 * A call with `applications` submitted applications and a commission of
 * `members`; by default the window is closed and every application has passed
 * the formal check (eligible), so scoring is open.
 */
export async function setUpEvaluation(t: TestApp, officer: string, options: EvaluationOptions = {}): Promise<EvaluationSetup> {
  const count = options.applications ?? 3;
  const call = await openCall(t, officer, options.call ?? {});
  const terms = await callTerms(t, call.callId);
  const admin = await adminToken(t);
  const size = options.members ?? 3;
  const [members, applicants] = await Promise.all([
    size === 0 ? Promise.resolve([]) : setCommission(t, officer, call.callId, size, admin),
    Promise.all(Array.from({ length: options.applicants ?? count }, () => registerApplicant(t))),
  ]);
  const applications: Submitted[] = [];
  for (let i = 0; i < count; i++) {
    if (options.receiptAt) t.clock.set(options.receiptAt(i, terms));
    applications.push(await submitApplication(t, applicants[i % applicants.length], call, options.application?.(i) ?? {}));
  }
  if (options.closeWindow ?? true) {
    closeWindow(t, terms);
    if (options.eligible ?? true) {
      for (const a of applications) await expectOk(formalCheck(t, officer, a.id, { result: 'eligible', reasons: [] }), 'formal check');
    }
  }
  return { call, terms, members, applications };
}

// ---------------------------------------------------------------------------
// The stage's endpoints, one function each (they return the raw response).

export function formalCheck(t: TestApp, officer: string, id: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/formal-check`).set(bearer(officer)).send(body);
}

export function declare(t: TestApp, member: string, id: string, hasConflict = false, reason?: string) {
  return t.http
    .put(`${API}/applications/${id}/conflict-of-interest`)
    .set(bearer(member))
    .send(reason === undefined ? { hasConflict } : { hasConflict, reason });
}

/** Saves the member's sheet as a draft (PUT …/scores with `draft: true`): it counts nowhere until submitted. */
export function scoreSheet(t: TestApp, member: string, id: string, points: unknown, comment = 'Hodnocení člena komise') {
  return t.http.put(`${API}/applications/${id}/scores`).set(bearer(member)).send({ points, comment, draft: true });
}

/** Submits the member's saved draft (POST …/scores/submit). */
export function submitSheet(t: TestApp, member: string, id: string) {
  return t.http.post(`${API}/applications/${id}/scores/submit`).set(bearer(member));
}

/** The chair reopens a member's submitted sheet (POST …/scores/:memberId/reopen). */
export function reopenSheet(t: TestApp, chair: string, id: string, memberId: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${id}/scores/${memberId}/reopen`).set(bearer(chair)).send(body);
}

/**
 * A sheet with the given total, split over the criteria by pointsFor, saved
 * and submitted (so that it counts): the submit's answer, or the save's when
 * the save is refused.
 */
export async function score(t: TestApp, member: string, id: string, criteria: readonly Criterion[], total: number, comment?: string): Promise<Response> {
  const saved = await scoreSheet(t, member, id, pointsFor(criteria, total), comment);
  if (saved.status !== 200) return saved;
  return submitSheet(t, member, id);
}

export function readScores(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}/scores`).set(bearer(token));
}

export function ranking(t: TestApp, token: string, callId: string, partCode?: string) {
  return t.http.get(`${API}/calls/${callId}/ranking${partCode === undefined ? '' : `?partCode=${encodeURIComponent(partCode)}`}`).set(bearer(token));
}

export function fundingProposal(t: TestApp, officer: string, callId: string) {
  return t.http.post(`${API}/calls/${callId}/funding-proposal`).set(bearer(officer));
}

export function adjustProposal(t: TestApp, officer: string, id: string, proposedCzk: unknown) {
  return t.http.patch(`${API}/applications/${id}/proposal`).set(bearer(officer)).send({ proposedCzk });
}

export function closeEvaluation(t: TestApp, officer: string, callId: string) {
  return t.http.post(`${API}/calls/${callId}/close-evaluation`).set(bearer(officer));
}

export function setAffiliations(t: TestApp, admin: string, userId: string, organisationIds: string[]) {
  return t.http.put(`${API}/users/${userId}/affiliations`).set(bearer(admin)).send({ organisationIds });
}

export function getApplication(t: TestApp, token: string, id: string) {
  return t.http.get(`${API}/applications/${id}`).set(bearer(token));
}

export function auditOf(t: TestApp, auditor: string, entityType: 'application' | 'call' | 'user', entityId: string) {
  return t.http.get(`${API}/audit?entityType=${entityType}&entityId=${entityId}&pageSize=200`).set(bearer(auditor));
}

/** Declares no conflict, saves and submits a sheet with the given total; all must succeed. */
export async function declareAndScore(t: TestApp, member: string, id: string, criteria: readonly Criterion[], total: number): Promise<void> {
  await expectOk(declare(t, member, id, false), 'declaration');
  await expectOk(score(t, member, id, criteria, total), 'score sheet');
}

/** Awaits a request that must answer 200; a failure shows the problem body. */
export async function expectOk(request: PromiseLike<Response>, what: string): Promise<Response> {
  const res = await request;
  if (res.status !== 200) throw new Error(`${what}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export interface RankingRow {
  applicationId: string;
  partCode: string;
  referenceNumber: string;
  status: string;
  averageScore: number | null;
  normalisedScore: number | null;
  scorers: number;
  spread: number | null;
  spreadFlagged: boolean;
  counting: boolean | null;
  rank: number | null;
  requestedCzk: number;
  proposedCzk: number | null;
  recommended: boolean | null;
  scoresHidden: boolean;
}

/** The ranking's rows by application id. */
export function rowsById(res: Response): Map<string, RankingRow> {
  return new Map((res.body.items as RankingRow[]).map((i) => [i.applicationId, i]));
}
