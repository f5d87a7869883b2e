import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../database/bigint.transformer';

/**
 * A checkpoint of the audit chain: its head (seq and hash) and the number of
 * events up to it at `takenAt`, to anchor the chain outside the system.
 * Written only by the database function `audit_checkpoint_take`; append-only.
 */
@Entity('audit_checkpoint')
@Index('audit_checkpoint_taken_at_idx', ['takenAt'])
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'audit_checkpoint_pkey' })
  id!: string;

  @Column({ name: 'head_seq', type: 'bigint', transformer: bigintToNumber })
  headSeq!: number;

  @Column({ name: 'head_hash', type: 'char', length: 64 })
  headHash!: string;

  @Column({ name: 'event_count', type: 'bigint', transformer: bigintToNumber })
  eventCount!: number;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt!: Date;
}
