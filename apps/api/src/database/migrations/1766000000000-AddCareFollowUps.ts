import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Care follow-ups (issue 18): delivered orders, each shop's care settings, care tasks (one per
 * order and care day, so a task is created once however many instances run the scheduler) and
 * their contacts. A problem found in care opens a case before any review exists, so a case's
 * review becomes optional — it joins the case when it arrives.
 */
export class AddCareFollowUps1766000000000 implements MigrationInterface {
  name = 'AddCareFollowUps1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE trade_order
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN promised_by timestamptz,
        ADD COLUMN care_reasons text[],
        ADD COLUMN care_decided_at timestamptz;
      CREATE INDEX trade_order_care_undecided_idx ON trade_order (delivered_at)
        WHERE delivered_at IS NOT NULL AND care_decided_at IS NULL;
      CREATE INDEX trade_order_care_chosen_idx ON trade_order (delivered_at)
        WHERE cardinality(care_reasons) > 0;

      CREATE TABLE care_settings (
        shop_id uuid PRIMARY KEY CONSTRAINT care_settings_shop_fk REFERENCES shop(id),
        settings jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE care_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT care_task_shop_fk REFERENCES shop(id),
        order_id uuid NOT NULL CONSTRAINT care_task_order_fk REFERENCES trade_order(id),
        buyer_id uuid NOT NULL CONSTRAINT care_task_buyer_fk REFERENCES buyer(id),
        day integer NOT NULL CONSTRAINT care_task_day_check CHECK (day BETWEEN 1 AND 30),
        due_at timestamptz NOT NULL,
        reasons text[] NOT NULL,
        status text NOT NULL DEFAULT 'open'
          CONSTRAINT care_task_status_check CHECK (status IN ('open','awaiting_reply','no_answer','problem_found','fine')),
        case_id uuid,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        CONSTRAINT care_task_order_day_key UNIQUE (order_id, day)
      );
      CREATE INDEX care_task_queue_idx ON care_task (shop_id, due_at, id) WHERE status IN ('open','awaiting_reply');

      CREATE TABLE care_contact (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT care_contact_task_fk REFERENCES care_task(id),
        shop_id uuid NOT NULL,
        buyer_id uuid NOT NULL CONSTRAINT care_contact_buyer_fk REFERENCES buyer(id),
        channel text NOT NULL,
        outcome text NOT NULL,
        message text,
        note text,
        sends_message boolean NOT NULL,
        actor_id text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX care_contact_task_idx ON care_contact (task_id, at);
      CREATE INDEX care_contact_buyer_message_idx ON care_contact (buyer_id, at) WHERE sends_message;

      ALTER TABLE support_case
        ALTER COLUMN review_id DROP NOT NULL,
        ADD COLUMN source text NOT NULL DEFAULT 'review'
          CONSTRAINT support_case_source_check CHECK (source IN ('review','care')),
        ADD COLUMN care_task_id uuid CONSTRAINT support_case_care_task_fk REFERENCES care_task(id),
        ADD COLUMN care_note text,
        ADD CONSTRAINT support_case_review_or_care CHECK (review_id IS NOT NULL OR care_task_id IS NOT NULL);
      ALTER TABLE care_task ADD CONSTRAINT care_task_case_fk FOREIGN KEY (case_id) REFERENCES support_case(id);
      -- A care case waiting for its review is found by its order when the review arrives.
      CREATE INDEX support_case_awaiting_review_idx ON support_case (order_id) WHERE review_id IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE care_task DROP CONSTRAINT care_task_case_fk;
      DELETE FROM case_event WHERE case_id IN (SELECT id FROM support_case WHERE review_id IS NULL);
      DELETE FROM support_case WHERE review_id IS NULL;
      DROP INDEX support_case_awaiting_review_idx;
      ALTER TABLE support_case
        DROP CONSTRAINT support_case_review_or_care,
        DROP COLUMN care_note,
        DROP COLUMN care_task_id,
        DROP COLUMN source,
        ALTER COLUMN review_id SET NOT NULL;
      DROP TABLE care_contact;
      DROP TABLE care_task;
      DROP TABLE care_settings;
      DROP INDEX trade_order_care_chosen_idx;
      DROP INDEX trade_order_care_undecided_idx;
      ALTER TABLE trade_order
        DROP COLUMN care_decided_at,
        DROP COLUMN care_reasons,
        DROP COLUMN promised_by,
        DROP COLUMN delivered_at;
    `);
  }
}
