import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { Role } from '@app/core';
import { OrganisationEntity } from './organisation.entity';

@Entity('user_account')
@Unique('user_account_email_key', ['email'])
@Check('user_account_role_check', `role IN ('applicant', 'officer', 'commission', 'budget', 'admin')`)
@Check(
  'user_account_organisation_check',
  `(role = 'applicant') = (organisation_id IS NOT NULL)`,
)
@Check('user_account_token_version_check', `token_version >= 0`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'user_account_pkey' })
  id!: string;

  /** Stored lower-cased, so one address is one account. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'user_account_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * Carried in every access token (claim `ver`) and compared on every request:
   * disabling the user, changing their role or their password bumps it, which
   * cuts every token issued before.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  /** Set while an admin has disabled the account: no login, no password reset. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
