import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, queueConnection, RedisEvictionCheck } from '@app/core';
import { LettersWorkerModule } from '@app/letters';
import { ENTITIES } from '../../../migrations/schema';

/**
 * The worker process: no HTTP, only queues (see LettersWorkerModule). It shares
 * the API's core (config, the database as the app role, Redis, clock, audit
 * trail) without the HTTP side and access tokens (no JWT_SECRET), and Redis'
 * eviction-policy warning.
 */
@Module({
  imports: [
    // No access tokens: the worker neither issues nor checks them, and needs no JWT_SECRET.
    CoreModule.forRoot({ entities: ENTITIES, accessTokens: false }),
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.get('LOG_LEVEL') }, forRoutes: [] }),
    }),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: queueConnection(config.get('REDIS_URL'), 'producer'),
        prefix: config.get('QUEUE_PREFIX'),
        // Close even a connection that is reconnecting (Redis away) at shutdown.
        forceDisconnectOnShutdown: true,
      }),
    }),
    LettersWorkerModule,
  ],
  providers: [RedisEvictionCheck],
})
export class WorkerModule {}
