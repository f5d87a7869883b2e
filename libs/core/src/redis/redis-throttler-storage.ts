import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

/** What the guard needs back from the storage (ThrottlerStorageRecord of @nestjs/throttler). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One hit, atomically: while the caller is blocked nothing is counted; else
 * the window's counter goes up (the window starts with its first hit and
 * lasts `ttl` ms); past the limit the caller is blocked for `blockDuration`
 * ms. Returns { hits, window ms left, blocked 0/1, block ms left }.
 */
const HIT_SCRIPT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  local windowLeft = redis.call('PTTL', KEYS[1])
  if windowLeft < 0 then windowLeft = 0 end
  return { hits, windowLeft, 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, windowLeft, 1, tonumber(ARGV[3]) }
end
return { hits, windowLeft, 0, 0 }
`;

interface ThrottleCommands {
  throttleHit(counterKey: string, blockKey: string, ttlMs: number, limit: number, blockMs: number): Promise<[number, number, number, number]>;
}

/** How often a Redis outage is logged again while it lasts. */
const WARN_INTERVAL_MS = 60_000;

/**
 * The rate limits' counters in Redis, so that every API instance counts the
 * same hits (the in-memory default counts per process: n replicas allow n
 * times the limit). One Lua script per hit, so concurrent requests on any
 * instance never lose a count. Fails open like the login limiter: while
 * Redis is down requests pass (a warning is logged, at most once a minute)
 * and readiness reports the outage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');
  private lastWarned = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'throttle',
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottleRecord> {
    const counterKey = `${this.keyPrefix}:${throttlerName}:${key}`;
    try {
      // Sent as EVALSHA, with the script itself the first time Redis does not know it.
      if (!('throttleHit' in this.redis)) this.redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
      const [hits, windowLeft, blocked, blockLeft] = await (this.redis as unknown as ThrottleCommands).throttleHit(
        counterKey,
        `${counterKey}:blocked`,
        Math.max(1, Math.round(ttl)),
        limit,
        Math.max(1, Math.round(blockDuration)),
      );
      return {
        totalHits: Number(hits),
        timeToExpire: Math.ceil(Number(windowLeft) / 1000),
        isBlocked: Number(blocked) === 1,
        timeToBlockExpire: Math.ceil(Number(blockLeft) / 1000),
      };
    } catch (error) {
      // Failing open keeps the public pages and logins served while Redis is down; readiness reports the outage.
      const now = Date.now();
      if (now - this.lastWarned >= WARN_INTERVAL_MS) {
        this.lastWarned = now;
        this.logger.warn({ err: error }, 'Rate limits unavailable (Redis): requests pass unlimited');
      }
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
