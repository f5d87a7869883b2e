import { randomBytes } from 'node:crypto';
import type { Secrets } from './run-types';

/**
 * The environment of the API under test, as bench:submit gives it (production
 * mode, warnings only, no login throttling, a fresh JWT secret and admin).
 */
export function apiEnvironment(port: number, secrets: Secrets, databaseUrl: string, redisUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: secrets.jwtSecret,
    LOG_LEVEL: 'warn',
    AUTH_THROTTLE_LIMIT: '1000000',
    REGISTER_THROTTLE_LIMIT: '1000000',
    PUBLIC_THROTTLE_LIMIT: '1000000',
    BOOTSTRAP_ADMIN_EMAIL: secrets.admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: secrets.admin.password,
  };
  // PGOPTIONS lets an experiment set PostgreSQL session settings, e.g. '-c synchronous_commit=off'.
  for (const name of ['HOME', 'TZ', 'DATABASE_APP_USER', 'DATABASE_APP_PASSWORD', 'DATABASE_POOL_SIZE', 'UV_THREADPOOL_SIZE', 'PGOPTIONS']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  // API_NODE_OPTIONS: V8 / Node flags for the API alone (an experiment), e.g. '--max-semi-space-size=8'.
  if (process.env.API_NODE_OPTIONS) env.NODE_OPTIONS = process.env.API_NODE_OPTIONS;
  return env;
}

/** A fresh JWT secret, bootstrap admin and user password for one run. */
export function newSecrets(): Secrets {
  return {
    jwtSecret: randomBytes(32).toString('hex'),
    admin: { email: 'bench-admin@praha.example.cz', password: randomBytes(12).toString('hex') },
    password: randomBytes(12).toString('hex'),
  };
}
