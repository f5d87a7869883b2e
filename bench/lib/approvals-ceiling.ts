import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { OwnerDatabase } from './database';
import { CpuMeter, type CpuUsage } from './proc';
import { summarise, type LatencySummary } from './stats';

/**
 * The database's ceiling for approvals: the API's conditional UPDATE alone, in
 * autocommit (its own transaction: one WAL flush each), from plain `pg`
 * clients or pgbench, no Nest, no other statement. It runs on a copy of the
 * benchmark's part row in a scratch table with call_part's columns, defaults,
 * CHECK constraints and indexes (LIKE … INCLUDING ALL; call_part has no
 * triggers), its allocation raised so that it never runs out: every UPDATE
 * commits an amount, as every approval does. The part itself is not touched.
 */
export const CEILING_TABLE = 'bench_ceiling_call_part';

/** The API's statement (libs/money/src/decisions.service.ts commit()), on the scratch table. */
export const CEILING_SQL = `UPDATE ${CEILING_TABLE} SET committed_czk = committed_czk + $2
        WHERE id = $1 AND committed_czk + $2 <= allocation_czk
        RETURNING committed_czk`;

/** Far more than the run commits, and below 2^53 so that the sums stay exact in JavaScript. */
const CEILING_ALLOCATION_CZK = 1_000_000_000_000_000;
const WARM_UP_MS = 1000;
const APPLICATION_NAME = 'prague-grants-bench-ceiling';

/** Copies the part into the scratch table (recreated), committed 0 and an allocation that cannot run out. */
export async function prepareCeilingTable(db: OwnerDatabase, partId: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);
  await db.query(`CREATE TABLE ${CEILING_TABLE} (LIKE call_part INCLUDING ALL)`);
  await db.query(`INSERT INTO ${CEILING_TABLE} SELECT * FROM call_part WHERE id = $1`, [partId]);
  const [, updated]: [unknown[], number] = await db.query(
    `UPDATE ${CEILING_TABLE} SET allocation_czk = $2, committed_czk = 0, proposed_czk = 0, paid_czk = 0, returned_czk = 0 WHERE id = $1`,
    [partId, CEILING_ALLOCATION_CZK],
  );
  if (updated !== 1) throw new Error(`the scratch copy of part ${partId} has ${updated} rows`);
  await db.query(`VACUUM ANALYZE ${CEILING_TABLE}`);
}

export async function dropCeilingTable(db: OwnerDatabase): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);
}

async function committedOf(db: OwnerDatabase, partId: string): Promise<number> {
  const [row]: { committed: string }[] = await db.query(`SELECT committed_czk::text AS committed FROM ${CEILING_TABLE} WHERE id = $1`, [partId]);
  return Number(row.committed);
}

export interface NodeCeiling {
  tool: 'node';
  clients: number;
  seconds: number;
  updates: number;
  updatesPerSecond: number;
  /** UPDATEs that matched no row (none expected: the allocation cannot run out). */
  noRow: number;
  errors: string[];
  latency: LatencySummary;
  /** The row's committed_czk grew by exactly the amounts of the successful UPDATEs (warm-up included): no update lost. */
  exact: boolean;
  cpu: CpuUsage;
}

/** Fails early, with the reason, when the server has no room for the ceiling's connections (other people's tests use it too). */
export async function ensureConnections(db: OwnerDatabase, wanted: number): Promise<void> {
  const [row]: { free: number }[] = await db.query(
    "SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int AS free",
  );
  if (Number(row.free) < wanted + 2) {
    throw new Error(`the SQL ceiling needs ${wanted} connections, the server has ${row.free} free (max_connections); use --ceiling-clients`);
  }
}

/**
 * `clients` plain pg connections, each sending the UPDATE again as soon as
 * the previous one answered (closed loop, as the API's clients), for 1 s of
 * warm-up and then `seconds` measured. The amounts are the benchmark's requests, in turn.
 */
export async function runNodeCeiling(
  db: OwnerDatabase,
  url: string,
  partId: string,
  clients: number,
  seconds: number,
  amounts: readonly number[],
): Promise<NodeCeiling> {
  await ensureConnections(db, clients);
  const connections = Array.from({ length: clients }, () => new Client({ connectionString: url, application_name: APPLICATION_NAME }));
  try {
    await Promise.all(connections.map((c) => c.connect()));
    const pids = new Set<number>();
    for (const c of connections) {
      const { rows } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pids.add(Number(rows[0].pid));
    }
    const before = await committedOf(db, partId);
    let next = 0;
    let appliedCzk = 0;
    const errors: string[] = [];
    let noRow = 0;
    const run = async (durationMs: number, latencies: number[] | null): Promise<number> => {
      const deadline = performance.now() + durationMs;
      let updates = 0;
      await Promise.all(
        connections.map(async (c) => {
          while (performance.now() < deadline) {
            const amount = amounts[next++ % amounts.length];
            const sent = performance.now();
            try {
              const result = await c.query(CEILING_SQL, [partId, amount]);
              latencies?.push(performance.now() - sent);
              if (result.rowCount === 1) {
                updates++;
                appliedCzk += amount;
              } else noRow++;
            } catch (error) {
              if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
              if (errors.length >= 5) return;
            }
          }
        }),
      );
      return updates;
    };
    await run(WARM_UP_MS, null);
    const latencies: number[] = [];
    const meter = new CpuMeter(0);
    const started = performance.now();
    const updates = await run(seconds * 1000, latencies);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = meter.stop(pids);
    const after = await committedOf(db, partId);
    return {
      tool: 'node',
      clients,
      seconds: elapsed,
      updates,
      updatesPerSecond: updates / elapsed,
      noRow,
      errors,
      latency: summarise(latencies),
      exact: after - before === appliedCzk,
      cpu,
    };
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
}

export interface PgbenchCeiling {
  tool: 'pgbench';
  clients: number;
  threads: number;
  seconds: number;
  transactions: number;
  failed: number;
  /** pgbench's tps "without initial connection time": UPDATEs per second (one statement a transaction). */
  updatesPerSecond: number;
  latencyAverageMs: number | null;
  /** committed_czk grew (the UPDATEs did commit amounts). */
  committedGrew: boolean;
  /** Share of the machine's cores busy during the run (pgbench itself is a child, counted here only). */
  machineBusyCores: number;
  command: string;
}

/** The same UPDATE from pgbench (-M extended: parse/bind/execute each time, as pg sends a parameterised query). */
export async function runPgbench(db: OwnerDatabase, url: string, partId: string, clients: number, seconds: number): Promise<PgbenchCeiling> {
  await ensureConnections(db, clients);
  const dir = mkdtempSync(join(tmpdir(), 'bench-approvals-'));
  const script = join(dir, 'conditional-update.sql');
  writeFileSync(
    script,
    `\\set amount random(35000, 87500)\n` +
      `UPDATE ${CEILING_TABLE} SET committed_czk = committed_czk + :amount WHERE id = '${partId}' AND committed_czk + :amount <= allocation_czk RETURNING committed_czk;\n`,
  );
  const target = new URL(url);
  const threads = Math.max(1, Math.min(clients, cpus().length));
  const args = ['-n', '-M', 'extended', '-c', String(clients), '-j', String(threads), '-T', String(seconds), '-f', script];
  if (target.hostname) args.push('-h', target.hostname.replace(/^\[|\]$/g, ''));
  if (target.port) args.push('-p', target.port);
  if (target.username) args.push('-U', decodeURIComponent(target.username));
  args.push(decodeURIComponent(target.pathname.replace(/^\//, '')));
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: APPLICATION_NAME };
  if (target.password) env.PGPASSWORD = decodeURIComponent(target.password);
  try {
    const before = await committedOf(db, partId);
    const meter = new CpuMeter(0);
    const output = await new Promise<string>((resolve, reject) => {
      execFile('pgbench', args, { env, timeout: (seconds + 60) * 1000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`pgbench failed: ${error.message} ${stderr.slice(0, 500)}`));
        else resolve(`${stdout}\n${stderr}`);
      });
    });
    const cpu = meter.stop(new Set());
    const after = await committedOf(db, partId);
    const number = (pattern: RegExp): number | null => {
      const match = pattern.exec(output);
      return match ? Number(match[1]) : null;
    };
    const tps = number(/tps = ([\d.]+) \(without initial connection time\)/);
    const transactions = number(/number of transactions actually processed: (\d+)/);
    if (tps === null || transactions === null) throw new Error(`could not read pgbench's output: ${output.slice(0, 800)}`);
    return {
      tool: 'pgbench',
      clients,
      threads,
      seconds,
      transactions,
      failed: number(/number of failed transactions: (\d+)/) ?? 0,
      updatesPerSecond: tps,
      latencyAverageMs: number(/latency average = ([\d.]+) ms/),
      committedGrew: after > before,
      machineBusyCores: cpu.machineBusy * cpus().length,
      command: `pgbench ${args.join(' ')}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
