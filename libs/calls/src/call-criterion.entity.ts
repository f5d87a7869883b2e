import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { CallEntity } from './call.entity';

@Entity('call_criterion')
@Unique('call_criterion_call_id_code_key', ['callId', 'code'])
@Check('call_criterion_max_points_check', 'max_points >= 1')
export class CallCriterionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'call_criterion_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, (c) => c.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_criterion_call_id_fkey' })
  call?: Relation<CallEntity>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ name: 'max_points', type: 'integer' })
  maxPoints!: number;
}
