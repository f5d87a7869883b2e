import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { DOCUMENT_RENDER_TOPIC, DOCUMENTS_QUEUE, documentJobDataOf, type DocumentJobData } from '../documents/document-queue';
import { LETTER_RENDER_TOPIC } from '../letter-requests.repository';
import { LETTERS_QUEUE, letterJobDataOf, type LetterJobData } from '../queue/letters-queue';
import { documentJobs, letterJobs } from './letter-job-options';
import { OutboxRepository } from './outbox.repository';

/** Outbox rows of each topic handed over per transaction. */
const BATCH = 200;
/** Wait after a failed hand-over (Redis or PostgreSQL away), growing to this. */
const MAX_BACKOFF_MS = 5000;

/**
 * Moves letter requests from the transactional outbox to the BullMQ queue
 * `letters`, and the call's documents' to the queue `documents`:
 * claims pending rows (FOR UPDATE SKIP LOCKED, so several workers share the
 * work), adds their jobs with ids derived from the letter and generation,
 * and marks the rows sent in the same transaction. Rows stay pending until
 * Redis has accepted their jobs; a crash between add and mark re-adds jobs
 * BullMQ already has, which it ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly stop = new AbortController();
  private running: Promise<void> | null = null;
  private outage: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(LETTERS_QUEUE) private readonly queue: Queue<LetterJobData>,
    @InjectQueue(DOCUMENTS_QUEUE) private readonly documentsQueue: Queue<DocumentJobData>,
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    // Connection errors surface in relayOnce() (logged once per outage); no unhandled 'error' events.
    this.queue.on('error', () => undefined);
    this.documentsQueue.on('error', () => undefined);
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /** Hands over one batch; the number of rows moved. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const letters = await this.outbox.claimPending(manager, LETTER_RENDER_TOPIC, BATCH);
      const documents = await this.outbox.claimPending(manager, DOCUMENT_RENDER_TOPIC, BATCH);
      if (letters.length === 0 && documents.length === 0) return 0;
      const backoffMs = this.config.get('LETTER_BACKOFF_MS');
      if (letters.length) await this.queue.addBulk(letterJobs(letters.map((row) => letterJobDataOf(row.payload)), backoffMs));
      if (documents.length) await this.documentsQueue.addBulk(documentJobs(documents.map((row) => documentJobDataOf(row.payload)), backoffMs));
      await this.outbox.markSent(manager, [...letters, ...documents].map((r) => r.id));
      return letters.length + documents.length;
    });
  }

  private async loop(): Promise<void> {
    const pollMs = this.config.get('OUTBOX_POLL_MS');
    let backoffMs = pollMs;
    while (!this.stop.signal.aborted) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
        if (this.outage) this.logger.log(`Letters flow again (after: ${this.outage})`);
        this.outage = null;
        backoffMs = pollMs;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (this.outage === null) this.logger.warn(`Letters wait in the outbox: cannot hand them to the queue (${reason}); retrying`);
        this.outage = reason;
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
      if (moved < BATCH) await this.pause(this.outage ? backoffMs : pollMs);
    }
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }
}
