import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** The API's Redis connection: fail fast instead of queueing commands while Redis is down. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.get('REDIS_URL'), {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: false,
    });
    // Connection errors surface on commands (and in /health/ready); no unhandled 'error' events.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.status === 'ready') await this.quit().catch(() => this.disconnect());
    else this.disconnect(); // also stops reconnecting
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
