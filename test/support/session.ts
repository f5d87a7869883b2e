import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import { CSRF_HEADER, SESSION_COOKIE } from '@app/core/auth/session';
import { PASSWORD } from './factories';
import { API } from './http';
import type { TestApp } from './test-app';

export { CSRF_HEADER, SESSION_COOKIE };

/** The `Cookie` request header of a browser holding the session cookie. */
export const sessionCookie = (token: string): string => `${SESSION_COOKIE}=${token}`;

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags (HttpOnly, Secure) have the value ''. */
  attributes: Record<string, string>;
}

/** The Set-Cookie headers of an answer, parsed. */
export function setCookies(res: Response): SetCookie[] {
  const raw = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.map((line) => {
    const [pair, ...rest] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const attributes: Record<string, string> = {};
    for (const attribute of rest) {
      const eq = attribute.indexOf('=');
      if (eq < 0) attributes[attribute.toLowerCase()] = '';
      else attributes[attribute.slice(0, eq).toLowerCase()] = attribute.slice(eq + 1);
    }
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
  });
}

/** The portal's login: the header that asks for the session cookie. Returns the answer. */
export function portalLogin(t: TestApp, email: string, password = PASSWORD) {
  return t.http.post(`${API}/auth/login`).set(CSRF_HEADER, '1').send({ email, password });
}

/** The session cookie a portal login of this user sets (its value is the access token). */
export async function sessionOf(t: TestApp, email: string): Promise<string> {
  const res = await portalLogin(t, email);
  const cookie = setCookies(res).find((c) => c.name === SESSION_COOKIE);
  if (res.status !== 200 || !cookie) throw new Error(`portal login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return cookie.value;
}

/** An HS256 token with the given claims, signed with `secret` (the suite's JWT_SECRET unless told). */
export function signToken(claims: Record<string, unknown>, secret = process.env.JWT_SECRET!): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const data = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
