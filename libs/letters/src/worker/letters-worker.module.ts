import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '@app/core';
import { LETTERS_QUEUE } from '../queue/letters-queue';
import { LetterRenderer } from '../render/letter-renderer';
import { LetterRenderProcessor } from './letter-render.processor';
import { LetterStoreRepository } from './letter-store.repository';
import { LostJobRescue } from './lost-job-rescue';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { QUEUE_PROCESSORS, SERVED_QUEUES } from './queue-processor';
import { QueueWorkers } from './queue-workers';

/** The queues the worker serves; each needs a processor in QUEUE_PROCESSORS. */
export const WORKER_QUEUES = [LETTERS_QUEUE] as const;

/**
 * Everything the worker process runs: the outbox relay, the rescue of jobs
 * Redis lost, the letters processor and its renderer (templates and fonts
 * loaded once at start).
 * Needs the global config, database and audit providers (see apps/worker).
 */
@Module({
  imports: [BullModule.registerQueue(...WORKER_QUEUES.map((name) => ({ name })))],
  providers: [
    {
      provide: LetterRenderer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => LetterRenderer.load(config.get('TEMPLATES_DIR') ?? resolve('templates')),
    },
    LetterStoreRepository,
    OutboxRepository,
    LetterRenderProcessor,
    OutboxRelay,
    LostJobRescue,
    { provide: SERVED_QUEUES, useValue: WORKER_QUEUES },
    { provide: QUEUE_PROCESSORS, inject: [LetterRenderProcessor], useFactory: (letters: LetterRenderProcessor) => [letters] },
    QueueWorkers,
  ],
  exports: [OutboxRelay, LetterStoreRepository],
})
export class LettersWorkerModule {}
