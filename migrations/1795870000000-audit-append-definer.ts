import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './1795758300000-application-role';

const SIGNATURE = 'audit_append(uuid, timestamptz, uuid, varchar, varchar, varchar, varchar, jsonb, jsonb, text, text)';

/**
 * The application role loses INSERT on audit_event: an event enters the chain
 * only through `audit_append`, which now runs with its owner's rights
 * (SECURITY DEFINER) and computes `prev_hash` and `hash` in the database.
 * Its search path is fixed (pg_catalog first, pg_temp last) and its table
 * named with its schema, so a caller cannot put an object of its own in the
 * function's way. Executing it is granted to the application role only.
 */
export class AuditAppendDefiner1795870000000 implements MigrationInterface {
  name = 'AuditAppendDefiner1795870000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_append(
        p_id uuid, p_occurred_at timestamptz, p_actor_user_id uuid, p_actor_role varchar, p_action varchar,
        p_entity_type varchar, p_entity_id varchar, p_before jsonb, p_after jsonb, p_reason text, p_payload text
      ) RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE
        head_seq bigint;
        head_hash char(64);
      BEGIN
        PERFORM pg_advisory_xact_lock(7301127);
        SELECT seq, hash INTO head_seq, head_hash FROM public.audit_event ORDER BY seq DESC LIMIT 1;
        IF NOT FOUND THEN
          head_seq := 0;
          head_hash := repeat('0', 64);
        END IF;
        INSERT INTO public.audit_event (seq, id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id,
                                        before, after, reason, prev_hash, hash)
        VALUES (head_seq + 1, p_id, p_occurred_at, p_actor_user_id, p_actor_role, p_action, p_entity_type, p_entity_id,
                p_before, p_after, p_reason, head_hash,
                encode(sha256(convert_to(head_hash || E'\\n' || (head_seq + 1)::text || E'\\n' || p_payload, 'UTF8')), 'hex'));
        RETURN head_seq + 1;
      END;
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${role}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event FROM ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`GRANT INSERT ON audit_event TO ${role}`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO PUBLIC`);
    await q.query(`ALTER FUNCTION ${SIGNATURE} SECURITY INVOKER RESET search_path`);
  }
}
