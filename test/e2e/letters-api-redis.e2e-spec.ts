// First: points REDIS_URL at this file's own redis-server before the app's modules read it.
import { PrivateRedis } from '../support/private-redis';
import { Logger } from '@nestjs/common';
import { createCast, type Cast } from '../support/factories';
import { API, expectProblem } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The API without Redis: it starts, serves what needs only PostgreSQL, and the
 * queue dashboard answers 503 instead of waiting; when Redis comes (here with
 * an evicting policy) the start-up check warns, and the dashboard works.
 */
describe('letters API while Redis is away at start', () => {
  const redis = new PrivateRedis('allkeys-lru');
  const errors = jest.spyOn(Logger.prototype, 'error');
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    const started = Date.now();
    t = await createTestApp();
    expect(Date.now() - started).toBeLessThan(15_000);
    cast = await createCast(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await redis.destroy();
    errors.mockRestore();
  });

  const dashboard = () => t.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${cast.officer.token}`);
  const evictionWarnings = () => errors.mock.calls.map(([message]) => String(message)).filter((m) => m.includes('maxmemory-policy'));

  it('starts and serves PostgreSQL-only routes; the dashboard is 503 QUEUE_UNAVAILABLE at once', async () => {
    expect((await t.http.get(`${API}/me`).auth(cast.officer.token, { type: 'bearer' })).status).toBe(200);
    const started = Date.now();
    expectProblem(await dashboard(), 503, 'QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(evictionWarnings()).toEqual([]);
  });

  it('warns about the eviction policy once Redis is there, and the dashboard answers', async () => {
    await redis.start();
    const deadline = Date.now() + 15_000;
    while (evictionWarnings().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(evictionWarnings()).toEqual([expect.stringContaining('"allkeys-lru", not "noeviction"')]);
    for (;;) {
      const res = await dashboard();
      if (res.status === 200) {
        expect(res.body.queues).toEqual([expect.objectContaining({ name: 'letters' })]);
        break;
      }
      if (Date.now() > deadline) throw new Error(`dashboard: ${res.status} ${res.text}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 30_000);
});
