import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core/database/data-source-options';
import { seconds } from './bench-main';
import { fmt } from './report';
import { ENTITIES, MIGRATIONS } from '../../migrations/schema';

/** The database name of the URL, refusing any that is not obviously a benchmark's: it gets dropped. */
export function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name.includes('bench')) {
    throw new Error(`refusing to drop database "${name}": its name does not contain "bench" (set DATABASE_URL)`);
  }
  return name;
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = benchDatabaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.href });
  await client.connect();
  try {
    const quoted = client.escapeIdentifier(name);
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the benchmark's database, runs the migrations, and connects as the owner. */
export async function prepareBenchDatabase(url: string): Promise<OwnerDatabase> {
  const started = performance.now();
  await recreateDatabase(url);
  const db = await OwnerDatabase.connect(url);
  const migrations = await db.migrate();
  console.log(`==> database recreated, ${migrations} migrations run in ${fmt(seconds(started), 2)} s`);
  return db;
}

/** The migration owner's connection: migrations, the window shortcut and the checks afterwards. */
export class OwnerDatabase {
  private constructor(private readonly dataSource: DataSource) {}

  static async connect(url: string): Promise<OwnerDatabase> {
    const dataSource = new DataSource(dataSourceOptions(url, { entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2, applicationName: 'prague-grants-bench' }));
    await dataSource.initialize();
    return new OwnerDatabase(dataSource);
  }

  async migrate(): Promise<number> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    return applied.length;
  }

  /**
   * The benchmark's one shortcut around the real clock: the call was announced
   * through the API with its window 31 days ahead (the 30-day rule), and is
   * now moved so that the window is open for the measured phase.
   */
  async openWindowNow(callId: string): Promise<void> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE call SET submission_opens_at = now() - interval '1 minute', submission_closes_at = now() + interval '1 day'
        WHERE id = $1 AND status = 'announced'`,
      [callId],
    );
    if (affected !== 1) throw new Error(`moving the window of call ${callId} updated ${affected} rows`);
  }

  /**
   * The other direction, after the submits: the window's close moved to the
   * present, so that the formal check and the scoring may start.
   */
  async closeWindowNow(callId: string): Promise<void> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE call SET submission_opens_at = LEAST(submission_opens_at, now() - interval '2 minutes'), submission_closes_at = now()
        WHERE id = $1 AND status = 'announced'`,
      [callId],
    );
    if (affected !== 1) throw new Error(`closing the window of call ${callId} updated ${affected} rows`);
  }

  /** Any statement as the owner (seeding shortcuts and checks of other benchmarks). */
  query<T = unknown>(sql: string, parameters: unknown[] = []): Promise<T> {
    return this.dataSource.query(sql, parameters);
  }

  async registryBook(callId: string): Promise<RegistryBook> {
    const [row]: RegistryBookRow[] = await this.dataSource.query(
      `SELECT c.last_reference_number AS "lastNumber",
              COUNT(a.id) FILTER (WHERE a.status = 'submitted') AS "submitted",
              COUNT(DISTINCT a.reference_number) AS "distinctReferences",
              (SELECT COUNT(*) FROM audit_event e WHERE e.action = 'application.submitted') AS "submitAuditEvents"
         FROM call c LEFT JOIN application a ON a.call_id = c.id
        WHERE c.id = $1
        GROUP BY c.id`,
      [callId],
    );
    return {
      lastNumber: Number(row.lastNumber),
      submitted: Number(row.submitted),
      distinctReferences: Number(row.distinctReferences),
      submitAuditEvents: Number(row.submitAuditEvents),
    };
  }

  /** PostgreSQL backends serving the API (its connection pool), for CPU accounting. */
  async apiBackendPids(): Promise<Set<number>> {
    const rows: { pid: number }[] = await this.dataSource.query(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'prague-grants-bench'",
    );
    return new Set(rows.map((r) => Number(r.pid)));
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

export interface RegistryBook {
  lastNumber: number;
  submitted: number;
  distinctReferences: number;
  submitAuditEvents: number;
}

type RegistryBookRow = Record<keyof RegistryBook, string | number>;
