import { randomUUID } from 'node:crypto';
import type { JsonClient } from './http-client';
import { closeClients, createClients, driveLoad, jobsFor, type LoadResult, type Outcome } from './load';
import { CpuMeter, type CpuUsage } from './proc';
import { forkServer, type ForkedServer } from './processes';

const WARM_UP_MS = 1000;

/** Started with the run, so that a rebuild of dist/ meanwhile cannot take its code away. */
export function startBaselineServer(): Promise<ForkedServer> {
  return forkServer('baseline-server.js');
}

/**
 * What this machine does with the same client code against a trivial node:http
 * server: a ceiling no framework can beat, for reading the API's figures.
 */
export async function runBaseline(server: ForkedServer, concurrency: number, seconds: number): Promise<{ load: LoadResult; cpu: CpuUsage }> {
  const clients = createClients(server.origin, concurrency);
  try {
    await driveLoad(clients, jobsFor(WARM_UP_MS), postLikeASubmit);
    const cpu = new CpuMeter(server.child.pid ?? 0);
    const load = await driveLoad(clients, jobsFor(seconds * 1000), postLikeASubmit);
    return { load, cpu: cpu.stop(new Set()) };
  } finally {
    closeClients(clients);
  }
}

const token = randomUUID();

/** The same request shape as a submit: a bodiless POST with a bearer token and an Idempotency-Key. */
async function postLikeASubmit(client: JsonClient): Promise<Outcome> {
  const res = await client.request('POST', '/api/v1/applications/x/submit', { token, headers: { 'idempotency-key': randomUUID() } });
  return { status: res.status, ms: res.ms, problem: res.status === 200 ? undefined : `HTTP ${res.status}` };
}
