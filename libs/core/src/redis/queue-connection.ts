import type { RedisOptions } from 'bullmq';

/**
 * ioredis options for BullMQ from REDIS_URL. A producer (the relay, the API's
 * dashboard) fails fast while Redis is down (`enableOfflineQueue: false`):
 * the outbox keeps the work. A worker blocks on Redis and must retry forever
 * (`maxRetriesPerRequest: null`, which BullMQ requires).
 */
export function queueConnection(redisUrl: string, use: 'producer' | 'worker'): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 2000,
    ...(use === 'producer'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true }),
    // Reconnect every ≤ 2 s for as long as Redis is away.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}
