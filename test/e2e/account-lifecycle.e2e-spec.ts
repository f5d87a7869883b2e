import { randomUUID } from 'node:crypto';
import { RedisClient } from '@app/core/redis/redis.module';
import { PasswordHasher } from '@app/identity/password-hasher';
import { createTestApp, type TestApp } from '../support/test-app';
import { adminToken, createStaff, login, PASSWORD, registerApplicant, registrationBody, unique, type Staff } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { claimsOf, CSRF_HEADER, SESSION_COOKIE, sessionCookie, sessionOf, setCookies, signToken } from '../support/session';

const NEW_PASSWORD = 'a-brand-new-password-2027';

/**
 * Account lifecycle (issue 12, item 8): an admin disables and re-enables
 * users, changes a staff user's role and issues a password reset; a user
 * changes their password. Every one of these cuts the user's existing tokens
 * at once (a token version checked on every request, cached in Redis); and
 * registration spends no argon2 hash on an email that is taken (item 10).
 */
describe('account lifecycle', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminToken(t);
    adminId = String(claimsOf(admin).sub);
  });
  afterAll(() => t?.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => t.http.get(`${API}/me`).set(bearer(token));
  const asAdmin = (method: 'post' | 'put', path: string, body?: object) => {
    const req = t.http[method](`${API}${path}`).set(bearer(admin));
    return body === undefined ? req : req.send(body);
  };

  async function auditOf(userId: string): Promise<{ action: string; actor_user_id: string | null; after: Record<string, unknown> | null; reason: string | null }[]> {
    return t.dataSource.query(
      `SELECT action, actor_user_id, after, reason FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY seq`,
      [userId],
    );
  }

  describe('disable and enable', () => {
    it('disabling cuts every existing token at once (bearer and cookie), login is refused with the right password; enabling lets the user log in again', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const session = await sessionOf(t, officer.email);
      expect((await me(officer.token)).status).toBe(200);

      const res = await asAdmin('post', `/users/${officer.id}/disable`, { reason: 'Odešel z úřadu' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: officer.id, role: 'officer', disabled: true, affiliations: [] });

      expectProblem(await me(officer.token), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.get(`${API}/me`).set('Cookie', sessionCookie(session)), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.get('/admin/queues/api/queues').set(bearer(officer.token)), 401, 'UNAUTHENTICATED');
      const refused = expectProblem(await t.http.post(`${API}/auth/login`).send({ email: officer.email, password: PASSWORD }), 403, 'ACCOUNT_DISABLED');
      expect(refused.detail).toMatch(/disabled/i);
      // A wrong password still gets the ordinary answer: nothing tells a guesser the account exists.
      expectProblem(await t.http.post(`${API}/auth/login`).send({ email: officer.email, password: 'wrong-password-123' }), 401, 'UNAUTHENTICATED');

      const listed = await t.http.get(`${API}/users?role=officer&pageSize=200`).set(bearer(admin));
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: officer.id, disabled: true }));

      const enabled = await asAdmin('post', `/users/${officer.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ id: officer.id, disabled: false });
      // The tokens from before stay cut; a new login works.
      expectProblem(await me(officer.token), 401, 'UNAUTHENTICATED');
      expect((await me(await login(t, officer.email))).status).toBe(200);

      const actions = (await auditOf(officer.id)).map((e) => [e.action, e.actor_user_id, e.reason]);
      expect(actions).toEqual([
        ['user.created', adminId, null],
        ['user.disabled', adminId, 'Odešel z úřadu'],
        ['user.enabled', adminId, null],
      ]);
    });

    it('disables an applicant too; disabling twice changes nothing more', async () => {
      const applicant = await registerApplicant(t);
      expect((await asAdmin('post', `/users/${applicant.userId}/disable`)).status).toBe(200);
      expect((await asAdmin('post', `/users/${applicant.userId}/disable`)).body).toMatchObject({ disabled: true });
      expectProblem(await me(applicant.token), 401, 'UNAUTHENTICATED');
      expect((await auditOf(applicant.userId)).filter((e) => e.action === 'user.disabled')).toHaveLength(1);
    });

    it('an admin cannot disable themselves or change their own role (409 CANNOT_CHANGE_OWN_ACCOUNT), so an admin always remains', async () => {
      const second = await createStaff(t, 'admin', admin);
      expectProblem(await t.http.post(`${API}/users/${second.id}/disable`).set(bearer(second.token)), 409, 'CANNOT_CHANGE_OWN_ACCOUNT');
      expectProblem(await t.http.put(`${API}/users/${second.id}/role`).set(bearer(second.token)).send({ role: 'officer' }), 409, 'CANNOT_CHANGE_OWN_ACCOUNT');
      expect((await me(second.token)).body).toMatchObject({ role: 'admin' });
    });

    it('an unknown user is 404 NOT_FOUND', async () => {
      expectProblem(await asAdmin('post', `/users/${randomUUID()}/disable`), 404, 'NOT_FOUND');
      expectProblem(await asAdmin('post', `/users/${randomUUID()}/enable`), 404, 'NOT_FOUND');
      expectProblem(await asAdmin('put', `/users/${randomUUID()}/role`, { role: 'budget' }), 404, 'NOT_FOUND');
      expectProblem(await asAdmin('post', `/users/${randomUUID()}/password-reset`), 404, 'NOT_FOUND');
    });
  });

  describe('role change', () => {
    it("changes a staff user's role and cuts their tokens: the old token cannot act with the old role", async () => {
      const budget = await createStaff(t, 'budget', admin);
      expect((await t.http.get(`${API}/audit/verify`).set(bearer(budget.token))).status).toBe(200);
      const res = await asAdmin('put', `/users/${budget.id}/role`, { role: 'commission' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: budget.id, role: 'commission', disabled: false });
      expectProblem(await t.http.get(`${API}/audit/verify`).set(bearer(budget.token)), 401, 'UNAUTHENTICATED');
      const fresh = await login(t, budget.email);
      expect(claimsOf(fresh).role).toBe('commission');
      expectProblem(await t.http.get(`${API}/audit/verify`).set(bearer(fresh)), 403, 'FORBIDDEN');
      const changed = (await auditOf(budget.id)).find((e) => e.action === 'user.role_changed');
      expect(changed).toMatchObject({ actor_user_id: adminId, after: expect.objectContaining({ role: 'commission' }) });
    });

    it("an applicant's role cannot change (400 VALIDATION_FAILED), nor can anyone become an applicant", async () => {
      const applicant = await registerApplicant(t);
      const problem = expectProblem(await asAdmin('put', `/users/${applicant.userId}/role`, { role: 'officer' }), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'userId' }));
      const officer = await createStaff(t, 'officer', admin);
      expectProblem(await asAdmin('put', `/users/${officer.id}/role`, { role: 'applicant' }), 400, 'VALIDATION_FAILED');
      expect((await me(applicant.token)).status).toBe(200);
    });
  });

  describe('change password', () => {
    it('needs the current password; the new one works, the old does not, and other sessions are cut while the caller gets a fresh token', async () => {
      const applicant = await registerApplicant(t);
      const otherDevice = await login(t, applicant.email);
      const res = await t.http.put(`${API}/me/password`).set(bearer(applicant.token)).send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { id: applicant.userId, role: 'applicant' } });
      expect(setCookies(res)).toEqual([]);
      expect((await me(res.body.accessToken)).status).toBe(200);
      expectProblem(await me(applicant.token), 401, 'UNAUTHENTICATED');
      expectProblem(await me(otherDevice), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.post(`${API}/auth/login`).send({ email: applicant.email, password: PASSWORD }), 401, 'UNAUTHENTICATED');
      expect(await login(t, applicant.email, NEW_PASSWORD)).toEqual(expect.any(String));
      const events = await auditOf(applicant.userId);
      const changed = events.find((e) => e.action === 'user.password_changed');
      expect(changed).toMatchObject({ actor_user_id: applicant.userId });
      expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
    });

    it('a wrong current password is 422 CURRENT_PASSWORD_WRONG and changes nothing', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const res = await t.http.put(`${API}/me/password`).set(bearer(officer.token)).send({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
      const problem = expectProblem(res, 422, 'CURRENT_PASSWORD_WRONG');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'currentPassword' }));
      expect((await me(officer.token)).status).toBe(200);
      expect(await login(t, officer.email)).toEqual(expect.any(String));
    });

    it('the new password must have at least 12 characters', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const problem = expectProblem(
        await t.http.put(`${API}/me/password`).set(bearer(officer.token)).send({ currentPassword: PASSWORD, newPassword: 'short-11-ch' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'newPassword' }));
    });

    it('from the portal (session cookie and CSRF header) the answer renews the cookie with the new token', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const session = await sessionOf(t, officer.email);
      const res = await t.http
        .put(`${API}/me/password`)
        .set('Cookie', sessionCookie(session))
        .set(CSRF_HEADER, '1')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      const cookie = setCookies(res).find((c) => c.name === SESSION_COOKIE);
      expect(cookie?.value).toBe(res.body.accessToken);
      expect(cookie?.attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/' });
      expect((await t.http.get(`${API}/me`).set('Cookie', sessionCookie(cookie!.value))).status).toBe(200);
      expectProblem(await t.http.get(`${API}/me`).set('Cookie', sessionCookie(session)), 401, 'UNAUTHENTICATED');
    });
  });

  describe('password reset by one-time token', () => {
    async function issueReset(userId: string): Promise<{ token: string; expiresAt: string }> {
      const res = await asAdmin('post', `/users/${userId}/password-reset`);
      if (res.status !== 201) throw new Error(`reset: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { token: string; expiresAt: string };
    }
    const complete = (token: string, newPassword = NEW_PASSWORD) => t.http.post(`${API}/auth/password-reset`).send({ token, newPassword });

    it('the admin gets the token once; it sets a new password, cuts the old tokens, and works only once', async () => {
      const commission = await createStaff(t, 'commission', admin);
      const issued = await asAdmin('post', `/users/${commission.id}/password-reset`);
      expect(issued.status).toBe(201);
      expect(issued.body).toEqual({ userId: commission.id, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String) });
      const hours = (Date.parse(issued.body.expiresAt) - t.clock.now().getTime()) / 3_600_000;
      expect(hours).toBeCloseTo(24, 1);
      // Stored only as a hash.
      const stored: { token_hash: Buffer }[] = await t.dataSource.query('SELECT token_hash FROM password_reset_token WHERE user_id = $1', [commission.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash.toString('hex')).not.toContain(Buffer.from(issued.body.token).toString('hex'));
      expect(JSON.stringify(await auditOf(commission.id))).not.toContain(issued.body.token);

      expect((await me(commission.token)).status).toBe(200);
      const done = await complete(issued.body.token);
      expect(done.status).toBe(204);
      expectProblem(await me(commission.token), 401, 'UNAUTHENTICATED');
      expect(await login(t, commission.email, NEW_PASSWORD)).toEqual(expect.any(String));
      expectProblem(await complete(issued.body.token, 'yet-another-password-1'), 400, 'RESET_TOKEN_INVALID');
      expect(await login(t, commission.email, NEW_PASSWORD)).toEqual(expect.any(String));

      const actions = (await auditOf(commission.id)).map((e) => e.action);
      expect(actions).toEqual(['user.created', 'user.password_reset_issued', 'user.password_reset']);
    });

    it('an expired token, an unknown one, one replaced by a newer reset and one of a disabled user are all 400 RESET_TOKEN_INVALID', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const expired = await issueReset(officer.id);
      const issuedAt = t.clock.now();
      t.clock.set(new Date(issuedAt.getTime() + 24 * 3_600_000 + 1_000));
      try {
        expectProblem(await complete(expired.token), 400, 'RESET_TOKEN_INVALID');
      } finally {
        t.clock.set(issuedAt);
      }
      expectProblem(await complete('A'.repeat(43)), 400, 'RESET_TOKEN_INVALID');

      const first = await issueReset(officer.id);
      const second = await issueReset(officer.id);
      expectProblem(await complete(first.token), 400, 'RESET_TOKEN_INVALID');

      await asAdmin('post', `/users/${officer.id}/disable`).expect(200);
      expectProblem(await complete(second.token), 400, 'RESET_TOKEN_INVALID');
      await asAdmin('post', `/users/${officer.id}/enable`).expect(200);
      expect(await login(t, officer.email)).toEqual(expect.any(String));
    });
  });

  describe('the token version check', () => {
    it('falls back to PostgreSQL when the cached version is gone, and a stale cache entry never lets a cut token in', async () => {
      const officer: Staff = await createStaff(t, 'officer', admin);
      const redis = t.app.get(RedisClient);
      await redis.del(`token-version:${officer.id}`);
      expect((await me(officer.token)).status).toBe(200);
      expect(await redis.get(`token-version:${officer.id}`)).toBe('0');
      // The cache may only move forward: offering an older version after a bump changes nothing.
      await asAdmin('post', `/users/${officer.id}/disable`).expect(200);
      expect(await redis.get(`token-version:${officer.id}`)).toBe('1');
      expectProblem(await me(officer.token), 401, 'UNAUTHENTICATED');
    });

    it('a token without a version (issued before versions existed) is refused', async () => {
      const officer = await createStaff(t, 'officer', admin);
      const claims = claimsOf(officer.token);
      delete claims.ver;
      expectProblem(await me(signToken(claims)), 401, 'UNAUTHENTICATED');
      expect((await me(signToken({ ...claims, ver: 0 }))).status).toBe(200);
    });
  });

  describe('registration checks uniqueness before it hashes (item 10)', () => {
    it('a taken email is refused without spending an argon2 hash (registration and POST /users)', async () => {
      const hasher = t.app.get(PasswordHasher);
      const taken = registrationBody();
      await t.http.post(`${API}/auth/register`).send(taken).expect(201);
      const hash = jest.spyOn(hasher, 'hash');
      try {
        expectProblem(await t.http.post(`${API}/auth/register`).send(registrationBody({ email: taken.user.email.toUpperCase() })), 409, 'EMAIL_TAKEN');
        expectProblem(
          await t.http.post(`${API}/users`).set(bearer(admin)).send({ email: taken.user.email, password: PASSWORD, fullName: 'X', role: 'budget' }),
          409,
          'EMAIL_TAKEN',
        );
        expect(hash).not.toHaveBeenCalled();
        await t.http.post(`${API}/auth/register`).send(registrationBody({ email: `fresh-${unique()}@example.cz` })).expect(201);
        expect(hash).toHaveBeenCalledTimes(1);
      } finally {
        hash.mockRestore();
      }
    });
  });
});
