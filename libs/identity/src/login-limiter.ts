import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, RedisClient } from '@app/core';
import { ADDRESS_WINDOW_SECONDS, EMAIL_WINDOW_SECONDS, loginThrottle, PAIR_WINDOW_SECONDS, type LoginThrottleVerdict } from './domain/login-throttle';

/**
 * Counts failed logins in Redis (shared by all API instances) per (email,
 * address), per address and per email, and applies the verdict of
 * `loginThrottle`: refusal for the pair or the address, only a delay for the
 * email. Fails open while Redis is down (staff keep logging in; readiness
 * reports the outage).
 */
@Injectable()
export class LoginLimiter {
  private readonly logger = new Logger(LoginLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /**
   * Before the password is checked: true when the attempt is refused; else,
   * after the email's delay (for a known and an unknown email alike), false.
   */
  async refuseOrDelay(email: string, address: string): Promise<boolean> {
    const verdict = await this.verdict(email, address);
    if (verdict.refuse) return true;
    if (verdict.delayMs > 0) await sleep(verdict.delayMs);
    return false;
  }

  async recordFailure(email: string, address: string): Promise<void> {
    try {
      const keys = this.keys(email, address);
      await this.redis
        .multi()
        .incr(keys.pair)
        .expire(keys.pair, PAIR_WINDOW_SECONDS, 'NX')
        .incr(keys.address)
        .expire(keys.address, ADDRESS_WINDOW_SECONDS, 'NX')
        .incr(keys.email)
        .expire(keys.email, EMAIL_WINDOW_SECONDS, 'NX')
        .exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'Login limiter unavailable');
    }
  }

  /** The owner got in from this address: their own typos there are forgiven (the email's and the address' counts stay). */
  async recordSuccess(email: string, address: string): Promise<void> {
    try {
      await this.redis.del(this.keys(email, address).pair);
    } catch (error) {
      this.logger.warn({ err: error }, 'Login limiter unavailable');
    }
  }

  private async verdict(email: string, address: string): Promise<LoginThrottleVerdict> {
    try {
      const keys = this.keys(email, address);
      const [pair, addr, mail] = await this.redis.mget(keys.pair, keys.address, keys.email);
      const max = this.config.get('LOGIN_MAX_FAILURES');
      return loginThrottle(
        { pair: Number(pair ?? 0), address: Number(addr ?? 0), email: Number(mail ?? 0) },
        { pairMax: max, addressMax: this.config.get('LOGIN_ADDRESS_MAX_FAILURES'), emailDelayAfter: max },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'Login limiter unavailable');
      return { refuse: false, delayMs: 0 };
    }
  }

  private keys(email: string, address: string): { pair: string; address: string; email: string } {
    const emailKey = createHash('sha256').update(email).digest('hex');
    const pairKey = createHash('sha256').update(`${email}\n${address}`).digest('hex');
    return { pair: `login-fail:pair:${pairKey}`, address: `login-fail:addr:${address}`, email: `login-fail:email:${emailKey}` };
  }
}
