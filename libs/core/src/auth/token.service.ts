import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { IncomingHttpHeaders } from 'node:http';
import { ROLES, type AuthUser, type Role } from './role';
import { credentialsOf, type CredentialSource } from './session';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
}

/** A request as authentication reads it (cookies as cookie-parser leaves them). */
export interface CredentialCarrier {
  headers: IncomingHttpHeaders;
  cookies?: Record<string, unknown>;
}

export interface Authentication {
  source: CredentialSource;
  /** Null when the credentials were sent but do not verify (expired, forged, malformed). */
  user: AuthUser | null;
}

/** Issues and reads access tokens; the claims are exactly what authorisation needs. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser): Promise<string> {
    const claims: TokenClaims = { sub: user.id, role: user.role, org: user.organisationId };
    return this.jwt.signAsync(claims);
  }

  /**
   * Who sent the request: `Authorization: Bearer <token>` first, else the
   * session cookie. Null when it carries neither.
   */
  async authenticate(request: CredentialCarrier): Promise<Authentication | null> {
    const credentials = credentialsOf(request.headers, request.cookies);
    if (!credentials) return null;
    return { source: credentials.source, user: credentials.token ? await this.verify(credentials.token) : null };
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
