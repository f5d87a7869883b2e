import type { Violation } from '@app/core/domain';

export type { Violation };

/** Money in the domain is whole CZK: a safe integer, never a float. */
export const isWholeCzk = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

export const isPositiveCzk = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

/** `CZK 1,000,000`, as the other domain modules write amounts in messages. */
export const czk = (n: number): string => `CZK ${n.toLocaleString('en-US')}`;

export const invalid = (field: string, message: string): Violation => ({ code: 'VALIDATION_FAILED', field, message });

/** For inputs that come from the system, not from a user: a wrong one is a bug, not a violation. */
export function assertWholeCzk(name: string, n: number): void {
  if (!isWholeCzk(n)) throw new RangeError(`${name} must be whole, non-negative CZK, got ${n}`);
}

export function assertPositiveCzk(name: string, n: number): void {
  if (!isPositiveCzk(n)) throw new RangeError(`${name} must be a positive whole number of CZK, got ${n}`);
}
