import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './processes';

const WORKER_MAIN = join(REPO_ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

/** V8 flags of `npm run start:worker`. */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=192'];

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the worker logged 'Worker started'; rejects when it exits first. */
  started: Promise<void>;
}

/**
 * The built worker as `npm run start:worker` runs it, its output to a log file.
 * With a profile directory it also runs with --cpu-prof (written when it exits).
 */
export function startWorker(env: Record<string, string>, logFile: string, cpuProfileDir?: string): WorkerProcess {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build first`);
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, ...profiling, WORKER_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('the worker process did not start');
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr?.pipe(log, { end: false });
  let tail = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4000);
      if (tail.includes('Worker started')) resolve();
    });
    child.once('exit', (code, signal) => {
      log.end();
      reject(new Error(`the worker exited before it started (code ${code}, signal ${signal}); its log: ${logFile}`));
    });
  });
  // Reported by whoever awaits it; an unawaited rejection after a clean start must not crash the benchmark.
  started.catch(() => undefined);
  return { child, pid: child.pid, started };
}
