import { credentialsOf, hasCsrfHeader, passesCsrfCheck, SESSION_COOKIE, sessionCookieOptions } from './session';

describe('credentialsOf', () => {
  it('reads a bearer token', () => {
    expect(credentialsOf({ authorization: 'Bearer abc.def.ghi' }, undefined)).toEqual({ source: 'bearer', token: 'abc.def.ghi' });
    expect(credentialsOf({ authorization: 'bearer abc' }, {})).toEqual({ source: 'bearer', token: 'abc' });
  });

  it('reads the session cookie when there is no Authorization header', () => {
    expect(credentialsOf({}, { [SESSION_COOKIE]: 'abc.def.ghi' })).toEqual({ source: 'cookie', token: 'abc.def.ghi' });
  });

  it('prefers the Authorization header over the cookie, even a malformed one', () => {
    expect(credentialsOf({ authorization: 'Bearer from-header' }, { [SESSION_COOKIE]: 'from-cookie' })).toEqual({ source: 'bearer', token: 'from-header' });
    expect(credentialsOf({ authorization: 'Basic dXNlcjpwYXNz' }, { [SESSION_COOKIE]: 'from-cookie' })).toEqual({ source: 'bearer', token: null });
    expect(credentialsOf({ authorization: '' }, { [SESSION_COOKIE]: 'from-cookie' })).toEqual({ source: 'bearer', token: null });
  });

  it('a malformed Authorization header has no token', () => {
    for (const header of ['Bearer', 'Bearer    ', 'Token abc', 'Bearer abc extra', 'abc']) {
      expect(credentialsOf({ authorization: header }, undefined)).toEqual({ source: 'bearer', token: null });
    }
  });

  it('nothing without header and cookie, or with an empty or non-string cookie', () => {
    expect(credentialsOf({}, undefined)).toBeNull();
    expect(credentialsOf({}, { other: 'x' })).toBeNull();
    expect(credentialsOf({}, { [SESSION_COOKIE]: '' })).toBeNull();
    expect(credentialsOf({}, { [SESSION_COOKIE]: { j: 1 } })).toBeNull();
  });
});

describe('passesCsrfCheck', () => {
  const WITH = { 'x-csrf-protection': '1' };

  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('%s by cookie needs no header', (method) => {
    expect(passesCsrfCheck(method, 'cookie', {})).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('%s by cookie needs X-CSRF-Protection: 1', (method) => {
    expect(passesCsrfCheck(method, 'cookie', {})).toBe(false);
    expect(passesCsrfCheck(method, 'cookie', { 'x-csrf-protection': '0' })).toBe(false);
    expect(passesCsrfCheck(method, 'cookie', { 'x-csrf-protection': 'true' })).toBe(false);
    expect(passesCsrfCheck(method, 'cookie', { 'x-csrf-protection': ['1', '1'] })).toBe(false);
    expect(passesCsrfCheck(method, 'cookie', WITH)).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s by bearer token needs no header', (method) => {
    expect(passesCsrfCheck(method, 'bearer', {})).toBe(true);
  });
});

describe('hasCsrfHeader', () => {
  it('is exactly the value 1', () => {
    expect(hasCsrfHeader({ 'x-csrf-protection': '1' })).toBe(true);
    expect(hasCsrfHeader({ 'x-csrf-protection': ' 1' })).toBe(false);
    expect(hasCsrfHeader({})).toBe(false);
  });
});

describe('sessionCookieOptions', () => {
  it('HttpOnly, SameSite=Strict, Path=/, Secure as configured', () => {
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/', secure: true });
    expect(sessionCookieOptions(false)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/', secure: false });
  });
});
