// First: points REDIS_URL at this file's own redis-server before the app's modules read it.
import { PrivateRedis } from '../support/private-redis';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { LETTERS_QUEUE } from '@app/letters/queue/letters-queue';
import Redis from 'ioredis';
import { RedisEvictionCheck } from '@app/core/redis/redis-eviction-check';
import { setUpEvaluation } from '../support/evaluation';
import { createCast, type Cast } from '../support/factories';
import { correctionRequests, letterCounts, lettersSettled, pendingOutbox, readyEventsPerLetter, startLettersWorker, waitFor } from '../support/letters-worker';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Redis goes away: decisions still succeed (the letter and its outbox row are
 * in PostgreSQL), their letters wait in the outbox, and when Redis is back
 * every one of them is rendered, none missing, none twice.
 */

describe('letters while Redis is down', () => {
  const redis = new PrivateRedis('noeviction');
  let t: TestApp;
  let cast: Cast;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await redis.start();
    t = await createTestApp();
    t.clock.set(new Date('2027-01-04T09:00:00Z'));
    cast = await createCast(t);
    worker = await startLettersWorker();
  }, 60_000);
  // The worker's shutdown may wait LETTER_LOCK_MS (30 s) for a queue connection that reconnected (QueueWorkers), and the
  // API's after it: on a loaded machine that took more than a minute once. The private Redis goes in any case.
  afterAll(async () => {
    try {
      await worker?.close();
      await t?.close();
    } finally {
      await redis.destroy();
    }
  }, 150_000);

  it('keeps the decisions, and delivers every letter exactly once when Redis is back', async () => {
    const setup = await setUpEvaluation(t, cast.officer.token, { applications: 10, applicants: 5, members: 0, eligible: false });
    const ids = setup.applications.map((a) => a.id);
    const before = await correctionRequests(t, cast.officer.token, ids, 1);
    expect(await lettersSettled(t.dataSource, before)).toEqual({ queued: 0, ready: 10, failed: 0 });

    await redis.stop();
    // Three rounds of decisions while Redis is down: every one succeeds (correctionRequests expects 200s).
    const during = await correctionRequests(t, cast.officer.token, ids, 3);
    expect(during).toHaveLength(30);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await letterCounts(t.dataSource, during)).toEqual({ queued: 30, ready: 0, failed: 0 });
    expect(await pendingOutbox(t.dataSource, during)).toBe(30);

    await redis.start();
    expect(await lettersSettled(t.dataSource, during, 60_000)).toEqual({ queued: 0, ready: 30, failed: 0 });
    expect(await pendingOutbox(t.dataSource, during)).toBe(0);
    const events = await readyEventsPerLetter(t.dataSource, [...before, ...during]);
    expect(events.size).toBe(40);
    expect([...events.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('adds again the jobs of queued letters when Redis comes back without its data', async () => {
    const queue = worker.get<Queue>(getQueueToken(LETTERS_QUEUE));
    await queue.pause();
    const setup = await setUpEvaluation(t, cast.officer.token, { applications: 10, applicants: 5, members: 0, eligible: false });
    const ids = await correctionRequests(t, cast.officer.token, setup.applications.map((a) => a.id), 1);
    // Handed over to Redis (outbox sent), not rendered (the queue is paused) ...
    await waitFor(async () => (await pendingOutbox(t.dataSource, ids)) === 0, 10_000);
    expect(await letterCounts(t.dataSource, ids)).toEqual({ queued: 10, ready: 0, failed: 0 });
    // ... and lost: Redis restarts without its data (no pause flag either).
    await redis.restartWithoutData();
    expect(await lettersSettled(t.dataSource, ids, 60_000)).toEqual({ queued: 0, ready: 10, failed: 0 });
    const events = await readyEventsPerLetter(t.dataSource, ids);
    expect([...events.values()]).toEqual(Array(10).fill(1));
  }, 90_000);

  it('warns at start unless Redis may never evict queued jobs', async () => {
    const check = worker.get(RedisEvictionCheck);
    expect(await check.check()).toBeNull();
    const admin = new Redis(process.env.REDIS_URL!);
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      expect(await check.check()).toContain('"allkeys-lru", not "noeviction"');
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
    await redis.stop();
    expect(await check.check()).toContain('not reachable');
    await redis.start();
  }, 30_000);
});
