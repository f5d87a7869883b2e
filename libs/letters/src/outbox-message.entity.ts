import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: written in the transaction of the change it announces;
 * a relay hands it to the queue and marks it sent (at least once; the consumer is idempotent).
 */
@Entity('outbox_message')
@Index('outbox_message_pending_idx', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'outbox_message_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
