// Database housekeeping around the TypeORM migrations (plain Node, no build).
//
//   node scripts/create-database.js
//       Creates the database named in DATABASE_URL if it does not exist
//       (connecting to the "postgres" database of the same server as the same
//       user). Prints one line.
//   node scripts/create-database.js --set-app-password
//       After the migrations: when DATABASE_APP_PASSWORD is set, gives the
//       API's role (DATABASE_APP_USER, default prague_grants_app) that
//       password. Does nothing when it is unset (local trust authentication).
//   node scripts/create-database.js --recreate | --drop
//       Drops (and recreates) the database. Refused unless its name contains
//       "test": used by scripts/migration-check.sh for a scratch database.

const { URL } = require('node:url');
const pg = require('pg');

const MODES = ['--set-app-password', '--recreate', '--drop'];

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !MODES.includes(arg));
  if (unknown.length > 0 || args.length > 1) {
    throw new Error(`usage: node scripts/create-database.js [${MODES.join(' | ')}]`);
  }
  const mode = args[0] ?? '--create';

  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/prague_grants)');
  }
  const target = new URL(databaseUrl);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!database) {
    throw new Error('DATABASE_URL names no database (expected .../<database>)');
  }

  if (mode === '--set-app-password') {
    const role = process.env.DATABASE_APP_USER || 'prague_grants_app';
    const password = process.env.DATABASE_APP_PASSWORD;
    if (!password) {
      console.log(`DATABASE_APP_PASSWORD is not set: role "${role}" keeps no password`);
      return;
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        `ALTER ROLE ${client.escapeIdentifier(role)} WITH PASSWORD ${client.escapeLiteral(password)}`,
      );
    } catch (error) {
      if (error && error.code === '42704') {
        throw new Error(`role "${role}" does not exist: run the migrations first (npm run migration:run)`, {
          cause: error,
        });
      }
      throw error;
    } finally {
      await client.end();
    }
    console.log(`set the password of role "${role}"`);
    return;
  }

  if ((mode === '--recreate' || mode === '--drop') && !database.includes('test')) {
    throw new Error(`refusing to drop database "${database}": its name does not contain "test"`);
  }

  const client = await connectToMaintenanceDatabase(target);
  try {
    const quoted = client.escapeIdentifier(database);
    if (mode === '--recreate' || mode === '--drop') {
      await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      if (mode === '--drop') {
        console.log(`dropped database "${database}" (if it existed)`);
        return;
      }
    }
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount > 0) {
      console.log(`database "${database}" already exists`);
      return;
    }
    try {
      await client.query(`CREATE DATABASE ${quoted}`);
    } catch (error) {
      // Someone else created it between the check and here.
      if (error && error.code === '42P04') {
        console.log(`database "${database}" already exists`);
        return;
      }
      throw error;
    }
    console.log(`created database "${database}"`);
  } finally {
    await client.end();
  }
}

// Same server, user and options as DATABASE_URL, but the "postgres" database
// (or template1 where there is none).
async function connectToMaintenanceDatabase(target) {
  let lastError;
  for (const name of ['postgres', 'template1']) {
    const url = new URL(target.href);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.href });
    try {
      await client.connect();
      return client;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      if (!error || error.code !== '3D000') break; // 3D000: database does not exist
    }
  }
  throw lastError;
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`create-database: ${message}`);
  process.exitCode = 1;
});
