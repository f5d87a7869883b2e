import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { AuthUser, Role } from './role';
import { CSRF_FAILED_DETAIL, MISSING_CREDENTIALS_DETAIL, passesCsrfCheck } from './session';
import { Authenticator } from './authenticator';

/**
 * Global guard: every route needs a valid bearer token or session cookie
 * (signed, unexpired, and of the user's current token version) unless marked @Public; a route's @Roles decides which roles may call it
 * (403 otherwise). A state-changing request authenticated by the cookie must
 * carry the CSRF header (403 CSRF_CHECK_FAILED); on a public route such a
 * request is simply anonymous.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    // A public route answers anonymously rather than fail when the token cannot be checked (PostgreSQL away).
    const authentication = isPublic ? await this.authenticator.authenticate(req).catch(() => null) : await this.authenticator.authenticate(req);
    const user = authentication?.user ?? null;
    const csrfPassed = !authentication || passesCsrfCheck(req.method, authentication.source, req.headers);
    if (user && csrfPassed) req.user = user;
    if (isPublic) return true;
    if (!user) throw new DomainError('UNAUTHENTICATED', MISSING_CREDENTIALS_DETAIL);
    if (!csrfPassed) throw new DomainError('CSRF_CHECK_FAILED', CSRF_FAILED_DETAIL);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no @Roles`);
    if (!roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', `This action is for the role(s): ${roles.join(', ')}.`);
    }
    return true;
  }
}
