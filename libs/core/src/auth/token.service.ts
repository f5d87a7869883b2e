import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { IncomingHttpHeaders } from 'node:http';
import { ROLES, type AuthUser, type Role } from './role';
import type { CredentialSource } from './session';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  /** The user's token version when the token was issued (see TokenVersions). */
  ver: number;
}

/** A request as authentication reads it (cookies as cookie-parser leaves them). */
export interface CredentialCarrier {
  headers: IncomingHttpHeaders;
  cookies?: Record<string, unknown>;
}

export interface Authentication {
  source: CredentialSource;
  /** Null when the credentials were sent but do not verify (expired, forged, malformed, cut). */
  user: AuthUser | null;
}

/** A token whose signature and lifetime verify: who it names, and the token version it carries. */
export interface VerifiedToken {
  user: AuthUser;
  version: number;
}

/** Issues and reads access tokens; the claims are exactly what authorisation needs. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  /** `tokenVersion`: the user's current `token_version`; a token with an older one is refused. */
  issue(user: AuthUser, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = { sub: user.id, role: user.role, org: user.organisationId, ver: tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /**
   * Signature, algorithm, lifetime and claims only; whether the token is
   * still current (not cut by a disable, role or password change) is the
   * Authenticator's question.
   */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role)) return null;
      // Tokens from before token versions carry none: they are refused (the user logs in again).
      if (!Number.isSafeInteger(claims.ver) || claims.ver < 0) return null;
      return { user: { id: claims.sub, role: claims.role, organisationId: claims.org ?? null }, version: claims.ver };
    } catch {
      return null;
    }
  }
}
