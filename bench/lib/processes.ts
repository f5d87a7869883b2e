import { fork, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JsonClient } from './http-client';

/** dist/bench/lib → the repository root, which holds dist/. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const API_MAIN = join(REPO_ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  origin: URL;
}

/**
 * V8 flags the API runs with in production: the same as `npm start`, the
 * Dockerfile and scripts/demo.sh. A 256 MiB old generation keeps the process
 * well under 300 MB while large rankings are built (V8 otherwise grows the heap
 * to fit the allocation rate rather than collecting).
 */
export const API_NODE_FLAGS = ['--max-old-space-size=256'];

/**
 * The built API, as production runs it: `node --max-old-space-size=256
 * dist/apps/api/src/main.js`, output to a log file. Preloaded modules (the
 * query probe, the statement capture) talk to us over IPC.
 */
export function startApi(env: Record<string, string>, logFile: string, preload?: string | readonly string[]): ApiProcess {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npm run build first`);
  const preloads = preload === undefined ? [] : typeof preload === 'string' ? [preload] : preload;
  const log = openSync(logFile, 'a');
  try {
    const args = [...API_NODE_FLAGS, ...preloads.flatMap((module) => ['--require', module]), API_MAIN];
    const stdio: StdioOptions = preloads.length ? ['ignore', log, log, 'ipc'] : ['ignore', log, log];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio });
    if (child.pid === undefined) throw new Error('the API process did not start');
    return { child, pid: child.pid, origin: new URL(`http://127.0.0.1:${env.PORT}`) };
  } finally {
    closeSync(log);
  }
}

/** An API log with nothing in it (LOG_LEVEL=warn and no warnings) is not worth keeping. */
export function removeIfEmpty(file: string): boolean {
  if (!existsSync(file) || statSync(file).size > 0) return false;
  unlinkSync(file);
  return true;
}

/** Polls GET /health/ready until it answers 200; fails early if the process dies. */
export async function waitForReady(api: ApiProcess, timeoutMs: number): Promise<void> {
  const client = new JsonClient(api.origin);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (api.child.exitCode !== null || api.child.signalCode !== null) {
        throw new Error(`the API exited during start-up (code ${api.child.exitCode}, signal ${api.child.signalCode})`);
      }
      const status = await client.request('GET', '/health/ready').then((r) => r.status, () => 0);
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`GET /health/ready did not answer 200 within ${timeoutMs} ms (last: ${status})`);
      await sleep(200);
    }
  } finally {
    client.close();
  }
}

/** SIGTERM, then SIGKILL if it has not exited in time. */
export async function stopProcess(child: ChildProcess, timeoutMs = 15_000): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null) return describeExit(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
    return `killed after ${timeoutMs} ms without exiting on SIGTERM`;
  }
  return describeExit(child);
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;
}

export interface ForkedServer {
  child: ChildProcess;
  origin: URL;
}

/** A child running dist/bench/lib/<module>.js that reports its port over IPC. */
export async function forkServer(module: string): Promise<ForkedServer> {
  const child = fork(join(__dirname, module), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('message', (message: { port?: number }) =>
      message.port ? resolvePort(message.port) : reject(new Error(`${module} sent no port`)),
    );
    child.once('exit', (code) => reject(new Error(`${module} exited with code ${code} before listening`)));
  });
  return { child, origin: new URL(`http://127.0.0.1:${port}`) };
}

/**
 * Whether the API serves the built portal at `/` as in production (WEB_ROOT,
 * default dist/web): the API's figures are measured with the static files mounted.
 */
export async function describePortal(api: ApiProcess): Promise<string> {
  const client = new JsonClient(api.origin);
  try {
    const index = await client.request<string>('GET', '/', { headers: { accept: 'text/html' }, parse: false });
    const served = index.status === 200 && index.body.includes('<div id="root"');
    return served
      ? `portal served at / beside the API (index.html ${index.body.length} bytes)`
      : `portal NOT served at / (GET / answered ${index.status}): build it with npm run build`;
  } finally {
    client.close();
  }
}
