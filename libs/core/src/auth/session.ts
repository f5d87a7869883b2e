/**
 * The browser session: the portal keeps the access token in an HttpOnly
 * cookie (scripts cannot read it), and proves that a request comes from its
 * own scripts with a custom header, which a cross-site form, link or image
 * cannot send (and a cross-site fetch can only send after a CORS preflight,
 * which this API never grants). Plain TypeScript: the guard, the login route
 * and the queue dashboard share these rules.
 */

export const SESSION_COOKIE = 'pg_session';

/** The header the portal sends on every request, with the value `1`. */
export const CSRF_HEADER = 'X-CSRF-Protection';

/** The details of the refusals, the same from the guard and from the queue dashboard. */
export const MISSING_CREDENTIALS_DETAIL = 'A valid bearer token or session cookie is required.';
export const CSRF_FAILED_DETAIL = `A request signed in by the session cookie that changes state needs the header ${CSRF_HEADER}: 1.`;

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CredentialSource = 'bearer' | 'cookie';

export interface Credentials {
  source: CredentialSource;
  /** Null when an Authorization header is there but is not `Bearer <token>`: such a request is not authenticated. */
  token: string | null;
}

/**
 * What a request authenticates with. An Authorization header takes
 * precedence over the cookie, even a malformed one (then there is no token):
 * API clients keep exactly the behaviour they had before the cookie existed.
 */
export function credentialsOf(
  headers: { authorization?: string | string[] },
  cookies: Readonly<Record<string, unknown>> | undefined,
): Credentials | null {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    return { source: 'bearer', token: match ? match[1] : null };
  }
  const cookie = cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? { source: 'cookie', token: cookie } : null;
}

/** The request carries `X-CSRF-Protection: 1`. */
export function hasCsrfHeader(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  return headers[CSRF_HEADER.toLowerCase()] === '1';
}

/**
 * A request authenticated by the cookie that may change state (any method
 * but GET, HEAD and OPTIONS) must carry the CSRF header: the browser attaches
 * the cookie to whatever request it sends, also one a hostile page triggers.
 * A bearer token is never attached by the browser, so it needs no header.
 */
export function passesCsrfCheck(
  method: string,
  source: CredentialSource,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean {
  if (source !== 'cookie' || SAFE_METHODS.has(method.toUpperCase())) return true;
  return hasCsrfHeader(headers);
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure: boolean;
}

/** The cookie's attributes, the same when it is set and when it is cleared (else the browser keeps it). */
export function sessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure };
}
