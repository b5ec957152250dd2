import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue counters kept by the database itself: signed changes of the number of cases per shop,
 * assignee and stage, appended by statement-level triggers on support_case, so that a lead's tab
 * badges sum a few hundred rows instead of counting every open case on each page load. Triggers
 * (not application code) keep it exact whatever writes a case — intake, the workflow, imports, the
 * seed, a hand-run UPDATE. Rows are only ever appended, never updated, so writers never wait on
 * each other (an upserted counter row would serialise every case change of a shop and deadlock
 * concurrent first inserts); QueueCountsFolder folds them into one row per key now and then.
 */
export class AddQueueCounts1764648000000 implements MigrationInterface {
  name = 'AddQueueCounts1764648000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE queue_count (
        shop_id uuid NOT NULL,
        assignee_id uuid,
        stage text NOT NULL,
        cases integer NOT NULL
      );
      CREATE INDEX queue_count_shop_idx ON queue_count (shop_id, assignee_id, stage) INCLUDE (cases);

      CREATE FUNCTION queue_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
          SELECT shop_id, assignee_id, stage, count(*) FROM inserted_cases GROUP BY shop_id, assignee_id, stage;
        RETURN NULL;
      END $$;

      CREATE FUNCTION queue_count_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
          SELECT shop_id, assignee_id, stage, sum(delta) FROM (
              SELECT shop_id, assignee_id, stage, -1 AS delta FROM cases_before
              UNION ALL
              SELECT shop_id, assignee_id, stage, 1 FROM cases_after
            ) moved
           GROUP BY shop_id, assignee_id, stage HAVING sum(delta) <> 0;
        RETURN NULL;
      END $$;

      CREATE FUNCTION queue_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
          SELECT shop_id, assignee_id, stage, -count(*) FROM deleted_cases GROUP BY shop_id, assignee_id, stage;
        RETURN NULL;
      END $$;

      CREATE TRIGGER support_case_queue_count_insert AFTER INSERT ON support_case
        REFERENCING NEW TABLE AS inserted_cases FOR EACH STATEMENT EXECUTE FUNCTION queue_count_on_insert();
      CREATE TRIGGER support_case_queue_count_update AFTER UPDATE ON support_case
        REFERENCING OLD TABLE AS cases_before NEW TABLE AS cases_after
        FOR EACH STATEMENT EXECUTE FUNCTION queue_count_on_update();
      CREATE TRIGGER support_case_queue_count_delete AFTER DELETE ON support_case
        REFERENCING OLD TABLE AS deleted_cases FOR EACH STATEMENT EXECUTE FUNCTION queue_count_on_delete();

      -- Serialise with writers while the counters start from the cases already there.
      LOCK TABLE support_case IN SHARE MODE;
      INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
        SELECT shop_id, assignee_id, stage, count(*) FROM support_case GROUP BY shop_id, assignee_id, stage;

      -- Overdue first contacts: only cases still waiting for one, a small slice of the open cases.
      CREATE INDEX support_case_awaiting_contact_idx ON support_case (first_contact_due_at)
        INCLUDE (shop_id, assignee_id) WHERE first_contact_at IS NULL AND stage <> 'recorded';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX support_case_awaiting_contact_idx;
      DROP TRIGGER support_case_queue_count_delete ON support_case;
      DROP TRIGGER support_case_queue_count_update ON support_case;
      DROP TRIGGER support_case_queue_count_insert ON support_case;
      DROP FUNCTION queue_count_on_delete(), queue_count_on_update(), queue_count_on_insert();
      DROP TABLE queue_count;
    `);
  }
}
