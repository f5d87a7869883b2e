import { BankAccountRequestEntity } from './bank-account-request.entity';
import { OrganisationBankAccountEntity } from './organisation-bank-account.entity';
import { OrganisationEntity } from './organisation.entity';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { UserAffiliationEntity } from './user-affiliation.entity';
import { UserEntity } from './user.entity';

/** identity's tables. */
export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  UserAffiliationEntity,
  BankAccountRequestEntity,
  OrganisationBankAccountEntity,
  PasswordResetTokenEntity,
];
