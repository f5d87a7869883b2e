import { Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

const CONNECT_TIMEOUT_MS = 2000;

/** The API's Redis connection: fail fast instead of queueing commands while Redis is down. */
@Injectable()
export class RedisClient extends Redis implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.get('REDIS_URL'), {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_TIMEOUT_MS,
      lazyConnect: false,
    });
    // Connection errors surface on commands (and in /health/ready); no unhandled 'error' events.
    this.on('error', () => undefined);
  }

  /**
   * Waits (at most the connect timeout) for the first connection, so the app
   * does not answer its first requests as if Redis were down: without the
   * offline queue, a command sent before the connection is ready fails at
   * once. Redis being away does not stop the start (the callers fail open).
   */
  async onModuleInit(): Promise<void> {
    if (this.status === 'ready') return;
    await new Promise<void>((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.off('ready', finish);
        this.off('end', finish);
        done();
      };
      const timer = setTimeout(finish, CONNECT_TIMEOUT_MS);
      this.once('ready', finish);
      this.once('end', finish);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.status === 'ready') await this.quit().catch(() => this.disconnect());
    else this.disconnect(); // also stops reconnecting
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
