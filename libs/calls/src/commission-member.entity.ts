import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '@app/identity';
import { CallEntity } from './call.entity';

/** A member of a call's DOT Commission; exactly one is its chair. */
@Entity('commission_member')
@Index('commission_member_user_id_idx', ['userId'])
@Index('commission_member_one_chair_idx', ['callId'], { unique: true, where: 'is_chair' })
export class CommissionMemberEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid', primaryKeyConstraintName: 'commission_member_pkey' })
  callId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'commission_member_pkey' })
  userId!: string;

  @ManyToOne(() => CallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'commission_member_call_id_fkey' })
  call?: Relation<CallEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'commission_member_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ name: 'is_chair', type: 'boolean', default: false })
  isChair!: boolean;
}
