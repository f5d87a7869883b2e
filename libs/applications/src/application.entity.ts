import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  Check,
  type Relation,
} from 'typeorm';
import { bigintToNumber } from '@app/core';
import { CallEntity, CallPartEntity } from '@app/calls';
import { OrganisationEntity, UserEntity } from '@app/identity';
import { PolicyMeasureEntity } from '@app/policy';
import type { ApplicationStatus } from './domain/application-status';
import { ApplicationBudgetLineEntity } from './application-budget-line.entity';

@Entity('application')
@Unique('application_reference_number_key', ['referenceNumber'])
@Index('application_call_id_status_idx', ['callId', 'status'])
@Index('application_organisation_id_call_id_idx', ['organisationId', 'callId'])
@Check(
  'application_status_check',
  `status IN ('draft', 'submitted', 'correction_requested', 'eligible', 'ineligible', 'recommended', 'not_recommended', 'approved', 'rejected', 'contracted', 'settlement_submitted', 'settled', 'closed', 'withdrawn')`,
)
@Check('application_money_check', 'requested_czk >= 0 AND total_cost_czk >= requested_czk AND other_funding_czk >= 0')
@Check('application_proposal_check', 'proposed_czk IS NULL OR (proposed_czk >= 0 AND proposed_czk <= requested_czk)')
@Check(
  'application_balance_check',
  'awarded_czk >= 0 AND awarded_czk <= requested_czk AND paid_czk >= 0 AND paid_czk <= awarded_czk AND returned_czk >= 0 AND returned_czk <= paid_czk AND return_due_czk >= 0',
)
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'application_call_id_fkey' })
  call?: Relation<CallEntity>;

  @Column({ name: 'call_part_id', type: 'uuid' })
  callPartId!: string;

  @ManyToOne(() => CallPartEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_part_id', foreignKeyConstraintName: 'application_call_part_id_fkey' })
  callPart?: Relation<CallPartEntity>;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'application_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'application_created_by_fkey' })
  creator?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 24 })
  status!: ApplicationStatus;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ name: 'primary_measure_code', type: 'varchar', length: 16 })
  primaryMeasureCode!: string;

  @ManyToOne(() => PolicyMeasureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'primary_measure_code', foreignKeyConstraintName: 'application_primary_measure_code_fkey' })
  primaryMeasure?: Relation<PolicyMeasureEntity>;

  @Column({ name: 'measure_codes', type: 'text', array: true })
  measureCodes!: string[];

  @Column({ name: 'target_groups', type: 'text', array: true })
  targetGroups!: string[];

  @Column({ type: 'text', array: true })
  districts!: string[];

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ name: 'requested_czk', type: 'bigint', transformer: bigintToNumber })
  requestedCzk!: number;

  @Column({ name: 'total_cost_czk', type: 'bigint', transformer: bigintToNumber })
  totalCostCzk!: number;

  @Column({ name: 'other_funding_czk', type: 'bigint', transformer: bigintToNumber })
  otherFundingCzk!: number;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 320 })
  contactEmail!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40 })
  contactPhone!: string;

  @Column({ name: 'reference_number', type: 'varchar', length: 40, nullable: true })
  referenceNumber!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Set by a formal check that asks for corrections: the last day (Prague) to re-submit. */
  @Column({ name: 'correction_due_on', type: 'date', nullable: true })
  correctionDueOn!: string | null;

  /** The commission's funding proposal; never above the request, and the part's sum never above its allocation. */
  @Column({ name: 'proposed_czk', type: 'bigint', nullable: true, transformer: bigintToNumber })
  proposedCzk!: number | null;

  /** Cached balances of the ledger: the award (after releases), paid out, returned, and claimed back but not yet returned. */
  @Column({ name: 'awarded_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  awardedCzk!: number;

  @Column({ name: 'paid_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  paidCzk!: number;

  @Column({ name: 'returned_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  returnedCzk!: number;

  @Column({ name: 'return_due_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  returnDueCzk!: number;

  @OneToMany(() => ApplicationBudgetLineEntity, (l) => l.application)
  budgetLines?: ApplicationBudgetLineEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
