import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team chat robots and the outbox of their alerts. An alert is queued once per robot (its dedupe
 * key), sent by whichever instance locks the robot's row first, and kept until sent, so a restart
 * loses nothing. `next_send_at` spaces a robot's messages a minute apart and backs off on failures.
 * Webhook URLs carry the platforms' tokens, so they are sealed like the signing secrets.
 */
export class AddAlertRobots1765800000000 implements MigrationInterface {
  name = 'AddAlertRobots1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE alert_robot (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT alert_robot_pk PRIMARY KEY,
        shop_id uuid CONSTRAINT alert_robot_shop_fk REFERENCES shop(id),
        name text NOT NULL,
        platform text NOT NULL CONSTRAINT alert_robot_platform_check CHECK (platform IN ('dingtalk', 'wecom', 'feishu')),
        webhook_sealed text NOT NULL,
        webhook_host text NOT NULL,
        secret_sealed text,
        locale text NOT NULL DEFAULT 'zh-CN' CONSTRAINT alert_robot_locale_check CHECK (locale IN ('zh-CN', 'en')),
        triggers text[] NOT NULL,
        approval_wait_minutes integer NOT NULL CONSTRAINT alert_robot_approval_wait_check CHECK (approval_wait_minutes BETWEEN 1 AND 1440),
        first_contact_lead_minutes integer NOT NULL CONSTRAINT alert_robot_lead_check CHECK (first_contact_lead_minutes BETWEEN 1 AND 1440),
        enabled boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        next_send_at timestamptz NOT NULL DEFAULT '-infinity',
        failures integer NOT NULL DEFAULT 0,
        last_sent_at timestamptz,
        last_error text,
        last_error_at timestamptz
      );
      CREATE INDEX alert_robot_shop_idx ON alert_robot (shop_id);
      CREATE TABLE alert_outbox (
        id bigserial CONSTRAINT alert_outbox_pk PRIMARY KEY,
        robot_id uuid NOT NULL CONSTRAINT alert_outbox_robot_fk REFERENCES alert_robot(id) ON DELETE CASCADE,
        dedupe_key text NOT NULL,
        fact jsonb NOT NULL,
        queued_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT alert_outbox_dedupe_key UNIQUE (robot_id, dedupe_key)
      );
      CREATE INDEX alert_outbox_pending_idx ON alert_outbox (robot_id, id) WHERE sent_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alert_outbox; DROP TABLE alert_robot;`);
  }
}
