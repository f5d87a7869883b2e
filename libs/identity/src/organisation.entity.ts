import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OrganisationKind } from './domain/organisation-kind';

@Entity('organisation')
@Unique('organisation_ico_key', ['ico'])
@Check('organisation_kind_check', `kind IN ('ngo', 'district')`)
@Check('organisation_ico_check', `ico ~ '^[0-9]{8}$'`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'char', length: 8 })
  ico!: string;

  @Column({ name: 'legal_form', type: 'varchar', length: 100, nullable: true })
  legalForm!: string | null;

  @Column({ type: 'varchar', length: 200 })
  street!: string;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode!: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 40, nullable: true })
  bankAccount!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
