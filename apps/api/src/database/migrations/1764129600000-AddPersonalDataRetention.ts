import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a buyer's personal data was erased by the retention job (PIPL: keep it no longer than needed). */
export class AddPersonalDataRetention1764129600000 implements MigrationInterface {
  name = 'AddPersonalDataRetention1764129600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE buyer ADD COLUMN personal_data_purged_at timestamptz;
      CREATE INDEX support_case_closed_buyer_idx ON support_case (buyer_id, closed_at) WHERE stage = 'recorded';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX support_case_closed_buyer_idx;
      ALTER TABLE buyer DROP COLUMN personal_data_purged_at;
    `);
  }
}
