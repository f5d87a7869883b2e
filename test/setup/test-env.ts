/** Defaults for the e2e suite; `scripts/test.sh` sets the same, this keeps `npx jest` working alone. */
export function applyTestEnvironment(): void {
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/prague_grants_test';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.JWT_SECRET ??= 'test-only-secret-of-at-least-thirty-two-characters!!';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.AUTH_THROTTLE_LIMIT ??= '100000';
  process.env.LOGIN_MAX_FAILURES ??= '10';
  // Rate-limit tests send X-Forwarded-For so their blocked addresses stay their own.
  process.env.TRUST_PROXY ??= 'loopback';
  process.env.BOOTSTRAP_ADMIN_EMAIL ??= 'admin@test.praha.eu';
  process.env.BOOTSTRAP_ADMIN_PASSWORD ??= 'admin-password-for-tests';
}

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) {
    throw new Error(`Refusing to run the e2e tests against database "${name}": its name must contain "test".`);
  }
}
