import type { MigrationInterface, QueryRunner } from "typeorm";

export class CommissionMember1795760108959 implements MigrationInterface {
    name = 'CommissionMember1795760108959'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "commission_member" (
                "call_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "is_chair" boolean NOT NULL DEFAULT false,
                CONSTRAINT "commission_member_pkey" PRIMARY KEY ("call_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "commission_member_one_chair_idx" ON "commission_member" ("call_id")
            WHERE is_chair
        `);
        await queryRunner.query(`
            CREATE INDEX "commission_member_user_id_idx" ON "commission_member" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "commission_member"
            ADD CONSTRAINT "commission_member_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "commission_member"
            ADD CONSTRAINT "commission_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "commission_member" DROP CONSTRAINT "commission_member_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "commission_member" DROP CONSTRAINT "commission_member_call_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."commission_member_user_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."commission_member_one_chair_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "commission_member"
        `);
    }

}
