import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each shop's root-cause models refined from its corrections: every training is kept, with the
 * frozen-slice accuracy that decided it and whether it went live, so leads can read the history
 * and roll back. At most one model per shop is active; with none the shipped model triages.
 */
export class AddTriageModels1765600000000 implements MigrationInterface {
  name = 'AddTriageModels1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE triage_model (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL CONSTRAINT triage_model_shop_fk REFERENCES shop(id),
        version text NOT NULL,
        base_version text NOT NULL,
        trained_at timestamptz NOT NULL,
        label_count integer NOT NULL,
        corrections_seen integer NOT NULL,
        frozen_count integer NOT NULL,
        frozen_correct integer NOT NULL,
        previous_correct integer NOT NULL,
        weights jsonb NOT NULL,
        active boolean NOT NULL DEFAULT false,
        decision text NOT NULL CONSTRAINT triage_model_decision_check CHECK (decision IN ('promoted', 'kept')),
        reason text NOT NULL
          CONSTRAINT triage_model_reason_check CHECK (reason IN ('better', 'as_good', 'worse', 'no_frozen_slice')),
        CONSTRAINT triage_model_version_key UNIQUE (shop_id, version)
      );
      CREATE UNIQUE INDEX triage_model_active_key ON triage_model (shop_id) WHERE active;
      CREATE INDEX triage_model_shop_idx ON triage_model (shop_id, trained_at DESC);
      CREATE INDEX case_event_root_cause_label_idx ON case_event (shop_id, case_id)
        WHERE type IN ('triage_overridden', 'root_cause_confirmed');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX case_event_root_cause_label_idx;
      DROP TABLE triage_model;
    `);
  }
}
