import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core/database/data-source-options';
import { ENTITIES, MIGRATIONS } from './schema';

/** For the TypeORM CLI (migrations run as the owner role from DATABASE_URL). */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/prague_grants)');

export default new DataSource(dataSourceOptions(url, { entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2, applicationName: 'prague-grants-migrations' }));
