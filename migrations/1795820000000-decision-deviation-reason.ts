import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Council's or Assembly's reason for deviating from the DOT Commission
 * (issue 12, item 7): required by the decision rules to approve a not
 * recommended application or above the commission's proposal, kept on the
 * decision (an approval's only; never blank).
 */
export class DecisionDeviationReason1795820000000 implements MigrationInterface {
  name = 'DecisionDeviationReason1795820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "decision" ADD "deviation_reason" text');
    await q.query(
      `ALTER TABLE "decision" ADD CONSTRAINT "decision_deviation_reason_check" CHECK (deviation_reason IS NULL OR (outcome = 'approved' AND btrim(deviation_reason) <> ''))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "decision" DROP CONSTRAINT "decision_deviation_reason_check"');
    await q.query('ALTER TABLE "decision" DROP COLUMN "deviation_reason"');
  }
}
