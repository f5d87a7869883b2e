import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { applicationBody, createCast, createDraft, openCall, PASSWORD, type Cast, type OpenCall } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { claimsOf, CSRF_HEADER, portalLogin, SESSION_COOKIE, sessionCookie, sessionOf, setCookies, signToken } from '../support/session';

/**
 * The portal's sign-in by cookie: the cookie's attributes, the CSRF header on
 * every state-changing request by cookie (also against cross-site forms),
 * bearer tokens unchanged, logout, and the queue dashboard.
 */
describe('browser sign-in by the session cookie', () => {
  let t: TestApp;
  let cast: Cast;
  let call: OpenCall;
  /** The cast's applicant's session cookie (its value is an access token). */
  let applicantSession: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    call = await openCall(t, cast.officer.token);
    applicantSession = await sessionOf(t, cast.applicant.email);
  });
  afterAll(() => t?.close());

  async function applicationsOfApplicant(): Promise<number> {
    const [{ n }]: { n: string }[] = await t.dataSource.query('SELECT count(*) AS n FROM application WHERE organisation_id = $1', [cast.applicant.organisationId]);
    return Number(n);
  }

  async function statusOf(id: string): Promise<{ status: string; title: string; history: number }> {
    const [row]: { status: string; title: string; history: string }[] = await t.dataSource.query(
      `SELECT a.status, a.title, (SELECT count(*) FROM application_status_change h WHERE h.application_id = a.id) AS history FROM application a WHERE a.id = $1`,
      [id],
    );
    return { status: row.status, title: row.title, history: Number(row.history) };
  }

  describe('POST /auth/login', () => {
    it('with X-CSRF-Protection: 1 sets pg_session (the access token): HttpOnly, SameSite=Strict, Path=/, Max-Age = token lifetime, not Secure outside production', async () => {
      const res = await portalLogin(t, cast.officer.email);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { id: cast.officer.id, role: 'officer' } });
      const cookies = setCookies(res);
      expect(cookies).toHaveLength(1);
      const [cookie] = cookies;
      expect(cookie.name).toBe(SESSION_COOKIE);
      expect(cookie.value).toBe(res.body.accessToken);
      expect(cookie.attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/', 'max-age': '3600' });
      expect(cookie.attributes).not.toHaveProperty('secure');
      expect(cookie.attributes).not.toHaveProperty('domain');
      const claims = claimsOf(cookie.value);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    });

    it('without the header answers the same body and sets no cookie (API clients, and no login CSRF)', async () => {
      const res = await t.http.post(`${API}/auth/login`).send({ email: cast.officer.email, password: PASSWORD });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
      expect(res.headers['set-cookie']).toBeUndefined();
      const other = await t.http.post(`${API}/auth/login`).set(CSRF_HEADER, '0').send({ email: cast.officer.email, password: PASSWORD });
      expect(other.status).toBe(200);
      expect(other.headers['set-cookie']).toBeUndefined();
    });

    it('a failed login sets no cookie', async () => {
      const res = await t.http.post(`${API}/auth/login`).set(CSRF_HEADER, '1').send({ email: cast.officer.email, password: 'wrong-password-123' });
      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('the cookie authenticates', () => {
    it('GET /me by cookie alone', async () => {
      const res = await t.http.get(`${API}/me`).set('Cookie', sessionCookie(applicantSession));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: cast.applicant.userId, role: 'applicant', email: cast.applicant.email });
    });

    it('an expired, forged or malformed cookie is 401 like a bad bearer token', async () => {
      const claims = claimsOf(applicantSession);
      const now = Math.floor(Date.now() / 1000);
      const expired = signToken({ ...claims, iat: now - 7200, exp: now - 3600 });
      const forged = signToken({ ...claims, role: 'admin', iat: now, exp: now + 600 }, 'another-secret-of-at-least-thirty-two-characters!!');
      for (const token of [expired, forged, 'not-a-jwt', applicantSession.slice(0, -4)]) {
        expectProblem(await t.http.get(`${API}/me`).set('Cookie', sessionCookie(token)), 401, 'UNAUTHENTICATED');
        expectProblem(await t.http.post(`${API}/applications`).set('Cookie', sessionCookie(token)).set(CSRF_HEADER, '1').send(applicationBody(call)), 401, 'UNAUTHENTICATED');
      }
    });

    it('an Authorization header takes precedence over the cookie', async () => {
      const asOfficer = await t.http.get(`${API}/me`).set('Cookie', sessionCookie(applicantSession)).auth(cast.officer.token, { type: 'bearer' });
      expect(asOfficer.body).toMatchObject({ id: cast.officer.id, role: 'officer' });
      // A malformed header is not rescued by a valid cookie.
      expectProblem(await t.http.get(`${API}/me`).set('Cookie', sessionCookie(applicantSession)).set('Authorization', 'Bearer'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('CSRF: a state-changing request by cookie needs X-CSRF-Protection: 1', () => {
    it('POST /applications without the header is 403 CSRF_CHECK_FAILED and creates nothing; with it, the draft is created', async () => {
      const before = await applicationsOfApplicant();
      for (const header of [undefined, '0', 'true', '']) {
        const req = t.http.post(`${API}/applications`).set('Cookie', sessionCookie(applicantSession));
        if (header !== undefined) req.set(CSRF_HEADER, header);
        const problem = expectProblem(await req.send(applicationBody(call)), 403, 'CSRF_CHECK_FAILED');
        expect(problem.detail).toContain(CSRF_HEADER);
      }
      expect(await applicationsOfApplicant()).toBe(before);

      const created = await t.http.post(`${API}/applications`).set('Cookie', sessionCookie(applicantSession)).set(CSRF_HEADER, '1').send(applicationBody(call));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', organisationId: cast.applicant.organisationId });
      expect(await applicationsOfApplicant()).toBe(before + 1);
    });

    it('PATCH without the header changes nothing; with it, it does', async () => {
      const draft = await createDraft(t, cast.applicant.token, call);
      expectProblem(
        await t.http.patch(`${API}/applications/${draft.id}`).set('Cookie', sessionCookie(applicantSession)).send({ title: 'Podvržený název' }),
        403,
        'CSRF_CHECK_FAILED',
      );
      expect(await statusOf(draft.id)).toEqual({ status: 'draft', title: 'Čeština pro rodiče dětí cizinců', history: 1 });
      const patched = await t.http
        .patch(`${API}/applications/${draft.id}`)
        .set('Cookie', sessionCookie(applicantSession))
        .set(CSRF_HEADER, '1')
        .send({ title: 'Nový název' });
      expect(patched.status).toBe(200);
      expect(patched.body.title).toBe('Nový název');
    });

    it('the CSRF check comes before the role check: no hint whether the role would have been allowed', async () => {
      const officerSession = await sessionOf(t, cast.officer.email);
      expectProblem(await t.http.post(`${API}/applications`).set('Cookie', sessionCookie(officerSession)).send(applicationBody(call)), 403, 'CSRF_CHECK_FAILED');
      expectProblem(
        await t.http.post(`${API}/applications`).set('Cookie', sessionCookie(officerSession)).set(CSRF_HEADER, '1').send(applicationBody(call)),
        403,
        'FORBIDDEN',
      );
    });

    it('GET, HEAD and OPTIONS by cookie need no header', async () => {
      expect((await t.http.get(`${API}/applications`).set('Cookie', sessionCookie(applicantSession))).status).toBe(200);
      expect((await t.http.head(`${API}/me`).set('Cookie', sessionCookie(applicantSession))).status).toBe(200);
      expect((await t.http.options(`${API}/me`).set('Cookie', sessionCookie(applicantSession))).status).not.toBe(403);
    });

    it('bearer requests need no CSRF header', async () => {
      const before = await applicationsOfApplicant();
      const res = await t.http.post(`${API}/applications`).auth(cast.applicant.token, { type: 'bearer' }).send(applicationBody(call));
      expect(res.status).toBe(201);
      expect(await applicationsOfApplicant()).toBe(before + 1);
    });

    describe('a cross-site form post (the browser attaches the cookie; a form cannot add a header)', () => {
      const FORMS = [
        ['application/x-www-form-urlencoded', (body: string) => body],
        ['text/plain', (body: string) => body.replace(/&/g, '\n')],
        ['multipart/form-data; boundary=x', (body: string) => `--x\r\nContent-Disposition: form-data; name="reason"\r\n\r\n${body}\r\n--x--\r\n`],
      ] as const;

      it.each(FORMS)('%s to submit and withdraw a draft: 403 CSRF_CHECK_FAILED, the draft untouched', async (contentType, encode) => {
        const draft = await createDraft(t, cast.applicant.token, call);
        for (const action of ['submit', 'withdraw']) {
          const res = await t.http
            .post(`${API}/applications/${draft.id}/${action}`)
            .set('Cookie', sessionCookie(applicantSession))
            .set('Origin', 'https://evil.example')
            .set('Content-Type', contentType)
            .send(encode('reason=Sta%C5%BEeno&title=x'));
          expectProblem(res, 403, 'CSRF_CHECK_FAILED');
        }
        expect(await statusOf(draft.id)).toEqual({ status: 'draft', title: 'Čeština pro rodiče dětí cizinců', history: 1 });
      });

      it.each(FORMS)('%s that creates an application: 403, nothing written', async (contentType, encode) => {
        const before = await applicationsOfApplicant();
        const res = await t.http
          .post(`${API}/applications`)
          .set('Cookie', sessionCookie(applicantSession))
          .set('Content-Type', contentType)
          .send(encode(`callId=${call.callId}&partCode=1&title=Podvrh&budgetLines[0][category]=x`));
        expectProblem(res, 403, 'CSRF_CHECK_FAILED');
        expect(await applicationsOfApplicant()).toBe(before);
      });

      it('the same submit with the portal’s header goes through (the control)', async () => {
        const draft = await createDraft(t, cast.applicant.token, call);
        const res = await t.http.post(`${API}/applications/${draft.id}/submit`).set('Cookie', sessionCookie(applicantSession)).set(CSRF_HEADER, '1');
        expect(res.status).toBe(200);
        expect((await statusOf(draft.id)).status).toBe('submitted');
      });
    });

    it('on a public route a cookie without the header is ignored, not refused', async () => {
      const res = await t.http.post(`${API}/auth/login`).set('Cookie', sessionCookie(applicantSession)).send({ email: cast.budget.email, password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe('budget');
    });
  });

  describe('POST /auth/logout', () => {
    it('204, clears the cookie with the same attributes; a browser holding it is then signed out', async () => {
      const browser = request.agent(t.app.getHttpServer());
      const login = await browser.post(`${API}/auth/login`).set(CSRF_HEADER, '1').send({ email: cast.commission.email, password: PASSWORD });
      expect(login.status).toBe(200);
      expect((await browser.get(`${API}/me`)).body).toMatchObject({ id: cast.commission.id });

      const out = await browser.post(`${API}/auth/logout`).set(CSRF_HEADER, '1');
      expect(out.status).toBe(204);
      expect(out.text).toBe('');
      const [cleared] = setCookies(out);
      expect(cleared.name).toBe(SESSION_COOKIE);
      expect(cleared.value).toBe('');
      expect(cleared.attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/' });
      expect(new Date(cleared.attributes.expires).getTime()).toBeLessThan(Date.now());
      expect(cleared.attributes).not.toHaveProperty('secure');

      expectProblem(await browser.get(`${API}/me`), 401, 'UNAUTHENTICATED');
    });

    it('is public and needs no header (there may be no valid session left to end)', async () => {
      const res = await t.http.post(`${API}/auth/logout`);
      expect(res.status).toBe(204);
      expect(setCookies(res).map((c) => c.name)).toEqual([SESSION_COOKIE]);
    });
  });

  describe('the queue dashboard /admin/queues', () => {
    it('opens for an officer’s cookie and an admin’s', async () => {
      for (const email of [cast.officer.email, cast.admin.email]) {
        const res = await t.http.get('/admin/queues').set('Cookie', sessionCookie(await sessionOf(t, email)));
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.text).toContain('<div id="root">');
        const api = await t.http.get('/admin/queues/api/queues').set('Cookie', sessionCookie(await sessionOf(t, email)));
        expect(api.status).toBe(200);
      }
    });

    it('is 403 for an applicant’s cookie, 401 for a forged one', async () => {
      expectProblem(await t.http.get('/admin/queues').set('Cookie', sessionCookie(applicantSession)), 403, 'FORBIDDEN');
      const forged = signToken({ ...claimsOf(applicantSession), role: 'admin' }, 'another-secret-of-at-least-thirty-two-characters!!');
      expectProblem(await t.http.get('/admin/queues').set('Cookie', sessionCookie(forged)), 401, 'UNAUTHENTICATED');
    });

    it('a state-changing request by an officer’s cookie without the header is 403 CSRF_CHECK_FAILED', async () => {
      const officerSession = await sessionOf(t, cast.officer.email);
      expectProblem(await t.http.put('/admin/queues/api/queues/letters/retry/failed').set('Cookie', sessionCookie(officerSession)), 403, 'CSRF_CHECK_FAILED');
    });
  });
});

describe('the session cookie in production', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    // COOKIE_SECURE unset: the suite's (false, written back to process.env when the configuration loaded) would win.
    // Production refuses the suite's test secret: a random-looking one.
    t = await createTestApp({ config: { NODE_ENV: 'production', COOKIE_SECURE: undefined, JWT_SECRET: 'q7Vx2LmR9tKp4ZsW8nYc3HbJ6fDg1UaE5oQi0Nw' } });
    email = (await createCast(t)).officer.email;
  });
  afterAll(() => t?.close());

  it('is Secure when NODE_ENV is production, set and cleared alike', async () => {
    const [cookie] = setCookies(await portalLogin(t, email));
    expect(cookie.attributes).toMatchObject({ secure: '', httponly: '', samesite: 'Strict', path: '/' });
    const [cleared] = setCookies(await t.http.post(`${API}/auth/logout`));
    expect(cleared.attributes).toMatchObject({ secure: '', httponly: '', samesite: 'Strict', path: '/' });
  });
});
