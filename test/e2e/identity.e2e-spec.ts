import { createTestApp, type TestApp } from '../support/test-app';
import { adminToken, createStaff, login, PASSWORD, registerApplicant, registrationBody, unique, uniqueIco } from '../support/factories';
import { API, expectProblem } from '../support/http';

describe('identity: registration, login, staff users, organisations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  describe('registration', () => {
    it('registers an organisation with its first applicant, who can log in and read both', async () => {
      const body = registrationBody({ kind: 'district' });
      const res = await t.http.post(`${API}/auth/register`).send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ organisationId: expect.any(String), userId: expect.any(String) });

      const loggedIn = await t.http.post(`${API}/auth/login`).send({ email: body.user.email.toUpperCase(), password: PASSWORD });
      expect(loggedIn.status).toBe(200);
      expect(loggedIn.body.user).toEqual({
        id: res.body.userId,
        email: body.user.email,
        fullName: 'Jana Nováková',
        role: 'applicant',
        organisationId: res.body.organisationId,
      });
      const me = await t.http.get(`${API}/me`).auth(loggedIn.body.accessToken, { type: 'bearer' });
      expect(me.body).toEqual(loggedIn.body.user);
      const org = await t.http.get(`${API}/organisations/${res.body.organisationId}`).auth(loggedIn.body.accessToken, { type: 'bearer' });
      expect(org.status).toBe(200);
      expect(org.body).toMatchObject({ kind: 'district', ico: body.organisation.ico, address: body.organisation.address });
    });

    it('refuses an IČO with a wrong check digit', async () => {
      const body = registrationBody({ ico: '00064582' });
      const problem = expectProblem(await t.http.post(`${API}/auth/register`).send(body), 400, 'INVALID_ICO');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'organisation.ico' })]);
    });

    it('refuses a bank account with a wrong checksum', async () => {
      const body = registrationBody();
      body.organisation.bankAccount = '19-2000145390/0800';
      const problem = expectProblem(await t.http.post(`${API}/auth/register`).send(body), 400, 'INVALID_BANK_ACCOUNT');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'organisation.bankAccount' })]);
    });

    it('refuses a second organisation with the same IČO (409 ORGANISATION_EXISTS)', async () => {
      const ico = uniqueIco();
      expect((await t.http.post(`${API}/auth/register`).send(registrationBody({ ico }))).status).toBe(201);
      expectProblem(await t.http.post(`${API}/auth/register`).send(registrationBody({ ico })), 409, 'ORGANISATION_EXISTS');
    });

    it('refuses an email that already has an account, whatever its case (409 EMAIL_TAKEN)', async () => {
      const email = `taken-${unique()}@example.cz`;
      expect((await t.http.post(`${API}/auth/register`).send(registrationBody({ email }))).status).toBe(201);
      expectProblem(await t.http.post(`${API}/auth/register`).send(registrationBody({ email: email.toUpperCase() })), 409, 'EMAIL_TAKEN');
    });

    it('requires a password of at least 12 characters', async () => {
      const body = registrationBody();
      body.user.password = 'short-pw-11';
      const problem = expectProblem(await t.http.post(`${API}/auth/register`).send(body), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'user.password' }));
    });

    it('stores passwords as argon2id hashes, never in clear', async () => {
      const body = registrationBody();
      await t.http.post(`${API}/auth/register`).send(body).expect(201);
      const [row] = await t.dataSource.query('SELECT password_hash FROM user_account WHERE email = $1', [body.user.email]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });
  });

  describe('login', () => {
    it('answers an unknown email and a wrong password the same way', async () => {
      const applicant = await registerApplicant(t);
      const wrong = await t.http.post(`${API}/auth/login`).send({ email: applicant.email, password: 'wrong-password-123' });
      const unknown = await t.http.post(`${API}/auth/login`).send({ email: `nobody-${unique()}@example.cz`, password: 'wrong-password-123' });
      expectProblem(wrong, 401, 'UNAUTHENTICATED');
      expectProblem(unknown, 401, 'UNAUTHENTICATED');
      expect(wrong.body.detail).toBe(unknown.body.detail);
    });

    it('10 wrong passwords for an email from one address lock out that address for that email only: the right password from another address gets in, after a delay', async () => {
      const applicant = await registerApplicant(t);
      const attacker = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 10; i++) {
        const res = await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', attacker).send({ email: applicant.email, password: 'wrong-password-123' });
        expectProblem(res, 401, 'UNAUTHENTICATED');
      }
      expectProblem(await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', attacker).send({ email: applicant.email, password: PASSWORD }), 429, 'RATE_LIMITED');
      const started = Date.now();
      const owner = await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', '192.0.2.200').send({ email: applicant.email, password: PASSWORD });
      expect(owner.status).toBe(200);
      // Per email only a slower answer (1 s after 10 failures, doubling with each further one), never a refusal.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    });

    it('the per-email delay is the same for an unknown email: the answers stay indistinguishable', async () => {
      const applicant = await registerApplicant(t);
      const nobody = `nobody-${unique()}@example.cz`;
      for (const email of [applicant.email, nobody]) {
        for (let i = 0; i < 10; i++) {
          await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', `198.18.${i}.${1 + Math.floor(Math.random() * 250)}`).send({ email, password: 'wrong-password-123' });
        }
      }
      const timed = async (email: string) => {
        const started = Date.now();
        const res = await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', '192.0.2.201').send({ email, password: 'wrong-password-123' });
        return { res, ms: Date.now() - started };
      };
      const known = await timed(applicant.email);
      const unknown = await timed(nobody);
      expectProblem(known.res, 401, 'UNAUTHENTICATED');
      expectProblem(unknown.res, 401, 'UNAUTHENTICATED');
      expect(known.res.body.detail).toBe(unknown.res.body.detail);
      expect(known.ms).toBeGreaterThanOrEqual(1_000);
      expect(unknown.ms).toBeGreaterThanOrEqual(1_000);
    });

    it('is rate limited after 50 failed attempts a minute from one address, whatever the email (LOGIN_ADDRESS_MAX_FAILURES)', async () => {
      const address = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 50; i++) {
        const res = await t.http
          .post(`${API}/auth/login`)
          .set('X-Forwarded-For', address)
          .send({ email: `guess-${unique()}@example.cz`, password: 'wrong-password-123' });
        expectProblem(res, 401, 'UNAUTHENTICATED');
      }
      const applicant = await registerApplicant(t);
      const blocked = await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email: applicant.email, password: PASSWORD });
      expectProblem(blocked, 429, 'RATE_LIMITED');
      const elsewhere = await t.http.post(`${API}/auth/login`).set('X-Forwarded-For', '192.0.2.7').send({ email: applicant.email, password: PASSWORD });
      expect(elsewhere.status).toBe(200);
    });
  });

  describe('staff users', () => {
    it('the bootstrap admin exists once and creates staff of every role, who can log in', async () => {
      const [{ count }] = await t.dataSource.query("SELECT COUNT(*)::int AS count FROM user_account WHERE role = 'admin' AND email = $1", [
        process.env.BOOTSTRAP_ADMIN_EMAIL,
      ]);
      expect(count).toBe(1);
      const admin = await adminToken(t);
      for (const role of ['officer', 'commission', 'budget', 'admin'] as const) {
        const staff = await createStaff(t, role, admin);
        const me = await t.http.get(`${API}/me`).auth(staff.token, { type: 'bearer' });
        expect(me.body).toMatchObject({ role, organisationId: null, email: staff.email });
      }
    });

    it('cannot create an applicant through POST /users (applicants register with their organisation)', async () => {
      const res = await t.http
        .post(`${API}/users`)
        .auth(await adminToken(t), { type: 'bearer' })
        .send({ email: `x-${unique()}@praha.eu`, password: PASSWORD, fullName: 'X', role: 'applicant' });
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'role' }));
    });

    it('an existing email is 409 EMAIL_TAKEN', async () => {
      const admin = await adminToken(t);
      const staff = await createStaff(t, 'officer', admin);
      const res = await t.http.post(`${API}/users`).auth(admin, { type: 'bearer' }).send({ email: staff.email, password: PASSWORD, fullName: 'Y', role: 'budget' });
      expectProblem(res, 409, 'EMAIL_TAKEN');
      expect(await login(t, staff.email)).toEqual(expect.any(String));
    });
  });
});
