import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commission's rank and average score of each line, as they were when
 * the draft was built (issue 13): the annex is ordered by them and shows them,
 * and the ranking computed later could differ (an application withdrawn after
 * the close drops out of it and the ranks below it move up).
 */
export class ResolutionLineRanking1795901000000 implements MigrationInterface {
  name = 'ResolutionLineRanking1795901000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "resolution_line"
        ADD "rank" integer,
        ADD "average_score" numeric(7,2),
        ADD CONSTRAINT "resolution_line_rank_check" CHECK (rank IS NULL OR rank >= 1)
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "resolution_line"
        DROP CONSTRAINT "resolution_line_rank_check",
        DROP COLUMN "average_score",
        DROP COLUMN "rank"
    `);
  }
}
