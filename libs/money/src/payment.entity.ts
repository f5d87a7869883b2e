import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';

/** A payment (instalment) of an award by the Budget Department, to the contract's account. */
@Entity('payment')
@Index('payment_application_id_idx', ['applicationId'])
@Check('payment_amount_check', 'amount_czk > 0')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'payment_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'payment_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'amount_czk', type: 'bigint', transformer: bigintToNumber })
  amountCzk!: number;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn!: string;

  @Column({ name: 'payment_reference', type: 'varchar', length: 100 })
  paymentReference!: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 40 })
  bankAccount!: string;

  @Column({ name: 'ledger_transaction_id', type: 'uuid' })
  ledgerTransactionId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;
}
