import { resolve } from 'node:path';
import { validateEnvironment } from './env.validation';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/prague_grants',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!!',
};

describe('validateEnvironment: browser session and web portal settings', () => {
  it('COOKIE_SECURE defaults to true in production and false elsewhere', () => {
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'development' }).COOKIE_SECURE).toBe(false);
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'test' }).COOKIE_SECURE).toBe(false);
  });

  it('COOKIE_SECURE set explicitly wins over NODE_ENV', () => {
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'development', COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });

  it('COOKIE_SECURE other than true or false stops the process naming it', () => {
    expect(() => validateEnvironment({ ...BASE, COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE must be true or false/);
  });

  it('WEB_ROOT defaults to dist/web of the working directory; a relative one is resolved against it', () => {
    expect(validateEnvironment(BASE).WEB_ROOT).toBe(resolve(process.cwd(), 'dist/web'));
    expect(validateEnvironment({ ...BASE, WEB_ROOT: 'public/portal' }).WEB_ROOT).toBe(resolve(process.cwd(), 'public/portal'));
    expect(validateEnvironment({ ...BASE, WEB_ROOT: '/srv/portal' }).WEB_ROOT).toBe('/srv/portal');
  });

  it('an empty WEB_ROOT is refused', () => {
    expect(() => validateEnvironment({ ...BASE, WEB_ROOT: '' })).toThrow(/WEB_ROOT must be a folder path/);
  });
});
