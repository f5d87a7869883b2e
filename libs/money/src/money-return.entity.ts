import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';

/** Money the recipient returned, recorded by the Budget Department. */
@Entity('money_return')
@Index('money_return_application_id_idx', ['applicationId'])
@Check('money_return_amount_check', 'amount_czk > 0')
export class MoneyReturnEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'money_return_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'money_return_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'amount_czk', type: 'bigint', transformer: bigintToNumber })
  amountCzk!: number;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 100 })
  reference!: string;

  @Column({ name: 'ledger_transaction_id', type: 'uuid' })
  ledgerTransactionId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;
}
