import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '@app/core';
import { DOCUMENT_RENDER_TOPIC, DOCUMENTS_QUEUE, documentJobId, type DocumentJobData } from '../documents/document-queue';
import { failureReasonOf, lostJobs } from '../domain/letter-job.rules';
import { LETTER_RENDER_TOPIC } from '../letter-requests.repository';
import { LETTERS_QUEUE, letterJobId, type LetterJobData } from '../queue/letters-queue';
import { documentJobs, letterJobs } from './letter-job-options';
import { OutboxRepository } from './outbox.repository';

/** Letters checked per round. */
const BATCH = 500;

/**
 * The outbox guarantees a letter (or a call document) reaches Redis; this guarantees it is not
 * lost there. A Redis that restarts without its data (no AOF) or is flushed
 * forgets jobs whose outbox rows are already marked sent: their letters would
 * stay `queued` for ever. Every round, letters still queued
 * LETTER_RESCUE_AFTER_MS after their last hand-over (and with no outbox row
 * pending) are looked up in the queue, and a job Redis does not know is added again under its own id
 * (the processor is idempotent, so a race with a late job changes nothing).
 */
@Injectable()
export class LostJobRescue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LostJobRescue.name);
  private readonly stop = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    @InjectQueue(LETTERS_QUEUE) private readonly queue: Queue<LetterJobData>,
    @InjectQueue(DOCUMENTS_QUEUE) private readonly documentsQueue: Queue<DocumentJobData>,
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /** One round; the number of jobs added again (letters' and the call documents'). */
  async rescueOnce(): Promise<number> {
    return (await this.rescueLetters()) + (await this.rescueDocuments());
  }

  private async rescueLetters(): Promise<number> {
    // Timed by the database's clock from the last hand-over (sent_at), not from the letter's own time.
    const waiting = await this.outbox.queuedLettersSentBefore(this.config.get('LETTER_RESCUE_AFTER_MS'), LETTER_RENDER_TOPIC, BATCH);
    if (waiting.length === 0) return 0;
    const states = await Promise.all(waiting.map(async (data) => ({ data, jobState: await this.queue.getJobState(letterJobId(data)) })));
    const lost = lostJobs(states);
    if (lost.length === 0) return 0;
    await this.queue.addBulk(letterJobs(lost.map(({ data }) => data), this.config.get('LETTER_BACKOFF_MS')));
    this.logger.warn(`Redis had lost the jobs of ${lost.length} queued letter(s): added again`);
    return lost.length;
  }

  private async rescueDocuments(): Promise<number> {
    const waiting = await this.outbox.queuedDocumentsSentBefore(this.config.get('LETTER_RESCUE_AFTER_MS'), DOCUMENT_RENDER_TOPIC, BATCH);
    if (waiting.length === 0) return 0;
    const states = await Promise.all(waiting.map(async (data) => ({ data, jobState: await this.documentsQueue.getJobState(documentJobId(data)) })));
    const lost = lostJobs(states);
    if (lost.length === 0) return 0;
    await this.documentsQueue.addBulk(documentJobs(lost.map(({ data }) => data), this.config.get('LETTER_BACKOFF_MS')));
    this.logger.warn(`Redis had lost the jobs of ${lost.length} queued document(s): added again`);
    return lost.length;
  }

  private async loop(): Promise<void> {
    // Every half of the rescue age, at most a minute.
    const everyMs = Math.min(60_000, Math.max(500, Math.floor(this.config.get('LETTER_RESCUE_AFTER_MS') / 2)));
    while (!this.stop.signal.aborted) {
      await sleep(everyMs, undefined, { signal: this.stop.signal }).catch(() => undefined);
      if (this.stop.signal.aborted) break;
      try {
        await this.rescueOnce();
      } catch (error) {
        // Redis or PostgreSQL away: the relay reports outages; the next round tries again.
        this.logger.debug(`Lost-job check skipped: ${failureReasonOf(error)}`);
      }
    }
  }
}
