import type { MigrationInterface, QueryRunner } from "typeorm";

export class Evaluation1795768854670 implements MigrationInterface {
    name = 'Evaluation1795768854670'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "user_affiliation" (
                "user_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                CONSTRAINT "user_affiliation_pkey" PRIMARY KEY ("user_id", "organisation_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "user_affiliation_organisation_id_idx" ON "user_affiliation" ("organisation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conflict_declaration" (
                "application_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "has_conflict" boolean NOT NULL,
                "reason" text,
                "automatic" boolean NOT NULL DEFAULT false,
                "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "conflict_declaration_pkey" PRIMARY KEY ("application_id", "member_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "formal_check" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "application_id" uuid NOT NULL,
                "result" character varying(24) NOT NULL,
                "reasons" text array NOT NULL,
                "correction_due_on" date,
                "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "checked_by" uuid NOT NULL,
                CONSTRAINT "formal_check_result_check" CHECK (
                    result IN ('eligible', 'ineligible', 'correction_requested')
                ),
                CONSTRAINT "formal_check_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "formal_check_application_id_idx" ON "formal_check" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "score_sheet" (
                "application_id" uuid NOT NULL,
                "member_id" uuid NOT NULL,
                "call_id" uuid NOT NULL,
                "points" jsonb NOT NULL,
                "total_points" integer NOT NULL,
                "comment" text NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "score_sheet_total_check" CHECK (total_points >= 0),
                CONSTRAINT "score_sheet_pkey" PRIMARY KEY ("application_id", "member_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "score_sheet_call_id_idx" ON "score_sheet" ("call_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "letter" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "kind" character varying(24) NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'queued',
                "data" jsonb NOT NULL,
                "sha256" character(64),
                "failure_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ready_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "letter_status_check" CHECK (status IN ('queued', 'ready', 'failed')),
                CONSTRAINT "letter_kind_check" CHECK (
                    kind IN (
                        'approval',
                        'rejection',
                        'ineligible',
                        'correction_request'
                    )
                ),
                CONSTRAINT "letter_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "letter_application_id_idx" ON "letter" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_message" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "topic" character varying(64) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_message_pending_idx" ON "outbox_message" ("id")
            WHERE sent_at IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD "proposed_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "correction_due_on" date
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "proposed_czk" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD CONSTRAINT "call_part_proposed_check" CHECK (
                    proposed_czk >= 0
                    AND proposed_czk <= allocation_czk
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_proposal_check" CHECK (
                    proposed_czk IS NULL
                    OR (
                        proposed_czk >= 0
                        AND proposed_czk <= requested_czk
                    )
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "user_affiliation"
            ADD CONSTRAINT "user_affiliation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_affiliation"
            ADD CONSTRAINT "user_affiliation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_declaration"
            ADD CONSTRAINT "conflict_declaration_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_declaration"
            ADD CONSTRAINT "conflict_declaration_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "formal_check"
            ADD CONSTRAINT "formal_check_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "formal_check"
            ADD CONSTRAINT "formal_check_checked_by_fkey" FOREIGN KEY ("checked_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet"
            ADD CONSTRAINT "score_sheet_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet"
            ADD CONSTRAINT "score_sheet_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet"
            ADD CONSTRAINT "score_sheet_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD CONSTRAINT "letter_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "letter" DROP CONSTRAINT "letter_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_call_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_member_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "formal_check" DROP CONSTRAINT "formal_check_checked_by_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "formal_check" DROP CONSTRAINT "formal_check_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_declaration" DROP CONSTRAINT "conflict_declaration_member_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_declaration" DROP CONSTRAINT "conflict_declaration_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_affiliation" DROP CONSTRAINT "user_affiliation_organisation_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_affiliation" DROP CONSTRAINT "user_affiliation_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_proposal_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP CONSTRAINT "call_part_proposed_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "proposed_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "correction_due_on"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP COLUMN "proposed_czk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outbox_message_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."letter_application_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "letter"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."score_sheet_call_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "score_sheet"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."formal_check_application_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "formal_check"
        `);
        await queryRunner.query(`
            DROP TABLE "conflict_declaration"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."user_affiliation_organisation_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "user_affiliation"
        `);
    }

}
