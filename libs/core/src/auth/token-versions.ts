import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { RedisClient } from '../redis/redis.module';

/**
 * The port through which core reads a user's current token version from
 * PostgreSQL; identity implements it (its global IdentityPortsModule, which
 * the API imports once): core knows no feature's tables.
 */
export abstract class TokenVersionSource {
  /** The user's `token_version`, or null when there is no such user. */
  abstract current(userId: string): Promise<number | null>;
}

/** Seconds a version stays cached: a bound on staleness should a bump's cache update itself fail. */
export const TOKEN_VERSION_CACHE_SECONDS = 30;

/**
 * Sets the cached version only when it is newer than the cached one (or
 * none is cached): versions only grow, so a reader that read PostgreSQL just
 * before a bump can never put the old version back over the new one.
 */
const OFFER_SCRIPT = `
local cached = redis.call('GET', KEYS[1])
if cached and tonumber(cached) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

/** How often a bump that Redis refused is offered again, until the old cached version has expired anyway. */
const REPUBLISH_EVERY_MS = 500;

/** The Redis cache of users' token versions (shared by every API instance). */
@Injectable()
export class TokenVersionCache implements OnApplicationShutdown {
  private readonly logger = new Logger(TokenVersionCache.name);
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(private readonly redis: RedisClient) {}

  /**
   * A bump, right after its commit. Should Redis refuse (down, or a blip),
   * the version is offered again in the background until the TTL of any
   * older cached version has passed: a Redis that comes back with its data
   * must not keep accepting tokens the bump cut.
   */
  async publish(userId: string, version: number): Promise<void> {
    try {
      await this.offer(userId, version);
    } catch (error) {
      this.logger.warn({ err: error }, `Token version of user ${userId} not cached yet; offering it again until the old one expires`);
      this.retry(userId, version, Date.now() + TOKEN_VERSION_CACHE_SECONDS * 1000 + REPUBLISH_EVERY_MS);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  private retry(userId: string, version: number, until: number): void {
    if (Date.now() > until) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.offer(userId, version).catch(() => this.retry(userId, version, until));
    }, REPUBLISH_EVERY_MS);
    timer.unref();
    this.retries.add(timer);
  }

  /** The cached version, null when none is cached; rejects when Redis is unreachable. */
  async read(userId: string): Promise<number | null> {
    const value = await this.redis.get(key(userId));
    return value === null ? null : Number(value);
  }

  /** Caches `version` unless a newer one is cached already; rejects when Redis is unreachable. */
  async offer(userId: string, version: number): Promise<void> {
    await this.redis.eval(OFFER_SCRIPT, 1, key(userId), version, TOKEN_VERSION_CACHE_SECONDS);
  }
}

function key(userId: string): string {
  return `token-version:${userId}`;
}

/**
 * Is a token's version the user's current one? Asked on every authenticated
 * request: Redis first; PostgreSQL when the version is not cached, when the
 * cache is behind the token (a missed update), or while Redis is down — so a
 * Redis outage neither locks everyone out nor lets a cut token in.
 */
@Injectable()
export class TokenVersions {
  private readonly logger = new Logger(TokenVersions.name);
  private redisDown = false;

  constructor(
    private readonly cache: TokenVersionCache,
    private readonly source: TokenVersionSource,
  ) {}

  async isCurrent(userId: string, version: number): Promise<boolean> {
    let cached: number | null = null;
    let redisUp = true;
    try {
      cached = await this.cache.read(userId);
      this.redisWas(true);
    } catch (error) {
      redisUp = false;
      this.redisWas(false, error);
    }
    if (cached !== null && cached >= version) return cached === version;
    const current = await this.source.current(userId);
    if (current === null) return false;
    if (redisUp) await this.cache.offer(userId, current).catch((error: unknown) => this.redisWas(false, error));
    return current === version;
  }

  /** One warning per outage, not one per request. */
  private redisWas(up: boolean, error?: unknown): void {
    if (!up && !this.redisDown) this.logger.warn({ err: error }, 'Token version cache unavailable: reading token versions from PostgreSQL');
    this.redisDown = !up;
  }
}
