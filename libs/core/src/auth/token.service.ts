import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type AuthUser, type Role } from './role';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
}

/** Issues and reads access tokens; the claims are exactly what authorisation needs. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser): Promise<string> {
    const claims: TokenClaims = { sub: user.id, role: user.role, org: user.organisationId };
    return this.jwt.signAsync(claims);
  }

  /** The caller of an `Authorization: Bearer <token>` header; null without one or when it is not valid. */
  verifyAuthorization(header: string | undefined): Promise<AuthUser | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    return match ? this.verify(match[1]) : Promise.resolve(null);
  }

  async verify(token: string): Promise<AuthUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role)) return null;
      return { id: claims.sub, role: claims.role, organisationId: claims.org ?? null };
    } catch {
      return null;
    }
  }
}
