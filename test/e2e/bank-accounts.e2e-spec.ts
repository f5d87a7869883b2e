import { randomUUID } from 'node:crypto';
import { addDays } from '@app/core/time/prague-time';
import { adminToken, createCast, createStaff, login, registrationBody, type Applicant, type Cast, type Staff } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { approve, evaluatedCalls, pay, signContract, today, type EvaluatedCall } from '../support/money';
import { getReport, insertPaymentAsOwner, moveClockTo } from '../support/reports';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Grant money cannot be redirected by one person (issue 12, item 4): a
 * contract names the organisation's registered account; the registered
 * account changes only when the organisation's user asks and an officer (not
 * the same person, not affiliated with the organisation) confirms, both named
 * in the audit trail; payments go to the account registered when they are
 * made, and the reconciliation flags a payment to an account that was not the
 * organisation's registered one on the day it was paid.
 *
 * The tests run in order on one timeline: contracts on d0, the change on
 * d0 + 1, payments on d0 + 2.
 */

const ACCOUNT = '19-2000145399/0800';
const NEW_ACCOUNT = '2701000133/2010';
const THIRD_ACCOUNT = '2701000168/2010';
const DISTRICT_ACCOUNT = '27-2701000336/0710';

describe('bank accounts: registered, changed by two people, reconciled', () => {
  let t: TestApp;
  let cast: Cast;
  let district: Applicant;
  let money: EvaluatedCall;
  let d0: string;
  let requestId: string;

  const officer = () => cast.officer.token;
  const org = () => cast.applicant.organisationId;
  const appId = (i: number) => money.applications[i].id;

  function requestChange(token: string, organisationId: string, bankAccount: unknown) {
    return t.http.post(`${API}/organisations/${organisationId}/bank-account-requests`).auth(token, { type: 'bearer' }).send({ bankAccount });
  }
  function confirm(token: string, id: string) {
    return t.http.post(`${API}/bank-account-requests/${id}/confirmation`).auth(token, { type: 'bearer' });
  }
  function reject(token: string, id: string, body: Record<string, unknown>) {
    return t.http.post(`${API}/bank-account-requests/${id}/rejection`).auth(token, { type: 'bearer' }).send(body);
  }
  async function registeredAccount(organisationId: string): Promise<string | null> {
    const res = await t.http.get(`${API}/organisations/${organisationId}`).auth(officer(), { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body.bankAccount;
  }
  async function created(request: PromiseLike<{ status: number; body: unknown }>, what: string) {
    const res = await request;
    if (res.status !== 201) throw new Error(`${what}: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
    return res as { status: number; body: Record<string, unknown> };
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    // A city district registered without a bank account.
    const body = registrationBody({ kind: 'district' });
    delete (body.organisation as { bankAccount?: string }).bankAccount;
    const registered = await created(t.http.post(`${API}/auth/register`).send(body), 'register district');
    district = { token: await login(t, body.user.email), userId: registered.body.userId as string, organisationId: registered.body.organisationId as string, email: body.user.email };
    [money] = await evaluatedCalls(t, cast, [
      { call: { maxApplicationsPerOrganisation: 3 }, entries: [{ applicant: cast.applicant }, { applicant: cast.applicant }, { applicant: cast.applicant }, { applicant: district }] },
    ]);
    for (const a of money.applications) await created(approve(t, officer(), a.id), 'approve');
    d0 = today(t);
  });
  afterAll(() => t?.close());

  it('a contract names the organisation’s registered account, or takes it when the body names none', async () => {
    const other = expectProblem(await signContract(t, officer(), appId(0), { bankAccount: THIRD_ACCOUNT }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');
    expect(other.errors).toEqual([expect.objectContaining({ field: 'bankAccount', code: 'BANK_ACCOUNT_NOT_REGISTERED' })]);
    expect(other.detail).toContain(ACCOUNT);
    expect((await t.http.get(`${API}/applications/${appId(0)}`).auth(officer(), { type: 'bearer' })).body.status).toBe('approved');

    // An invalid account is still 400, checked first.
    expectProblem(await signContract(t, officer(), appId(0), { bankAccount: '124/0800' }), 400, 'INVALID_BANK_ACCOUNT');

    // The organisation has no registered account: no contract can name one.
    const none = expectProblem(await signContract(t, officer(), appId(3), { bankAccount: DISTRICT_ACCOUNT }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');
    expect(none.detail).toMatch(/no registered bank account/);
    expectProblem(await signContract(t, officer(), appId(3), { bankAccount: undefined }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');

    // The registered account written with leading zeros is the same account; the contract keeps the registered form.
    const zeros = await created(signContract(t, officer(), appId(0), { bankAccount: `0000${ACCOUNT}` }), 'contract 0');
    expect(zeros.body.bankAccount).toBe(ACCOUNT);
    const taken = await created(signContract(t, officer(), appId(1), { bankAccount: undefined }), 'contract 1');
    expect(taken.body).toMatchObject({ bankAccount: ACCOUNT, amountCzk: 175_000 });
  });

  it('the organisation asks for a new account; nothing changes until an officer confirms', async () => {
    moveClockTo(t, addDays(d0, 1));
    const invalid = expectProblem(await requestChange(cast.applicant.token, org(), '124/0800'), 400, 'INVALID_BANK_ACCOUNT');
    expect(invalid.errors).toEqual([expect.objectContaining({ field: 'bankAccount' })]);
    const same = expectProblem(await requestChange(cast.applicant.token, org(), `0${ACCOUNT}`), 400, 'VALIDATION_FAILED');
    expect(same.errors).toEqual([expect.objectContaining({ field: 'bankAccount', message: expect.stringMatching(/already the registered account/) })]);

    // Another organisation's user: as if it did not exist.
    const foreign = expectProblem(await requestChange(district.token, org(), NEW_ACCOUNT), 404, 'NOT_FOUND');
    expect(foreign.detail).toBe(expectProblem(await requestChange(district.token, randomUUID(), NEW_ACCOUNT), 404, 'NOT_FOUND').detail);

    const res = await created(requestChange(cast.applicant.token, org(), NEW_ACCOUNT), 'request');
    requestId = res.body.id as string;
    expect(res.body).toEqual({
      id: expect.any(String),
      organisationId: org(),
      organisationName: expect.stringMatching(/^Poradna pro cizince/),
      ico: expect.stringMatching(/^\d{8}$/),
      bankAccount: NEW_ACCOUNT,
      previousBankAccount: ACCOUNT,
      status: 'pending',
      requestedBy: { id: cast.applicant.userId, fullName: 'Jana Nováková' },
      requestedAt: t.clock.now().toISOString(),
      decidedBy: null,
      decidedAt: null,
      rejectionReason: null,
    });
    expectProblem(await requestChange(cast.applicant.token, org(), THIRD_ACCOUNT), 409, 'BANK_ACCOUNT_REQUEST_PENDING');

    // Pending is not registered: the organisation, its contracts and its payments keep the old account.
    expect(await registeredAccount(org())).toBe(ACCOUNT);
    expectProblem(await signContract(t, officer(), appId(2), { bankAccount: NEW_ACCOUNT }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');

    // The officers' queue and the organisation's own list.
    const queue = await t.http.get(`${API}/bank-account-requests?status=pending&pageSize=200`).auth(officer(), { type: 'bearer' });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(res.body);
    expect(queue.body.items.every((r: { status: string }) => r.status === 'pending')).toBe(true);
    const own = await t.http.get(`${API}/organisations/${org()}/bank-account-requests`).auth(cast.applicant.token, { type: 'bearer' });
    expect(own.status).toBe(200);
    expect(own.body).toEqual([res.body]);
    expectProblem(await t.http.get(`${API}/organisations/${org()}/bank-account-requests`).auth(district.token, { type: 'bearer' }), 404, 'NOT_FOUND');
  });

  it('an officer affiliated with the organisation may not confirm; another officer does, and the audit trail names both people', async () => {
    const admin = await adminToken(t);
    const insider: Staff = await createStaff(t, 'officer', admin);
    const affiliated = await t.http.put(`${API}/users/${insider.id}/affiliations`).auth(admin, { type: 'bearer' }).send({ organisationIds: [org()] });
    expect(affiliated.status).toBe(200);
    const refused = expectProblem(await confirm(insider.token, requestId), 403, 'FORBIDDEN');
    expect(refused.detail).toMatch(/affiliated/);
    expect(await registeredAccount(org())).toBe(ACCOUNT);

    const confirmed = await created(confirm(officer(), requestId), 'confirmation');
    expect(confirmed.body).toMatchObject({
      id: requestId,
      status: 'confirmed',
      bankAccount: NEW_ACCOUNT,
      previousBankAccount: ACCOUNT,
      requestedBy: { id: cast.applicant.userId, fullName: 'Jana Nováková' },
      decidedBy: { id: cast.officer.id, fullName: 'Test officer' },
      decidedAt: t.clock.now().toISOString(),
    });
    expect(await registeredAccount(org())).toBe(NEW_ACCOUNT);
    expectProblem(await confirm(officer(), requestId), 409, 'BANK_ACCOUNT_REQUEST_DECIDED');
    expectProblem(await reject(officer(), requestId, { reason: 'Pozdě' }), 409, 'BANK_ACCOUNT_REQUEST_DECIDED');
    expectProblem(await confirm(officer(), randomUUID()), 404, 'NOT_FOUND');

    const audit = await t.http.get(`${API}/audit?entityType=organisation&entityId=${org()}`).auth(cast.budget.token, { type: 'bearer' });
    const events = audit.body.items as { action: string; actorUserId: string; before: unknown; after: Record<string, unknown> }[];
    expect(events.find((e) => e.action === 'organisation.bank_account_requested')).toMatchObject({
      actorUserId: cast.applicant.userId,
      after: { id: requestId, bankAccount: NEW_ACCOUNT, requestedBy: { id: cast.applicant.userId, fullName: 'Jana Nováková' } },
    });
    expect(events.find((e) => e.action === 'organisation.bank_account_confirmed')).toMatchObject({
      actorUserId: cast.officer.id,
      before: { bankAccount: ACCOUNT },
      after: {
        bankAccount: NEW_ACCOUNT,
        requestId,
        requestedBy: { id: cast.applicant.userId, fullName: 'Jana Nováková' },
        confirmedBy: { id: cast.officer.id, fullName: 'Test officer' },
      },
    });

    // From now on a contract names the new account, and the old one is refused.
    expectProblem(await signContract(t, officer(), appId(2), { bankAccount: ACCOUNT }), 422, 'BANK_ACCOUNT_NOT_REGISTERED');
    expect((await created(signContract(t, officer(), appId(2), { bankAccount: NEW_ACCOUNT }), 'contract 2')).body.bankAccount).toBe(NEW_ACCOUNT);
  });

  it('a rejection needs a reason and leaves the registered account; a district without an account gets its first one', async () => {
    // The test clock stands still: the second request is asked for a minute after the first was decided.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    const second = await created(requestChange(cast.applicant.token, org(), THIRD_ACCOUNT), 'second request');
    expectProblem(await reject(officer(), second.body.id as string, {}), 400, 'VALIDATION_FAILED');
    const rejected = await created(reject(officer(), second.body.id as string, { reason: 'Účet nepatří organizaci.' }), 'rejection');
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Účet nepatří organizaci.', decidedBy: { id: cast.officer.id } });
    expect(await registeredAccount(org())).toBe(NEW_ACCOUNT);
    const audit = await t.http.get(`${API}/audit?entityType=organisation&entityId=${org()}`).auth(cast.budget.token, { type: 'bearer' });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'organisation.bank_account_rejected', actorUserId: cast.officer.id, reason: 'Účet nepatří organizaci.' }),
    );

    const first = await created(requestChange(district.token, district.organisationId, DISTRICT_ACCOUNT), 'district request');
    expect(first.body.previousBankAccount).toBeNull();
    await created(confirm(officer(), first.body.id as string), 'district confirmation');
    expect((await created(signContract(t, officer(), appId(3), { bankAccount: undefined }), 'contract 3')).body.bankAccount).toBe(DISTRICT_ACCOUNT);

    const all = await t.http.get(`${API}/organisations/${org()}/bank-account-requests`).auth(officer(), { type: 'bearer' });
    expect(all.body.map((r: { status: string }) => r.status)).toEqual(['rejected', 'confirmed']);
  });

  it('payments go to the account registered when they are made; the reconciliation flags money sent to an account not registered on its day', async () => {
    moveClockTo(t, addDays(d0, 2));
    // Contract 0 names the old account; the organisation has since registered the new one.
    const paid = await created(pay(t, cast.budget.token, appId(0), 50_000), 'payment');
    expect(paid.body.bankAccount).toBe(NEW_ACCOUNT);

    const now = t.clock.now();
    // To the contract's (old) account after the change: the old check (payment vs its own contract) could not see it.
    await insertPaymentAsOwner({ applicationId: appId(0), amountCzk: 1_000, paidOn: addDays(d0, 2), reference: 'VS stary-ucet', bankAccount: ACCOUNT, createdAt: now, createdBy: cast.budget.id });
    // To the old account on the day it was still registered: fine.
    await insertPaymentAsOwner({ applicationId: appId(1), amountCzk: 2_000, paidOn: d0, reference: 'VS vcas', bankAccount: ACCOUNT, createdAt: now, createdBy: cast.budget.id });
    // A district payment dated before it had any registered account.
    await insertPaymentAsOwner({ applicationId: appId(3), amountCzk: 3_000, paidOn: d0, reference: 'VS drive', bankAccount: DISTRICT_ACCOUNT, createdAt: now, createdBy: cast.budget.id });

    const report = await getReport(t, `/reports/reconciliation?callId=${money.call.callId}`, cast.budget.token);
    expect(report.status).toBe(200);
    const accounts = report.body.anomalies.filter((a: { kind: string }) => a.kind === 'payment_to_other_account');
    // Reference numbers follow the order of submission, which ran concurrently: compare without order.
    expect(accounts).toHaveLength(2);
    expect(accounts).toContainEqual({
      kind: 'payment_to_other_account',
      applicationId: appId(0),
      referenceNumber: money.applications[0].referenceNumber,
      detail: `CZK 1,000 paid on ${addDays(d0, 2)} (VS stary-ucet) to ${ACCOUNT}; the organisation's registered account on that day was ${NEW_ACCOUNT}.`,
    });
    expect(accounts).toContainEqual({
      kind: 'payment_to_other_account',
      applicationId: appId(3),
      referenceNumber: money.applications[3].referenceNumber,
      detail: `CZK 3,000 paid on ${d0} (VS drive) to ${DISTRICT_ACCOUNT}; the organisation had no registered account on that day.`,
    });
  });
});
