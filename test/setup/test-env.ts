/** Defaults for the e2e suite; `scripts/test.sh` sets the same, this keeps `npx jest` working alone. */
export function applyTestEnvironment(): void {
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/prague_grants_test';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.JWT_SECRET ??= 'test-only-secret-of-at-least-thirty-two-characters!!';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.AUTH_THROTTLE_LIMIT ??= '100000';
  process.env.REGISTER_THROTTLE_LIMIT ??= '100000';
  process.env.PUBLIC_THROTTLE_LIMIT ??= '100000';
  process.env.LOGIN_MAX_FAILURES ??= '10';
  // Rate-limit tests send X-Forwarded-For so their blocked addresses stay their own.
  process.env.TRUST_PROXY ??= 'loopback';
  process.env.BOOTSTRAP_ADMIN_EMAIL ??= 'admin@test.praha.eu';
  process.env.BOOTSTRAP_ADMIN_PASSWORD ??= 'admin-password-for-tests';
  // Queues of their own for each test file (and run), so files and parallel runs never share jobs.
  process.env.QUEUE_PREFIX = `pg-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  // Letters: quick polling, quick retries, stalled jobs back in seconds (the SIGKILL test).
  process.env.OUTBOX_POLL_MS ??= '50';
  process.env.LETTER_BACKOFF_MS ??= '50';
  process.env.LETTER_LOCK_MS ??= '2000';
  process.env.LETTER_RESCUE_AFTER_MS ??= '2000';
}

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) {
    throw new Error(`Refusing to run the e2e tests against database "${name}": its name must contain "test".`);
  }
}
