import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shop's connection to its marketplace's API. The credentials (app secret, session key) are one
 * AES-256-GCM ciphertext with the id of the key that sealed it, so keys can rotate; the app key
 * is not secret and is shown. A shop has at most one live connection; a revoked one stays for the
 * record with its credentials wiped. `cursor_at` is how far reviews have been pulled.
 */
export class AddShopConnections1765700000000 implements MigrationInterface {
  name = 'AddShopConnections1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shop_connection (
        id uuid PRIMARY KEY,
        shop_id uuid NOT NULL CONSTRAINT shop_connection_shop_fk REFERENCES shop(id),
        platform text NOT NULL,
        app_key text NOT NULL,
        sign_method text NOT NULL,
        credentials_key_id text,
        credentials_ciphertext text,
        status text NOT NULL CONSTRAINT shop_connection_status_check
          CHECK (status IN ('active', 'token_expired', 'revoked')),
        token_expires_at timestamptz,
        pull_every_seconds integer NOT NULL CONSTRAINT shop_connection_every_check CHECK (pull_every_seconds > 0),
        cursor_at timestamptz NOT NULL,
        reviews_pulled integer NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        last_pull_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        created_by uuid CONSTRAINT shop_connection_created_by_fk REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT shop_connection_secret_check
          CHECK ((status = 'revoked') = (credentials_ciphertext IS NULL))
      );
      CREATE UNIQUE INDEX shop_connection_live_key ON shop_connection (shop_id) WHERE status <> 'revoked';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM scheduled_task WHERE name LIKE 'connection-pull:%';
      DROP TABLE shop_connection;
    `);
  }
}
