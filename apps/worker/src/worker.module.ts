import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditTrail } from '@app/core/audit/audit-trail.service';
import { Clock, SystemClock } from '@app/core/clock/clock';
import { AppConfig } from '@app/core/config/app-config';
import { AppConfigModule } from '@app/core/config/config.module';
import { DatabaseModule } from '@app/core/database/database.module';
import { queueConnection } from '@app/core/redis/queue-connection';
import { RedisEvictionCheck } from '@app/core/redis/redis-eviction-check';
import { RedisModule } from '@app/core/redis/redis.module';
import { LettersWorkerModule } from '@app/letters/worker/letters-worker.module';
import { ENTITIES } from '../../../migrations/schema';

/** What the worker shares with the API: config, the database (as the app role), Redis' eviction-policy warning, clock and audit trail. */
@Global()
@Module({
  imports: [AppConfigModule, DatabaseModule.forRoot({ entities: ENTITIES }), RedisModule],
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
