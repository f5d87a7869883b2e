import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The claimed `Idempotency-Key` of the request being handled. The interceptor
 * runs the handler inside it; the business transaction completes the key with
 * its answer before it commits (see completeIdempotencyInTransactions), so the
 * change and the stored answer are one commit: a process that dies after it
 * has left the answer for the client's retry, never a second change.
 */
export interface IdempotentRequest {
  /** Writes the answer on the claimed key inside `manager`'s transaction (`replace`: over the one this transaction wrote). */
  completeIn(manager: EntityManager, body: unknown, replace?: boolean): Promise<void>;
  /** The JSON of the answer a committed transaction stored; undefined while none has. */
  committedBody?: string;
}

const current = new AsyncLocalStorage<IdempotentRequest>();

/** Runs `work` (the handler) as the idempotent request `request`. */
export function runAsIdempotentRequest<T>(request: IdempotentRequest, work: () => T): T {
  return current.run(request, work);
}

/** The JSON the answer is stored and compared as (what the client receives). */
export function storedJson(body: unknown): string {
  return JSON.stringify(body ?? null);
}

type TransactionWork = (manager: EntityManager) => Promise<unknown>;

/** The answers completed early (completeIdempotentRequestIn), by the transaction's manager. */
const completedEarly = new WeakMap<EntityManager, string>();

/**
 * Completes the idempotent request's key with `answer` now, inside `manager`'s
 * transaction, instead of as its last statement: for a service that knows its
 * answer before the statement that takes its most contended locks, so the
 * key's UPDATE is not a round trip of its own (through the event loop) while
 * those are held: it goes before that statement, or is sent together with it.
 * The answer must be what the transaction's work returns. Outside an idempotent request (or once its key
 * is completed) it does nothing; a rollback undoes it with the rest.
 */
export async function completeIdempotentRequestIn(manager: EntityManager, answer: unknown): Promise<void> {
  const request = current.getStore();
  if (!request || request.committedBody !== undefined || completedEarly.has(manager)) return;
  await request.completeIn(manager, answer);
  completedEarly.set(manager, storedJson(answer));
}

/**
 * Makes every `dataSource.transaction(...)` that runs for an idempotent
 * request complete the request's key with the transaction's result as the
 * last statement before COMMIT. Each idempotent route answers with the
 * result of its one business transaction (the services return it and the
 * controllers pass it on); the interceptor checks that afterwards and stores
 * the final answer should a route ever answer something else. Only the first
 * transaction that commits completes the key; outside an idempotent request
 * nothing changes. Nested transactions (savepoints) go through the manager and
 * are not affected.
 */
export function completeIdempotencyInTransactions(dataSource: DataSource): DataSource {
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = async (...args: unknown[]): Promise<unknown> => {
    const request = current.getStore();
    const work = args[args.length - 1];
    if (!request || request.committedBody !== undefined || typeof work !== 'function') return transaction(...args);
    let body: string | undefined;
    const result = await transaction(...args.slice(0, -1), async (manager: EntityManager) => {
      const value = await (work as TransactionWork)(manager);
      // Completed early: the key holds that answer; should the result differ (the work went round again), it replaces it.
      const early = completedEarly.get(manager);
      body = storedJson(value);
      if (early !== body) await request.completeIn(manager, value, early !== undefined);
      return value;
    });
    // Committed: the key holds this answer.
    request.committedBody = body;
    return result;
  };
  dataSource.transaction = wrapped as DataSource['transaction'];
  return dataSource;
}
