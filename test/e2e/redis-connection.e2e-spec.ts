import { AppConfig, RedisClient } from '@app/core';

/**
 * The API's Redis connection fails fast (no offline queue), so the app waits
 * for its first connection while starting: otherwise its first requests
 * (readiness, the token cache, the limiter) would find Redis "down" for the
 * moment the socket takes to open, as a readiness check once did on CI.
 */
describe('the API’s Redis connection at start', () => {
  const configFor = (url: string) => ({ get: () => url }) as unknown as AppConfig;

  it('is ready when the module has started, so the first command is answered', async () => {
    const client = new RedisClient(configFor(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
    try {
      await client.onModuleInit();
      expect(client.status).toBe('ready');
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.onApplicationShutdown();
    }
  });

  it('does not stop the start when Redis is away: it gives up waiting after the connect timeout', async () => {
    const client = new RedisClient(configFor('redis://127.0.0.1:1'));
    const started = Date.now();
    try {
      await expect(client.onModuleInit()).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(client.status).not.toBe('ready');
    } finally {
      await client.onApplicationShutdown();
    }
  });
});
