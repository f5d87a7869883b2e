import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { UserEntity } from '@app/identity';

/** A commission member's declaration of (no) conflict of interest for one application. */
@Entity('conflict_declaration')
export class ConflictDeclarationEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'conflict_declaration_pkey' })
  applicationId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'conflict_declaration_pkey' })
  memberId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'conflict_declaration_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'conflict_declaration_member_id_fkey' })
  member?: Relation<UserEntity>;

  @Column({ name: 'has_conflict', type: 'boolean' })
  hasConflict!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** True when the member is affiliated with the applicant organisation: a conflict they cannot declare away. */
  @Column({ type: 'boolean', default: false })
  automatic!: boolean;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;
}
