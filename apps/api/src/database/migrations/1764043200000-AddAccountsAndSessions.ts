import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in: argon2id password hashes, lockout after repeated failures, server-side sessions (the
 * cookie carries a random token; only its SHA-256 is stored) and the login attempts that rate
 * limiting counts. All of it in PostgreSQL, so any number of API instances share it.
 */
export class AddAccountsAndSessions1764043200000 implements MigrationInterface {
  name = 'AddAccountsAndSessions1764043200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user
        ADD COLUMN password_hash text,
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN password_changed_at timestamptz,
        ADD COLUMN disabled_at timestamptz;

      CREATE TABLE user_session (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT user_session_user_fk REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        ip text,
        user_agent text
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        username text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        succeeded boolean NOT NULL
      );
      CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at) WHERE NOT succeeded;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE login_attempt;
      DROP TABLE user_session;
      ALTER TABLE app_user DROP COLUMN disabled_at, DROP COLUMN password_changed_at, DROP COLUMN locked_until,
        DROP COLUMN failed_logins, DROP COLUMN password_hash;
    `);
  }
}
