import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake and triage: the review's current platform state (buyers revise and delete reviews),
 * triage results and buyer type on the case, import jobs with their rejected rows, and API keys
 * for marketplace integrations. Also the index behind each shop's pool of unassigned cases.
 */
export class AddIntakeTriageAndAssignment1763956800000 implements MigrationInterface {
  name = 'AddIntakeTriageAndAssignment1763956800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE review
        ADD COLUMN current_rating text NOT NULL DEFAULT 'negative'
          CONSTRAINT review_current_rating_check CHECK (current_rating IN ('positive','neutral','negative')),
        ADD COLUMN seller_reply text,
        ADD COLUMN platform_updated_at timestamptz;
      UPDATE review SET current_rating = rating;
      ALTER TABLE review ALTER COLUMN current_rating DROP DEFAULT;

      ALTER TABLE support_case
        ADD COLUMN suggested_sub_cause text,
        ADD COLUMN buyer_type text NOT NULL DEFAULT 'new_buyer'
          CONSTRAINT support_case_buyer_type_check CHECK (buyer_type IN ('new_buyer','veteran','repeat_complainer','suspected_professional')),
        ADD COLUMN misclick boolean NOT NULL DEFAULT false,
        ADD COLUMN triage jsonb;
      CREATE INDEX support_case_pool_idx ON support_case (shop_id, urgency_at, id)
        WHERE assignee_id IS NULL AND stage <> 'recorded';
      CREATE INDEX trade_order_buyer_idx ON trade_order (buyer_id);
      CREATE INDEX case_event_triage_override_idx ON case_event (at) WHERE type = 'triage_overridden';

      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT import_job_shop_fk REFERENCES shop(id),
        source text NOT NULL CONSTRAINT import_job_source_check CHECK (source IN ('file','api')),
        format text NOT NULL,
        file_name text,
        spool_path text,
        status text NOT NULL CONSTRAINT import_job_status_check CHECK (status IN ('queued','running','done','failed')),
        rows_read integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        -- Rows of the file already written: a resumed job skips them instead of reading them twice.
        rows_committed integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz
      );
      CREATE INDEX import_job_shop_idx ON import_job (shop_id, created_at DESC);
      CREATE INDEX import_job_unfinished_idx ON import_job (created_at) WHERE status IN ('queued','running');

      CREATE TABLE import_rejection (
        job_id uuid NOT NULL CONSTRAINT import_rejection_job_fk REFERENCES import_job(id) ON DELETE CASCADE,
        shop_id uuid NOT NULL,
        row_number integer NOT NULL,
        field text NOT NULL,
        reason text NOT NULL,
        value text,
        CONSTRAINT import_rejection_pkey PRIMARY KEY (job_id, row_number, field)
      );

      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT api_key_shop_fk REFERENCES shop(id),
        name text NOT NULL,
        key_hash text NOT NULL CONSTRAINT api_key_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE api_key;
      DROP TABLE import_rejection;
      DROP TABLE import_job;
      DROP INDEX case_event_triage_override_idx;
      DROP INDEX trade_order_buyer_idx;
      DROP INDEX support_case_pool_idx;
      ALTER TABLE support_case DROP COLUMN triage, DROP COLUMN misclick, DROP COLUMN buyer_type, DROP COLUMN suggested_sub_cause;
      ALTER TABLE review DROP COLUMN platform_updated_at, DROP COLUMN seller_reply, DROP COLUMN current_rating;
    `);
  }
}
