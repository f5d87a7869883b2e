import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { load } from 'js-yaml';
import { validateEnvironment } from '@app/core/config/env.validation';
import { queueConnection } from '@app/core/redis/queue-connection';

/**
 * docker-compose.yml with and without REDIS_PASSWORD. No Docker engine here:
 * the file is parsed as YAML, interpolated as Compose does (the documented
 * ${VAR}, ${VAR:-…}, ${VAR:?…}, ${VAR:+…} forms, nested, and $$), and the
 * redis service's own command and health check run on this machine's
 * redis-server and redis-cli (on a port of the test's own).
 */

type Env = Record<string, string | undefined>;

/** Compose's interpolation of one value. */
function interpolate(value: string, env: Env): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '$') {
      out += value[i++];
      continue;
    }
    if (value[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (value[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        if (j >= value.length) throw new Error(`unclosed \${ in ${value}`);
        if (value[j] === '{') depth++;
        if (value[j] === '}') depth--;
        j++;
      }
      out += expression(value.slice(i + 2, j - 1), env);
      i = j;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1))?.[0];
    if (!name) {
      out += '$';
      i++;
      continue;
    }
    out += env[name] ?? '';
    i += 1 + name.length;
  }
  return out;
}

function expression(body: string, env: Env): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
  if (!m) throw new Error(`unsupported interpolation \${${body}}`);
  const [, name, op, arg = ''] = m;
  const value = env[name];
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (op) {
    case undefined:
      return value ?? '';
    case ':-':
      return nonEmpty ? value : interpolate(arg, env);
    case '-':
      return set ? value : interpolate(arg, env);
    case ':?':
    case '?':
      if (op === ':?' ? !nonEmpty : !set) throw new Error(`required: ${name}`);
      return value ?? '';
    case ':+':
      return nonEmpty ? interpolate(arg, env) : '';
    case '+':
      return set ? interpolate(arg, env) : '';
    default:
      throw new Error(`unsupported operator ${op}`);
  }
}

function deepInterpolate(node: unknown, env: Env): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((n) => deepInterpolate(n, env));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deepInterpolate(v, env)]));
  return node;
}

interface Service {
  command?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test: string[] };
}
interface ComposeFile {
  services: Record<string, Service>;
}

/** YAML merge keys (`<<: *anchor`), as Compose applies them: the node's own keys win. */
function merged(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(merged);
  if (!node || typeof node !== 'object') return node;
  const { '<<': base, ...own } = node as Record<string, unknown>;
  const bases = (Array.isArray(base) ? base : base === undefined ? [] : [base]).map(merged) as Record<string, unknown>[];
  return Object.assign({}, ...bases, Object.fromEntries(Object.entries(own).map(([k, v]) => [k, merged(v)])));
}

const RAW = merged(load(readFileSync(resolve(__dirname, '../../docker-compose.yml'), 'utf8'))) as ComposeFile;
const REQUIRED: Env = { POSTGRES_PASSWORD: 'pg-owner-pw', DATABASE_APP_PASSWORD: 'app-pw', JWT_SECRET: 'q7Vx2LmR9tKp4ZsW8nYc3HbJ6fDg1UaE5oQi0Nw' };
const compose = (env: Env) => deepInterpolate(RAW, env) as ComposeFile;

const PORT = 19_000 + (process.pid % 10_000);

/** Runs the redis service's command (its shell script) here, on PORT, with the service's environment. */
async function startComposeRedis(service: Service, dir: string) {
  const [shell, flag, script, name] = service.command!;
  expect([shell, flag]).toEqual(['sh', '-c']);
  const child = spawn(shell, [flag, script, name, '--port', String(PORT), '--bind', '127.0.0.1', '--dir', dir, '--save', ''], {
    env: { ...process.env, ...(service.environment as Env) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!/PONG|NOAUTH/.test(spawnSync('redis-cli', ['-p', String(PORT), 'ping']).stdout?.toString() ?? '')) {
    if (child.exitCode !== null) throw new Error(`the compose redis command exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the compose redis command did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

/** The service's health check, run as Docker would (CMD-SHELL: sh -c), against PORT. */
function healthy(service: Service): boolean {
  const [kind, command] = service.healthcheck!.test;
  expect(kind).toBe('CMD-SHELL');
  const result = spawnSync('sh', ['-c', command.replace('redis-cli ping', `redis-cli -p ${PORT} ping`)], {
    env: { PATH: process.env.PATH, ...(service.environment as Env) },
  });
  return result.status === 0;
}

async function stop(child: ReturnType<typeof spawn>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

describe('docker-compose.yml: an optional Redis password', () => {
  it('without REDIS_PASSWORD: the apps use redis://redis:6379; Redis runs without a password and is healthy', async () => {
    const file = compose(REQUIRED);
    for (const app of ['api', 'worker']) expect(file.services[app].environment!.REDIS_URL).toBe('redis://redis:6379');
    const dir = mkdtempSync(join(tmpdir(), 'compose-redis-'));
    const child = await startComposeRedis(file.services.redis, dir);
    try {
      expect(spawnSync('redis-cli', ['-p', String(PORT), 'ping']).stdout.toString().trim()).toBe('PONG');
      expect(healthy(file.services.redis)).toBe(true);
    } finally {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with REDIS_PASSWORD: Redis requires it, the health check passes with it, and the apps’ REDIS_URL carries it', async () => {
    const password = 'r3d1s-Pw_of.the-test';
    const file = compose({ ...REQUIRED, REDIS_PASSWORD: password });
    const url = `redis://:${password}@redis:6379`;
    for (const app of ['api', 'worker']) expect(file.services[app].environment!.REDIS_URL).toBe(url);
    // The apps accept it, and hand the password to BullMQ too.
    const env = validateEnvironment({ ...file.services.api.environment, DATABASE_URL: 'postgres://postgres@postgres:5432/prague_grants' });
    expect(env.REDIS_URL).toBe(url);
    expect(queueConnection(env.REDIS_URL, 'producer')).toMatchObject({ host: 'redis', port: 6379, password });

    const dir = mkdtempSync(join(tmpdir(), 'compose-redis-'));
    const child = await startComposeRedis(file.services.redis, dir);
    try {
      expect(spawnSync('redis-cli', ['-p', String(PORT), 'ping']).stdout.toString()).toMatch(/NOAUTH/);
      expect(healthy(file.services.redis)).toBe(true);
      expect(healthy({ ...file.services.redis, environment: { REDIS_PASSWORD: '' } })).toBe(false);
      // The apps' URL, pointed at this machine, authenticates.
      const client = new Redis(url.replace('@redis:6379', `@127.0.0.1:${PORT}`), { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await client.connect();
        expect(await client.ping()).toBe('PONG');
      } finally {
        client.disconnect();
      }
    } finally {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the worker gets no JWT_SECRET; the API does', () => {
    const file = compose(REQUIRED);
    expect(file.services.api.environment!.JWT_SECRET).toBe(REQUIRED.JWT_SECRET);
    expect(file.services.worker.environment).not.toHaveProperty('JWT_SECRET');
    expect(() => validateEnvironment({ ...file.services.worker.environment }, { accessTokens: false })).not.toThrow();
  });
});
