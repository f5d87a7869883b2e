import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents of a call's decision (issue 13), rendered by the letters worker:
 * the DOT Commission's minutes of a call (revision 1) and the annex of a
 * resolution (one row per version of the draft it shows). A document is
 * requested `queued` with a snapshot of what it says (`data`) and an outbox
 * message, rendered once, and kept with its PDF and SHA-256; one row per
 * kind, subject and revision.
 */
export class CallDocuments1795910000000 implements MigrationInterface {
  name = 'CallDocuments1795910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "call_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(24) NOT NULL,
        "subject_id" uuid NOT NULL,
        "revision" integer NOT NULL,
        "status" character varying(8) NOT NULL DEFAULT 'queued',
        "data" jsonb NOT NULL,
        "sha256" character(64),
        "pdf" bytea,
        "attempts" integer NOT NULL DEFAULT 0,
        "generation" integer NOT NULL DEFAULT 0,
        "failure_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ready_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "call_document_kind_check" CHECK (kind IN ('commission_minutes', 'resolution_annex')),
        CONSTRAINT "call_document_status_check" CHECK (status IN ('queued', 'ready', 'failed')),
        CONSTRAINT "call_document_ready_check" CHECK (status <> 'ready' OR (pdf IS NOT NULL AND sha256 IS NOT NULL AND ready_at IS NOT NULL)),
        CONSTRAINT "call_document_failed_check" CHECK (status <> 'failed' OR failure_reason IS NOT NULL),
        CONSTRAINT "call_document_counters_check" CHECK (revision >= 1 AND generation >= 0 AND attempts >= 0),
        CONSTRAINT "call_document_pkey" PRIMARY KEY ("id")
      )
    `);
    await q.query(`CREATE UNIQUE INDEX "call_document_subject_idx" ON "call_document" ("kind", "subject_id", "revision")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "call_document"');
  }
}
