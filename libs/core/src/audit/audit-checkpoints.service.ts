import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditCheckpointsRepository, type AuditCheckpoint } from './audit-checkpoints.repository';
import { AuditTrail } from './audit-trail.service';

/**
 * Checkpoints of the audit chain, to anchor it outside the system (publish
 * the head hash somewhere the City cannot rewrite: a qualified timestamp, a
 * public register, an e-mail to the auditor). The worker takes one a day.
 */
@Injectable()
export class AuditCheckpoints {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores the chain's head (seq, hash), the number of events up to it and
   * the time, and records it as an `audit.checkpoint` event (the event after
   * the head it names), in one transaction.
   */
  async take(): Promise<AuditCheckpoint> {
    return this.dataSource.transaction(async (manager) => {
      const checkpoint = await this.checkpoints.take(manager, randomUUID());
      await this.audit.append(manager, {
        actor: null,
        action: 'audit.checkpoint',
        entityType: 'audit_checkpoint',
        entityId: checkpoint.id,
        after: { ...checkpoint, takenAt: checkpoint.takenAt.toISOString() },
      });
      return checkpoint;
    });
  }

  list(page: number, pageSize: number): Promise<{ items: AuditCheckpoint[]; total: number }> {
    return this.checkpoints.page(page, pageSize);
  }
}
