import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Anyone may ask /health/ready, so it says which service is down and nothing
 * more: not the driver's error, nor an address or port.
 */
describe('platform: readiness without PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    if (t && !t.dataSource.isInitialized) await t.dataSource.initialize();
    await t?.close();
  });

  it('ready is 503 with "PostgreSQL is not reachable" only; live stays 200', async () => {
    expect((await t.http.get('/health/ready')).status).toBe(200);
    // The pool is gone: every query fails as it would with the server down.
    await t.dataSource.destroy();
    expect((await t.http.get('/health/live')).status).toBe(200);
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toEqual({ postgres: { status: 'down', message: 'PostgreSQL is not reachable' }, redis: { status: 'up' } });
    expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|5432|postgres:\/\/|ECONN|Connection|DataSource/);
  });
});
