import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintToNumber } from '@app/core';
import { ProgrammeEntity } from './programme.entity';

/** A recorded change of a programme's appropriation (rozpočtové opatření). */
@Entity('budget_measure')
@Index('budget_measure_programme_id_idx', ['programmeId'])
export class BudgetMeasureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_measure_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'budget_measure_programme_id_fkey' })
  programme?: Relation<ProgrammeEntity>;

  @Column({ name: 'amount_czk', type: 'bigint', transformer: bigintToNumber })
  amountCzk!: number;

  @Column({ type: 'varchar', length: 100 })
  reference!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
