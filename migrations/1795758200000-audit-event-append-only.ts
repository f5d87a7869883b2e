import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail is append-only in the database itself, whoever connects. */
export class AuditEventAppendOnly1795758200000 implements MigrationInterface {
  name = 'AuditEventAppendOnly1795758200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await q.query(`
      CREATE TRIGGER audit_event_refuse_update_delete
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_refuse_truncate
        BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_event_refuse_truncate ON audit_event');
    await q.query('DROP TRIGGER audit_event_refuse_update_delete ON audit_event');
    await q.query('DROP FUNCTION audit_event_refuse_change()');
  }
}
