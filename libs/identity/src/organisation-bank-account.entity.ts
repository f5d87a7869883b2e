import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BankAccountRequestEntity } from './bank-account-request.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * The history of an organisation's registered bank account: one row a period,
 * from its registration (or the confirmation of its change) until it was
 * replaced (null: the current one, which `organisation.bank_account` repeats).
 * The reconciliation judges each payment by the account registered on its day.
 */
@Entity('organisation_bank_account')
@Index('organisation_bank_account_organisation_id_idx', ['organisationId', 'validFrom'])
@Index('organisation_bank_account_current_idx', ['organisationId'], { unique: true, where: 'valid_until IS NULL' })
@Check('organisation_bank_account_period_check', 'valid_until IS NULL OR valid_until >= valid_from')
export class OrganisationBankAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_bank_account_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_bank_account_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ name: 'bank_account', type: 'varchar', length: 40 })
  bankAccount!: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom!: Date;

  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil!: Date | null;

  /** The confirmed request that registered it; null for the account given at registration. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @ManyToOne(() => BankAccountRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'organisation_bank_account_request_id_fkey' })
  request?: Relation<BankAccountRequestEntity>;
}
