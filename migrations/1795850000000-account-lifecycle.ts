import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account lifecycle (issue 12): a user's token version, carried in every
 * access token and bumped by disabling, a role change or a password change,
 * so that these cut the user's tokens at once; the time an admin disabled the
 * account; and one-time password reset tokens, stored as SHA-256 hashes only.
 */
export class AccountLifecycle1795850000000 implements MigrationInterface {
  name = 'AccountLifecycle1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "token_version" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "disabled_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "user_account_token_version_check" CHECK (token_version >= 0)
        `);
    await queryRunner.query(`
            CREATE TABLE "password_reset_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "issued_by" uuid NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "password_reset_token_token_hash_key" UNIQUE ("token_hash"),
                CONSTRAINT "password_reset_token_spent_check" CHECK (
                    used_at IS NULL
                    OR revoked_at IS NULL
                ),
                CONSTRAINT "password_reset_token_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "password_reset_token_user_id_idx" ON "password_reset_token" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "password_reset_token"
            ADD CONSTRAINT "password_reset_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_reset_token"
            ADD CONSTRAINT "password_reset_token_issued_by_fkey" FOREIGN KEY ("issued_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_token_version_check"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "token_version"`);
  }
}
