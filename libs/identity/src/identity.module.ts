import { Module } from '@nestjs/common';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter';
import { PasswordHasher } from './password-hasher';

@Module({
  providers: [IdentityService, PasswordHasher, LoginLimiter],
  exports: [IdentityService, PasswordHasher],
})
export class IdentityModule {}
