import type { Job } from 'bullmq';

/** Multi-provider token: every QueueProcessor of the worker. */
export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');
/** The queues the worker app is configured to serve (each must have a processor). */
export const SERVED_QUEUES = Symbol('SERVED_QUEUES');

/** Processes the jobs of one queue; the QueueWorkers runner gives it a BullMQ Worker. */
export interface QueueProcessor<T = unknown> {
  readonly queue: string;
  process(job: Job<T>): Promise<unknown>;
  /** A job that BullMQ failed for good outside process() (e.g. stalled too often). */
  onAbandoned?(job: Job<T>, error: Error): Promise<void>;
}
