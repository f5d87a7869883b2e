import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '@app/core';
import { failureReasonOf } from '../domain/letter-job.rules';
import { AUDIT_CHECKPOINT_JOB, MAINTENANCE_QUEUE, MAINTENANCE_TIME_ZONE, RETENTION_JOB } from '../queue/maintenance-queue';

/** A failed run is tried again 5 times (from a minute apart); runs are kept a month, failures three. */
const MAINTENANCE_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: { age: 90 * 24 * 3600 },
};

/** How long to wait before trying to register the schedulers again while Redis is away. */
const RETRY_MS = 5000;

/**
 * Registers (or updates) the BullMQ job schedulers of the housekeeping jobs
 * when the worker starts: the audit checkpoint (AUDIT_CHECKPOINT_CRON) and
 * the retention (RETENTION_CRON), Prague time. A scheduler lives in Redis
 * under a fixed id, so several workers register it once and it adds one job
 * per tick. While Redis is away the worker starts anyway and tries again.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceSchedule.name);
  private readonly stop = new AbortController();
  /** Resolves once both schedulers are registered (or the worker stops). */
  registered: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registered = this.register();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.registered;
  }

  private async register(): Promise<void> {
    const schedules = [
      { id: AUDIT_CHECKPOINT_JOB, pattern: this.config.get('AUDIT_CHECKPOINT_CRON') },
      { id: RETENTION_JOB, pattern: this.config.get('RETENTION_CRON') },
    ];
    const signal = this.stop.signal;
    while (!signal.aborted) {
      try {
        const attempt = this.upsert(schedules);
        // A connection that waits for Redis may wait for ever: the worker must still stop when asked.
        attempt.catch(() => undefined);
        const outcome = await Promise.race([
          attempt.then(() => 'registered' as const),
          sleep(RETRY_MS, 'waiting' as const, { signal }).catch(() => 'stopped' as const),
        ]);
        if (outcome === 'stopped') return;
        if (outcome === 'registered') {
          this.logger.log(`Scheduled: ${schedules.map(({ id, pattern }) => `${id} at "${pattern}"`).join(', ')} (${MAINTENANCE_TIME_ZONE})`);
          return;
        }
        this.logger.warn('The maintenance schedulers are not registered yet: Redis does not answer');
      } catch (error) {
        this.logger.warn(`The maintenance schedulers could not be registered yet: ${failureReasonOf(error)}`);
        await sleep(RETRY_MS, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async upsert(schedules: readonly { id: string; pattern: string }[]): Promise<void> {
    await this.queue.waitUntilReady();
    for (const { id, pattern } of schedules) {
      await this.queue.upsertJobScheduler(id, { pattern, tz: MAINTENANCE_TIME_ZONE }, { name: id, opts: MAINTENANCE_JOB_OPTIONS });
    }
  }
}
