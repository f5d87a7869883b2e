import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API connects as a role that owns nothing: it may read and write the
 * business tables, but only INSERT and SELECT on the audit trail.
 * The role is cluster-wide, so it is created once and never dropped here.
 */
export class ApplicationRole1795758300000 implements MigrationInterface {
  name = 'ApplicationRole1795758300000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
          CREATE ROLE ${role} LOGIN;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await q.query(`REVOKE ALL ON schema_migration FROM ${role}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM ${role}`);
    // Tables of later migrations get the same rights; each migration that adds
    // an append-only table revokes UPDATE/DELETE on it explicitly.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${role}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${role}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${role}`);
  }
}

/** The same variable the API reads; validated because it is spliced into SQL. */
export function appRole(): string {
  const role = process.env.DATABASE_APP_USER ?? 'prague_grants_app';
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error('DATABASE_APP_USER must be a plain lower-case role name');
  return role;
}
