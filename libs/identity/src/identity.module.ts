import { Module } from '@nestjs/common';
import { AffiliationsRepository } from './affiliations.repository';
import { BankAccountRequestsRepository } from './bank-account-requests.repository';
import { BankAccountsService } from './bank-accounts.service';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter';
import { OrganisationsRepository } from './organisations.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordResetsRepository } from './password-resets.repository';
import { UsersRepository } from './users.repository';

@Module({
  providers: [
    IdentityService,
    PasswordHasher,
    LoginLimiter,
    UsersRepository,
    OrganisationsRepository,
    AffiliationsRepository,
    BankAccountRequestsRepository,
    BankAccountsService,
    PasswordResetsRepository,
  ],
  exports: [IdentityService, PasswordHasher, BankAccountsService],
})
export class IdentityModule {}
