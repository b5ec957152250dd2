import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Policy values edited by leads: every version kept, with who changed it, when and why (the audit trail). */
export class AddPolicyChanges1764302400000 implements MigrationInterface {
  name = 'AddPolicyChanges1764302400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policy_change (
        id bigserial PRIMARY KEY,
        policy jsonb NOT NULL,
        changed_by uuid NOT NULL CONSTRAINT policy_change_user_fk REFERENCES app_user(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        note text NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE policy_change;`);
  }
}
