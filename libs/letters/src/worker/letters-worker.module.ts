import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '@app/core';
import { DOCUMENTS_QUEUE } from '../documents/document-queue';
import { LETTERS_QUEUE } from '../queue/letters-queue';
import { MAINTENANCE_QUEUE } from '../queue/maintenance-queue';
import { DocumentRenderer } from '../render/documents/document-renderer';
import { LetterRenderer } from '../render/letter-renderer';
import { DocumentRenderProcessor } from './document-render.processor';
import { DocumentStoreRepository } from './document-store.repository';
import { LetterRenderProcessor } from './letter-render.processor';
import { LetterStoreRepository } from './letter-store.repository';
import { LostJobRescue } from './lost-job-rescue';
import { MaintenanceSchedule } from './maintenance-schedule';
import { MaintenanceProcessor } from './maintenance.processor';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { QUEUE_PROCESSORS, SERVED_QUEUES } from './queue-processor';
import { QueueWorkers } from './queue-workers';
import { Retention } from './retention';

/** The queues the worker serves; each needs a processor in QUEUE_PROCESSORS. */
export const WORKER_QUEUES = [LETTERS_QUEUE, MAINTENANCE_QUEUE, DOCUMENTS_QUEUE] as const;

/**
 * Everything the worker process runs: the outbox relay, the rescue of jobs
 * Redis lost, the letters processor and its renderer (templates and fonts
 * loaded once at start), the call documents' processor and renderer (the
 * commission's minutes, resolutions' annexes), and the housekeeping: the scheduled audit
 * checkpoint and retention jobs and their processor.
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
    {
      provide: DocumentRenderer,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => DocumentRenderer.load(config.get('TEMPLATES_DIR') ?? resolve('templates')),
    },
    LetterStoreRepository,
    DocumentStoreRepository,
    OutboxRepository,
    LetterRenderProcessor,
    DocumentRenderProcessor,
    OutboxRelay,
    LostJobRescue,
    Retention,
    MaintenanceProcessor,
    MaintenanceSchedule,
    { provide: SERVED_QUEUES, useValue: WORKER_QUEUES },
    {
      provide: QUEUE_PROCESSORS,
      inject: [LetterRenderProcessor, MaintenanceProcessor, DocumentRenderProcessor],
      useFactory: (letters: LetterRenderProcessor, maintenance: MaintenanceProcessor, documents: DocumentRenderProcessor) => [letters, maintenance, documents],
    },
    QueueWorkers,
  ],
  exports: [OutboxRelay, LetterStoreRepository, DocumentStoreRepository, MaintenanceProcessor, MaintenanceSchedule],
})
export class LettersWorkerModule {}
