import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy and call scripts per shop: a row without a shop is the organisation's default (admins),
 * a row with one is that shop's own (its leads). Every row saved so far was the one global policy
 * or library, so it becomes the organisation's default as it stands.
 */
export class ScopePolicyAndScriptsByShop1765400000000 implements MigrationInterface {
  name = 'ScopePolicyAndScriptsByShop1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE policy_change ADD COLUMN shop_id uuid CONSTRAINT policy_change_shop_fk REFERENCES shop(id);
      CREATE INDEX policy_change_shop_idx ON policy_change (shop_id, id);
      ALTER TABLE script_template ADD COLUMN shop_id uuid CONSTRAINT script_template_shop_fk REFERENCES shop(id);
      CREATE INDEX script_template_shop_idx ON script_template (shop_id, id, version);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM script_template WHERE shop_id IS NOT NULL;
      DROP INDEX script_template_shop_idx;
      ALTER TABLE script_template DROP COLUMN shop_id;
      DELETE FROM policy_change WHERE shop_id IS NOT NULL;
      DROP INDEX policy_change_shop_idx;
      ALTER TABLE policy_change DROP COLUMN shop_id;
    `);
  }
}
