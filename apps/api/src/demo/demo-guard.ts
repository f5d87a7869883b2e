/**
 * Why the demo seed must not run here, or null: it writes logins with a
 * published password (and an admin), so never into a production database.
 */
export function demoSeedRefusal(env: { NODE_ENV?: string }): string | null {
  return env.NODE_ENV === 'production'
    ? 'The demo seed writes demo logins with a published password; it does not run with NODE_ENV=production.'
    : null;
}
