import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign roster a lead adopted: one row per agent and shift. A periodic job puts the agent on
 * shift at the start and off at the end, recording each as applied so that it happens once.
 */
export class AdoptCampaignRosters1766700000000 implements MigrationInterface {
  name = 'AdoptCampaignRosters1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_roster_shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL CONSTRAINT campaign_roster_shift_campaign_fk REFERENCES campaign(id),
        user_id uuid NOT NULL CONSTRAINT campaign_roster_shift_user_fk REFERENCES app_user(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        adopted_by uuid NOT NULL CONSTRAINT campaign_roster_shift_adopted_by_fk REFERENCES app_user(id),
        adopted_at timestamptz NOT NULL,
        started_at timestamptz,
        ended_at timestamptz,
        CONSTRAINT campaign_roster_shift_span_check CHECK (ends_at > starts_at),
        CONSTRAINT campaign_roster_shift_unique UNIQUE (campaign_id, user_id, starts_at)
      );
      CREATE INDEX campaign_roster_shift_open_idx ON campaign_roster_shift (starts_at) WHERE ended_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaign_roster_shift`);
  }
}
