import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/**
 * An organisation a staff user (a commission member) works for or sits on the
 * board of: for its applications the member is in conflict of interest automatically.
 */
@Entity('user_affiliation')
@Index('user_affiliation_organisation_id_idx', ['organisationId'])
export class UserAffiliationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'user_affiliation_pkey' })
  userId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid', primaryKeyConstraintName: 'user_affiliation_pkey' })
  organisationId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_affiliation_user_id_fkey' })
  user?: Relation<UserEntity>;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'user_affiliation_organisation_id_fkey' })
  organisation?: Relation<OrganisationEntity>;
}
