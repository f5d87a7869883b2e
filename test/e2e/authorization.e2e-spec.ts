import { createHmac, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '@app/core/auth/role';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  applicationBody,
  callBody,
  createCast,
  createDraft,
  createProgramme,
  createStaff,
  openCall,
  PASSWORD,
  registerApplicant,
  registrationBody,
  unique,
  type Applicant,
  type Cast,
  type OpenCall,
  type Staff,
} from '../support/factories';
import { API, expectProblem } from '../support/http';
import { callTerms, closeWindow, pointsFor, submitApplication, type Criterion } from '../support/evaluation';
import { addDays } from '@app/core/time/prague-time';
import {
  approve,
  auditTrail,
  contracted,
  evaluatedCalls,
  expectStatus,
  ledgerOf,
  paidOut,
  settlementOf,
  submitSettlement,
  today,
  type EvaluatedCall,
} from '../support/money';
import { simulateWorkerGaveUp, storedLetters } from '../support/letters';
import { defaultLines, insertDraft } from '../support/resolution-drafts-sql';
import { lettersSettled, startLettersWorker } from '../support/letters-worker';

/**
 * Who may call what: every route that exists × every role and anonymous,
 * generated from one table. A new route is one `row(...)` line.
 */

type Caller = 'anonymous' | Role;
type Method = 'get' | 'post' | 'patch' | 'put';
type Json = Record<string, unknown>;

const CALLERS: readonly Caller[] = ['anonymous', 'applicant', 'officer', 'commission', 'budget', 'admin'];
const EVERYONE = 'everyone' as const;

interface Prepared {
  /** Full path, prefix included (health and docs live outside /api/v1). */
  path: string;
  body?: Json;
}

interface Row {
  method: Method;
  /** The route as documented, e.g. `POST /calls/:id/announce`. */
  route: string;
  /** `everyone`: a public route (no token needed); else the roles the contract allows. */
  allowed: typeof EVERYONE | readonly Role[];
  /**
   * Roles the contract lets call the route, but only for resources they are related to;
   * the row's resource is not theirs, so the answer is 403 or 404 — never 2xx, never 401.
   */
  relationOnly?: readonly Role[];
  /** Builds the request for one caller (fresh resources where a success changes state). */
  prepare: (caller: Caller) => Promise<Prepared> | Prepared;
  /** The exact success status for an allowed caller. */
  success: number;
  /** Cheap checks of a successful body. */
  check?: (res: Response, caller: Caller) => void;
  /** The success's media type, when not JSON. */
  contentType?: RegExp;
}

const row = (
  method: Method,
  route: string,
  allowed: Row['allowed'],
  prepare: Row['prepare'],
  success: number,
  check?: Row['check'],
  relationOnly?: readonly Role[],
): Row => ({ method, route, allowed, prepare, success, check, relationOnly });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isPage = (res: Response, pageSize = 50) => {
  expect(res.body).toEqual(expect.objectContaining({ items: expect.any(Array), total: expect.any(Number), page: 1, pageSize }));
  const ids = res.body.items.map((item: { id: string }) => item.id);
  expect(ids).toEqual([...new Set(ids)]);
  expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
};

function expectUnauthenticated(res: Response): void {
  expectProblem(res, 401, 'UNAUTHENTICATED');
}

function expectForbidden(res: Response): void {
  expectProblem(res, 403, 'FORBIDDEN');
}

/** A compact HS256 JWT, to forge tokens the way an attacker would. */
function signJwt(payload: Json, secret: string, header: Json = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (part: Json) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const data = `${encode(header)}.${encode(payload)}`;
  const hash = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${data}.${createHmac(hash, secret).update(data).digest('base64url')}`;
}

function claimsOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Json;
}

describe('authorisation', () => {
  let t: TestApp;
  let cast: Cast;
  let call: OpenCall;
  /** A draft of the cast's applicant that staff try to touch (their requests must never reach it). */
  let sharedDraftId: string;

  /** A call in evaluation: its window closed while `call`'s is open (it is opened first), its commission has the cast's member. */
  let evaluation: OpenCall;
  let criteria: Criterion[];
  /** An eligible application of `evaluation` that the commission and officer rows work on. */
  let eligibleId: string;
  /** A submitted application of `evaluation` for the officer's formal check. */
  let uncheckedId: string;
  /** A call in evaluation without applications, for the officer's close-evaluation. */
  let closable: OpenCall;
  /** A call whose evaluation closed, the cast's member its one-member commission (quorum 1): its minutes. */
  let minutesCall: OpenCall;

  /** The money stage: a call evaluated before all the others, its eight applications the cast's applicant's, all recommended. */
  let money: EvaluatedCall;
  /** The resolutions' call, evaluated with `money`: two recommended applications of the cast's applicant, never decided. */
  let resolvable: EvaluatedCall;
  /** One of them for each money row, brought to where the row's request can succeed (CZK 60,000 each: the Council's). */
  const moneyApp = { decide: '', contract: '', publish: '', pay: '', settle: '', review: '', ret: '', reverse: '' };
  /** The ninth application of `money`, the one line of the Council's draft `resolutionToAdopt` (CZK 60,000). */
  let adoptedApp = '';
  let resolutionToAdopt = '';
  /** The approval letter of `moneyApp.contract`, rendered by the worker (the only letter that exists while it runs). */
  let readyLetterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    [money, resolvable] = await evaluatedCalls(t, cast, [
      { call: { maxApplicationsPerOrganisation: 9 }, entries: Array.from({ length: 9 }, () => ({ applicant: cast.applicant })) },
      { entries: [{ applicant: cast.applicant }, { applicant: cast.applicant }] },
    ]);
    [moneyApp.decide, moneyApp.contract, moneyApp.publish, moneyApp.pay, moneyApp.settle, moneyApp.review, moneyApp.ret, moneyApp.reverse, adoptedApp] = money.applications.map(
      (a) => a.id,
    );
    const [adoptedLine] = await defaultLines([adoptedApp]);
    resolutionToAdopt = await insertDraft({ callId: money.call.callId, body: 'council', createdBy: cast.officer.id, lines: [{ ...adoptedLine, amountCzk: 60_000 }] });
    await expectStatus(
      t.http
        .post(`${API}/applications/${moneyApp.contract}/decision`)
        .auth(cast.officer.token, { type: 'bearer' })
        .send({ outcome: 'approved', amountCzk: 60_000, body: 'council', resolutionNumber: 'R-MATRIX-1', resolutionDate: today(t) }),
      201,
      'decision',
    );
    [{ id: readyLetterId }] = await storedLetters([moneyApp.contract]);
    const worker = await startLettersWorker();
    try {
      await lettersSettled(t.dataSource, [readyLetterId]);
    } finally {
      await worker.close();
    }
    // The other decisions' letters stay queued: no worker runs from here on.
    for (const id of [moneyApp.publish, moneyApp.pay]) await contracted(t, cast.officer.token, id, 60_000);
    for (const id of [moneyApp.settle, moneyApp.review, moneyApp.ret, moneyApp.reverse]) await paidOut(t, cast, id, 60_000, 20_000);
    await expectStatus(submitSettlement(t, cast.applicant.token, moneyApp.review, settlementOf(20_000)), 201, 'settlement');
    minutesCall = await openCall(t, cast.officer.token, { quorum: 1 });
    await expectStatus(
      send('put', `${API}/calls/${minutesCall.callId}/commission`, cast.officer.token, { memberIds: [cast.commission.id], chairId: cast.commission.id }),
      200,
      'minutes commission',
    );
    closeWindow(t, await callTerms(t, minutesCall.callId));
    await expectStatus(send('post', `${API}/calls/${minutesCall.callId}/close-evaluation`, cast.officer.token), 200, 'minutes close');
    evaluation = await openCall(t, cast.officer.token);
    criteria = (await callTerms(t, evaluation.callId)).criteria;
    const evaluationApplicant = await registerApplicant(t);
    eligibleId = (await submitApplication(t, evaluationApplicant, evaluation)).id;
    uncheckedId = (await submitApplication(t, evaluationApplicant, evaluation)).id;
    closable = await openCall(t, cast.officer.token);
    call = await openCall(t, cast.officer.token);
    // Each openCall moves the clock into the new call's window, past the close of the earlier ones.
    const checked = await send('post', `${API}/applications/${eligibleId}/formal-check`, cast.officer.token, { result: 'eligible', reasons: [] });
    if (checked.status !== 200) throw new Error(`formal check: ${checked.status} ${JSON.stringify(checked.body)}`);
    const ids = await commissionIds();
    const seated = await send('put', `${API}/calls/${evaluation.callId}/commission`, cast.officer.token, { memberIds: ids, chairId: ids[0], reason: 'Komise jmenována po uzávěrce (test)' });
    if (seated.status !== 200) throw new Error(`commission: ${seated.status} ${JSON.stringify(seated.body)}`);
    sharedDraftId = (await createDraft(t, cast.applicant.token, call)).id;
  });
  afterAll(() => t?.close());

  const tokenOf = (caller: Caller): string | undefined => (caller === 'anonymous' ? undefined : cast[caller].token);

  function send(method: Method, path: string, token?: string, body?: Json) {
    const req = t.http[method](path);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  }

  /** A draft resolution of `resolvable` (drafted when none is live) and its first line's application. */
  async function liveDraft(): Promise<{ id: string; applicationId: string }> {
    const drafted = await send('post', `${API}/calls/${resolvable.call.callId}/resolutions`, cast.officer.token);
    if (drafted.status === 201) return { id: drafted.body.resolutions[0].id, applicationId: drafted.body.resolutions[0].lines[0].applicationId };
    if (drafted.body?.code !== 'NOTHING_TO_RESOLVE') throw new Error(`draft resolution: ${drafted.status} ${JSON.stringify(drafted.body)}`);
    const list = await send('get', `${API}/calls/${resolvable.call.callId}/resolutions`, cast.officer.token);
    const live = (list.body as { id: string; status: string; lines: { applicationId: string }[] }[]).find((r) => r.status === 'draft');
    if (!live) throw new Error(`no live draft of ${resolvable.call.callId}: ${JSON.stringify(list.body)}`);
    return { id: live.id, applicationId: live.lines[0].applicationId };
  }

  /** Withdraws the live drafts of `resolvable`, so that its applications can be drafted again. */
  async function noLiveDraft(): Promise<void> {
    const list = await send('get', `${API}/calls/${resolvable.call.callId}/resolutions`, cast.officer.token);
    for (const r of list.body as { id: string; status: string }[]) {
      if (r.status !== 'draft') continue;
      const res = await send('post', `${API}/resolutions/${r.id}/withdrawal`, cast.officer.token, { reason: 'Matice oprávnění.' });
      if (res.status !== 200) throw new Error(`withdrawal: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  async function draftCallId(): Promise<string> {
    const programme = await createProgramme(t, cast.officer.token);
    const res = await send('post', `${API}/calls`, cast.officer.token, callBody(t, programme.id));
    if (res.status !== 201) throw new Error(`draft call: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** Three commission users (the calls' quorum), the cast's member among them (it chairs `evaluation`'s commission). */
  let commission: string[] | undefined;
  /** The second of them, whose submitted sheet the chair reopens. */
  let peer: Staff | undefined;
  async function commissionIds(): Promise<string[]> {
    if (!commission) {
      peer = await createStaff(t, 'commission');
      commission = [cast.commission.id, peer.id, (await createStaff(t, 'commission')).id];
    }
    return commission;
  }

  /** The peer's sheet on the eligible application is submitted (again, after a reopening): the chair's to reopen. */
  async function submittedByPeer(): Promise<string> {
    await commissionIds();
    const { token, id } = peer!;
    const declared = await send('put', `${API}/applications/${eligibleId}/conflict-of-interest`, token, { hasConflict: false });
    if (declared.status !== 200) throw new Error(`peer declaration: ${declared.status} ${JSON.stringify(declared.body)}`);
    const saved = await send('put', `${API}/applications/${eligibleId}/scores`, token, { ...SHEET(), draft: true });
    if (saved.status !== 200) throw new Error(`peer sheet: ${saved.status} ${JSON.stringify(saved.body)}`);
    const submitted = await send('post', `${API}/applications/${eligibleId}/scores/submit`, token);
    if (submitted.status !== 200) throw new Error(`peer submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    return id;
  }

  /** The cast's member declares no conflict with the eligible application (repeatable until they score). */
  async function declaredByMember(): Promise<void> {
    const res = await send('put', `${API}/applications/${eligibleId}/conflict-of-interest`, cast.commission.token, { hasConflict: false });
    if (res.status !== 200) throw new Error(`declaration: ${res.status} ${JSON.stringify(res.body)}`);
  }

  const SHEET = () => ({ points: pointsFor(criteria, 70), comment: 'Matice' });

  /** The cast's member has submitted a sheet for the eligible application: the sheets are theirs to read. */
  async function scoredByMember(): Promise<void> {
    await declaredByMember();
    const own = await send('get', `${API}/applications/${eligibleId}/my-evaluation`, cast.commission.token);
    if (own.body.sheet?.status === 'submitted') return;
    const res = await send('put', `${API}/applications/${eligibleId}/scores`, cast.commission.token, { ...SHEET(), draft: true });
    if (res.status !== 200) throw new Error(`score sheet: ${res.status} ${JSON.stringify(res.body)}`);
    const submitted = await send('post', `${API}/applications/${eligibleId}/scores/submit`, cast.commission.token);
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  }

  /** A staff user whose affiliations the admin sets (sitting on no commission). */
  let affiliated: string | undefined;
  async function affiliationTarget(): Promise<string> {
    affiliated ??= (await createStaff(t, 'budget')).id;
    return affiliated;
  }

  /** A pending bank account request of a fresh organisation (an organisation has one pending request at a time). */
  async function pendingBankAccountRequest(): Promise<string> {
    const owner = await registerApplicant(t);
    const res = await send('post', `${API}/organisations/${owner.organisationId}/bank-account-requests`, owner.token, { bankAccount: '2701000133/2010' });
    if (res.status !== 201) throw new Error(`bank account request: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }
  /** The officer decides a fresh request in each cell; the others aim at one shared request (and must never reach it). */
  let sharedBankAccountRequest: string | undefined;
  async function bankAccountRequestFor(caller: Caller): Promise<string> {
    if (caller === 'officer') return pendingBankAccountRequest();
    sharedBankAccountRequest ??= await pendingBankAccountRequest();
    return sharedBankAccountRequest;
  }

  /** A budget user the admin has disabled (for the enable row). */
  async function disabledUser(): Promise<string> {
    const user = await createStaff(t, 'budget');
    const res = await send('post', `${API}/users/${user.id}/disable`, cast.admin.token);
    if (res.status !== 200) throw new Error(`disable: ${res.status} ${JSON.stringify(res.body)}`);
    return user.id;
  }

  /** A fresh reset token of a fresh staff user, issued by the admin. */
  async function resetToken(): Promise<string> {
    const user = await createStaff(t, 'commission');
    const res = await send('post', `${API}/users/${user.id}/password-reset`, cast.admin.token);
    if (res.status !== 201) throw new Error(`reset: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  /** The applicant's cells change state: they get a fresh draft; everyone else aims at the shared one. */
  async function draftFor(caller: Caller): Promise<string> {
    return caller === 'applicant' ? (await createDraft(t, cast.applicant.token, call)).id : sharedDraftId;
  }

  const MATRIX: readonly Row[] = [
    // identity
    row('post', 'POST /auth/register', EVERYONE, () => ({ path: `${API}/auth/register`, body: registrationBody() }), 201, (res) =>
      expect(res.body).toEqual({ organisationId: expect.stringMatching(UUID), userId: expect.stringMatching(UUID) }),
    ),
    row('post', 'POST /auth/login', EVERYONE, () => ({ path: `${API}/auth/login`, body: { email: cast.applicant.email, password: PASSWORD } }), 200, (res) =>
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { id: cast.applicant.userId, role: 'applicant' } }),
    ),
    // Clears the portal's session cookie; nothing to send back.
    row('post', 'POST /auth/logout', EVERYONE, () => ({ path: `${API}/auth/logout` }), 204, (res) =>
      expect(res.headers['set-cookie']).toEqual([expect.stringMatching(/^pg_session=;/)]),
    ),
    row('get', 'GET /me', ['applicant', 'officer', 'commission', 'budget', 'admin'], () => ({ path: `${API}/me` }), 200, (res, caller) =>
      expect(res.body).toMatchObject({ role: caller, email: cast[caller as Role].email }),
    ),
    row(
      'post',
      'POST /users',
      ['admin'],
      () => ({ path: `${API}/users`, body: { email: `matrix-${unique()}@praha.eu`, password: PASSWORD, fullName: 'Matice', role: 'budget' } }),
      201,
      (res) => expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), role: 'budget', organisationId: null }),
    ),
    row(
      'put',
      'PUT /users/:id/affiliations',
      ['admin'],
      async () => ({ path: `${API}/users/${await affiliationTarget()}/affiliations`, body: { organisationIds: [cast.applicant.organisationId] } }),
      200,
      (res) => expect(res.body).toEqual({ userId: affiliated, organisationIds: [cast.applicant.organisationId] }),
    ),
    // Officers may list commission members only (other roles or none: 403, see portal-reads).
    row('get', 'GET /users', ['admin', 'officer'], () => ({ path: `${API}/users?role=commission&pageSize=200` }), 200, (res) => {
      isPage(res, 200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((u: { role: string; affiliations: unknown }) => u.role === 'commission' && Array.isArray(u.affiliations))).toBe(true);
    }),
    // Account lifecycle: the same password again (so the cast's logins stay valid); the caller's tokens are cut, the answer's new one replaces it.
    row('put', 'PUT /me/password', ['applicant', 'officer', 'commission', 'budget', 'admin'], () => ({ path: `${API}/me/password`, body: { currentPassword: PASSWORD, newPassword: PASSWORD } }), 200, (res, caller) => {
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { role: caller } });
      cast[caller as Role].token = res.body.accessToken;
    }),
    row('post', 'POST /users/:id/disable', ['admin'], async () => ({ path: `${API}/users/${(await createStaff(t, 'budget')).id}/disable`, body: { reason: 'Matice' } }), 200, (res) =>
      expect(res.body).toMatchObject({ role: 'budget', disabled: true }),
    ),
    row('post', 'POST /users/:id/enable', ['admin'], async () => ({ path: `${API}/users/${await disabledUser()}/enable` }), 200, (res) =>
      expect(res.body).toMatchObject({ role: 'budget', disabled: false }),
    ),
    row('put', 'PUT /users/:id/role', ['admin'], async () => ({ path: `${API}/users/${(await createStaff(t, 'budget')).id}/role`, body: { role: 'officer' } }), 200, (res) =>
      expect(res.body).toMatchObject({ role: 'officer', disabled: false }),
    ),
    row('post', 'POST /users/:id/password-reset', ['admin'], async () => ({ path: `${API}/users/${await affiliationTarget()}/password-reset` }), 201, (res) =>
      expect(res.body).toEqual({ userId: affiliated, token: expect.any(String), expiresAt: expect.any(String) }),
    ),
    row('post', 'POST /auth/password-reset', EVERYONE, async () => ({ path: `${API}/auth/password-reset`, body: { token: await resetToken(), newPassword: PASSWORD } }), 204),
    row('get', 'GET /organisations/:id', ['applicant', 'officer', 'budget'], () => ({ path: `${API}/organisations/${cast.applicant.organisationId}` }), 200, (res) =>
      expect(res.body).toMatchObject({ id: cast.applicant.organisationId, kind: 'ngo' }),
    ),
    // The organisation's own user asks (once: then its request is pending); officers decide.
    row(
      'post',
      'POST /organisations/:id/bank-account-requests',
      ['applicant'],
      () => ({ path: `${API}/organisations/${cast.applicant.organisationId}/bank-account-requests`, body: { bankAccount: '2701000133/2010' } }),
      201,
      (res) => expect(res.body).toMatchObject({ organisationId: cast.applicant.organisationId, status: 'pending', requestedBy: { id: cast.applicant.userId } }),
    ),
    row('get', 'GET /organisations/:id/bank-account-requests', ['applicant', 'officer', 'budget'], () => ({ path: `${API}/organisations/${cast.applicant.organisationId}/bank-account-requests` }), 200, (res) =>
      expect(res.body.every((r: { organisationId: string }) => r.organisationId === cast.applicant.organisationId)).toBe(true),
    ),
    row('get', 'GET /bank-account-requests', ['officer', 'budget'], () => ({ path: `${API}/bank-account-requests?status=pending` }), 200, (res) => {
      isPage(res);
      expect(res.body.items.every((r: { status: string }) => r.status === 'pending')).toBe(true);
    }),
    row('post', 'POST /bank-account-requests/:id/confirmation', ['officer'], async (c) => ({ path: `${API}/bank-account-requests/${await bankAccountRequestFor(c)}/confirmation` }), 201, (res) =>
      expect(res.body).toMatchObject({ status: 'confirmed', decidedBy: { id: cast.officer.id } }),
    ),
    row(
      'post',
      'POST /bank-account-requests/:id/rejection',
      ['officer'],
      async (c) => ({ path: `${API}/bank-account-requests/${await bankAccountRequestFor(c)}/rejection`, body: { reason: 'Matice' } }),
      201,
      (res) => expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'Matice', decidedBy: { id: cast.officer.id } }),
    ),
    // policy, programmes and calls
    row('get', 'GET /policy/measures', EVERYONE, () => ({ path: `${API}/policy/measures` }), 200, (res) =>
      expect(res.body.measures).toContainEqual(expect.objectContaining({ code: '21.III' })),
    ),
    row(
      'post',
      'POST /programmes',
      ['officer'],
      () => ({ path: `${API}/programmes`, body: { code: `M${unique().toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-12)}`, name: 'Matice', year: 2027, appropriationCzk: 1_000 } }),
      201,
      (res) => expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), appropriationCzk: 1_000 }),
    ),
    // Not in the contract's tables: the code allows officer and budget.
    row('get', 'GET /programmes', ['officer', 'budget'], () => ({ path: `${API}/programmes` }), 200, (res) => {
      isPage(res);
      expect(res.body.items[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(UUID), code: expect.any(String), appropriationCzk: expect.any(Number) }));
    }),
    row('get', 'GET /programmes/:id', ['officer', 'budget'], () => ({ path: `${API}/programmes/${call.programmeId}` }), 200, (res) =>
      expect(res.body).toMatchObject({ id: call.programmeId, code: call.programmeCode, allocatedCzk: 4_000_000, budgetMeasures: [] }),
    ),
    row(
      'post',
      'POST /programmes/:id/budget-measures',
      ['budget'],
      async () => ({
        path: `${API}/programmes/${(await createProgramme(t, cast.officer.token, 500_000)).id}/budget-measures`,
        body: { amountCzk: 250_000, reference: `RO ${unique()}`, reason: 'Navýšení rozpočtu' },
      }),
      201,
      (res) => expect(res.body.appropriationCzk).toBe(750_000),
    ),
    row('post', 'POST /calls', ['officer'], () => ({ path: `${API}/calls`, body: callBody(t, call.programmeId) }), 201, (res) =>
      expect(res.body).toMatchObject({ status: 'draft', programmeId: call.programmeId }),
    ),
    row('patch', 'PATCH /calls/:id', ['officer'], async () => ({ path: `${API}/calls/${await draftCallId()}`, body: { title: 'Upravená výzva' } }), 200, (res) =>
      expect(res.body).toMatchObject({ status: 'draft', title: 'Upravená výzva' }),
    ),
    row('post', 'POST /calls/:id/announce', ['officer'], async () => ({ path: `${API}/calls/${await draftCallId()}/announce` }), 200, (res) =>
      expect(res.body.status).toBe('announced'),
    ),
    row(
      'put',
      'PUT /calls/:id/commission',
      ['officer'],
      async () => ({ path: `${API}/calls/${await draftCallId()}/commission`, body: { memberIds: await commissionIds(), chairId: cast.commission.id } }),
      200,
      (res) => expect(res.body.members).toHaveLength(3),
    ),
    // A member of the call's commission (the cast's member sits on `evaluation`'s).
    row('get', 'GET /calls/:id/commission', ['officer', 'commission'], () => ({ path: `${API}/calls/${evaluation.callId}/commission` }), 200, (res) => {
      expect(res.body.callId).toBe(evaluation.callId);
      expect(res.body.members).toHaveLength(3);
      expect(res.body.members).toContainEqual(expect.objectContaining({ userId: cast.commission.id, chair: true }));
    }),
    row('get', 'GET /calls', EVERYONE, () => ({ path: `${API}/calls?pageSize=200` }), 200, (res) => {
      isPage(res, 200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toContain(call.callId);
    }),
    row('get', 'GET /calls/:id', EVERYONE, () => ({ path: `${API}/calls/${call.callId}` }), 200, (res) =>
      expect(res.body).toMatchObject({ id: call.callId, status: 'open' }),
    ),
    // applications
    row('post', 'POST /applications', ['applicant'], () => ({ path: `${API}/applications`, body: applicationBody(call) }), 201, (res) =>
      expect(res.body).toMatchObject({ status: 'draft', organisationId: cast.applicant.organisationId, requestedCzk: 175_000, totalCostCzk: 250_000 }),
    ),
    row('patch', 'PATCH /applications/:id', ['applicant'], async (c) => ({ path: `${API}/applications/${await draftFor(c)}`, body: { title: 'Nový název' } }), 200, (res) =>
      expect(res.body).toMatchObject({ status: 'draft', title: 'Nový název' }),
    ),
    row('post', 'POST /applications/:id/submit', ['applicant'], async (c) => ({ path: `${API}/applications/${await draftFor(c)}/submit` }), 200, (res) =>
      expect(res.body).toMatchObject({ status: 'submitted', referenceNumber: expect.stringContaining(call.programmeCode) }),
    ),
    row(
      'post',
      'POST /applications/:id/withdraw',
      ['applicant'],
      async (c) => ({ path: `${API}/applications/${await draftFor(c)}/withdraw`, body: { reason: 'Matice' } }),
      200,
      (res) => expect(res.body.status).toBe('withdrawn'),
    ),
    // Contract: commission members list the eligible applications of their calls (here: those of `evaluation`).
    row('get', 'GET /applications', ['applicant', 'officer', 'commission', 'budget'], () => ({ path: `${API}/applications` }), 200, (res, caller) => {
      isPage(res);
      if (caller === 'commission') {
        expect(res.body.items.map((a: { id: string }) => a.id)).toContain(eligibleId);
        expect(res.body.items.every((a: { callId: string; status: string }) => a.callId === evaluation.callId && a.status === 'eligible')).toBe(true);
      }
      if (caller === 'applicant') expect(res.body.items.every((a: { organisationId: string }) => a.organisationId === cast.applicant.organisationId)).toBe(true);
      if (caller !== 'commission') expect(res.body.items.map((a: { id: string }) => a.id)).toContain(sharedDraftId);
    }),
    // A commission member sees only eligible applications of their calls; the shared draft is neither.
    row(
      'get',
      'GET /applications/:id',
      ['applicant', 'officer', 'budget'],
      () => ({ path: `${API}/applications/${sharedDraftId}` }),
      200,
      (res) => expect(res.body).toMatchObject({ id: sharedDraftId, organisationId: cast.applicant.organisationId, contract: null, settlement: null }),
      ['commission'],
    ),
    // evaluation: the formal check, the DOT Commission, ranking and funding (on `evaluation`, whose window has closed)
    row(
      'post',
      'POST /applications/:id/formal-check',
      ['officer'],
      (c) => ({ path: `${API}/applications/${c === 'officer' ? uncheckedId : eligibleId}/formal-check`, body: { result: 'eligible', reasons: [] } }),
      200,
      (res) => expect(res.body).toMatchObject({ id: uncheckedId, status: 'eligible', formalChecks: [expect.objectContaining({ result: 'eligible' })] }),
    ),
    row(
      'put',
      'PUT /applications/:id/conflict-of-interest',
      ['commission'],
      () => ({ path: `${API}/applications/${eligibleId}/conflict-of-interest`, body: { hasConflict: false } }),
      200,
      (res) => expect(res.body).toMatchObject({ applicationId: eligibleId, memberId: cast.commission.id, hasConflict: false, automatic: false }),
    ),
    row(
      'put',
      'PUT /applications/:id/scores',
      ['commission'],
      async (c) => {
        if (c === 'commission') await declaredByMember();
        return { path: `${API}/applications/${eligibleId}/scores`, body: { ...SHEET(), draft: true } };
      },
      200,
      (res) => expect(res.body).toMatchObject({ memberId: cast.commission.id, totalPoints: 70, comment: 'Matice' }),
    ),
    row(
      'post',
      'POST /applications/:id/scores/submit',
      ['commission'],
      async (c) => {
        if (c === 'commission') {
          await declaredByMember();
          const saved = await send('put', `${API}/applications/${eligibleId}/scores`, cast.commission.token, { ...SHEET(), draft: true });
          if (saved.status !== 200) throw new Error(`score sheet: ${saved.status} ${JSON.stringify(saved.body)}`);
        }
        return { path: `${API}/applications/${eligibleId}/scores/submit` };
      },
      200,
      (res) => expect(res.body).toMatchObject({ memberId: cast.commission.id, totalPoints: 70, status: 'submitted' }),
    ),
    // The chair (the cast's member chairs `evaluation`'s commission) reopens another member's submitted sheet.
    row(
      'post',
      'POST /applications/:id/scores/:memberId/reopen',
      ['commission'],
      async (c) => ({
        path: `${API}/applications/${eligibleId}/scores/${c === 'commission' ? await submittedByPeer() : (await commissionIds())[1]}/reopen`,
        body: { reason: 'Matice' },
      }),
      200,
      (res) => expect(res.body).toMatchObject({ memberId: peer!.id, status: 'draft', submittedAt: null, reopenReason: 'Matice' }),
    ),
    row('get', 'GET /applications/:id/score-sheets', ['commission'], () => ({ path: `${API}/applications/${eligibleId}/score-sheets` }), 200, (res) =>
      expect(res.body).toMatchObject({ applicationId: eligibleId, sheets: expect.any(Array) }),
    ),
    // A member reads the sheets once their own is in.
    row(
      'get',
      'GET /applications/:id/scores',
      ['officer', 'commission'],
      async (c) => {
        if (c === 'commission') await scoredByMember();
        return { path: `${API}/applications/${eligibleId}/scores` };
      },
      200,
      (res) => expect(res.body).toMatchObject({ applicationId: eligibleId, sheets: expect.any(Array), scorers: res.body.sheets.length }),
    ),
    row('get', 'GET /applications/:id/my-evaluation', ['commission'], () => ({ path: `${API}/applications/${eligibleId}/my-evaluation` }), 200, (res) =>
      expect(res.body).toMatchObject({ applicationId: eligibleId, declaration: { hasConflict: false }, automaticConflict: false, scoring: 'open' }),
    ),
    row(
      'patch',
      'PATCH /applications/:id/proposal',
      ['officer'],
      () => ({ path: `${API}/applications/${eligibleId}/proposal`, body: { proposedCzk: 100_000 } }),
      200,
      (res) => expect(res.body).toMatchObject({ applicationId: eligibleId, proposedCzk: 100_000, requestedCzk: 175_000 }),
    ),
    row('get', 'GET /calls/:id/ranking', ['officer', 'commission'], () => ({ path: `${API}/calls/${evaluation.callId}/ranking` }), 200, (res) => {
      expect(res.body).toMatchObject({ callId: evaluation.callId, evaluationClosed: false });
      expect(res.body.items.map((i: { applicationId: string }) => i.applicationId)).toContain(eligibleId);
    }),
    // The minutes of a closed evaluation: the officer, and the members of that call's commission (a member of another call's: 403 NOT_A_COMMISSION_MEMBER, see commission-minutes).
    row('get', 'GET /calls/:id/commission-minutes', ['officer', 'commission'], () => ({ path: `${API}/calls/${minutesCall.callId}/commission-minutes` }), 200, (res) => {
      expect(res.body).toMatchObject({ call: { id: minutesCall.callId }, members: [{ userId: cast.commission.id, chair: true }], parts: [expect.objectContaining({ code: '1', applications: [] }), expect.objectContaining({ code: '2' })] });
      expect(Date.parse(res.body.evaluationClosedAt)).not.toBeNaN();
    }),
    row('post', 'POST /calls/:id/funding-proposal', ['officer'], () => ({ path: `${API}/calls/${evaluation.callId}/funding-proposal` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: evaluation.callId, evaluationClosed: false, parts: expect.any(Array) }),
    ),
    row('post', 'POST /calls/:id/close-evaluation', ['officer'], () => ({ path: `${API}/calls/${closable.callId}/close-evaluation` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: closable.callId, evaluationClosed: true, items: [] }),
    ),
    // decisions, contracts and money (on `money`); segregated: officers decide and contract, the Budget Department pays
    row(
      'post',
      'POST /applications/:id/decision',
      ['officer'],
      () => ({
        path: `${API}/applications/${moneyApp.decide}/decision`,
        body: { outcome: 'approved', amountCzk: 60_000, body: 'council', resolutionNumber: 'R-MATRIX-2', resolutionDate: today(t) },
      }),
      201,
      (res) =>
        expect(res.body).toMatchObject({ applicationId: moneyApp.decide, outcome: 'approved', amountCzk: 60_000, status: 'approved', letterId: expect.stringMatching(UUID) }),
    ),
    row(
      'post',
      'POST /resolutions/:id/adopt',
      ['officer'],
      () => ({ path: `${API}/resolutions/${resolutionToAdopt}/adopt`, body: { resolutionNumber: 'UR-MATRIX-1', resolutionDate: today(t), body: 'council' } }),
      200,
      (res) =>
        expect(res.body).toMatchObject({
          resolutionId: resolutionToAdopt,
          status: 'adopted',
          lines: [{ applicationId: adoptedApp, outcome: 'approved', amountCzk: 60_000, status: 'approved', letterId: expect.stringMatching(UUID) }],
        }),
    ),
    row(
      'post',
      'POST /applications/:id/contract',
      ['officer'],
      () => ({
        path: `${API}/applications/${moneyApp.contract}/contract`,
        body: { contractNumber: `SML-${moneyApp.contract}`, signedOn: today(t), bankAccount: '19-2000145399/0800' },
      }),
      201,
      (res) =>
        expect(res.body).toMatchObject({ applicationId: moneyApp.contract, amountCzk: 60_000, signedOn: today(t), publicationDueOn: addDays(today(t), 30), publishedOn: null }),
    ),
    row(
      'patch',
      'PATCH /applications/:id/contract',
      ['officer'],
      () => ({ path: `${API}/applications/${moneyApp.publish}/contract`, body: { settlementDueOn: addDays(today(t), 400) } }),
      200,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.publish, settlementDueOn: addDays(today(t), 400) }),
    ),
    row(
      'post',
      'POST /applications/:id/contract/publication',
      ['officer'],
      () => ({ path: `${API}/applications/${moneyApp.publish}/contract/publication`, body: { publishedOn: today(t), url: 'https://smlouvy.gov.cz/smlouva/matice' } }),
      201,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.publish, publishedOn: today(t), publicationUrl: 'https://smlouvy.gov.cz/smlouva/matice' }),
    ),
    row(
      'post',
      'POST /applications/:id/payments',
      ['budget'],
      () => ({ path: `${API}/applications/${moneyApp.pay}/payments`, body: { amountCzk: 10_000, paidOn: today(t), paymentReference: 'VS MATICE' } }),
      201,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.pay, amountCzk: 10_000, paidTotalCzk: 10_000, awardCzk: 60_000 }),
    ),
    // The recipient's own application; another organisation's is 404 (below).
    row(
      'post',
      'POST /applications/:id/settlement',
      ['applicant'],
      () => ({ path: `${API}/applications/${moneyApp.settle}/settlement`, body: settlementOf(20_000) }),
      201,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.settle, status: 'settlement_submitted', spentCzk: 20_000, paidCzk: 20_000 }),
    ),
    row(
      'post',
      'POST /applications/:id/settlement/review',
      ['officer'],
      () => ({ path: `${API}/applications/${moneyApp.review}/settlement/review`, body: { acceptedCzk: 20_000, note: '' } }),
      201,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.review, status: 'closed', acceptedCzk: 20_000, returnDueCzk: 0 }),
    ),
    row(
      'post',
      'POST /applications/:id/returns',
      ['budget'],
      () => ({ path: `${API}/applications/${moneyApp.ret}/returns`, body: { amountCzk: 1_000, receivedOn: today(t), reference: 'Výpis 2027/1' } }),
      201,
      (res) => expect(res.body).toMatchObject({ applicationId: moneyApp.ret, amountCzk: 1_000, returnDueCzk: 0, status: 'contracted' }),
    ),
    row('get', 'GET /applications/:id/ledger', ['applicant', 'officer', 'budget'], () => ({ path: `${API}/applications/${moneyApp.ret}/ledger` }), 200, (res) =>
      expect(res.body.slice(0, 2).map((l: { type: string; amountCzk: number }) => [l.type, l.amountCzk])).toEqual([
        ['commitment', 60_000],
        ['payment', 20_000],
      ]),
    ),
    row('get', 'GET /calls/:id/budget', ['officer', 'budget'], () => ({ path: `${API}/calls/${money.call.callId}/budget` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: money.call.callId, parts: [expect.objectContaining({ code: '1', allocationCzk: 3_000_000 }), expect.objectContaining({ code: '2' })] }),
    ),
    row('get', 'GET /ledger/check', ['budget', 'admin'], () => ({ path: `${API}/ledger/check` }), 200, (res) => {
      expect(res.body).toMatchObject({ ok: expect.any(Boolean), transactions: expect.any(Number), unbalancedTransactions: [] });
      expect(res.body.parts.map((p: { partId: string }) => p.partId)).not.toContain(money.partIds.get('1'));
    }),
    row(
      'post',
      'POST /ledger/transactions/:id/reversal',
      ['budget'],
      async () => {
        const lines = await expectStatus(ledgerOf(t, cast.budget.token, moneyApp.reverse), 200, 'ledger');
        const payment = lines.body.find((l: { type: string }) => l.type === 'payment') as { id: string };
        return { path: `${API}/ledger/transactions/${payment.id}/reversal`, body: { reason: 'Zaúčtováno omylem' } };
      },
      201,
      (res) =>
        expect(res.body).toMatchObject({ type: 'payment', amountCzk: 20_000, applicationId: moneyApp.reverse, paidCzk: 0, returnedCzk: 0, returnDueCzk: 0 }),
    ),
    // letters (on `money`: the cast's applicant's applications)
    row('get', 'GET /applications/:id/letters', ['applicant', 'officer', 'budget'], () => ({ path: `${API}/applications/${moneyApp.contract}/letters` }), 200, (res) =>
      expect(res.body).toEqual([expect.objectContaining({ id: readyLetterId, kind: 'approval', status: 'ready', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]),
    ),
    row('get', 'GET /letters', ['officer', 'budget'], () => ({ path: `${API}/letters?callId=${money.call.callId}&pageSize=200` }), 200, (res) => {
      isPage(res, 200);
      expect(res.body.items).toContainEqual(expect.objectContaining({ id: readyLetterId, applicationId: moneyApp.contract, kind: 'approval', status: 'ready', failureReason: null }));
    }),
    {
      ...row('get', 'GET /letters/:id/pdf', ['applicant', 'officer', 'budget'], () => ({ path: `${API}/letters/${readyLetterId}/pdf` }), 200, (res) =>
        expect(res.headers).toMatchObject({ etag: expect.stringMatching(/^"[0-9a-f]{64}"$/), 'content-disposition': expect.stringMatching(/-approval\.pdf"$/) }),
      ),
      contentType: /^application\/pdf$/,
    },
    // The officer's cell needs a failed letter: the worker's last attempt is simulated on a queued one.
    row(
      'post',
      'POST /letters/:id/retry',
      ['officer'],
      async (c) => {
        const [letter] = await storedLetters([moneyApp.publish]);
        if (c === 'officer') await simulateWorkerGaveUp(letter.id);
        return { path: `${API}/letters/${letter.id}/retry` };
      },
      202,
      (res) => expect(res.body).toMatchObject({ kind: 'approval', status: 'queued', failureReason: null }),
    ),
    // reports and open data (on `money`)
    row('get', 'GET /reports/disbursements', ['budget', 'officer'], () => ({ path: `${API}/reports/disbursements?callId=${money.call.callId}` }), 200, (res) => {
      expect(res.body.callId).toBe(money.call.callId);
      expect(res.body.items).toContainEqual(expect.objectContaining({ type: 'payment', applicationId: moneyApp.ret, amountCzk: 20_000 }));
    }),
    row('get', 'GET /reports/reconciliation', ['budget'], () => ({ path: `${API}/reports/reconciliation?callId=${money.call.callId}` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: money.call.callId, parts: [expect.objectContaining({ code: '1', allocationCzk: 3_000_000 }), expect.objectContaining({ code: '2' })] }),
    ),
    row('get', 'GET /reports/policy', ['officer', 'budget'], () => ({ path: `${API}/reports/policy?callId=${money.call.callId}` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: money.call.callId, totalAwardedCzk: expect.any(Number), byMeasure: expect.any(Array) }),
    ),
    row('get', 'GET /exports/360giving', EVERYONE, () => ({ path: `${API}/exports/360giving?callId=${money.call.callId}` }), 200, (res) => {
      expect(res.body.publisher).toMatchObject({ identifier: 'CZ-ICO-00064581' });
      expect(res.body.grants.length).toBeGreaterThanOrEqual(6);
    }),
    // resolutions (on `resolvable`): officers draft, edit, and record a rejection or a withdrawal
    row(
      'post',
      'POST /calls/:id/resolutions',
      ['officer'],
      async (caller) => {
        if (caller === 'officer') await noLiveDraft();
        return { path: `${API}/calls/${resolvable.call.callId}/resolutions` };
      },
      201,
      (res) => {
        expect(res.body.resolutions.map((r: { body: string; status: string }) => [r.body, r.status])).toEqual([['council', 'draft']]);
        expect(res.body.resolutions[0].lines.map((l: { outcome: string }) => l.outcome)).toEqual(['approved', 'approved']);
      },
    ),
    row('get', 'GET /calls/:id/resolutions', ['officer'], () => ({ path: `${API}/calls/${resolvable.call.callId}/resolutions` }), 200, (res) => {
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body[0]).toMatchObject({ callId: resolvable.call.callId, body: 'council' });
    }),
    row('get', 'GET /resolutions/:id', ['officer'], async () => ({ path: `${API}/resolutions/${(await liveDraft()).id}` }), 200, (res) =>
      expect(res.body).toMatchObject({ callId: resolvable.call.callId, status: 'draft', totals: { lines: 2 } }),
    ),
    row('get', 'GET /resolutions/:id/annex', ['officer'], async () => ({ path: `${API}/resolutions/${(await liveDraft()).id}/annex` }), 200, (res) =>
      expect(res.body).toMatchObject({ status: 'draft', totals: { lines: 2 } }),
    ),
    row(
      'patch',
      'PATCH /resolutions/:id/lines/:applicationId',
      ['officer'],
      async () => {
        const draft = await liveDraft();
        return { path: `${API}/resolutions/${draft.id}/lines/${draft.applicationId}`, body: { outcome: 'rejected', reason: 'Matice oprávnění.' } };
      },
      200,
      (res) => {
        expect(res.body).toMatchObject({ status: 'draft', movedToResolutionId: null });
        expect(res.body.lines[0]).toMatchObject({ outcome: 'rejected', reason: 'Matice oprávnění.', amountCzk: null });
      },
    ),
    row(
      'post',
      'POST /resolutions/:id/rejection',
      ['officer'],
      async () => ({ path: `${API}/resolutions/${(await liveDraft()).id}/rejection`, body: { reason: 'Rada usnesení nepřijala.' } }),
      200,
      (res) => expect(res.body).toMatchObject({ status: 'rejected', closeReason: 'Rada usnesení nepřijala.' }),
    ),
    row(
      'post',
      'POST /resolutions/:id/withdrawal',
      ['officer'],
      async () => ({ path: `${API}/resolutions/${(await liveDraft()).id}/withdrawal`, body: { reason: 'Návrh stažen.' } }),
      200,
      (res) => expect(res.body).toMatchObject({ status: 'withdrawn', closeReason: 'Návrh stažen.' }),
    ),
    // audit
    row('get', 'GET /audit', ['budget', 'admin'], () => ({ path: `${API}/audit` }), 200, (res) => {
      isPage(res);
      expect(res.body.total).toBeGreaterThan(0);
    }),
    row('get', 'GET /audit/verify', ['budget', 'admin'], () => ({ path: `${API}/audit/verify` }), 200, (res) =>
      expect(res.body).toMatchObject({ ok: true, events: expect.any(Number) }),
    ),
    row('get', 'GET /audit/checkpoints', ['budget', 'admin'], () => ({ path: `${API}/audit/checkpoints` }), 200, (res) => {
      isPage(res);
      expect(res.body.items).toEqual(expect.any(Array));
    }),
    // platform
    row('get', 'GET /health/live', EVERYONE, () => ({ path: '/health/live' }), 200, (res) => expect(res.body.status).toBe('ok')),
    row('get', 'GET /health/ready', EVERYONE, () => ({ path: '/health/ready' }), 200, (res) => expect(res.body.status).toBe('ok')),
    row('get', 'GET /api/docs-json', EVERYONE, () => ({ path: '/api/docs-json' }), 200, (res) => {
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths)).toContain('/api/v1/applications');
    }),
    // bull-board (Express middleware behind the API's token check; not in the OpenAPI document)
    { ...row('get', 'GET /admin/queues', ['officer', 'admin'], () => ({ path: '/admin/queues' }), 200, (res) => expect(res.text).toContain('<div id="root">')), contentType: /^text\/html/ },
  ];

  /** Rows that are not operations of the OpenAPI document. */
  const NOT_IN_OPENAPI = new Set(['GET /api/docs-json', 'GET /admin/queues']);

  type Expectation = 'success' | 'unauthenticated' | 'forbidden' | 'forbidden-or-not-found';

  function expectationFor(r: Row, caller: Caller): Expectation {
    if (r.allowed === EVERYONE) return 'success';
    if (caller === 'anonymous') return 'unauthenticated';
    if (r.allowed.includes(caller)) return 'success';
    if (r.relationOnly?.includes(caller)) return 'forbidden-or-not-found';
    return 'forbidden';
  }

  const CELLS = MATRIX.flatMap((r) => CALLERS.map((caller) => [r.route, caller, expectationFor(r, caller), r] as const));

  it('the matrix covers every route of the OpenAPI document, once', async () => {
    const doc = await t.http.get('/api/docs-json');
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const inMatrix = MATRIX.map((r) => r.route);
    expect(new Set(inMatrix).size).toBe(inMatrix.length);
    expect([...inMatrix].filter((r) => !NOT_IN_OPENAPI.has(r)).sort()).toEqual(documented.sort());
  });

  it.each(CELLS)('%s as %s → %s', async (_route, caller, expectation, r) => {
    const { path, body } = await r.prepare(caller);
    const res = await send(r.method, path, tokenOf(caller), body);
    switch (expectation) {
      case 'unauthenticated':
        expectUnauthenticated(res);
        break;
      case 'forbidden':
        expectForbidden(res);
        break;
      case 'forbidden-or-not-found':
        expect([403, 404]).toContain(res.status);
        expectProblem(res, res.status, res.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
        break;
      case 'success':
        if (res.status !== r.success) throw new Error(`expected ${r.success}, got ${res.status} ${JSON.stringify(res.body)}`);
        if (r.success === 204) expect(res.text ?? '').toBe('');
        else expect(res.headers['content-type']).toMatch(r.contentType ?? /^application\/json/);
        r.check?.(res, caller);
        break;
    }
  });

  it('a refused staff request never reached the shared draft', async () => {
    const res = await send('get', `${API}/applications/${sharedDraftId}`, cast.applicant.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', title: 'Čeština pro rodiče dětí cizinců', referenceNumber: null });
    expect(res.body.statusHistory).toHaveLength(1);
  });

  it('a refused confirmation or rejection never decided the shared bank account request', async () => {
    expect(sharedBankAccountRequest).toBeDefined();
    const res = await send('get', `${API}/bank-account-requests?status=pending&pageSize=200`, cast.officer.token);
    expect(res.body.items).toContainEqual(expect.objectContaining({ id: sharedBankAccountRequest, status: 'pending', decidedBy: null }));
  });

  describe("another organisation's applications do not exist for an applicant (404)", () => {
    let a: Applicant;
    let b: Applicant;
    let aDraft: string;
    let aSubmitted: string;
    let bDraft: string;
    let ownCall: OpenCall;

    beforeAll(async () => {
      [a, b] = await Promise.all([registerApplicant(t), registerApplicant(t)]);
      ownCall = await openCall(t, cast.officer.token);
      aDraft = (await createDraft(t, a.token, ownCall)).id;
      aSubmitted = (await createDraft(t, a.token, ownCall)).id;
      const receipt = await send('post', `${API}/applications/${aSubmitted}/submit`, a.token);
      expect(receipt.status).toBe(200);
      bDraft = (await createDraft(t, b.token, ownCall)).id;
    });

    const OPERATIONS: readonly (readonly [string, Method, (id: string) => string, Json | undefined])[] = [
      ['GET /applications/:id', 'get', (id) => `${API}/applications/${id}`, undefined],
      ['PATCH /applications/:id', 'patch', (id) => `${API}/applications/${id}`, { title: 'Cizí změna' }],
      ['POST /applications/:id/submit', 'post', (id) => `${API}/applications/${id}/submit`, undefined],
      ['POST /applications/:id/withdraw', 'post', (id) => `${API}/applications/${id}/withdraw`, { reason: 'Cizí stažení' }],
    ];
    const TARGETS = ['draft', 'submitted'] as const;
    const CASES = OPERATIONS.flatMap((op) => TARGETS.map((target) => [op[0], target, op] as const));

    it.each(CASES)('%s of its %s application', async (_label, target, [, method, path, body]) => {
      const id = target === 'draft' ? aDraft : aSubmitted;
      const before = await send('get', `${API}/applications/${id}`, a.token);
      expect(before.status).toBe(200);

      const problem = expectProblem(await send(method, path(id), b.token, body), 404, 'NOT_FOUND');
      // Indistinguishable from an id that does not exist at all.
      const missing = expectProblem(await send(method, path(randomUUID()), b.token, body), 404, 'NOT_FOUND');
      expect(problem.detail).toBe(missing.detail);

      const after = await send('get', `${API}/applications/${id}`, a.token);
      expect(after.body).toEqual(before.body);
      expect(after.body.status).toBe(target);
    });

    it("GET /applications lists only the applicant's own organisation's applications", async () => {
      const asA = await send('get', `${API}/applications?pageSize=200`, a.token);
      expect(asA.status).toBe(200);
      expect(asA.body.total).toBe(2);
      expect(asA.body.items.map((x: { id: string }) => x.id).sort()).toEqual([aDraft, aSubmitted].sort());
      expect(asA.body.items.every((x: { organisationId: string }) => x.organisationId === a.organisationId)).toBe(true);

      const asB = await send('get', `${API}/applications?callId=${ownCall.callId}`, b.token);
      expect(asB.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: bDraft, organisationId: b.organisationId })] });

      const asOfficer = await send('get', `${API}/applications?callId=${ownCall.callId}`, cast.officer.token);
      expect(asOfficer.body.items.map((x: { id: string }) => x.id).sort()).toEqual([aDraft, aSubmitted, bDraft].sort());
    });
  });

  describe("another organisation's money does not exist for an applicant (404)", () => {
    let stranger: Applicant;
    beforeAll(async () => {
      stranger = await registerApplicant(t);
    });

    it.each([
      ['POST /applications/:id/settlement', 'post', (id: string) => `${API}/applications/${id}/settlement`, settlementOf(1_000)],
      ['GET /applications/:id/ledger', 'get', (id: string) => `${API}/applications/${id}/ledger`, undefined],
    ] as const)('%s of a paid, contracted application', async (_label, method, path, body) => {
      const before = await ledgerOf(t, cast.applicant.token, moneyApp.ret);
      expect(before.status).toBe(200);
      const problem = expectProblem(await send(method, path(moneyApp.ret), stranger.token, body), 404, 'NOT_FOUND');
      const missing = expectProblem(await send(method, path(randomUUID()), stranger.token, body), 404, 'NOT_FOUND');
      expect(problem.detail).toBe(missing.detail);
      expect((await ledgerOf(t, cast.applicant.token, moneyApp.ret)).body).toEqual(before.body);
      const app = await send('get', `${API}/applications/${moneyApp.ret}`, cast.applicant.token);
      expect(app.body.status).toBe('contracted');
    });
  });

  describe('GET /organisations/:id of another organisation', () => {
    let other: Applicant;
    beforeAll(async () => {
      other = await registerApplicant(t, 'district');
    });

    it('is 404 NOT_FOUND for an applicant, like an organisation that does not exist', async () => {
      const problem = expectProblem(await send('get', `${API}/organisations/${other.organisationId}`, cast.applicant.token), 404, 'NOT_FOUND');
      const missing = expectProblem(await send('get', `${API}/organisations/${randomUUID()}`, cast.applicant.token), 404, 'NOT_FOUND');
      expect(problem.detail).toBe(missing.detail);
    });

    it.each(['officer', 'budget'] as const)('is 200 for %s', async (role) => {
      const res = await send('get', `${API}/organisations/${other.organisationId}`, cast[role].token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: other.organisationId, kind: 'district' });
    });
  });

  describe('PATCH /applications/:id cannot set status, referenceNumber or organisationId', () => {
    let victim: Applicant;
    /** `organisationId` is replaced by a real other organisation's id when the request is sent. */
    const FORBIDDEN_FIELDS: Json = { status: 'approved', referenceNumber: 'HACK-2027-0001', organisationId: 'another organisation' };
    const CASES: readonly (readonly [string, Json, readonly string[]])[] = [
      ...Object.entries(FORBIDDEN_FIELDS).flatMap(([field, value]) => [
        [`${field} alone`, { [field]: value }, [field]] as const,
        [`${field} with a legitimate title`, { title: 'Legitimní změna', [field]: value }, [field]] as const,
      ]),
      ['all three with a legitimate title', { title: 'Legitimní změna', ...FORBIDDEN_FIELDS }, Object.keys(FORBIDDEN_FIELDS)],
    ];

    beforeAll(async () => {
      victim = await registerApplicant(t);
    });

    it.each(CASES)('%s: 400 VALIDATION_FAILED naming the field, nothing changes', async (_label, patch, fields) => {
      const draft = await createDraft(t, victim.token, call);
      const before = await send('get', `${API}/applications/${draft.id}`, victim.token);
      expect(before.body).toMatchObject({ status: 'draft', referenceNumber: null, organisationId: victim.organisationId });

      const body = { ...patch, ...('organisationId' in patch ? { organisationId: cast.applicant.organisationId } : {}) };
      const problem = expectProblem(await send('patch', `${API}/applications/${draft.id}`, victim.token, body), 400, 'VALIDATION_FAILED');
      for (const field of fields) expect(problem.errors).toContainEqual(expect.objectContaining({ field, message: expect.any(String) }));
      expect(problem.errors.map((e) => e.field)).not.toContain('title');

      const after = await send('get', `${API}/applications/${draft.id}`, victim.token);
      expect(after.body).toMatchObject({
        status: 'draft',
        referenceNumber: null,
        organisationId: victim.organisationId,
        title: 'Čeština pro rodiče dětí cizinců',
      });
      expect(after.body).toEqual(before.body);
    });
  });

  describe('bad credentials are 401 UNAUTHENTICATED', () => {
    const REAL_SECRET = () => process.env.JWT_SECRET!;
    const now = () => Math.floor(Date.now() / 1000);
    const forge = (mutate: (claims: Json) => Json, secret = REAL_SECRET(), header?: Json) =>
      signJwt(mutate(claimsOf(cast.admin.token)), secret, header);

    // The queue dashboard checks tokens outside Nest's guard, with the same verification.
    const ROUTES = [`${API}/me`, `${API}/audit/verify`, '/admin/queues/api/queues'];

    it.each(ROUTES)('control: a token re-signed with the real secret is accepted on %s', async (path) => {
      const token = forge((c) => ({ ...c, iat: now(), exp: now() + 600 }));
      expect((await send('get', path, token)).status).toBe(200);
    });

    const BAD_TOKENS: readonly (readonly [string, () => string])[] = [
      ['signed with another secret', () => forge((c) => ({ ...c, iat: now(), exp: now() + 600 }), 'another-secret-of-at-least-thirty-two-characters!!')],
      ['expired (right secret)', () => forge((c) => ({ ...c, iat: now() - 7200, exp: now() - 3600 }))],
      ['unsigned (alg none)', () => forge((c) => ({ ...c, iat: now(), exp: now() + 600 }), REAL_SECRET(), { alg: 'none', typ: 'JWT' }).replace(/[^.]+$/, '')],
      ['HS512 with the right secret', () => forge((c) => c, REAL_SECRET(), { alg: 'HS512', typ: 'JWT' })],
      [
        "an applicant's token with its role rewritten to admin",
        () => {
          const [header, , signature] = cast.applicant.token.split('.');
          const payload = Buffer.from(JSON.stringify({ ...claimsOf(cast.applicant.token), role: 'admin' })).toString('base64url');
          return `${header}.${payload}.${signature}`;
        },
      ],
      ['a truncated signature', () => cast.admin.token.slice(0, -4)],
      ['not a JWT', () => 'not-a-jwt'],
      ['three garbage segments', () => 'a.b.c'],
    ];

    const MALFORMED_HEADERS: readonly (readonly [string, () => string])[] = [
      ['"Bearer" without a token', () => 'Bearer'],
      ['"Bearer " with a blank token', () => 'Bearer    '],
      ['the token without a scheme', () => cast.admin.token],
      ['Basic credentials', () => `Basic ${Buffer.from(`${cast.admin.email}:${PASSWORD}`).toString('base64')}`],
      ['another scheme with a valid token', () => `Token ${cast.admin.token}`],
      ['a valid token followed by junk', () => `Bearer ${cast.admin.token} extra`],
      ['two tokens', () => `Bearer ${cast.admin.token}, Bearer ${cast.admin.token}`],
    ];

    const TOKEN_CASES = BAD_TOKENS.flatMap(([label, make]) => ROUTES.map((path) => [label, path, make] as const));
    const HEADER_CASES = MALFORMED_HEADERS.flatMap(([label, make]) => ROUTES.map((path) => [label, path, make] as const));

    it.each(TOKEN_CASES)('a token %s on %s', async (_label, path, make) => {
      expectUnauthenticated(await send('get', path, make()));
    });

    it.each(HEADER_CASES)('an Authorization header with %s on %s', async (_label, path, make) => {
      expectUnauthenticated(await t.http.get(path).set('Authorization', make()));
    });

    // The portal's session cookie carries the same token and goes through the same verification.
    it.each(ROUTES)('control: a re-signed token is accepted as the session cookie on %s', async (path) => {
      const token = forge((c) => ({ ...c, iat: now(), exp: now() + 600 }));
      expect((await t.http.get(path).set('Cookie', `pg_session=${token}`)).status).toBe(200);
    });

    it.each(TOKEN_CASES)('a session cookie holding a token %s on %s', async (_label, path, make) => {
      expectUnauthenticated(await t.http.get(path).set('Cookie', `pg_session=${make()}`));
    });
  });
  // Issue 12 item 3: the staff's conflicts of interest. A staff user affiliated with the applicant organisation
  // (PUT /users/:id/affiliations) may hold the role a route allows and still not act on that organisation's money.
  describe('a staff user affiliated with the applicant organisation: 403 CONFLICT_OF_INTEREST', () => {
    let own: Applicant;
    /** The affiliated applicant's four applications: recommended, approved, contracted, settlement submitted. */
    const coiApp = { decide: '', contract: '', pay: '', review: '' };
    let conflictedOfficer: string;
    let conflictedBudget: string;

    beforeAll(async () => {
      own = await registerApplicant(t);
      const [coi] = await evaluatedCalls(t, cast, [{ call: { maxApplicationsPerOrganisation: 4 }, entries: Array.from({ length: 4 }, () => ({ applicant: own })) }]);
      [coiApp.decide, coiApp.contract, coiApp.pay, coiApp.review] = coi.applications.map((a) => a.id);
      await expectStatus(approve(t, cast.officer.token, coiApp.contract, { amountCzk: 60_000 }), 201, 'approve');
      await contracted(t, cast.officer.token, coiApp.pay, 60_000);
      await paidOut(t, cast, coiApp.review, 60_000, 20_000);
      await expectStatus(submitSettlement(t, own.token, coiApp.review, settlementOf(20_000)), 201, 'settlement');
      const officer = await createStaff(t, 'officer');
      const budget = await createStaff(t, 'budget');
      for (const user of [officer, budget]) {
        // Affiliated with another organisation too: one affiliation with the applicant is enough.
        const res = await send('put', `${API}/users/${user.id}/affiliations`, cast.admin.token, { organisationIds: [cast.applicant.organisationId, own.organisationId] });
        if (res.status !== 200) throw new Error(`affiliations: ${res.status} ${JSON.stringify(res.body)}`);
      }
      conflictedOfficer = officer.token;
      conflictedBudget = budget.token;
    });

    const CASES = [
      ['POST /applications/:id/decision', 'decide', 'officer', () => ({ outcome: 'approved', amountCzk: 60_000, body: 'council', resolutionNumber: 'R-COI-1', resolutionDate: today(t) }), 'recommended'],
      ['POST /applications/:id/contract', 'contract', 'officer', () => ({ contractNumber: `SML-COI-${coiApp.contract}`, signedOn: today(t), bankAccount: '19-2000145399/0800' }), 'approved'],
      ['POST /applications/:id/payments', 'pay', 'budget', () => ({ amountCzk: 10_000, paidOn: today(t), paymentReference: 'VS COI' }), 'contracted'],
      ['POST /applications/:id/settlement/review', 'review', 'officer', () => ({ acceptedCzk: 20_000, note: '' }), 'settlement_submitted'],
    ] as const;
    const PATHS = { decide: 'decision', contract: 'contract', pay: 'payments', review: 'settlement/review' } as const;

    it.each(CASES)('%s: refused with nothing written; the unaffiliated colleague then succeeds', async (_route, key, role, body, status) => {
      const id = coiApp[key];
      const path = `${API}/applications/${id}/${PATHS[key]}`;
      const conflicted = role === 'officer' ? conflictedOfficer : conflictedBudget;
      const before = await ledgerOf(t, cast.budget.token, id);
      const events = async () => (await auditTrail(t, cast.budget.token, id)).body.total as number;
      const eventsBefore = await events();

      const problem = expectProblem(await send('post', path, conflicted, body()), 403, 'CONFLICT_OF_INTEREST');
      expect(problem.detail).toMatch(/affiliated with the applicant organisation/);
      expect((await send('get', `${API}/applications/${id}`, cast.officer.token)).body.status).toBe(status);
      expect((await ledgerOf(t, cast.budget.token, id)).body).toEqual(before.body);
      expect(await events()).toBe(eventsBefore);

      const colleague = await send('post', path, cast[role].token, body());
      expect([200, 201]).toContain(colleague.status);
    });

    it('a decision the rules would refuse too is refused as the conflict of interest first, nothing written', async () => {
      // The decision asks the caller's affiliation together with its writes: a conflict must still win over them.
      const [call] = await evaluatedCalls(t, cast, [{ entries: [{ applicant: own }] }]);
      const id = call.applications[0].id;
      const decide = (body: Record<string, unknown>) =>
        send('post', `${API}/applications/${id}/decision`, conflictedOfficer, { outcome: 'approved', body: 'council', resolutionNumber: 'R-COI-3', resolutionDate: today(t), ...body });
      for (const refusedToo of [{ amountCzk: 1_000_000_000 }, { amountCzk: 1 }, { amountCzk: 60_000, resolutionDate: '2999-01-01' }]) {
        expectProblem(await decide(refusedToo), 403, 'CONFLICT_OF_INTEREST');
      }
      expect((await send('get', `${API}/applications/${id}`, cast.officer.token)).body.status).toBe('recommended');
      expect((await auditTrail(t, cast.budget.token, id)).body.items.map((e: { action: string }) => e.action)).not.toContain('application.approved');
    });

    it('an affiliation with another organisation is no conflict', async () => {
      // The conflicted officer's affiliations (the cast's applicant and `own`) do not include this applicant.
      const other = await registerApplicant(t);
      const [call] = await evaluatedCalls(t, cast, [{ entries: [{ applicant: other }] }]);
      const res = await send('post', `${API}/applications/${call.applications[0].id}/decision`, conflictedOfficer, {
        outcome: 'approved',
        amountCzk: 60_000,
        body: 'council',
        resolutionNumber: 'R-COI-2',
        resolutionDate: today(t),
      });
      expect(res.status).toBe(201);
    });
  });
});
