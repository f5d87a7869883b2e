import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The letters worker: a letter keeps its PDF (stored uncompressed by TOAST:
 * PDFs are compressed already), its rendering attempts and a generation that
 * an officer's retry bumps (each generation has its own queue job id).
 * A ready letter always has its PDF, hash and time; a failed one its reason.
 */
export class LettersWorker1795777745791 implements MigrationInterface {
    name = 'LettersWorker1795777745791'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD "pdf" bytea
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" ALTER COLUMN "pdf" SET STORAGE EXTERNAL
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD "attempts" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD "generation" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD CONSTRAINT "letter_generation_check" CHECK (
                    generation >= 0
                    AND attempts >= 0
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD CONSTRAINT "letter_failed_check" CHECK (
                    status <> 'failed'
                    OR failure_reason IS NOT NULL
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "letter"
            ADD CONSTRAINT "letter_ready_check" CHECK (
                    status <> 'ready'
                    OR (
                        pdf IS NOT NULL
                        AND sha256 IS NOT NULL
                        AND ready_at IS NOT NULL
                    )
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "letter" DROP CONSTRAINT "letter_ready_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" DROP CONSTRAINT "letter_failed_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" DROP CONSTRAINT "letter_generation_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" DROP COLUMN "generation"
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" DROP COLUMN "attempts"
        `);
        await queryRunner.query(`
            ALTER TABLE "letter" DROP COLUMN "pdf"
        `);
    }

}
