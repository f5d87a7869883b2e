import { Injectable } from '@nestjs/common';
import { credentialsOf } from './session';
import { type Authentication, type CredentialCarrier, TokenService } from './token.service';
import { TokenVersions } from './token-versions';

/**
 * Who sent a request, for the guard and the queue dashboard alike: a token
 * (`Authorization: Bearer`, else the session cookie) whose signature and
 * lifetime verify and whose version is still the user's current one.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly versions: TokenVersions,
  ) {}

  /** Null when the request carries no credentials at all. */
  async authenticate(request: CredentialCarrier): Promise<Authentication | null> {
    const credentials = credentialsOf(request.headers, request.cookies);
    if (!credentials) return null;
    const verified = credentials.token ? await this.tokens.verify(credentials.token) : null;
    const current = verified !== null && (await this.versions.isCurrent(verified.user.id, verified.version));
    return { source: credentials.source, user: current ? verified.user : null };
  }
}
