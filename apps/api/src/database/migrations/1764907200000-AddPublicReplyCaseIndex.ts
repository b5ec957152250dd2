import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loading a case reads its public replies by case id; the two partial unique indexes (one draft,
 * one published per target) cannot serve that, so every case load scanned all replies — 200 ms at
 * 270,000 replies, found by `npm run bench`.
 */
export class AddPublicReplyCaseIndex1764907200000 implements MigrationInterface {
  name = 'AddPublicReplyCaseIndex1764907200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX public_reply_case_idx ON public_reply (case_id, drafted_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX public_reply_case_idx`);
  }
}
