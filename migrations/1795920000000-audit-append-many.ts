import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './1795758300000-application-role';

const SIGNATURE = 'audit_append_many(jsonb)';

/**
 * Many events chained at once (issue 13: a resolution's adoption appends one
 * event per line of its annex, 2,000 and more): `audit_append_many` takes the
 * events as a JSON array of audit_append's arguments, in order, takes the
 * chain's lock and reads its head once, computes each event's hash exactly as
 * audit_append does (the previous hash, the sequence number and the payload)
 * and inserts them in one statement. Owner's rights, fixed search path and
 * EXECUTE for the application role only, as audit_append. Returns the last
 * sequence number (the head's when the array is empty).
 */
export class AuditAppendMany1795920000000 implements MigrationInterface {
  name = 'AuditAppendMany1795920000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_append_many(p_events jsonb)
      RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE
        head_seq bigint;
        head_hash char(64);
        payloads text[];
        hashes text[];
        i int;
      BEGIN
        PERFORM pg_advisory_xact_lock(7301127);
        SELECT seq, hash INTO head_seq, head_hash FROM public.audit_event ORDER BY seq DESC LIMIT 1;
        IF NOT FOUND THEN
          head_seq := 0;
          head_hash := repeat('0', 64);
        END IF;
        SELECT array_agg(e.payload ORDER BY e.ord) INTO payloads
          FROM ROWS FROM (jsonb_to_recordset(p_events) AS (payload text)) WITH ORDINALITY AS e(payload, ord);
        IF payloads IS NULL THEN
          RETURN head_seq;
        END IF;
        -- hashes[1] is the head's; hashes[i + 1] the i-th event's.
        hashes := ARRAY[head_hash::text];
        FOR i IN 1 .. array_length(payloads, 1) LOOP
          hashes := hashes || encode(sha256(convert_to(hashes[i] || E'\\n' || (head_seq + i)::text || E'\\n' || payloads[i], 'UTF8')), 'hex');
        END LOOP;
        INSERT INTO public.audit_event (seq, id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id,
                                        before, after, reason, prev_hash, hash)
        SELECT head_seq + e.ord, e.id, e.occurred_at, e.actor_user_id, e.actor_role, e.action, e.entity_type, e.entity_id,
               e.before, e.after, e.reason, hashes[e.ord], hashes[e.ord + 1]
          FROM ROWS FROM (jsonb_to_recordset(p_events) AS (id uuid, occurred_at timestamptz, actor_user_id uuid, actor_role varchar,
                                                         action varchar, entity_type varchar, entity_id varchar, before jsonb,
                                                         after jsonb, reason text))
               WITH ORDINALITY AS e(id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, before, after, reason, ord)
         ORDER BY e.ord;
        RETURN head_seq + array_length(payloads, 1);
      END;
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
