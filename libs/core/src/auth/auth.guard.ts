import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { AuthUser, Role } from './role';
import { TokenService } from './token.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public;
 * a route's @Roles decides which roles may call it (403 otherwise).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const user = await this.tokens.verifyAuthorization(req.headers.authorization);
    if (user) req.user = user;
    if (isPublic) return true;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'A valid bearer token is required.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no @Roles`);
    if (!roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', `This action is for the role(s): ${roles.join(', ')}.`);
    }
    return true;
  }
}
