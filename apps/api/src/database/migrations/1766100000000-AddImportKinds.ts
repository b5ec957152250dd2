import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Order exports for care follow-ups (issue 18) go through the same import jobs as review exports:
 * a job says which kind of file it reads.
 */
export class AddImportKinds1766100000000 implements MigrationInterface {
  name = 'AddImportKinds1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_job ADD COLUMN kind text NOT NULL DEFAULT 'reviews'
        CONSTRAINT import_job_kind_check CHECK (kind IN ('reviews','care_orders'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM import_job WHERE kind <> 'reviews';
      ALTER TABLE import_job DROP COLUMN kind;
    `);
  }
}
