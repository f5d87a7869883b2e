import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './1795758300000-application-role';

/**
 * Checkpoints of the audit chain (its head's seq and hash, the number of
 * events up to it, the time), written daily by the worker and served at
 * GET /audit/checkpoints, so that the chain can be anchored outside the
 * system. Like the events, a checkpoint is computed by the database:
 * `audit_checkpoint_take` reads the head and counts in one statement (one
 * snapshot) and inserts the row, with its owner's rights; the application
 * role may only call it and read the table. Append-only (trigger), for everyone.
 */
export class AuditCheckpoint1795870100000 implements MigrationInterface {
  name = 'AuditCheckpoint1795870100000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE TABLE "audit_checkpoint" (
        "id" uuid NOT NULL,
        "head_seq" bigint NOT NULL,
        "head_hash" character(64) NOT NULL,
        "event_count" bigint NOT NULL,
        "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
      )`);
    await q.query('CREATE INDEX "audit_checkpoint_taken_at_idx" ON "audit_checkpoint" ("taken_at")');
    await q.query(`
      CREATE FUNCTION audit_checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_checkpoint is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_refuse_update_delete
        BEFORE UPDATE OR DELETE ON audit_checkpoint
        FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_refuse_truncate
        BEFORE TRUNCATE ON audit_checkpoint
        FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_refuse_change()`);
    await q.query(`
      CREATE FUNCTION audit_checkpoint_take(p_id uuid) RETURNS public.audit_checkpoint
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        WITH head AS (SELECT seq, hash FROM public.audit_event ORDER BY seq DESC LIMIT 1)
        INSERT INTO public.audit_checkpoint (id, head_seq, head_hash, event_count, taken_at)
        SELECT p_id,
               coalesce((SELECT seq FROM head), 0),
               coalesce((SELECT hash FROM head), repeat('0', 64)),
               (SELECT count(*) FROM public.audit_event e WHERE e.seq <= coalesce((SELECT seq FROM head), 0)),
               now()
        RETURNING *
      $$`);
    await q.query('REVOKE ALL ON FUNCTION audit_checkpoint_take(uuid) FROM PUBLIC');
    await q.query(`GRANT EXECUTE ON FUNCTION audit_checkpoint_take(uuid) TO ${role}`);
    // The default privileges gave the role every right on the new table: it keeps SELECT.
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_checkpoint FROM ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_checkpoint_take(uuid)');
    await q.query('DROP TABLE "audit_checkpoint"');
    await q.query('DROP FUNCTION audit_checkpoint_refuse_change()');
  }
}
