import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call-script versions written by leads. Version 1 of every template ships with the code
 * (libs/domain/src/scripts); an edit adds the next version here, and old versions stay readable.
 */
export class AddScriptTemplates1764388800000 implements MigrationInterface {
  name = 'AddScriptTemplates1764388800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE script_template (
        id text NOT NULL,
        version integer NOT NULL CONSTRAINT script_template_version_check CHECK (version >= 1),
        template jsonb NOT NULL,
        created_by uuid NOT NULL CONSTRAINT script_template_user_fk REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        note text NOT NULL,
        CONSTRAINT script_template_pkey PRIMARY KEY (id, version)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE script_template;`);
  }
}
