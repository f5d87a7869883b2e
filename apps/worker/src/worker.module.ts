import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, AuditTrail, Clock, DatabaseModule, queueConnection, RedisEvictionCheck, RedisModule, SystemClock } from '@app/core';
import { LettersWorkerModule } from '@app/letters';
import { ENTITIES } from '../../../migrations/schema';

/** What the worker shares with the API: config, the database (as the app role), Redis' eviction-policy warning, clock and audit trail. */
@Global()
@Module({
  imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot({ entities: ENTITIES }), RedisModule],
  providers: [{ provide: Clock, useClass: SystemClock }, AuditTrail, RedisEvictionCheck],
  exports: [Clock, AuditTrail],
})
class WorkerCoreModule {}

/** The worker process: no HTTP, only queues (see LettersWorkerModule). */
@Module({
  imports: [
    WorkerCoreModule,
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
})
export class WorkerModule {}
