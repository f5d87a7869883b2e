import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { AppConfig, queueConnection } from '@app/core';
import { failureReasonOf, unservedQueues } from '../domain/letter-job.rules';
import { QUEUE_PROCESSORS, SERVED_QUEUES, type QueueProcessor } from './queue-processor';

/**
 * Gives every processor a BullMQ Worker once the application is up, and
 * refuses to start when a served queue has no processor (its jobs would wait
 * forever). Stalled jobs (a worker killed mid-job) return to the queue after
 * LETTER_LOCK_MS. On shutdown each worker finishes the job in hand first.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(SERVED_QUEUES) private readonly queues: readonly string[],
    @Inject(QUEUE_PROCESSORS) private readonly processors: readonly QueueProcessor[],
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const missing = unservedQueues(this.queues, this.processors.map((p) => p.queue));
    if (missing.length > 0) {
      throw new Error(`The worker refuses to start: no processor for queue(s) ${missing.map((q) => `"${q}"`).join(', ')}`);
    }
    const lockMs = this.config.get('LETTER_LOCK_MS');
    for (const processor of this.processors) {
      const worker = new Worker(processor.queue, (job: Job) => processor.process(job), {
        connection: queueConnection(this.config.get('REDIS_URL'), 'worker'),
        prefix: this.config.get('QUEUE_PREFIX'),
        concurrency: this.config.get('LETTER_CONCURRENCY'),
        lockDuration: lockMs,
        stalledInterval: lockMs,
        // A job whose worker died this often is given up (and its letter failed by onAbandoned).
        maxStalledCount: 3,
      });
      worker.on('error', (error) => this.logger.warn(`Queue "${processor.queue}": ${failureReasonOf(error)}`));
      worker.on('failed', (job, error) => {
        if (!job) return;
        const retried = job.attemptsMade < (job.opts.attempts ?? 1) && !/stalled more than/i.test(error.message);
        if (retried) {
          this.logger.warn(`Job ${job.id} failed (attempt ${job.attemptsMade}), will retry: ${failureReasonOf(error)}`);
        } else if (processor.onAbandoned && /stalled more than/i.test(error.message)) {
          void processor.onAbandoned(job, error);
        }
      });
      this.workers.push(worker);
    }
    this.logger.log(`Processing queue(s) ${this.processors.map((p) => `"${p.queue}"`).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() waits for the jobs in hand. It can wait forever while a connection is reconnecting
    // (taskforcesh/bullmq#4656), so it gets the lock's duration; then the worker is disconnected and
    // any job still in hand stays active in Redis, where the stalled-job check returns it to the queue.
    const graceMs = this.config.get('LETTER_LOCK_MS');
    await Promise.all(
      this.workers.map(async (worker) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), graceMs)));
        const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          this.logger.warn(`Queue "${worker.name}": the worker did not close within ${graceMs} ms; disconnecting (a job in hand runs again)`);
          await worker.disconnect();
        }
      }),
    );
  }
}
