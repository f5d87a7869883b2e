import { Module } from '@nestjs/common';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

@Module({
  providers: [IdentityService, PasswordHasher, LoginLimiter, UsersRepository],
  exports: [IdentityService, PasswordHasher],
})
export class IdentityModule {}
