// First: points REDIS_URL at a redis-server of this file's own, which the last test stops.
import { PrivateRedis } from '../support/private-redis';
import { Logger } from '@nestjs/common';
import { API, expectProblem } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/** Low limits, the same for both instances. */
const LIMITS = { AUTH_THROTTLE_LIMIT: '4', REGISTER_THROTTLE_LIMIT: '2', PUBLIC_THROTTLE_LIMIT: '3' };

/** A documentation address (RFC 5737) of this run: counts in Redis outlive a run by a minute. */
function address(): string {
  return `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
}

describe('rate limits across API instances (counted in Redis)', () => {
  const redis = new PrivateRedis();
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    await redis.start();
    a = await createTestApp({ config: LIMITS });
    b = await createTestApp({ config: LIMITS });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis.destroy();
  });

  it('two instances share one count: the limit holds over both, not per instance (logout, the auth limit)', async () => {
    const from = address();
    for (let i = 0; i < 4; i++) {
      const res = await (i % 2 === 0 ? a : b).http.post(`${API}/auth/logout`).set('X-Forwarded-For', from);
      expect(res.status).toBe(204);
      expect(res.headers['x-ratelimit-remaining-auth']).toBe(String(3 - i));
    }
    for (const t of [a, b]) {
      const blocked = await t.http.post(`${API}/auth/logout`).set('X-Forwarded-For', from);
      expectProblem(blocked, 429, 'RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // Another address has its own count.
    expect((await a.http.post(`${API}/auth/logout`).set('X-Forwarded-For', address())).status).toBe(204);
  });

  it('the public reads are limited per caller and route: calls, a call, the policy measures, the 360Giving export', async () => {
    const from = address();
    const calls = await a.http.get(`${API}/calls`).set('X-Forwarded-For', from);
    expect(calls.status).toBe(200);
    const someCall = `${API}/calls/00000000-0000-4000-8000-000000000000`;
    for (const [path, status] of [
      [`${API}/calls`, 200],
      [someCall, 404],
      [`${API}/policy/measures`, 200],
      [`${API}/exports/360giving?callId=00000000-0000-4000-8000-000000000000`, 404],
    ] as const) {
      const already = path === `${API}/calls` ? 1 : 0;
      for (let i = already; i < 3; i++) {
        expect((await (i % 2 === 0 ? b : a).http.get(path).set('X-Forwarded-For', from)).status).toBe(status);
      }
      const blocked = await a.http.get(path).set('X-Forwarded-For', from);
      expectProblem(blocked, 429, 'RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await b.http.get(`${API}/calls`).set('X-Forwarded-For', address())).status).toBe(200);
  });

  it('a logged-in caller is counted by user, not by the address they share (the City’s staff behind one address)', async () => {
    const shared = address();
    for (let i = 0; i < 3; i++) expect((await a.http.get(`${API}/policy/measures`).set('X-Forwarded-For', shared)).status).toBe(200);
    expectProblem(await b.http.get(`${API}/policy/measures`).set('X-Forwarded-For', shared), 429, 'RATE_LIMITED');
    const login = await a.http
      .post(`${API}/auth/login`)
      .set('X-Forwarded-For', address())
      .send({ email: process.env.BOOTSTRAP_ADMIN_EMAIL, password: process.env.BOOTSTRAP_ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const signedIn = await b.http.get(`${API}/policy/measures`).set('X-Forwarded-For', shared).set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(signedIn.status).toBe(200);
  });

  it('registration has a limit of its own, checked before the body (nothing is hashed or written past it)', async () => {
    const from = address();
    for (const t of [a, b]) expectProblem(await t.http.post(`${API}/auth/register`).set('X-Forwarded-For', from).send({}), 400, 'VALIDATION_FAILED');
    expectProblem(await a.http.post(`${API}/auth/register`).set('X-Forwarded-For', from).send({}), 429, 'RATE_LIMITED');
    // The login limit is another count.
    expect((await b.http.post(`${API}/auth/logout`).set('X-Forwarded-For', from)).status).toBe(204);
  });

  it('Redis down: the limits fail open — requests are served, a warning is logged', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await redis.stop();
      const from = address();
      for (let i = 0; i < 6; i++) {
        const t = i % 2 === 0 ? a : b;
        expect((await t.http.get(`${API}/policy/measures`).set('X-Forwarded-For', from)).status).toBe(200);
        expect((await t.http.post(`${API}/auth/logout`).set('X-Forwarded-For', from)).status).toBe(204);
      }
      const warnings = warn.mock.calls.map((call) => call.map(String).join(' '));
      expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('Rate limits unavailable')]));
    } finally {
      warn.mockRestore();
      await redis.start();
    }
  });
});
