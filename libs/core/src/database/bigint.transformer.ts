import type { ValueTransformer } from 'typeorm';

/**
 * Money is whole CZK in `bigint` columns; pg returns those as strings.
 * All amounts here are far below 2^53, so `number` is exact at the edge.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : toSafeNumber(value)),
};

export function toSafeNumber(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${value} is outside the safe integer range`);
  return n;
}
