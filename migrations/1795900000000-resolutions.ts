import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Council's resolution as the city decides (issue 13): a resolution of
 * the City Council or the City Assembly on one call, drafted from the closed
 * evaluation and edited until it is adopted (or rejected by the body, or
 * withdrawn by the officers), and its annex, one line per application with
 * the outcome, the amount and the reason. `live` is true while a line's
 * resolution is a draft or adopted: an application is in one live line at
 * most (a partial unique index), kept by the service when the status moves.
 */
export class Resolutions1795900000000 implements MigrationInterface {
  name = 'Resolutions1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "resolution" (
        "id" uuid NOT NULL,
        "call_id" uuid NOT NULL,
        "body" character varying(8) NOT NULL,
        "status" character varying(10) NOT NULL DEFAULT 'draft',
        "version" integer NOT NULL DEFAULT 1,
        "resolution_number" character varying(100),
        "resolution_date" date,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_by" uuid NOT NULL,
        "adopted_at" TIMESTAMP WITH TIME ZONE,
        "adopted_by" uuid,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "closed_by" uuid,
        "close_reason" character varying(2000),
        CONSTRAINT "resolution_body_check" CHECK (body IN ('council', 'assembly')),
        CONSTRAINT "resolution_status_check" CHECK (status IN ('draft', 'adopted', 'rejected', 'withdrawn')),
        CONSTRAINT "resolution_version_check" CHECK (version >= 1),
        CONSTRAINT "resolution_adopted_check" CHECK ((status = 'adopted') = (adopted_at IS NOT NULL AND adopted_by IS NOT NULL AND resolution_number IS NOT NULL AND resolution_date IS NOT NULL)),
        CONSTRAINT "resolution_closed_check" CHECK ((status IN ('rejected', 'withdrawn')) = (closed_at IS NOT NULL AND closed_by IS NOT NULL AND close_reason IS NOT NULL)),
        CONSTRAINT "resolution_pkey" PRIMARY KEY ("id")
      )
    `);
    await q.query(`CREATE INDEX "resolution_call_id_idx" ON "resolution" ("call_id", "created_at")`);
    await q.query(`
      ALTER TABLE "resolution"
        ADD CONSTRAINT "resolution_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "resolution_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "resolution_adopted_by_fkey" FOREIGN KEY ("adopted_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "resolution_closed_by_fkey" FOREIGN KEY ("closed_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);

    await q.query(`
      CREATE TABLE "resolution_line" (
        "resolution_id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "live" boolean NOT NULL DEFAULT true,
        "commission_status" character varying(16) NOT NULL,
        "proposed_czk" bigint,
        "outcome" character varying(10) NOT NULL,
        "amount_czk" bigint,
        "reason" character varying(2000),
        "deviation_reason" character varying(2000),
        CONSTRAINT "resolution_line_commission_status_check" CHECK (commission_status IN ('recommended', 'not_recommended', 'ineligible')),
        CONSTRAINT "resolution_line_outcome_check" CHECK (outcome IN ('approved', 'rejected', 'ineligible')),
        CONSTRAINT "resolution_line_amount_check" CHECK ((outcome = 'approved') = (amount_czk IS NOT NULL) AND (amount_czk IS NULL OR amount_czk > 0)),
        CONSTRAINT "resolution_line_ineligible_check" CHECK ((outcome = 'ineligible') = (commission_status = 'ineligible')),
        CONSTRAINT "resolution_line_proposed_check" CHECK (proposed_czk IS NULL OR proposed_czk >= 0),
        CONSTRAINT "resolution_line_pkey" PRIMARY KEY ("resolution_id", "application_id")
      )
    `);
    await q.query(`CREATE UNIQUE INDEX "resolution_line_live_idx" ON "resolution_line" ("application_id") WHERE live`);
    await q.query(`CREATE UNIQUE INDEX "resolution_line_position_idx" ON "resolution_line" ("resolution_id", "position")`);
    await q.query(`
      ALTER TABLE "resolution_line"
        ADD CONSTRAINT "resolution_line_resolution_id_fkey" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        ADD CONSTRAINT "resolution_line_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "resolution_line"');
    await q.query('DROP TABLE "resolution"');
  }
}
