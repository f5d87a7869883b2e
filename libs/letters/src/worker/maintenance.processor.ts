import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditCheckpoints } from '@app/core';
import { AUDIT_CHECKPOINT_JOB, MAINTENANCE_QUEUE, RETENTION_JOB } from '../queue/maintenance-queue';
import type { QueueProcessor } from './queue-processor';
import { Retention } from './retention';

/** The housekeeping jobs the schedulers add: the audit checkpoint and the retention. */
@Injectable()
export class MaintenanceProcessor implements QueueProcessor {
  readonly queue = MAINTENANCE_QUEUE;
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly checkpoints: AuditCheckpoints,
    private readonly retention: Retention,
  ) {}

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case AUDIT_CHECKPOINT_JOB: {
        const checkpoint = await this.checkpoints.take();
        this.logger.log(`Audit checkpoint: ${checkpoint.eventCount} event(s), head #${checkpoint.headSeq} ${checkpoint.headHash}`);
        return { ...checkpoint, takenAt: checkpoint.takenAt.toISOString() };
      }
      case RETENTION_JOB:
        return this.retention.run();
      default:
        throw new Error(`No such maintenance job: "${job.name}"`);
    }
  }
}
