import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from '@app/applications';
import { bigintToNumber } from '@app/core';

/** The council's or assembly's resolution on an application: one per application. */
@Entity('decision')
@Index('decision_recipient_year_idx', ['recipientIco', 'resolutionYear'])
@Check('decision_outcome_check', `outcome IN ('approved', 'rejected')`)
@Check('decision_body_check', `body IN ('council', 'assembly')`)
@Check('decision_amount_check', `(outcome = 'approved') = (amount_czk IS NOT NULL) AND (amount_czk IS NULL OR amount_czk > 0)`)
@Check('decision_deviation_reason_check', `deviation_reason IS NULL OR (outcome = 'approved' AND btrim(deviation_reason) <> '')`)
export class DecisionEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'decision_pkey' })
  applicationId!: string;

  @OneToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'decision_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'varchar', length: 8 })
  outcome!: 'approved' | 'rejected';

  @Column({ name: 'amount_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountCzk!: number | null;

  @Column({ type: 'varchar', length: 8 })
  body!: 'council' | 'assembly';

  @Column({ name: 'resolution_number', type: 'varchar', length: 100 })
  resolutionNumber!: string;

  @Column({ name: 'resolution_date', type: 'date' })
  resolutionDate!: string;

  /** Calendar year of the resolution: the council/assembly threshold counts awards per recipient and year. */
  @Column({ name: 'resolution_year', type: 'smallint' })
  resolutionYear!: number;

  /** IČO of the recipient at the time of the decision (the threshold counts per IČO across programmes). */
  @Column({ name: 'recipient_ico', type: 'char', length: 8 })
  recipientIco!: string;

  @Column({ type: 'text', array: true })
  reasons!: string[];

  /**
   * Why the Council or Assembly deviates from the DOT Commission: approving a not recommended application, or
   * above the commission's proposal (required then, and only then). Null otherwise.
   */
  @Column({ name: 'deviation_reason', type: 'text', nullable: true })
  deviationReason!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;
}
