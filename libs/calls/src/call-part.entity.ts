import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { bigintToNumber } from '@app/core';
import { CallEntity } from './call.entity';

/** A part (okruh) of a call with its own CZK allocation and request range. */
@Entity('call_part')
@Unique('call_part_call_id_code_key', ['callId', 'code'])
@Check('call_part_request_range_check', '0 < min_request_czk AND min_request_czk <= max_request_czk AND max_request_czk <= allocation_czk')
@Check('call_part_proposed_check', 'proposed_czk >= 0 AND proposed_czk <= allocation_czk')
@Check('call_part_committed_check', 'committed_czk >= 0 AND committed_czk <= allocation_czk')
@Check('call_part_paid_check', 'paid_czk >= 0 AND paid_czk <= committed_czk AND returned_czk >= 0 AND returned_czk <= paid_czk')
export class CallPartEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'call_part_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => CallEntity, (c) => c.parts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_part_call_id_fkey' })
  call?: Relation<CallEntity>;

  @Column({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ name: 'allocation_czk', type: 'bigint', transformer: bigintToNumber })
  allocationCzk!: number;

  @Column({ name: 'min_request_czk', type: 'bigint', transformer: bigintToNumber })
  minRequestCzk!: number;

  @Column({ name: 'max_request_czk', type: 'bigint', transformer: bigintToNumber })
  maxRequestCzk!: number;

  /** Sum of the proposals of the part's applications: kept by the statement that changes a proposal. */
  @Column({ name: 'proposed_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  proposedCzk!: number;

  /**
   * Cached balances of the ledger (a check command recomputes them): money
   * awarded from the part (allocation − available), paid out, and returned.
   * An approval raises `committed_czk` with one conditional UPDATE; the CHECK
   * refuses anything above the allocation, whatever the code does.
   */
  @Column({ name: 'committed_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  committedCzk!: number;

  @Column({ name: 'paid_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  paidCzk!: number;

  @Column({ name: 'returned_czk', type: 'bigint', default: 0, transformer: bigintToNumber })
  returnedCzk!: number;
}
