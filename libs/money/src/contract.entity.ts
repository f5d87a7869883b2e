import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';

/** The public-law contract (Act 250/2000 §10a(5)) of an approved application. */
@Entity('grant_contract')
@Unique('grant_contract_number_key', ['contractNumber'])
export class ContractEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'grant_contract_pkey' })
  applicationId!: string;

  @OneToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'grant_contract_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'contract_number', type: 'varchar', length: 100 })
  contractNumber!: string;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 40 })
  bankAccount!: string;

  @Column({ name: 'amount_czk', type: 'bigint', transformer: bigintToNumber })
  amountCzk!: number;

  /** Over CZK 50,000: published in the register of contracts within 30 days (§10d). */
  @Column({ name: 'publication_due_on', type: 'date', nullable: true })
  publicationDueOn!: string | null;

  /** Copied from the call when the contract is recorded; changed by an amendment until the settlement is reviewed. */
  @Column({ name: 'settlement_due_on', type: 'date' })
  settlementDueOn!: string;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'publication_url', type: 'varchar', length: 2000, nullable: true })
  publicationUrl!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
