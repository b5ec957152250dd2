import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaign forecast reads a shop's orders of the last 90 days and the cases linked to them:
 * without these indexes both are scans of every order and every case of the database.
 */
export class IndexOrdersForForecast1766600000000 implements MigrationInterface {
  name = 'IndexOrdersForForecast1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX trade_order_shop_ordered_idx ON trade_order (shop_id, ordered_at);
      CREATE INDEX support_case_order_idx ON support_case (order_id) WHERE order_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX support_case_order_idx;
      DROP INDEX trade_order_shop_ordered_idx;
    `);
  }
}
