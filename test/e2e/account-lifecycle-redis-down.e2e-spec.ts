// First: points REDIS_URL at this file's own redis-server before the app's modules read it.
import { PrivateRedis } from '../support/private-redis';
import { adminToken, createStaff, login, type Staff } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The token version check while Redis is away: PostgreSQL answers, so valid
 * tokens keep working and a disable still cuts the user's tokens at once;
 * and when Redis comes back with its data (the version cached before the
 * disable), the bump it missed reaches it before a cut token passes again.
 */
describe('token versions while Redis is down', () => {
  const redis = new PrivateRedis('noeviction');
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    await redis.start();
    t = await createTestApp();
    admin = await adminToken(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await redis.destroy();
  }, 60_000);

  const me = (token: string) => t.http.get(`${API}/me`).set('Authorization', `Bearer ${token}`);

  it('never refuses every valid token, never lets a disabled user in, and the cache catches up when Redis is back', async () => {
    const officer: Staff = await createStaff(t, 'officer', admin);
    const colleague: Staff = await createStaff(t, 'budget', admin);
    // Cached: version 0 for both.
    expect((await me(officer.token)).status).toBe(200);
    expect((await me(colleague.token)).status).toBe(200);

    await redis.stop();
    expect((await me(colleague.token)).status).toBe(200);
    expect((await me(officer.token)).status).toBe(200);
    const disabled = await t.http.post(`${API}/users/${officer.id}/disable`).set('Authorization', `Bearer ${admin}`);
    expect(disabled.status).toBe(200);
    expectProblem(await me(officer.token), 401, 'UNAUTHENTICATED');
    // Logins keep working (the limiter fails open).
    expect((await me(await login(t, colleague.email))).status).toBe(200);

    // Redis returns with its append-only file: the officer's version 0 is still cached.
    await redis.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expectProblem(await me(officer.token), 401, 'UNAUTHENTICATED');
    expect((await me(colleague.token)).status).toBe(200);
  });
});
