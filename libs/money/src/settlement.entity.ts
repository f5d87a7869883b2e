import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';

export interface SettlementLineRow {
  category: string;
  spentCzk: number;
}

/** The recipient's financial settlement and the officer's review of it. */
@Entity('settlement')
export class SettlementEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'settlement_pkey' })
  applicationId!: string;

  @OneToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'settlement_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'spent_czk', type: 'bigint', transformer: bigintToNumber })
  spentCzk!: number;

  @Column({ type: 'jsonb' })
  lines!: SettlementLineRow[];

  @Column({ type: 'text' })
  report!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ name: 'accepted_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  acceptedCzk!: number | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote!: string | null;

  @Column({ name: 'return_due_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  returnDueCzk!: number | null;

  @Column({ name: 'return_due_on', type: 'date', nullable: true })
  returnDueOn!: string | null;

  /** paid − spent at the review: due by the contract's settlement deadline. */
  @Column({ name: 'unspent_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  unspentCzk!: number | null;

  /** spent − accepted at the review: due by the remedy deadline. */
  @Column({ name: 'refused_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  refusedCzk!: number | null;

  /** The deadline the review set for what it refused (spent − accepted); null when nothing was. */
  @Column({ name: 'remedy_due_on', type: 'date', nullable: true })
  remedyDueOn!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;
}
