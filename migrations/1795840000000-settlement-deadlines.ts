import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One settlement deadline, lawful money dates (issue 12, items 17–18):
 * - the contract carries its settlement deadline, copied from the call when
 *   the contract is recorded (existing contracts: their call's);
 * - the review records the unspent money (paid − spent, due by that deadline),
 *   what it refuses (spent − accepted) and the remedy deadline it sets for that
 *   (existing reviews: their return due date, which was the review + 30 days);
 * - the letter's snapshot names the call's settlement deadline, which the
 *   approval letter prints (letters not yet rendered get it too; a ready
 *   letter's snapshot stays what its PDF was made from).
 */
export class SettlementDeadlines1795840000000 implements MigrationInterface {
  name = 'SettlementDeadlines1795840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "grant_contract" ADD "settlement_due_on" date`);
    await q.query(`
      UPDATE grant_contract k SET settlement_due_on = c.settlement_due_on
        FROM application a JOIN call c ON c.id = a.call_id
       WHERE a.id = k.application_id
    `);
    await q.query(`ALTER TABLE "grant_contract" ALTER COLUMN "settlement_due_on" SET NOT NULL`);

    await q.query(`ALTER TABLE "settlement" ADD "unspent_czk" bigint`);
    await q.query(`ALTER TABLE "settlement" ADD "refused_czk" bigint`);
    await q.query(`ALTER TABLE "settlement" ADD "remedy_due_on" date`);
    await q.query(`
      UPDATE settlement s SET unspent_czk = a.paid_czk - LEAST(s.spent_czk, a.paid_czk),
                              refused_czk = LEAST(s.spent_czk, a.paid_czk) - s.accepted_czk,
                              remedy_due_on = CASE WHEN s.accepted_czk < LEAST(s.spent_czk, a.paid_czk) THEN s.return_due_on END
        FROM application a
       WHERE a.id = s.application_id AND s.reviewed_at IS NOT NULL
    `);

    await q.query(`
      CREATE OR REPLACE VIEW letter_subject AS
      SELECT a.id AS application_id,
             jsonb_build_object(
               'recipient', jsonb_build_object('name', o.name, 'ico', o.ico, 'street', o.street, 'city', o.city, 'postalCode', o.postal_code),
               'application', jsonb_build_object('id', a.id, 'referenceNumber', a.reference_number, 'title', a.title,
                                                 'submittedAt', a.submitted_at, 'requestedCzk', a.requested_czk),
               'part', jsonb_build_object('code', cp.code, 'name', cp.name),
               'call', jsonb_build_object('id', c.id, 'title', c.title, 'settlementDueOn', c.settlement_due_on::text),
               'programme', jsonb_build_object('code', p.code, 'name', p.name, 'year', p.year)) AS data
        FROM application a
        JOIN organisation o ON o.id = a.organisation_id
        JOIN call_part cp ON cp.id = a.call_part_id
        JOIN call c ON c.id = a.call_id
        JOIN programme p ON p.id = c.programme_id
    `);
    await q.query(`
      UPDATE letter l SET data = jsonb_set(l.data, '{call,settlementDueOn}', to_jsonb(c.settlement_due_on::text))
        FROM application a JOIN call c ON c.id = a.call_id
       WHERE a.id = l.application_id AND l.status <> 'ready' AND NOT (l.data -> 'call' ? 'settlementDueOn')
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE VIEW letter_subject AS
      SELECT a.id AS application_id,
             jsonb_build_object(
               'recipient', jsonb_build_object('name', o.name, 'ico', o.ico, 'street', o.street, 'city', o.city, 'postalCode', o.postal_code),
               'application', jsonb_build_object('id', a.id, 'referenceNumber', a.reference_number, 'title', a.title,
                                                 'submittedAt', a.submitted_at, 'requestedCzk', a.requested_czk),
               'part', jsonb_build_object('code', cp.code, 'name', cp.name),
               'call', jsonb_build_object('id', c.id, 'title', c.title),
               'programme', jsonb_build_object('code', p.code, 'name', p.name, 'year', p.year)) AS data
        FROM application a
        JOIN organisation o ON o.id = a.organisation_id
        JOIN call_part cp ON cp.id = a.call_part_id
        JOIN call c ON c.id = a.call_id
        JOIN programme p ON p.id = c.programme_id
    `);
    await q.query(`ALTER TABLE "settlement" DROP COLUMN "remedy_due_on"`);
    await q.query(`ALTER TABLE "settlement" DROP COLUMN "refused_czk"`);
    await q.query(`ALTER TABLE "settlement" DROP COLUMN "unspent_czk"`);
    await q.query(`ALTER TABLE "grant_contract" DROP COLUMN "settlement_due_on"`);
  }
}
