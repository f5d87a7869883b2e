import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './1795758300000-application-role';

/**
 * The ledger's guarantees live in the database: its two tables are
 * append-only for everyone (trigger) and the API's role may only INSERT and
 * SELECT them; the entries of every transaction sum to zero, checked at
 * commit by a deferred constraint trigger. The money that existed before the
 * ledger (programme appropriations, budget measures, announced calls'
 * allocations) is booked as its opening transactions.
 */
export class LedgerGuarantees1795772500000 implements MigrationInterface {
  name = 'LedgerGuarantees1795772500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed (correct a movement by a reversal)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    for (const table of ['ledger_transaction', 'ledger_entry']) {
      await q.query(`
        CREATE TRIGGER ${table}_refuse_update_delete BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_refuse_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${appRole()}`);
    }
    await q.query(`
      CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        total bigint;
      BEGIN
        SELECT COALESCE(sum(amount_czk), 0) INTO total FROM ledger_entry WHERE transaction_id = NEW.transaction_id;
        IF total <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % does not balance: its entries sum to %', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END;
      $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances()`);

    // Opening transactions: appropriations (net of the budget measures since), budget measures, allocations.
    await q.query(`
      CREATE TEMPORARY TABLE opening (id uuid, type text, occurred_on date, reference text, programme_id uuid, call_part_id uuid,
                                      debit text, credit text, amount bigint) ON COMMIT DROP`);
    await q.query(`
      INSERT INTO opening
      SELECT gen_random_uuid(), 'appropriation', p.created_at::date, 'opening: appropriation of ' || p.code, p.id, NULL,
             'programme:' || p.id || ':unallocated', 'city:budget',
             p.appropriation_czk - COALESCE((SELECT sum(m.amount_czk) FROM budget_measure m WHERE m.programme_id = p.id), 0)
        FROM programme p`);
    await q.query(`
      INSERT INTO opening
      SELECT gen_random_uuid(), 'budget_measure', m.created_at::date, m.reference, m.programme_id, NULL,
             'programme:' || m.programme_id || ':unallocated', 'city:budget', m.amount_czk
        FROM budget_measure m`);
    await q.query(`
      INSERT INTO opening
      SELECT gen_random_uuid(), 'allocation', COALESCE(c.announced_at, c.created_at)::date, 'opening: allocation of part ' || cp.code,
             c.programme_id, cp.id, 'part:' || cp.id || ':available', 'programme:' || c.programme_id || ':unallocated', cp.allocation_czk
        FROM call_part cp JOIN call c ON c.id = cp.call_id WHERE c.status = 'announced'`);
    await q.query(`DELETE FROM opening WHERE amount = 0`);
    await q.query(`
      INSERT INTO ledger_transaction (id, type, occurred_on, reference, reverses, programme_id, call_part_id, application_id, created_at, created_by)
      SELECT id, type, occurred_on, reference, NULL, programme_id, call_part_id, NULL, now(), NULL FROM opening`);
    await q.query(`
      INSERT INTO ledger_entry (transaction_id, account, amount_czk)
      SELECT id, debit, amount FROM opening UNION ALL SELECT id, credit, -amount FROM opening`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER ledger_entry_balanced ON ledger_entry');
    await q.query('DROP FUNCTION ledger_transaction_balances()');
    for (const table of ['ledger_transaction', 'ledger_entry']) {
      await q.query(`DROP TRIGGER ${table}_refuse_truncate ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_refuse_update_delete ON ${table}`);
    }
    await q.query('DROP FUNCTION ledger_refuse_change()');
  }
}
