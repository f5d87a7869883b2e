import type { MigrationInterface, QueryRunner } from 'typeorm';
import policy from './data/policy-measures-2022-2027.json';

/**
 * Prague City Policy for Integration of Foreigners 2022–2027: 5 priorities,
 * 13 sub-areas, 34 sub-aims and 75 measures, as reference data.
 */
export class PolicyMeasures1795758400000 implements MigrationInterface {
  name = 'PolicyMeasures1795758400000';

  async up(q: QueryRunner): Promise<void> {
    for (const p of policy.priorities) {
      await q.query('INSERT INTO policy_priority (number, name) VALUES ($1, $2)', [p.number, p.name]);
      for (const s of p.subAreas) {
        await q.query('INSERT INTO policy_sub_area (priority_number, letter, name) VALUES ($1, $2, $3)', [p.number, s.letter, s.name]);
      }
    }
    for (const a of policy.subAims) {
      await q.query('INSERT INTO policy_sub_aim (number, text) VALUES ($1, $2)', [a.number, a.text]);
    }
    for (const [position, m] of policy.measures.entries()) {
      await q.query(
        `INSERT INTO policy_measure (code, priority_number, sub_area_letter, sub_aim_number, text, guarantor, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [m.code, m.priority, m.subArea, m.subAim, m.text, m.guarantor, position],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM policy_measure');
    await q.query('DELETE FROM policy_sub_aim');
    await q.query('DELETE FROM policy_sub_area');
    await q.query('DELETE FROM policy_priority');
  }
}
