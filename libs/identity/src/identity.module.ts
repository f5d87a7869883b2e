import { Module } from '@nestjs/common';
import { AffiliationsRepository } from './affiliations.repository';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter';
import { OrganisationsRepository } from './organisations.repository';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

@Module({
  providers: [IdentityService, PasswordHasher, LoginLimiter, UsersRepository, OrganisationsRepository, AffiliationsRepository],
  exports: [IdentityService, PasswordHasher],
})
export class IdentityModule {}
