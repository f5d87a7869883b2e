import type { DataSourceOptions } from 'typeorm';

export interface SchemaParts {
  /** Every library's entities, composed by the app (migrations/schema.ts): core knows no feature. */
  entities: NonNullable<DataSourceOptions['entities']>;
  /** The migrations, for those that run them (the CLI, the tests' set-up, the benchmarks). */
  migrations?: DataSourceOptions['migrations'];
}

/**
 * The one DataSource definition, used by the API, the worker, the migration CLI
 * and the tests. Schema changes only through migrations: never `synchronize`.
 */
export function dataSourceOptions(url: string, extra: SchemaParts & { poolSize?: number; applicationName?: string }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: extra.entities,
    migrations: extra.migrations ?? [],
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
