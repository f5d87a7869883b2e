import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/core/config/app-config';
import { evictionPolicyWarning, readEvictionPolicy } from '@app/core/redis/eviction-policy';
import { queueConnection } from '@app/core/redis/queue-connection';

/** At start: warns loudly when Redis may evict queued jobs (maxmemory-policy other than noeviction). */
@Injectable()
export class EvictionPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const warning = await this.check();
    if (warning) this.logger.error(`WARNING: ${warning}`);
  }

  /** The warning to give about Redis' eviction policy, or null when it is noeviction. */
  async check(): Promise<string | null> {
    const redis = new Redis({ ...queueConnection(this.config.get('REDIS_URL'), 'producer'), lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return evictionPolicyWarning(await readEvictionPolicy(redis));
    } catch (error) {
      return `Redis is not reachable at start (${error instanceof Error ? error.message : String(error)}): its eviction policy is checked at the next start.`;
    } finally {
      redis.disconnect();
    }
  }
}
