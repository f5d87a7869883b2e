import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { bigintToNumber } from '@app/core';

/**
 * One money movement of the double-entry ledger. Append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE); a mistake is corrected by a reversal.
 */
@Entity('ledger_transaction')
@Index('ledger_transaction_application_id_idx', ['applicationId'])
@Index('ledger_transaction_call_part_id_idx', ['callPartId'])
@Unique('ledger_transaction_reverses_key', ['reverses'])
export class LedgerTransactionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'ledger_transaction_pkey' })
  id!: string;

  /** Posting order (created_at may repeat within one instant). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', transformer: bigintToNumber })
  seq!: number;

  @Column({ type: 'varchar', length: 24 })
  type!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ type: 'varchar', length: 200 })
  reference!: string;

  @Column({ type: 'uuid', nullable: true })
  reverses!: string | null;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'call_part_id', type: 'uuid', nullable: true })
  callPartId!: string | null;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}

/** A signed amount on one account; the entries of a transaction sum to zero (checked at commit). */
@Entity('ledger_entry')
@Index('ledger_entry_transaction_id_idx', ['transactionId'])
@Index('ledger_entry_account_idx', ['account'])
@Check('ledger_entry_amount_check', 'amount_czk <> 0')
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'ledger_entry_pkey' })
  id!: string;

  @Column({ name: 'transaction_id', type: 'uuid' })
  transactionId!: string;

  @ManyToOne(() => LedgerTransactionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transaction_id', foreignKeyConstraintName: 'ledger_entry_transaction_id_fkey' })
  transaction?: Relation<LedgerTransactionEntity>;

  @Column({ type: 'varchar', length: 200 })
  account!: string;

  @Column({ name: 'amount_czk', type: 'bigint', transformer: bigintToNumber })
  amountCzk!: number;
}
