import { OrganisationEntity } from './organisation.entity';
import { UserAffiliationEntity } from './user-affiliation.entity';
import { UserEntity } from './user.entity';

/** identity's tables. */
export const IDENTITY_ENTITIES = [OrganisationEntity, UserEntity, UserAffiliationEntity];
