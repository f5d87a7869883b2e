import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ApplicationStatus } from './domain/application-status';
import { ApplicationEntity } from './application.entity';

@Entity('application_status_change')
@Index('application_status_change_application_id_idx', ['applicationId'])
export class ApplicationStatusChangeEntity {
  /** Increasing, so the history keeps its order even within one instant. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'application_status_change_pkey',
  })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_status_change_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: ApplicationStatus;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
