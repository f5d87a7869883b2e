import type { MigrationInterface, QueryRunner } from "typeorm";

export class Money1795772487085 implements MigrationInterface {
    name = 'Money1795772487085'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "grant_contract" (
                "application_id" uuid NOT NULL,
                "contract_number" character varying(100) NOT NULL,
                "signed_on" date NOT NULL,
                "bank_account" character varying(40) NOT NULL,
                "amount_czk" bigint NOT NULL,
                "publication_due_on" date,
                "published_on" date,
                "publication_url" character varying(2000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "grant_contract_number_key" UNIQUE ("contract_number"),
                CONSTRAINT "grant_contract_pkey" PRIMARY KEY ("application_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "decision" (
                "application_id" uuid NOT NULL,
                "outcome" character varying(8) NOT NULL,
                "amount_czk" bigint,
                "body" character varying(8) NOT NULL,
                "resolution_number" character varying(100) NOT NULL,
                "resolution_date" date NOT NULL,
                "resolution_year" smallint NOT NULL,
                "recipient_ico" character(8) NOT NULL,
                "reasons" text array NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_by" uuid NOT NULL,
                CONSTRAINT "decision_amount_check" CHECK (
                    (outcome = 'approved') = (amount_czk IS NOT NULL)
                    AND (
                        amount_czk IS NULL
                        OR amount_czk > 0
                    )
                ),
                CONSTRAINT "decision_body_check" CHECK (body IN ('council', 'assembly')),
                CONSTRAINT "decision_outcome_check" CHECK (outcome IN ('approved', 'rejected')),
                CONSTRAINT "decision_pkey" PRIMARY KEY ("application_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "decision_recipient_year_idx" ON "decision" ("recipient_ico", "resolution_year")
        `);
        await queryRunner.query(`
            CREATE TABLE "ledger_transaction" (
                "id" uuid NOT NULL,
                "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "type" character varying(24) NOT NULL,
                "occurred_on" date NOT NULL,
                "reference" character varying(200) NOT NULL,
                "reverses" uuid,
                "programme_id" uuid,
                "call_part_id" uuid,
                "application_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" uuid,
                CONSTRAINT "ledger_transaction_reverses_key" UNIQUE ("reverses"),
                CONSTRAINT "ledger_transaction_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ledger_transaction_call_part_id_idx" ON "ledger_transaction" ("call_part_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ledger_transaction_application_id_idx" ON "ledger_transaction" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "ledger_entry" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "transaction_id" uuid NOT NULL,
                "account" character varying(200) NOT NULL,
                "amount_czk" bigint NOT NULL,
                CONSTRAINT "ledger_entry_amount_check" CHECK (amount_czk <> 0),
                CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ledger_entry_account_idx" ON "ledger_entry" ("account")
        `);
        await queryRunner.query(`
            CREATE INDEX "ledger_entry_transaction_id_idx" ON "ledger_entry" ("transaction_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "money_return" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "amount_czk" bigint NOT NULL,
                "received_on" date NOT NULL,
                "reference" character varying(100) NOT NULL,
                "ledger_transaction_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" uuid NOT NULL,
                CONSTRAINT "money_return_amount_check" CHECK (amount_czk > 0),
                CONSTRAINT "money_return_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "money_return_application_id_idx" ON "money_return" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "payment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "amount_czk" bigint NOT NULL,
                "paid_on" date NOT NULL,
                "payment_reference" character varying(100) NOT NULL,
                "bank_account" character varying(40) NOT NULL,
                "ledger_transaction_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" uuid NOT NULL,
                CONSTRAINT "payment_amount_check" CHECK (amount_czk > 0),
                CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "payment_application_id_idx" ON "payment" ("application_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "settlement" (
                "application_id" uuid NOT NULL,
                "spent_czk" bigint NOT NULL,
                "lines" jsonb NOT NULL,
                "report" text NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submitted_by" uuid NOT NULL,
                "accepted_czk" bigint,
                "review_note" text,
                "return_due_czk" bigint,
                "return_due_on" date,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                CONSTRAINT "settlement_pkey" PRIMARY KEY ("application_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD "committed_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD "paid_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD "returned_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "awarded_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "paid_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "returned_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD "return_due_czk" bigint NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD CONSTRAINT "call_part_paid_check" CHECK (
                    paid_czk >= 0
                    AND paid_czk <= committed_czk
                    AND returned_czk >= 0
                    AND returned_czk <= paid_czk
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part"
            ADD CONSTRAINT "call_part_committed_check" CHECK (
                    committed_czk >= 0
                    AND committed_czk <= allocation_czk
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "application_balance_check" CHECK (
                    awarded_czk >= 0
                    AND awarded_czk <= requested_czk
                    AND paid_czk >= 0
                    AND paid_czk <= awarded_czk
                    AND returned_czk >= 0
                    AND returned_czk <= paid_czk
                    AND return_due_czk >= 0
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "grant_contract"
            ADD CONSTRAINT "grant_contract_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "decision"
            ADD CONSTRAINT "decision_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ledger_entry"
            ADD CONSTRAINT "ledger_entry_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transaction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "money_return"
            ADD CONSTRAINT "money_return_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "payment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "settlement"
            ADD CONSTRAINT "settlement_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "settlement" DROP CONSTRAINT "settlement_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "payment_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "money_return" DROP CONSTRAINT "money_return_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_transaction_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "decision" DROP CONSTRAINT "decision_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "grant_contract" DROP CONSTRAINT "grant_contract_application_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "application_balance_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP CONSTRAINT "call_part_committed_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP CONSTRAINT "call_part_paid_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "return_due_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "returned_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "paid_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "application" DROP COLUMN "awarded_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP COLUMN "returned_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP COLUMN "paid_czk"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_part" DROP COLUMN "committed_czk"
        `);
        await queryRunner.query(`
            DROP TABLE "settlement"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."payment_application_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "payment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."money_return_application_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "money_return"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ledger_entry_transaction_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ledger_entry_account_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "ledger_entry"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ledger_transaction_application_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ledger_transaction_call_part_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "ledger_transaction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."decision_recipient_year_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "decision"
        `);
        await queryRunner.query(`
            DROP TABLE "grant_contract"
        `);
    }

}
