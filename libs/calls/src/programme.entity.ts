import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bigintToNumber } from '@app/core';

@Entity('programme')
@Unique('programme_code_key', ['code'])
@Check('programme_appropriation_czk_check', 'appropriation_czk >= 0')
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'programme_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ name: 'appropriation_czk', type: 'bigint', transformer: bigintToNumber })
  appropriationCzk!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
