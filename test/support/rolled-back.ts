import type { DataSource, EntityManager } from 'typeorm';

class RollBack extends Error {}

/**
 * Runs `work` in a transaction, returns what it answered and rolls everything
 * back: for repository tests whose rows the services would not write (the e2e
 * files share one database, and some check the whole ledger).
 */
export async function rolledBack<T>(dataSource: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await dataSource
    .transaction(async (m) => {
      result = await work(m);
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return result as T;
}

/** The error `work` fails with (it must fail). */
export async function failure(work: Promise<unknown>): Promise<{ code?: string; constraint?: string } & Error> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error as { code?: string; constraint?: string } & Error;
}
