import Redis from 'ioredis';
import type { AppConfig } from '@app/core/config/app-config';
import { RedisClient } from '@app/core/redis/redis.module';
import { ThreeSixtyGivingCache } from '@app/money/three-sixty-giving.cache';
import { createCast, type Cast } from '../support/factories';
import type { EvaluationSetup } from '../support/evaluation';
import { approve, pay, recommendedApplications, signContract } from '../support/money';
import { getReport } from '../support/reports';
import { createTestApp, type TestApp } from '../support/test-app';

interface Grant {
  id: string;
  amountAwarded: number;
  amountDisbursed: number;
}

/**
 * The public 360Giving package is cached in Redis under the audit chain's
 * head: served from the cache while nothing changes, built afresh after any
 * decision (or other audited change, such as a payment).
 */
describe('the 360Giving export, cached until the next audited change', () => {
  let t: TestApp;
  let cast: Cast;
  let setup: EvaluationSetup;
  let redis: Redis;
  const path = () => `/exports/360giving?callId=${setup.call.callId}`;
  const cachedKeys = () => redis.keys(`reports:360giving:${setup.call.callId}:*`);

  async function expectCreated(request: PromiseLike<{ status: number; body: unknown }>, what: string) {
    const res = await request;
    if (res.status !== 201) throw new Error(`${what}: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    redis = new Redis(process.env.REDIS_URL!);
    cast = await createCast(t);
    setup = await recommendedApplications(t, cast, { applications: 2 });
    await expectCreated(approve(t, cast.officer.token, setup.applications[0].id), 'approve the first');
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
  });

  it('the second request is answered from the cache (one entry, under the audit head of the snapshot)', async () => {
    const first = await getReport(t, path());
    expect(first.status).toBe(200);
    expect(first.body.grants).toHaveLength(1);
    const keys = await cachedKeys();
    expect(keys).toHaveLength(1);
    const [{ head }] = await t.dataSource.query('SELECT max(seq)::text AS head FROM audit_event');
    expect(keys[0]).toBe(`reports:360giving:${setup.call.callId}:${head}`);
    expect(JSON.parse((await redis.get(keys[0]))!)).toEqual(first.body);
    expect(await redis.ttl(keys[0])).toBeGreaterThan(0);

    // What the cache holds is what is served: mark it, and the next answer carries the mark.
    await redis.set(keys[0], JSON.stringify({ ...first.body, title: 'served from the cache' }), 'KEEPTTL');
    const second = await getReport(t, path());
    expect(second.status).toBe(200);
    expect(second.body.title).toBe('served from the cache');
  });

  it('a new decision makes a new package at once; so does a payment (amountDisbursed)', async () => {
    const [first, secondApplication] = setup.applications;
    await expectCreated(approve(t, cast.officer.token, secondApplication.id, { amountCzk: 120_000 }), 'approve the second');
    const afterDecision = await getReport(t, path());
    expect(afterDecision.status).toBe(200);
    expect(afterDecision.body.title).not.toBe('served from the cache');
    expect(afterDecision.body.grants.map((g: Grant) => g.amountAwarded)).toEqual(expect.arrayContaining([120_000]));
    expect(afterDecision.body.grants).toHaveLength(2);

    await expectCreated(signContract(t, cast.officer.token, first.id), 'contract');
    await expectCreated(pay(t, cast.budget.token, first.id, 50_000), 'payment');
    const afterPayment = await getReport(t, path());
    const grant = afterPayment.body.grants.find((g: Grant) => g.id.endsWith(first.referenceNumber));
    expect(grant.amountDisbursed).toBe(50_000);
    // The same answer, built or cached.
    expect((await getReport(t, path())).body).toEqual(afterPayment.body);
  });

  it('Redis down: the cache fails open (nothing cached, nothing thrown)', async () => {
    const down = new RedisClient({ get: () => 'redis://127.0.0.1:1' } as unknown as AppConfig);
    try {
      const cache = new ThreeSixtyGivingCache(down);
      await expect(cache.set('reports:360giving:all:1', { grants: [] } as never)).resolves.toBeUndefined();
      await expect(cache.get('reports:360giving:all:1')).resolves.toBeNull();
    } finally {
      down.disconnect();
    }
  });
});
