import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

@Entity('policy_priority')
export class PolicyPriorityEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'policy_priority_pkey' })
  number!: number;

  @Column({ type: 'text' })
  name!: string;
}

@Entity('policy_sub_area')
export class PolicySubAreaEntity {
  @PrimaryColumn({ name: 'priority_number', type: 'smallint', primaryKeyConstraintName: 'policy_sub_area_pkey' })
  priorityNumber!: number;

  @PrimaryColumn({ type: 'char', length: 1, primaryKeyConstraintName: 'policy_sub_area_pkey' })
  letter!: string;

  @Column({ type: 'text' })
  name!: string;

  @ManyToOne(() => PolicyPriorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'priority_number', foreignKeyConstraintName: 'policy_sub_area_priority_number_fkey' })
  priority?: Relation<PolicyPriorityEntity>;
}

@Entity('policy_sub_aim')
export class PolicySubAimEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'policy_sub_aim_pkey' })
  number!: number;

  @Column({ type: 'text' })
  text!: string;
}

@Entity('policy_measure')
export class PolicyMeasureEntity {
  /** Like `21.III`: sub-aim number and the measure's roman numeral. */
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'policy_measure_pkey' })
  code!: string;

  @Column({ name: 'priority_number', type: 'smallint' })
  priorityNumber!: number;

  @Column({ name: 'sub_area_letter', type: 'char', length: 1 })
  subAreaLetter!: string;

  @Column({ name: 'sub_aim_number', type: 'smallint' })
  subAimNumber!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  guarantor!: string;

  /** Order of the measure in the policy document. */
  @Column({ type: 'smallint' })
  position!: number;

  @ManyToOne(() => PolicySubAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'priority_number', referencedColumnName: 'priorityNumber', foreignKeyConstraintName: 'policy_measure_sub_area_fkey' },
    { name: 'sub_area_letter', referencedColumnName: 'letter', foreignKeyConstraintName: 'policy_measure_sub_area_fkey' },
  ])
  subArea?: Relation<PolicySubAreaEntity>;

  @ManyToOne(() => PolicySubAimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sub_aim_number', foreignKeyConstraintName: 'policy_measure_sub_aim_number_fkey' })
  subAim?: Relation<PolicySubAimEntity>;
}

/** policy's tables: the city's integration policy, priorities to measures. */
export const POLICY_ENTITIES = [PolicyPriorityEntity, PolicySubAreaEntity, PolicySubAimEntity, PolicyMeasureEntity];
