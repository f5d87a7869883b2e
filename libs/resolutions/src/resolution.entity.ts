import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CallEntity } from '@app/calls';
import { UserEntity } from '@app/identity';
import type { ResolutionBody, ResolutionStatus } from './domain/resolution.types';

/**
 * A resolution of the City Council or the City Assembly on one call: a
 * draft built from the closed evaluation and edited by the officers, then
 * adopted (its number and date apply to its whole annex), rejected by the
 * body or withdrawn. Its annex is its lines (ResolutionLineEntity).
 */
@Entity('resolution')
@Index('resolution_call_id_idx', ['callId', 'createdAt'])
@Check('resolution_body_check', `body IN ('council', 'assembly')`)
@Check('resolution_status_check', `status IN ('draft', 'adopted', 'rejected', 'withdrawn')`)
@Check('resolution_version_check', 'version >= 1')
@Check(
  'resolution_adopted_check',
  `(status = 'adopted') = (adopted_at IS NOT NULL AND adopted_by IS NOT NULL AND resolution_number IS NOT NULL AND resolution_date IS NOT NULL)`,
)
@Check('resolution_closed_check', `(status IN ('rejected', 'withdrawn')) = (closed_at IS NOT NULL AND closed_by IS NOT NULL AND close_reason IS NOT NULL)`)
export class ResolutionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'resolution_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'resolution_call_id_fkey' })
  call?: Relation<CallEntity>;

  @Column({ type: 'varchar', length: 8 })
  body!: ResolutionBody;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status!: ResolutionStatus;

  /** Bumped by every change of the draft: an edit names the version it was based on. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'resolution_number', type: 'varchar', length: 100, nullable: true })
  resolutionNumber!: string | null;

  @Column({ name: 'resolution_date', type: 'date', nullable: true })
  resolutionDate!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'resolution_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true })
  adoptedAt!: Date | null;

  @Column({ name: 'adopted_by', type: 'uuid', nullable: true })
  adoptedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adopted_by', foreignKeyConstraintName: 'resolution_adopted_by_fkey' })
  adopter?: Relation<UserEntity>;

  /** When the body rejected it or the officers withdrew it. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'resolution_closed_by_fkey' })
  closer?: Relation<UserEntity>;

  @Column({ name: 'close_reason', type: 'varchar', length: 2000, nullable: true })
  closeReason!: string | null;
}
