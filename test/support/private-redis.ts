import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/**
 * A redis-server of the test's own, on its own port, that the test stops and
 * starts again (append-only file in a temporary folder, so jobs survive the
 * restart as in production). Import this module first in a test file: it
 * points REDIS_URL at that port before the app's modules read the environment.
 */
// A port of its own for each test file (jest runs them in one process): a server an earlier file failed to stop
// must not answer a later file that expects Redis to be away.
export const PRIVATE_REDIS_PORT = 17_000 + Math.floor(Math.random() * 20_000);
process.env.REDIS_URL = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;

export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'prague-grants-redis-'));

  constructor(private readonly policy = 'noeviction') {}

  async start(): Promise<void> {
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (scripts/lib/common.sh ensure_redis installs it)');
    this.child = spawn(
      'redis-server',
      ['--port', String(PRIVATE_REDIS_PORT), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', this.policy],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis({ port: PRIVATE_REDIS_PORT, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${PRIVATE_REDIS_PORT}`);
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        probe.disconnect();
      }
    }
  }

  /** Stops the server (it writes its append-only file first) and waits for the process to end. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /** Stops the server, deletes its data (as a Redis without persistence loses it on restart) and starts it again. */
  async restartWithoutData(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    await this.start();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
