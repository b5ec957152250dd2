import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lead's quality review of a closed case (checklist, score, comment); the score feeds agent KPIs. */
export class AddRecordReview1764216000000 implements MigrationInterface {
  name = 'AddRecordReview1764216000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE support_case
        ADD COLUMN qa_review jsonb,
        ADD COLUMN qa_score smallint CONSTRAINT support_case_qa_score_check CHECK (qa_score BETWEEN 0 AND 100);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN qa_score, DROP COLUMN qa_review;`);
  }
}
