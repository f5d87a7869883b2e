import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a decision letter says about its recipient and application, as one
 * view: the letter's snapshot is taken from it by letters' own request
 * (LetterRequests) and by money's single decision statement
 * (DecisionRepository.write), so both kinds of letter read the same fields.
 */
export class LetterSubjectView1795790000000 implements MigrationInterface {
  name = 'LetterSubjectView1795790000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW letter_subject AS
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
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW letter_subject');
  }
}
