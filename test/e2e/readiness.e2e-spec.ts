import type { TestApp } from '../support/test-app';

// A file of its own: the configuration is validated when the modules are first
// loaded, so Redis's address is set before loading them.
describe('platform: readiness without Redis', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    const { createTestApp } = await import('../support/test-app.js');
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('ready is 503 while Redis is unreachable; live stays 200', async () => {
    expect((await t.http.get('/health/live')).status).toBe(200);
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
  });
});
