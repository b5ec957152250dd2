import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign readiness (issue 18): a shop's campaigns with their expected orders by hour, each
 * promotion's wording with its four sign-offs, and the briefing quiz with the agents' attempts.
 * Sign-offs live with the wording they were given to, so new wording clears them in one write.
 */
export class AddCampaigns1766500000000 implements MigrationInterface {
  name = 'AddCampaigns1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT campaign_shop_fk REFERENCES shop(id),
        name text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        peak_starts_at timestamptz NOT NULL,
        peak_ends_at timestamptz NOT NULL,
        expected_orders jsonb NOT NULL,
        minutes_per_case integer NOT NULL CONSTRAINT campaign_minutes_check CHECK (minutes_per_case BETWEEN 1 AND 480),
        negative_rate_by_cause jsonb,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL CONSTRAINT campaign_created_by_fk REFERENCES app_user(id),
        created_at timestamptz NOT NULL,
        CONSTRAINT campaign_window_check CHECK (ends_at > starts_at)
      );
      CREATE INDEX campaign_shop_idx ON campaign (shop_id, starts_at DESC);

      CREATE TABLE campaign_promotion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL CONSTRAINT campaign_promotion_campaign_fk REFERENCES campaign(id),
        title text NOT NULL,
        wording text NOT NULL,
        written_by uuid NOT NULL CONSTRAINT campaign_promotion_written_by_fk REFERENCES app_user(id),
        sign_offs jsonb NOT NULL DEFAULT '[]',
        acknowledgements jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX campaign_promotion_campaign_idx ON campaign_promotion (campaign_id, created_at, id);

      CREATE TABLE campaign_quiz (
        campaign_id uuid PRIMARY KEY CONSTRAINT campaign_quiz_campaign_fk REFERENCES campaign(id),
        questions jsonb NOT NULL,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid NOT NULL CONSTRAINT campaign_quiz_updated_by_fk REFERENCES app_user(id),
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE campaign_quiz_attempt (
        id bigserial PRIMARY KEY,
        campaign_id uuid NOT NULL CONSTRAINT campaign_quiz_attempt_campaign_fk REFERENCES campaign(id),
        user_id uuid NOT NULL CONSTRAINT campaign_quiz_attempt_user_fk REFERENCES app_user(id),
        answers jsonb NOT NULL,
        correct integer NOT NULL,
        total integer NOT NULL,
        passed boolean NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX campaign_quiz_attempt_user_idx ON campaign_quiz_attempt (campaign_id, user_id, at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE campaign_quiz_attempt;
      DROP TABLE campaign_quiz;
      DROP TABLE campaign_promotion;
      DROP TABLE campaign;
    `);
  }
}
