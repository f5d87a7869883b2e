import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig, Authenticator, queueConnection, RedisClient } from '@app/core';
import { LETTERS_QUEUE } from '@app/letters';
import { queueDashboardGuard } from './queue-dashboard.guard';

/** Outside /api/v1, like the health probes (see applyGlobalPrefix). */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** How often a Redis outage is logged again while it lasts. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * The letters queue's connection errors (Redis down) are logged, at most once
 * a minute, instead of reaching BullMQ's console fallback for an 'error'
 * event without a listener. The connection keeps reconnecting by itself.
 */
@Injectable()
export class LettersQueueErrors {
  private readonly logger = new Logger('LettersQueue');
  private lastLogged = 0;

  constructor(@InjectQueue(LETTERS_QUEUE) queue: Queue) {
    queue.on('error', (error: Error) => {
      const now = Date.now();
      if (now - this.lastLogged < ERROR_LOG_INTERVAL_MS) return;
      this.lastLogged = now;
      this.logger.warn(`Letters queue: Redis connection error: ${error.message}`);
    });
  }
}

/**
 * The bull-board dashboard of the letters queue, for officers and admins.
 * Read-only: a letter is retried with POST /letters/:id/retry, which bumps its
 * generation and leaves an audit event; a job retried or removed here would not.
 * The producer connection fails fast while Redis is down, so the API starts
 * and serves everything else without it.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: queueConnection(config.get('REDIS_URL'), 'producer'),
        prefix: config.get('QUEUE_PREFIX'),
      }),
    }),
    BullModule.registerQueue({ name: LETTERS_QUEUE }),
    BullBoardModule.forRootAsync({
      inject: [Authenticator, RedisClient],
      useFactory: (authenticator: Authenticator, redis: RedisClient) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: queueDashboardGuard(authenticator, () => redis.status === 'ready'),
        // The dashboard shows the queue, not the Redis server (version, memory, clients): its stats route answers 403.
        boardOptions: { uiConfig: { boardTitle: 'Prague grants – queues', hideRedisDetails: true } },
      }),
    }),
    BullBoardModule.forFeature({ name: LETTERS_QUEUE, adapter: BullMQAdapter, options: { readOnlyMode: true } }),
  ],
  providers: [LettersQueueErrors],
})
export class QueueDashboardModule {}
