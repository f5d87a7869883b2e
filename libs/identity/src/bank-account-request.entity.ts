import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { BankAccountRequestStatus } from './domain/bank-account-requests';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/**
 * A change of an organisation's registered bank account: asked for by the
 * organisation's user, confirmed or rejected by an officer — a second person,
 * which the database checks too.
 */
@Entity('bank_account_request')
@Index('bank_account_request_organisation_id_idx', ['organisationId', 'requestedAt'])
@Index('bank_account_request_one_pending_idx', ['organisationId'], { unique: true, where: `status = 'pending'` })
@Index('bank_account_request_status_idx', ['status', 'requestedAt'])
@Check('bank_account_request_status_check', `status IN ('pending', 'confirmed', 'rejected')`)
@Check('bank_account_request_decision_check', `(status = 'pending') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)`)
@Check('bank_account_request_second_person_check', `decided_by <> requested_by`)
@Check('bank_account_request_rejection_reason_check', `(status = 'rejected') = (rejection_reason IS NOT NULL)`)
export class BankAccountRequestEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'bank_account_request_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'bank_account_request_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ name: 'bank_account', type: 'varchar', length: 40 })
  bankAccount!: string;

  /** The registered account when the change was asked for (null: none yet). */
  @Column({ name: 'previous_bank_account', type: 'varchar', length: 40, nullable: true })
  previousBankAccount!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: BankAccountRequestStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'bank_account_request_requested_by_fkey' })
  requester?: Relation<UserEntity>;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'bank_account_request_decided_by_fkey' })
  decider?: Relation<UserEntity>;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 2000, nullable: true })
  rejectionReason!: string | null;
}
