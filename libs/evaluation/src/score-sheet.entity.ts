import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { CallEntity } from '@app/calls';
import { UserEntity } from '@app/identity';
import type { ScoreSheetState } from './domain/score-sheet-state';

export interface CriterionPoints {
  criterionCode: string;
  points: number;
}

/**
 * One member's points for one application: a draft, editable by its member,
 * until they submit it; only submitted sheets count. A submitted sheet becomes
 * a draft again only when the chair reopens it with a reason. Frozen when the
 * evaluation closes.
 */
@Entity('score_sheet')
@Index('score_sheet_call_id_idx', ['callId'])
@Check('score_sheet_total_check', 'total_points >= 0')
@Check('score_sheet_status_check', `status IN ('draft', 'submitted')`)
@Check('score_sheet_submitted_check', `(status = 'submitted') = (submitted_at IS NOT NULL)`)
@Check('score_sheet_reopen_check', `(reopened_at IS NULL) = (reopen_reason IS NULL)`)
export class ScoreSheetEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'score_sheet_pkey' })
  applicationId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'score_sheet_pkey' })
  memberId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'score_sheet_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'score_sheet_member_id_fkey' })
  member?: Relation<UserEntity>;

  /** The application's call, so that a call's sheets are read with one index scan. */
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'score_sheet_call_id_fkey' })
  call?: Relation<CallEntity>;

  /** In the order of the call's criteria. */
  @Column({ type: 'jsonb' })
  points!: CriterionPoints[];

  @Column({ name: 'total_points', type: 'integer' })
  totalPoints!: number;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'varchar', length: 9 })
  status!: ScoreSheetState;

  /** When its member submitted it; null while a draft. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The chair's last reopening of the sheet, and why. */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason!: string | null;
}
