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
    const redis = new Redis({ ...queueConnection(this.config.get('REDIS_URL'), 'producer'), lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const warning = evictionPolicyWarning(await readEvictionPolicy(redis));
      if (warning) this.logger.error(`WARNING: ${warning}`);
    } catch (error) {
      this.logger.warn(`Redis is not reachable at start (${error instanceof Error ? error.message : String(error)}): its eviction policy is checked next start`);
    } finally {
      redis.disconnect();
    }
  }
}
