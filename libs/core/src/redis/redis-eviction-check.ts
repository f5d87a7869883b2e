import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { evictionPolicyWarning, readEvictionPolicy } from './eviction-policy';
import { RedisClient } from './redis.module';

/**
 * Says loudly at start, in the API and in the worker, when Redis may evict
 * queued letter jobs. Never holds
 * up nor fails the start: it runs once Redis is ready, now or later.
 */
@Injectable()
export class RedisEvictionCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(private readonly redis: RedisClient) {}

  onApplicationBootstrap(): void {
    if (this.redis.status === 'ready') void this.check();
    else this.redis.once('ready', () => void this.check());
  }

  /** The warning it logged, if any (null: the policy is noeviction). */
  async check(): Promise<string | null> {
    const warning = evictionPolicyWarning(await readEvictionPolicy(this.redis));
    if (warning) this.logger.error(warning);
    return warning;
  }
}
