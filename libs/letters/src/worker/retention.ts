import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, IdempotencyRepository } from '@app/core';
import { OutboxRepository } from './outbox.repository';

export interface RetentionResult {
  outboxMessages: number;
  idempotencyKeys: number;
}

/**
 * The retention job: sent outbox messages older than OUTBOX_RETENTION_DAYS
 * and idempotency keys older than IDEMPOTENCY_RETENTION_HOURS are deleted,
 * and the numbers logged.
 */
@Injectable()
export class Retention {
  private readonly logger = new Logger(Retention.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<RetentionResult> {
    const days = this.config.get('OUTBOX_RETENTION_DAYS');
    const hours = this.config.get('IDEMPOTENCY_RETENTION_HOURS');
    const outboxMessages = await this.outbox.purgeSentBefore(days);
    const idempotencyKeys = await this.idempotency.purgeExpired();
    this.logger.log(
      `Retention: deleted ${outboxMessages} sent outbox message(s) older than ${days} day(s) and ${idempotencyKeys} idempotency key(s) older than ${hours} hour(s)`,
    );
    return { outboxMessages, idempotencyKeys };
  }
}
