import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of case commands: written in the command's own transaction, so a key is
 * recorded exactly when its command was applied, and a retry finds it (waiting for a concurrent
 * first attempt to commit or roll back) instead of applying the command again.
 */
export class AddCommandKeys1764734400000 implements MigrationInterface {
  name = 'AddCommandKeys1764734400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_command_key (
        case_id uuid NOT NULL CONSTRAINT case_command_key_case_fk REFERENCES support_case (id),
        key text NOT NULL,
        shop_id uuid NOT NULL,
        request_digest text NOT NULL,
        actor_id text NOT NULL,
        applied_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, key)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_command_key`);
  }
}
