import {
  Check,
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
  type Relation,
} from 'typeorm';
import type { OrganisationKind } from '@app/identity';
import type { RankingMethod } from './domain/call.rules';
import { CallCriterionEntity } from './call-criterion.entity';
import { CallPartEntity } from './call-part.entity';
import { ProgrammeEntity } from './programme.entity';

export type CallStatus = 'draft' | 'announced';

@Entity('call')
@Unique('call_programme_id_sequence_key', ['programmeId', 'sequenceInProgramme'])
@Index('call_status_idx', ['status'])
@Check('call_status_check', `status IN ('draft', 'announced')`)
@Check('call_window_check', 'submission_opens_at < submission_closes_at')
@Check('call_ranking_method_check', `ranking_method IN ('average', 'normalised')`)
export class CallEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'call_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'call_programme_id_fkey' })
  programme?: Relation<ProgrammeEntity>;

  /** 1 for a programme's first call; part of later calls' reference numbers. */
  @Column({ name: 'sequence_in_programme', type: 'integer' })
  sequenceInProgramme!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CallStatus;

  @Column({ name: 'announced_on', type: 'date' })
  announcedOn!: string;

  @Column({ name: 'submission_opens_at', type: 'timestamptz' })
  submissionOpensAt!: Date;

  @Column({ name: 'submission_closes_at', type: 'timestamptz' })
  submissionClosesAt!: Date;

  @Column({ name: 'decision_due_on', type: 'date' })
  decisionDueOn!: string;

  @Column({ name: 'settlement_due_on', type: 'date' })
  settlementDueOn!: string;

  @Column({ name: 'eligible_applicant_kinds', type: 'text', array: true })
  eligibleApplicantKinds!: OrganisationKind[];

  @Column({ name: 'eligible_measure_codes', type: 'text', array: true })
  eligibleMeasureCodes!: string[];

  @Column({ name: 'max_applications_per_organisation', type: 'integer' })
  maxApplicationsPerOrganisation!: number;

  @Column({ name: 'min_score', type: 'integer' })
  minScore!: number;

  @Column({ type: 'integer' })
  quorum!: number;

  @Column({ name: 'max_request_share_of_costs_pct', type: 'smallint' })
  maxRequestShareOfCostsPct!: number;

  @Column({ name: 'ranking_method', type: 'varchar', length: 16 })
  rankingMethod!: RankingMethod;

  /** The registry book: last reference number given in this call (gapless). */
  @Column({ name: 'last_reference_number', type: 'integer', default: 0 })
  lastReferenceNumber!: number;

  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt!: Date | null;

  @Column({ name: 'evaluation_closed_at', type: 'timestamptz', nullable: true })
  evaluationClosedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @OneToMany(() => CallPartEntity, (p) => p.call)
  parts?: CallPartEntity[];

  @OneToMany(() => CallCriterionEntity, (c) => c.call)
  criteria?: CallCriterionEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
