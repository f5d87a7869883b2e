import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { CallEntity } from '@app/calls';
import { UserEntity } from '@app/identity';

export interface CriterionPoints {
  criterionCode: string;
  points: number;
}

/** One member's points for one application; editable until the evaluation closes. */
@Entity('score_sheet')
@Index('score_sheet_call_id_idx', ['callId'])
@Check('score_sheet_total_check', 'total_points >= 0')
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

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
