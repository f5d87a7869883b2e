import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core/database/data-source-options';
import { applyTestEnvironment, assertTestDatabase } from './test-env';
import { ENTITIES, MIGRATIONS } from '../../migrations/schema';

/** Recreates the test database and runs every migration once, as the owner role. */
export default async function globalSetup(): Promise<void> {
  applyTestEnvironment();
  const url = process.env.DATABASE_URL!;
  assertTestDatabase(url);
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const dataSource = new DataSource(dataSourceOptions(url, { entities: ENTITIES, migrations: MIGRATIONS, poolSize: 1, applicationName: 'prague-grants-test-setup' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
