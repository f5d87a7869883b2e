import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A score sheet is a draft until its member submits it (issue 12): only
 * submitted sheets count and open the peers' sheets to their member; a
 * submitted sheet changes only after the chair reopens it with a reason (the
 * last reopening is kept on the sheet for its member to read). The sheets
 * saved before this migration were counted as soon as they were saved: they
 * are submitted ones, `submitted_at` as it was.
 */
export class ScoreSheetDrafts1795800000000 implements MigrationInterface {
  name = 'ScoreSheetDrafts1795800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "score_sheet" ADD "status" character varying(9) NOT NULL DEFAULT 'submitted'`);
    await q.query(`ALTER TABLE "score_sheet" ALTER COLUMN "status" DROP DEFAULT`);
    await q.query(`ALTER TABLE "score_sheet" ALTER COLUMN "submitted_at" DROP NOT NULL`);
    await q.query(`ALTER TABLE "score_sheet" ADD "reopened_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "score_sheet" ADD "reopen_reason" text`);
    await q.query(`ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_status_check" CHECK (status IN ('draft', 'submitted'))`);
    await q.query(`ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_submitted_check" CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))`);
    await q.query(`ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_reopen_check" CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_reopen_check"`);
    await q.query(`ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_submitted_check"`);
    await q.query(`ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_status_check"`);
    await q.query(`ALTER TABLE "score_sheet" DROP COLUMN "reopen_reason"`);
    await q.query(`ALTER TABLE "score_sheet" DROP COLUMN "reopened_at"`);
    // A draft had never been counted: it goes, rather than becoming a submitted sheet.
    await q.query(`DELETE FROM "score_sheet" WHERE status = 'draft'`);
    await q.query(`ALTER TABLE "score_sheet" ALTER COLUMN "submitted_at" SET NOT NULL`);
    await q.query(`ALTER TABLE "score_sheet" DROP COLUMN "status"`);
  }
}
