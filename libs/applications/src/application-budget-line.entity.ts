import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { bigintToNumber } from '@app/core';
import { ApplicationEntity } from './application.entity';

@Entity('application_budget_line')
@Unique('application_budget_line_application_id_position_key', ['applicationId', 'position'])
@Check('application_budget_line_amounts_check', 'requested_czk >= 0 AND requested_czk <= total_czk')
export class ApplicationBudgetLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_budget_line_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, (a) => a.budgetLines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_budget_line_application_id_fkey' })
  application?: Relation<ApplicationEntity>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 100 })
  category!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'total_czk', type: 'bigint', transformer: bigintToNumber })
  totalCzk!: number;

  @Column({ name: 'requested_czk', type: 'bigint', transformer: bigintToNumber })
  requestedCzk!: number;
}
