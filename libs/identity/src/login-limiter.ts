import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig, RedisClient } from '@app/core';

const WINDOW_SECONDS = 60;

/**
 * Counts failed logins per email and per client address in Redis (shared by
 * all API instances); at the limit, further attempts are refused for the minute.
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger(LoginLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async isBlocked(email: string, address: string): Promise<boolean> {
    try {
      const counts = await this.redis.mget(this.keys(email, address));
      const max = this.config.get('LOGIN_MAX_FAILURES');
      return counts.some((c) => Number(c ?? 0) >= max);
    } catch (error) {
      // Failing open keeps staff able to log in while Redis is down; readiness reports the outage.
      this.logger.warn({ err: error }, 'Login limiter unavailable');
      return false;
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    try {
      const pipeline = this.redis.multi();
      for (const key of this.keys(email, address)) pipeline.incr(key).expire(key, WINDOW_SECONDS, 'NX');
      await pipeline.exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'Login limiter unavailable');
    }
  }

  private keys(email: string, address: string): string[] {
    const emailKey = createHash('sha256').update(email).digest('hex');
    return [`login-fail:email:${emailKey}`, `login-fail:addr:${address}`];
  }
}
