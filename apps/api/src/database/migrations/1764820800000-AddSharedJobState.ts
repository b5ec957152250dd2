import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything a background job needs lives in PostgreSQL, so any instance can run it: the uploaded
 * file of an import (in chunks, stored with the job in one transaction; a local spool file is only
 * a cache) and the schedule of periodic tasks (one row per task, claimed by one instance per run).
 */
export class AddSharedJobState1764820800000 implements MigrationInterface {
  name = 'AddSharedJobState1764820800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_file_chunk (
        job_id uuid NOT NULL CONSTRAINT import_file_chunk_job_fk REFERENCES import_job (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        shop_id uuid NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      );

      CREATE TABLE scheduled_task (
        name text PRIMARY KEY,
        every_seconds integer NOT NULL CONSTRAINT scheduled_task_every_check CHECK (every_seconds > 0),
        next_run_at timestamptz NOT NULL,
        runs bigint NOT NULL DEFAULT 0,
        last_started_at timestamptz,
        last_run_by text
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scheduled_task; DROP TABLE import_file_chunk;`);
  }
}
