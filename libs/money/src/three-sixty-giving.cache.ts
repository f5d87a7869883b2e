import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@app/core';
import type { ThreeSixtyGivingPackage } from './domain/three-sixty-giving';

/**
 * Bounds how long a package outlives the data it was built from when that
 * data changes without an audit event (a manual fix as the database owner);
 * an audited change makes a new key at once.
 */
const CACHE_TTL_SECONDS = 15 * 60;

/** How often a Redis outage is logged again while it lasts. */
const WARN_INTERVAL_MS = 60_000;

/**
 * The built 360Giving packages in Redis (the public export reads every
 * awarded application with its organisation, programme and measure; a
 * crawler or a busy open-data portal asks again and again). The key carries
 * the audit chain's head (`audit_event.seq`, read in the package's own
 * snapshot): every decision, payment, return or other change is audited in
 * its own transaction, so any such change makes a new key and the old
 * package is never served again (it expires). Fails open: while Redis is
 * down the package is built on every request.
 */
@Injectable()
export class ThreeSixtyGivingCache {
  private readonly logger = new Logger('ThreeSixtyGivingCache');
  private lastWarned = 0;

  constructor(private readonly redis: RedisClient) {}

  static key(callId: string | null, auditHead: string): string {
    return `reports:360giving:${callId ?? 'all'}:${auditHead}`;
  }

  async get(key: string): Promise<ThreeSixtyGivingPackage | null> {
    try {
      const cached = await this.redis.get(key);
      return cached === null ? null : (JSON.parse(cached) as ThreeSixtyGivingPackage);
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  async set(key: string, value: ThreeSixtyGivingPackage): Promise<void> {
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', CACHE_TTL_SECONDS);
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarned < WARN_INTERVAL_MS) return;
    this.lastWarned = now;
    this.logger.warn({ err: error }, '360Giving cache unavailable (Redis): building the package on every request');
  }
}
