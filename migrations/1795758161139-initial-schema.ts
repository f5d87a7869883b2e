import type { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795758161139 implements MigrationInterface {
    name = 'InitialSchema1795758161139'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "call_criterion" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "call_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "code" character varying(20) NOT NULL,
                "name" character varying(300) NOT NULL,
                "max_points" integer NOT NULL,
                CONSTRAINT "call_criterion_call_id_code_key" UNIQUE ("call_id", "code"),
                CONSTRAINT "call_criterion_max_points_check" CHECK (max_points >= 1),
                CONSTRAINT "call_criterion_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "call_part" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "call_id" uuid NOT NULL,
                "code" character varying(10) NOT NULL,
                "name" character varying(300) NOT NULL,
                "allocation_czk" bigint NOT NULL,
                "min_request_czk" bigint NOT NULL,
                "max_request_czk" bigint NOT NULL,
                CONSTRAINT "call_part_call_id_code_key" UNIQUE ("call_id", "code"),
                CONSTRAINT "call_part_request_range_check" CHECK (
                    0 < min_request_czk
                    AND min_request_czk <= max_request_czk
                    AND max_request_czk <= allocation_czk
                ),
                CONSTRAINT "call_part_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "programme" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(20) NOT NULL,
                "name" character varying(300) NOT NULL,
                "year" smallint NOT NULL,
                "appropriation_czk" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "programme_code_key" UNIQUE ("code"),
                CONSTRAINT "programme_appropriation_czk_check" CHECK (appropriation_czk >= 0),
                CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "call" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "sequence_in_programme" integer NOT NULL,
                "title" character varying(300) NOT NULL,
                "status" character varying(16) NOT NULL,
                "announced_on" date NOT NULL,
                "submission_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submission_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decision_due_on" date NOT NULL,
                "settlement_due_on" date NOT NULL,
                "eligible_applicant_kinds" text array NOT NULL,
                "eligible_measure_codes" text array NOT NULL,
                "max_applications_per_organisation" integer NOT NULL,
                "min_score" integer NOT NULL,
                "quorum" integer NOT NULL,
                "max_request_share_of_costs_pct" smallint NOT NULL,
                "ranking_method" character varying(16) NOT NULL,
                "last_reference_number" integer NOT NULL DEFAULT '0',
                "announced_at" TIMESTAMP WITH TIME ZONE,
                "evaluation_closed_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "call_programme_id_sequence_key" UNIQUE ("programme_id", "sequence_in_programme"),
                CONSTRAINT "call_ranking_method_check" CHECK (ranking_method IN ('average', 'normalised')),
                CONSTRAINT "call_window_check" CHECK (submission_opens_at < submission_closes_at),
                CONSTRAINT "call_status_check" CHECK (status IN ('draft', 'announced')),
                CONSTRAINT "call_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "call_status_idx" ON "call" ("status")
        `);
        await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(16) NOT NULL,
                "name" character varying(300) NOT NULL,
                "ico" character(8) NOT NULL,
                "legal_form" character varying(100),
                "street" character varying(200) NOT NULL,
                "city" character varying(100) NOT NULL,
                "postal_code" character varying(10) NOT NULL,
                "bank_account" character varying(40),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "organisation_ico_key" UNIQUE ("ico"),
                CONSTRAINT "organisation_ico_check" CHECK (ico ~ '^[0-9]{8}$'),
                CONSTRAINT "organisation_kind_check" CHECK (kind IN ('ngo', 'district')),
                CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "user_account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(320) NOT NULL,
                "password_hash" text NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "role" character varying(16) NOT NULL,
                "organisation_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "user_account_email_key" UNIQUE ("email"),
                CONSTRAINT "user_account_organisation_check" CHECK (
                    (role = 'applicant') = (organisation_id IS NOT NULL)
                ),
                CONSTRAINT "user_account_role_check" CHECK (
                    role IN (
                        'applicant',
                        'officer',
                        'commission',
                        'budget',
                        'admin'
                    )
                ),
                CONSTRAINT "user_account_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "policy_priority" (
                "number" smallint NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "policy_priority_pkey" PRIMARY KEY ("number")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "policy_sub_area" (
                "priority_number" smallint NOT NULL,
                "letter" character(1) NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "policy_sub_area_pkey" PRIMARY KEY ("priority_number", "letter")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "policy_sub_aim" (
                "number" smallint NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "policy_sub_aim_pkey" PRIMARY KEY ("number")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "policy_measure" (
                "code" character varying(16) NOT NULL,
                "priority_number" smallint NOT NULL,
                "sub_area_letter" character(1) NOT NULL,
                "sub_aim_number" smallint NOT NULL,
                "text" text NOT NULL,
                "guarantor" text NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "policy_measure_pkey" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "application" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "call_id" uuid NOT NULL,
                "call_part_id" uuid NOT NULL,
                "organisation_id" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "status" character varying(24) NOT NULL,
                "title" character varying(300) NOT NULL,
                "summary" text NOT NULL,
                "justification" text NOT NULL,
                "primary_measure_code" character varying(16) NOT NULL,
                "measure_codes" text array NOT NULL,
                "target_groups" text array NOT NULL,
                "districts" text array NOT NULL,
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                "requested_czk" bigint NOT NULL,
                "total_cost_czk" bigint NOT NULL,
                "other_funding_czk" bigint NOT NULL,
                "contact_name" character varying(200) NOT NULL,
                "contact_email" character varying(320) NOT NULL,
                "contact_phone" character varying(40) NOT NULL,
                "reference_number" character varying(40),
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "application_reference_number_key" UNIQUE ("reference_number"),
                CONSTRAINT "application_money_check" CHECK (
                    requested_czk >= 0
                    AND total_cost_czk >= requested_czk
                    AND other_funding_czk >= 0
                ),
                CONSTRAINT "application_status_check" CHECK (
                    status IN (
                        'draft',
                        'submitted',
                        'correction_requested',
                        'eligible',
                        'ineligible',
                        'recommended',
                        'not_recommended',
                        'approved',
                        'rejected',
                        'contracted',
                        'settlement_submitted',
                        'settled',
                        'closed',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "application_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "application_organisation_id_call_id_idx" ON "application" ("organisation_id", "call_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "application_call_id_status_idx" ON "application" ("call_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "application_budget_line" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "category" character varying(100) NOT NULL,
                "description" text NOT NULL,
                "total_czk" bigint NOT NULL,
                "requested_czk" bigint NOT NULL,
                CONSTRAINT "application_budget_line_application_id_position_key" UNIQUE ("application_id", "position"),
                CONSTRAINT "application_budget_line_amounts_check" CHECK (
                    requested_czk >= 0
                    AND requested_czk <= total_czk
                ),
                CONSTRAINT "application_budget_line_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "application_status_change" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "application_id" uuid NOT NULL,
                "from_status" character varying(24),
                "to_status" character varying(24) NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "changed_by" uuid,
                "reason" text,
                CONSTRAINT "application_status_change_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "application_status_change_application_id_idx" ON "application_status_change" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "budget_measure" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "amount_czk" bigint NOT NULL,
                "reference" character varying(100) NOT NULL,
                "reason" text NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "budget_measure_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "budget_measure_programme_id_idx" ON "budget_measure" ("programme_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "seq" bigint NOT NULL,
                "id" uuid NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_user_id" uuid,
                "actor_role" character varying(16),
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" character varying(64),
                "before" jsonb,
                "after" jsonb,
                "reason" text,
                "prev_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "audit_event_id_key" UNIQUE ("id"),
                CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "user_id" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("user_id", "key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "call_criterion"
            ADD CONSTRAINT "call_criterion_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD CONSTRAINT "call_part_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "call"
            ADD CONSTRAINT "call_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "user_account_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_sub_area"
            ADD CONSTRAINT "policy_sub_area_priority_number_fkey" FOREIGN KEY ("priority_number") REFERENCES "policy_priority"("number") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_measure"
            ADD CONSTRAINT "policy_measure_sub_area_fkey" FOREIGN KEY ("priority_number", "sub_area_letter") REFERENCES "policy_sub_area"("priority_number", "letter") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_measure"
            ADD CONSTRAINT "policy_measure_sub_aim_number_fkey" FOREIGN KEY ("sub_aim_number") REFERENCES "policy_sub_aim"("number") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_call_part_id_fkey" FOREIGN KEY ("call_part_id") REFERENCES "call_part"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_primary_measure_code_fkey" FOREIGN KEY ("primary_measure_code") REFERENCES "policy_measure"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application_budget_line"
            ADD CONSTRAINT "application_budget_line_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application_status_change"
            ADD CONSTRAINT "application_status_change_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "budget_measure"
            ADD CONSTRAINT "budget_measure_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "budget_measure" DROP CONSTRAINT "budget_measure_programme_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application_status_change" DROP CONSTRAINT "application_status_change_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application_budget_line" DROP CONSTRAINT "application_budget_line_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_primary_measure_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_created_by_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_organisation_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_call_part_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_call_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_measure" DROP CONSTRAINT "policy_measure_sub_aim_number_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_measure" DROP CONSTRAINT "policy_measure_sub_area_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "policy_sub_area" DROP CONSTRAINT "policy_sub_area_priority_number_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP CONSTRAINT "user_account_organisation_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "call" DROP CONSTRAINT "call_programme_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP CONSTRAINT "call_part_call_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_criterion" DROP CONSTRAINT "call_criterion_call_id_fkey"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_event_entity_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."budget_measure_programme_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "budget_measure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."application_status_change_application_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "application_status_change"
        `);
        await queryRunner.query(`
            DROP TABLE "application_budget_line"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."application_call_id_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."application_organisation_id_call_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "application"
        `);
        await queryRunner.query(`
            DROP TABLE "policy_measure"
        `);
        await queryRunner.query(`
            DROP TABLE "policy_sub_aim"
        `);
        await queryRunner.query(`
            DROP TABLE "policy_sub_area"
        `);
        await queryRunner.query(`
            DROP TABLE "policy_priority"
        `);
        await queryRunner.query(`
            DROP TABLE "user_account"
        `);
        await queryRunner.query(`
            DROP TABLE "organisation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."call_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "call"
        `);
        await queryRunner.query(`
            DROP TABLE "programme"
        `);
        await queryRunner.query(`
            DROP TABLE "call_part"
        `);
        await queryRunner.query(`
            DROP TABLE "call_criterion"
        `);
    }

}
