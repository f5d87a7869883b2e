import type { Request, Response } from 'express';
import { type AppConfig, CSRF_HEADER, hasCsrfHeader, SESSION_COOKIE, sessionCookieOptions } from '@app/core';

export const SESSION_COOKIE_HEADER = {
  'Set-Cookie': {
    description: `Only when the request carries ${CSRF_HEADER}: 1: \`${SESSION_COOKIE}=<accessToken>; Max-Age=<JWT_TTL_SECONDS>; Path=/; HttpOnly; SameSite=Strict\` (and Secure in production)`,
    schema: { type: 'string' },
  },
} as const;

/** The same attributes when the cookie is set and when it is cleared, or the browser keeps it. */
export function cookieOptions(config: AppConfig) {
  return sessionCookieOptions(config.get('COOKIE_SECURE') === true);
}

/** The portal (which sends the CSRF header) gets the token as its session cookie; API clients only in the body. */
export function setSessionCookie(req: Request, res: Response, config: AppConfig, accessToken: string): void {
  if (hasCsrfHeader(req.headers)) {
    res.cookie(SESSION_COOKIE, accessToken, { ...cookieOptions(config), maxAge: config.get('JWT_TTL_SECONDS') * 1000 });
  }
}
