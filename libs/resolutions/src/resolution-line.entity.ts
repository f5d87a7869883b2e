import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';
import type { CommissionStatus, LineOutcome } from './domain/resolution.types';
import { ResolutionEntity } from './resolution.entity';

/** numeric comes back as a string: the commission's average score, 2 decimals. */
const scoreToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A line of a resolution's annex: one application of the call, with the
 * outcome, amount and reason the resolution gives it. `live` while its
 * resolution is a draft or adopted: an application is in one live line at most.
 */
@Entity('resolution_line')
@Index('resolution_line_live_idx', ['applicationId'], { unique: true, where: 'live' })
@Index('resolution_line_position_idx', ['resolutionId', 'position'], { unique: true })
@Check('resolution_line_commission_status_check', `commission_status IN ('recommended', 'not_recommended', 'ineligible')`)
@Check('resolution_line_outcome_check', `outcome IN ('approved', 'rejected', 'ineligible')`)
@Check('resolution_line_amount_check', `(outcome = 'approved') = (amount_czk IS NOT NULL) AND (amount_czk IS NULL OR amount_czk > 0)`)
@Check('resolution_line_ineligible_check', `(outcome = 'ineligible') = (commission_status = 'ineligible')`)
@Check('resolution_line_proposed_check', 'proposed_czk IS NULL OR proposed_czk >= 0')
@Check('resolution_line_rank_check', 'rank IS NULL OR rank >= 1')
export class ResolutionLineEntity {
  @PrimaryColumn({ name: 'resolution_id', type: 'uuid', primaryKeyConstraintName: 'resolution_line_pkey' })
  resolutionId!: string;

  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'resolution_line_pkey' })
  applicationId!: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resolution_id', foreignKeyConstraintName: 'resolution_line_resolution_id_fkey' })
  resolution?: Relation<ResolutionEntity>;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'resolution_line_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  /** Order in the draft's annex (by part, then the commission's rank). */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'boolean', default: true })
  live!: boolean;

  /** The application's status when the draft was built. */
  @Column({ name: 'commission_status', type: 'varchar', length: 16 })
  commissionStatus!: CommissionStatus;

  @Column({ name: 'proposed_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  proposedCzk!: number | null;

  @Column({ type: 'varchar', length: 10 })
  outcome!: LineOutcome;

  @Column({ name: 'amount_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountCzk!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason!: string | null;

  @Column({ name: 'deviation_reason', type: 'varchar', length: 2000, nullable: true })
  deviationReason!: string | null;

  /** The commission's rank in the part when the draft was built (null: never ranked, an ineligible application). */
  @Column({ type: 'integer', nullable: true })
  rank!: number | null;

  @Column({ name: 'average_score', type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: scoreToNumber })
  averageScore!: number | null;
}
