import { resolve } from 'node:path';
import { validateEnvironment } from './env.validation';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/prague_grants',
  REDIS_URL: 'redis://127.0.0.1:6379',
  // Random-looking, as production needs (see jwtSecretWeakness).
  JWT_SECRET: 'q7Vx2LmR9tKp4ZsW8nYc3HbJ6fDg1UaE5oQi0Nw',
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

describe('validateEnvironment: the JWT secret in production', () => {
  it('refuses the example, a test secret and a secret with too few different characters, naming why', () => {
    for (const [secret, why] of [
      ['change-me-change-me-change-me-change-me', 'contains "change-me"'],
      ['test-only-secret-of-at-least-thirty-two-characters!!', 'contains "secret"'],
      ['abababababababababababababababababababab', 'has only 2 different characters'],
    ] as const) {
      expect(() => validateEnvironment({ ...BASE, NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(`JWT_SECRET: not for production: it ${why}`);
    }
  });

  it('accepts a random secret in production, and a test secret outside it', () => {
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'production', JWT_SECRET: 'b64f1c0e9d2a7388e5f4c6b1a0d9e8f7c6b5a4938271605f4e3d2c1b0a99887' }).JWT_SECRET).toHaveLength(63);
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'test', JWT_SECRET: 'test-only-secret-of-at-least-thirty-two-characters!!' }).NODE_ENV).toBe('test');
  });
});
