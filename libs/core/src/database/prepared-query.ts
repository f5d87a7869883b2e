import type { EntityManager } from 'typeorm';

interface PgClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * Runs a statement of the caller's transaction as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every call.
 * For the few statements on hot paths; everything else goes through TypeORM.
 */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`Prepared statement ${name} must run inside a transaction`);
  const client = (await runner.connect()) as PgClient;
  return (await client.query<T>({ name, text, values })).rows;
}
