import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chains an audit event in one statement: takes the chain's advisory lock,
 * reads the head and inserts with
 *   hash = sha256(prev_hash || E'\n' || seq || E'\n' || payload),
 * payload being the canonical JSON the application made of the event (see
 * libs/core/src/audit/audit-hash.ts, which verify recomputes from the columns).
 * One round trip under the lock instead of three keeps the chain, which every
 * audited transaction passes through, short. Each statement of a volatile
 * function takes a fresh snapshot, so the head is read after the lock is held.
 */
export class AuditAppendFunction1795760900000 implements MigrationInterface {
  name = 'AuditAppendFunction1795760900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(
        p_id uuid, p_occurred_at timestamptz, p_actor_user_id uuid, p_actor_role varchar, p_action varchar,
        p_entity_type varchar, p_entity_id varchar, p_before jsonb, p_after jsonb, p_reason text, p_payload text
      ) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        head_seq bigint;
        head_hash char(64);
      BEGIN
        PERFORM pg_advisory_xact_lock(7301127);
        SELECT seq, hash INTO head_seq, head_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
        IF NOT FOUND THEN
          head_seq := 0;
          head_hash := repeat('0', 64);
        END IF;
        INSERT INTO audit_event (seq, id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id,
                                 before, after, reason, prev_hash, hash)
        VALUES (head_seq + 1, p_id, p_occurred_at, p_actor_user_id, p_actor_role, p_action, p_entity_type, p_entity_id,
                p_before, p_after, p_reason, head_hash,
                encode(sha256(convert_to(head_hash || E'\\n' || (head_seq + 1)::text || E'\\n' || p_payload, 'UTF8')), 'hex'));
        RETURN head_seq + 1;
      END;
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_append(uuid, timestamptz, uuid, varchar, varchar, varchar, varchar, jsonb, jsonb, text, text)');
  }
}
