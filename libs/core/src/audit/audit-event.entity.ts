import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { bigintToNumber } from '../database/bigint.transformer';

/**
 * Append-only and hash-chained: `hash = sha256(prev_hash, canonical row)`.
 * A trigger refuses UPDATE, DELETE and TRUNCATE; the app role may only SELECT, and append through
 * the SECURITY DEFINER function `audit_append` (migrations/*-audit-append-definer).
 */
@Entity('audit_event')
@Unique('audit_event_id_key', ['id'])
@Index('audit_event_entity_idx', ['entityType', 'entityId'])
export class AuditEventEntity {
  /** Chain order; assigned under a transaction-scoped advisory lock. */
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber, primaryKeyConstraintName: 'audit_event_pkey' })
  seq!: number;

  @Column({ type: 'uuid' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
