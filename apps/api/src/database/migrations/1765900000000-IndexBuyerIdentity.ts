import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case view lists the buyer's earlier cases across shops: buyer rows are per shop, so the same
 * person is found by (platform, platform buyer id), which the per-shop unique key cannot serve.
 */
export class IndexBuyerIdentity1765900000000 implements MigrationInterface {
  name = 'IndexBuyerIdentity1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX buyer_identity_idx ON buyer (platform, platform_buyer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX buyer_identity_idx`);
  }
}
