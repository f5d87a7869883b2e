import { EMAIL_DELAY_MAX_MS, loginThrottle, type LoginLimits } from './login-throttle';

const LIMITS: LoginLimits = { pairMax: 10, addressMax: 50, emailDelayAfter: 10 };
const counts = (pair: number, address: number, email: number) => ({ pair, address, email });

describe('loginThrottle', () => {
  it('lets a login through at once below every limit', () => {
    expect(loginThrottle(counts(0, 0, 0), LIMITS)).toEqual({ refuse: false, delayMs: 0 });
    expect(loginThrottle(counts(9, 49, 9), LIMITS)).toEqual({ refuse: false, delayMs: 0 });
  });

  it('refuses the (email, address) pair at its limit, and the address at its own', () => {
    expect(loginThrottle(counts(10, 10, 10), LIMITS).refuse).toBe(true);
    expect(loginThrottle(counts(0, 50, 0), LIMITS).refuse).toBe(true);
  });

  it('never refuses because of the email alone: ten failures from other addresses only slow it down', () => {
    for (const email of [10, 11, 50, 10_000]) {
      const verdict = loginThrottle(counts(0, 0, email), LIMITS);
      expect(verdict.refuse).toBe(false);
      expect(verdict.delayMs).toBeGreaterThan(0);
    }
  });

  it('the per-email delay starts at 1 s and doubles with each further failure, up to its ceiling', () => {
    const delays = [10, 11, 12, 13, 14, 15, 40, 2_000].map((email) => loginThrottle(counts(0, 0, email), LIMITS).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, EMAIL_DELAY_MAX_MS, EMAIL_DELAY_MAX_MS, EMAIL_DELAY_MAX_MS, EMAIL_DELAY_MAX_MS]);
    expect(EMAIL_DELAY_MAX_MS).toBe(10_000);
  });
});
