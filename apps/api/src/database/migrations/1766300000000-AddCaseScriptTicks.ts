import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check-offs an agent ticked by hand on a case's script, per script version, so they survive a
 * reload and the API can hold a stage move until the script is done. Unticking deletes the row;
 * the history keeps both as events.
 */
export class AddCaseScriptTicks1766300000000 implements MigrationInterface {
  name = 'AddCaseScriptTicks1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_script_tick (
        case_id uuid NOT NULL CONSTRAINT case_script_tick_case_fk REFERENCES support_case(id),
        shop_id uuid NOT NULL,
        script_id text NOT NULL,
        script_version integer NOT NULL,
        check_id text NOT NULL,
        ticked_by uuid NOT NULL CONSTRAINT case_script_tick_user_fk REFERENCES app_user(id),
        ticked_at timestamptz NOT NULL,
        CONSTRAINT case_script_tick_pkey PRIMARY KEY (case_id, script_id, script_version, check_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_script_tick`);
  }
}
