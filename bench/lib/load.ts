import { performance } from 'node:perf_hooks';
import { JsonClient } from './http-client';

export interface Outcome {
  status: number;
  ms: number;
  /** Why the answer is not the expected one; undefined when it is. */
  problem?: string;
}

export interface Failure {
  status: number;
  problem: string;
}

export interface LoadResult {
  requests: number;
  elapsedMs: number;
  latenciesMs: number[];
  /** When each answer came in, in ms since the start, in that order. */
  finishedAtMs: number[];
  failures: Failure[];
}

/**
 * Each client is one lane that sends its next job as soon as its previous
 * answer is in (closed loop), like N users clicking "submit" back to back.
 */
export async function driveLoad<J>(
  clients: readonly JsonClient[],
  nextJob: () => J | undefined,
  send: (client: JsonClient, job: J) => Promise<Outcome>,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const finishedAtMs: number[] = [];
  const failures: Failure[] = [];
  const started = performance.now();
  const lane = async (client: JsonClient): Promise<void> => {
    for (let job = nextJob(); job !== undefined; job = nextJob()) {
      const sent = performance.now();
      const outcome = await send(client, job).catch(
        (error: unknown): Outcome => ({
          status: 0,
          ms: performance.now() - sent,
          problem: error instanceof Error ? error.message : String(error),
        }),
      );
      latenciesMs.push(outcome.ms);
      finishedAtMs.push(performance.now() - started);
      if (outcome.problem !== undefined) failures.push({ status: outcome.status, problem: outcome.problem });
    }
  };
  await Promise.all(clients.map(lane));
  return { requests: latenciesMs.length, elapsedMs: performance.now() - started, latenciesMs, finishedAtMs, failures };
}

/** Jobs from a list, each once, in order. */
export function jobsFrom<T>(items: readonly T[]): () => T | undefined {
  let next = 0;
  return () => (next < items.length ? items[next++] : undefined);
}

/** Jobs until the deadline: for a fixed-duration run. */
export function jobsFor(durationMs: number): () => number | undefined {
  const deadline = performance.now() + durationMs;
  let n = 0;
  return () => (performance.now() < deadline ? n++ : undefined);
}

export function createClients(origin: URL, count: number): JsonClient[] {
  return Array.from({ length: count }, () => new JsonClient(origin));
}

export function closeClients(clients: readonly JsonClient[]): void {
  for (const client of clients) client.close();
}
