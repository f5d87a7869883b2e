/**
 * Queued jobs live in Redis: under any eviction policy but `noeviction`, a
 * full Redis silently deletes them. What to say at start about the policy
 * Redis reports (null: it would not tell, e.g. CONFIG is disabled).
 */
export function evictionPolicyWarning(policy: string | null): string | null {
  if (policy === 'noeviction') return null;
  if (policy === null) {
    return 'Could not read Redis maxmemory-policy (Redis not reachable, or CONFIG GET refused): make sure it is "noeviction", or queued letters can be lost when Redis is full.';
  }
  return `Redis maxmemory-policy is "${policy}", not "noeviction": when Redis is full it will evict queued letter jobs. Set maxmemory-policy noeviction (and appendonly yes).`;
}

/** Asks Redis for its policy; null when it will not say. */
export async function readEvictionPolicy(redis: { config(op: 'GET', key: string): Promise<unknown> }): Promise<string | null> {
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : null;
  } catch {
    return null;
  }
}
