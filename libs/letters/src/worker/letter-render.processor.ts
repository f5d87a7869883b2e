import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { attemptOf, failureReasonOf, nothingToRender } from '../domain/letter-job.rules';
import { LETTERS_QUEUE, type LetterJobData } from '../queue/letters-queue';
import { LetterRenderer } from '../render/letter-renderer';
import { LetterStoreRepository } from './letter-store.repository';
import type { QueueProcessor } from './queue-processor';

/**
 * One letter per job: load, render (deterministic), store the PDF and its
 * SHA-256 with the audit event. Idempotent: a ready letter or a job of an
 * older generation does nothing. A failure is thrown for BullMQ to retry
 * with backoff; on the last attempt the letter becomes `failed` with the reason.
 */
@Injectable()
export class LetterRenderProcessor implements QueueProcessor<LetterJobData> {
  readonly queue = LETTERS_QUEUE;
  private readonly logger = new Logger(LetterRenderProcessor.name);

  constructor(
    private readonly store: LetterStoreRepository,
    private readonly renderer: LetterRenderer,
  ) {}

  async process(job: Job<LetterJobData>): Promise<string> {
    const { letterId, generation } = job.data;
    const { attempt, last } = attemptOf(job.attemptsMade, job.opts.attempts);
    try {
      const letter = await this.store.load(letterId);
      if (!letter) throw new Error(`letter ${letterId} does not exist`);
      const skip = nothingToRender(letter, generation);
      if (skip) return skip;
      const rendered = await this.renderer.render({ id: letter.id, kind: letter.kind, data: letter.data });
      return (await this.store.markReady(letter, rendered, attempt)) ? 'ready' : 'settled meanwhile';
    } catch (error) {
      if (last) await this.fail(letterId, generation, failureReasonOf(error), attempt);
      throw error;
    }
  }

  async onAbandoned(job: Job<LetterJobData>, error: Error): Promise<void> {
    await this.fail(job.data.letterId, job.data.generation, failureReasonOf(error), job.attemptsMade);
  }

  private async fail(letterId: string, generation: number, reason: string, attempts: number): Promise<void> {
    try {
      if (await this.store.markFailed(letterId, generation, reason, attempts)) {
        this.logger.warn(`Letter ${letterId} failed after ${attempts} attempt(s): ${reason}`);
      }
    } catch (error) {
      // The job fails anyway; the letter stays queued and an officer sees it in the dashboard.
      this.logger.error(`Letter ${letterId} could not be marked failed: ${failureReasonOf(error)}`);
    }
  }
}
