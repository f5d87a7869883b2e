/**
 * Failed logins, and what they do to the next attempt. A password guesser is
 * stopped per (email, address) and per address; per email alone only slowed
 * down, so that whoever knows an email cannot lock its owner out by failing
 * from addresses of their own. The delay applies before the password is
 * checked, whatever the outcome and whether the email exists: a fast answer
 * tells nothing, and an unknown email answers like a known one.
 */

/** The counting windows (Redis keys expire after them, counted from the first failure). */
export const PAIR_WINDOW_SECONDS = 60;
export const ADDRESS_WINDOW_SECONDS = 60;
export const EMAIL_WINDOW_SECONDS = 15 * 60;

export const EMAIL_DELAY_BASE_MS = 1_000;
export const EMAIL_DELAY_MAX_MS = 10_000;

export interface LoginFailureCounts {
  /** This email from this address. */
  pair: number;
  /** This address, any email. */
  address: number;
  /** This email, any address. */
  email: number;
}

export interface LoginLimits {
  /** Failures of one (email, address) that refuse it (LOGIN_MAX_FAILURES). */
  pairMax: number;
  /** Failures from one address that refuse it (LOGIN_ADDRESS_MAX_FAILURES). */
  addressMax: number;
  /** Failures of one email after which its attempts are slowed down. */
  emailDelayAfter: number;
}

export interface LoginThrottleVerdict {
  /** 429 RATE_LIMITED without checking the password. */
  refuse: boolean;
  /** Wait this long before checking the password. */
  delayMs: number;
}

export function loginThrottle(counts: LoginFailureCounts, limits: LoginLimits): LoginThrottleVerdict {
  const refuse = counts.pair >= limits.pairMax || counts.address >= limits.addressMax;
  const beyond = counts.email - limits.emailDelayAfter;
  const delayMs = beyond < 0 ? 0 : Math.min(EMAIL_DELAY_BASE_MS * 2 ** Math.min(beyond, 30), EMAIL_DELAY_MAX_MS);
  return { refuse, delayMs };
}
