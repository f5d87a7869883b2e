import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from './application.entity';
import { UserEntity } from '@app/identity';

export type FormalCheckResult = 'eligible' | 'ineligible' | 'correction_requested';

/** Every formal check of an application, in order (a correction request and the check after it). */
@Entity('formal_check')
@Index('formal_check_application_id_idx', ['applicationId'])
@Check('formal_check_result_check', `result IN ('eligible', 'ineligible', 'correction_requested')`)
export class FormalCheckEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'formal_check_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'formal_check_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'varchar', length: 24 })
  result!: FormalCheckResult;

  @Column({ type: 'text', array: true })
  reasons!: string[];

  @Column({ name: 'correction_due_on', type: 'date', nullable: true })
  correctionDueOn!: string | null;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;

  @Column({ name: 'checked_by', type: 'uuid' })
  checkedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_by', foreignKeyConstraintName: 'formal_check_checked_by_fkey' })
  checker?: Relation<UserEntity>;
}
