import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grant money cannot be redirected by one person (issue 12, item 4): the
 * requests to change an organisation's registered bank account (asked for by
 * its user, decided by a second person) and the history of the registered
 * account, so the reconciliation can tell which account was registered on
 * the day of each payment. The history starts with each organisation's
 * account as it is now, registered since the organisation was.
 */
export class BankAccountRequests1795830000000 implements MigrationInterface {
  name = 'BankAccountRequests1795830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bank_account_request" (
        "id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "bank_account" character varying(40) NOT NULL,
        "previous_bank_account" character varying(40),
        "status" character varying(16) NOT NULL,
        "requested_by" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "rejection_reason" character varying(2000),
        CONSTRAINT "bank_account_request_status_check" CHECK (status IN ('pending', 'confirmed', 'rejected')),
        CONSTRAINT "bank_account_request_decision_check" CHECK ((status = 'pending') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
        CONSTRAINT "bank_account_request_second_person_check" CHECK (decided_by <> requested_by),
        CONSTRAINT "bank_account_request_rejection_reason_check" CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
        CONSTRAINT "bank_account_request_pkey" PRIMARY KEY ("id")
      )
    `);
    await q.query(`CREATE INDEX "bank_account_request_organisation_id_idx" ON "bank_account_request" ("organisation_id", "requested_at")`);
    await q.query(`CREATE UNIQUE INDEX "bank_account_request_one_pending_idx" ON "bank_account_request" ("organisation_id") WHERE status = 'pending'`);
    await q.query(`CREATE INDEX "bank_account_request_status_idx" ON "bank_account_request" ("status", "requested_at")`);
    await q.query(`
      ALTER TABLE "bank_account_request"
        ADD CONSTRAINT "bank_account_request_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "bank_account_request_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "bank_account_request_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);

    await q.query(`
      CREATE TABLE "organisation_bank_account" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "bank_account" character varying(40) NOT NULL,
        "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "valid_until" TIMESTAMP WITH TIME ZONE,
        "request_id" uuid,
        CONSTRAINT "organisation_bank_account_period_check" CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CONSTRAINT "organisation_bank_account_pkey" PRIMARY KEY ("id")
      )
    `);
    await q.query(`CREATE INDEX "organisation_bank_account_organisation_id_idx" ON "organisation_bank_account" ("organisation_id", "valid_from")`);
    await q.query(`CREATE UNIQUE INDEX "organisation_bank_account_current_idx" ON "organisation_bank_account" ("organisation_id") WHERE valid_until IS NULL`);
    await q.query(`
      ALTER TABLE "organisation_bank_account"
        ADD CONSTRAINT "organisation_bank_account_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        ADD CONSTRAINT "organisation_bank_account_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "bank_account_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await q.query(`
      INSERT INTO organisation_bank_account (organisation_id, bank_account, valid_from)
      SELECT id, bank_account, created_at FROM organisation WHERE bank_account IS NOT NULL
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "organisation_bank_account"');
    await q.query('DROP TABLE "bank_account_request"');
  }
}
