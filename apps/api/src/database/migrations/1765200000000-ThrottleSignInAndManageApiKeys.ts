import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling replaces the account lock: the counters are read from login_attempt (per
 * account and address, per address, per account), so the lock columns go; an unlock by a lead or
 * admin moves `login_reset_at`, after which earlier failures no longer count. API keys get a
 * visible prefix (to tell keys apart without showing them), who made them and when they were
 * last used.
 */
export class ThrottleSignInAndManageApiKeys1765200000000 implements MigrationInterface {
  name = 'ThrottleSignInAndManageApiKeys1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user
        DROP COLUMN failed_logins,
        DROP COLUMN locked_until,
        ADD COLUMN login_reset_at timestamptz;

      CREATE INDEX login_attempt_username_idx ON login_attempt (username, at);

      ALTER TABLE api_key
        ADD COLUMN key_prefix text,
        ADD COLUMN created_by uuid CONSTRAINT api_key_created_by_fk REFERENCES app_user(id) ON DELETE SET NULL,
        ADD COLUMN last_used_at timestamptz;
      CREATE INDEX api_key_shop_idx ON api_key (shop_id, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX api_key_shop_idx;
      ALTER TABLE api_key DROP COLUMN last_used_at, DROP COLUMN created_by, DROP COLUMN key_prefix;
      DROP INDEX login_attempt_username_idx;
      ALTER TABLE app_user
        DROP COLUMN login_reset_at,
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
    `);
  }
}
