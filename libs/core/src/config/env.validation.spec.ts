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

describe('validateEnvironment: retention and the audit checkpoint', () => {
  it('defaults: keys 24 hours, sent outbox messages 30 days, the jobs at night', () => {
    expect(validateEnvironment(BASE)).toMatchObject({
      IDEMPOTENCY_RETENTION_HOURS: 24,
      OUTBOX_RETENTION_DAYS: 30,
      RETENTION_CRON: '30 2 * * *',
      AUDIT_CHECKPOINT_CRON: '0 2 * * *',
    });
    expect(validateEnvironment({ ...BASE, IDEMPOTENCY_RETENTION_HOURS: '72', OUTBOX_RETENTION_DAYS: '7', RETENTION_CRON: '*/15 1-5 * * 1,3', AUDIT_CHECKPOINT_CRON: '5 0 1 * *' })).toMatchObject({
      IDEMPOTENCY_RETENTION_HOURS: 72,
      OUTBOX_RETENTION_DAYS: 7,
      RETENTION_CRON: '*/15 1-5 * * 1,3',
      AUDIT_CHECKPOINT_CRON: '5 0 1 * *',
    });
  });

  it('refuses keys kept less than 24 hours, no outbox retention, and what is not a 5-field cron pattern', () => {
    expect(() => validateEnvironment({ ...BASE, IDEMPOTENCY_RETENTION_HOURS: '23' })).toThrow('IDEMPOTENCY_RETENTION_HOURS must be at least 24');
    expect(() => validateEnvironment({ ...BASE, IDEMPOTENCY_RETENTION_HOURS: '1.5' })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
    expect(() => validateEnvironment({ ...BASE, OUTBOX_RETENTION_DAYS: '0' })).toThrow('OUTBOX_RETENTION_DAYS must be at least 1');
    for (const pattern of ['daily', '0 2 * *', '0 2 * * * *', '0 2 * * MON; rm']) {
      expect(() => validateEnvironment({ ...BASE, RETENTION_CRON: pattern })).toThrow('RETENTION_CRON must be a cron pattern');
      expect(() => validateEnvironment({ ...BASE, AUDIT_CHECKPOINT_CRON: pattern })).toThrow('AUDIT_CHECKPOINT_CRON must be a cron pattern');
    }
  });
});

describe('validateEnvironment: access token lifetime and login limits', () => {
  it('JWT_TTL_SECONDS is bounded: 60 s to 12 hours (a working day), naming the variable otherwise', () => {
    expect(validateEnvironment({ ...BASE, JWT_TTL_SECONDS: '43200' }).JWT_TTL_SECONDS).toBe(43_200);
    expect(validateEnvironment({ ...BASE, JWT_TTL_SECONDS: '60' }).JWT_TTL_SECONDS).toBe(60);
    expect(() => validateEnvironment({ ...BASE, JWT_TTL_SECONDS: '43201' })).toThrow(/JWT_TTL_SECONDS/);
    expect(() => validateEnvironment({ ...BASE, JWT_TTL_SECONDS: String(30 * 86_400) })).toThrow(/JWT_TTL_SECONDS/);
    expect(() => validateEnvironment({ ...BASE, JWT_TTL_SECONDS: '59' })).toThrow(/JWT_TTL_SECONDS/);
  });

  it('LOGIN_ADDRESS_MAX_FAILURES defaults to 50 and must be a positive integer', () => {
    expect(validateEnvironment(BASE).LOGIN_ADDRESS_MAX_FAILURES).toBe(50);
    expect(validateEnvironment({ ...BASE, LOGIN_ADDRESS_MAX_FAILURES: '200' }).LOGIN_ADDRESS_MAX_FAILURES).toBe(200);
    expect(() => validateEnvironment({ ...BASE, LOGIN_ADDRESS_MAX_FAILURES: '0' })).toThrow(/LOGIN_ADDRESS_MAX_FAILURES/);
  });
});

describe('validateEnvironment: JWT_SECRET only where access tokens are issued or checked', () => {
  const { JWT_SECRET: _unused, ...withoutSecret } = BASE;

  it('the API (the default) stops without JWT_SECRET, naming it', () => {
    expect(() => validateEnvironment(withoutSecret)).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => validateEnvironment(withoutSecret, { accessTokens: true })).toThrow(/JWT_SECRET/);
  });

  it('the worker (accessTokens: false) starts without it, in production too', () => {
    expect(validateEnvironment(withoutSecret, { accessTokens: false }).JWT_SECRET).toBeUndefined();
    expect(validateEnvironment({ ...withoutSecret, NODE_ENV: 'production' }, { accessTokens: false }).NODE_ENV).toBe('production');
  });

  it('the worker does not keep a secret set in its environment, nor judge it', () => {
    expect(validateEnvironment({ ...BASE, NODE_ENV: 'production', JWT_SECRET: 'change-me' }, { accessTokens: false }).JWT_SECRET).toBeUndefined();
  });
});
