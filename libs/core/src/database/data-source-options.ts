import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';

/**
 * The one DataSource definition, used by the API, the migration CLI and the
 * tests. Schema changes only through migrations: never `synchronize`.
 */
export function dataSourceOptions(url: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    // Failed queries are reported by the problem-details filter without their parameters (they may hold hashes).
    logging: false,
    poolSize: extra.poolSize ?? 20,
    applicationName: extra.applicationName ?? 'prague-grants',
  };
}

/** The API connects to the migration owner's database, but as the unprivileged app role. */
export function appDatabaseUrl(ownerUrl: string, appUser: string, appPassword?: string): string {
  const url = new URL(ownerUrl);
  url.username = appUser;
  url.password = appPassword ? encodeURIComponent(appPassword) : '';
  return url.toString();
}
