import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { addDays, pragueDate } from '@app/core/time/prague-time';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { expectOk, formalCheck } from './evaluation';
import type { TestApp } from './test-app';

/** The production worker module, in the test process (same env: the file's own QUEUE_PREFIX). */
export async function startLettersWorker(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  return app;
}

const ROOT = resolve(__dirname, '../..');

/** The worker as its own process (apps/worker/src/main.ts, compiled on the fly by @swc-node/register). */
export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
}

/** `env` is added to the test's environment; a variable set to undefined is left out. */
export function spawnLettersWorker(env: Record<string, string | undefined> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  return { child, output: () => output, exited };
}

/** Waits until the worker process has logged that it started (or fails with its output). */
export async function workerStarted(worker: WorkerProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output().includes('Worker started')) {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) throw new Error(`the worker exited:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start in ${timeoutMs} ms:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface LetterCounts {
  queued: number;
  ready: number;
  failed: number;
}

export async function letterCounts(dataSource: DataSource, letterIds: readonly string[]): Promise<LetterCounts> {
  const rows: { status: keyof LetterCounts; n: number }[] = await dataSource.query(
    'SELECT status, count(*)::int AS n FROM letter WHERE id = ANY($1::uuid[]) GROUP BY status',
    [letterIds],
  );
  const counts: LetterCounts = { queued: 0, ready: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Polls until every letter has left `queued` (ready or failed), or fails with the counts. */
export async function lettersSettled(dataSource: DataSource, letterIds: readonly string[], timeoutMs = 30_000): Promise<LetterCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await letterCounts(dataSource, letterIds);
    if (counts.queued === 0) return counts;
    if (Date.now() > deadline) throw new Error(`letters still queued after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `rounds` requests for correction of every application (each a decision with
 * its letter): the deadline is tomorrow, then the clock moves two days on, so
 * the officer may check the unresubmitted application again. Returns the new
 * letters' ids, oldest first.
 */
export async function correctionRequests(t: TestApp, officer: string, applicationIds: readonly string[], rounds: number): Promise<string[]> {
  const before = await letterIdsOf(t.dataSource, applicationIds);
  for (let round = 0; round < rounds; round++) {
    const due = addDays(pragueDate(t.clock.now()), 1);
    await Promise.all(
      applicationIds.map((id) =>
        expectOk(
          formalCheck(t, officer, id, { result: 'correction_requested', reasons: [`Doplňte čestné prohlášení statutárního orgánu (výzva č. ${round + 1}).`], correctionDueOn: due }),
          'correction request',
        ),
      ),
    );
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
  }
  const known = new Set(before);
  return (await letterIdsOf(t.dataSource, applicationIds)).filter((id) => !known.has(id));
}

export async function letterIdsOf(dataSource: DataSource, applicationIds: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query('SELECT id FROM letter WHERE application_id = ANY($1::uuid[]) ORDER BY created_at, id', [applicationIds]);
  return rows.map((r) => r.id);
}

/** How many `letter.ready` audit events each letter has (exactly once: 1 each). */
export async function readyEventsPerLetter(dataSource: DataSource, letterIds: readonly string[]): Promise<Map<string, number>> {
  const rows: { id: string; n: number }[] = await dataSource.query(
    `SELECT l.id, count(e.id)::int AS n FROM letter l
       LEFT JOIN audit_event e ON e.entity_type = 'letter' AND e.entity_id = l.id::text AND e.action = 'letter.ready'
      WHERE l.id = ANY($1::uuid[]) GROUP BY l.id`,
    [letterIds],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Outbox rows of these letters not yet handed over to Redis. */
export async function pendingOutbox(dataSource: DataSource, letterIds: readonly string[]): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(
    "SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL AND payload->>'letterId' = ANY($1)",
    [letterIds],
  );
  return row.n;
}

/** Polls the condition every 100 ms until it holds, or fails after timeoutMs. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
