import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The import job that opened a case, so that an import's result can list the cases it opened.
 * Cases opened before this are tied back through their case_opened event where it names the job.
 */
export class TieCasesToTheirImport1766410000000 implements MigrationInterface {
  name = 'TieCasesToTheirImport1766410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE support_case ADD COLUMN import_job_id uuid
        CONSTRAINT support_case_import_job_fk REFERENCES import_job(id) ON DELETE SET NULL
    `);
    await queryRunner.query(`
      UPDATE support_case c SET import_job_id = j.id
        FROM case_event e JOIN import_job j ON j.id::text = substring(e.data->>'source' FROM 8)
       WHERE e.case_id = c.id AND e.type = 'case_opened' AND e.data->>'source' LIKE 'import:%'
    `);
    await queryRunner.query(
      `CREATE INDEX support_case_import_job_idx ON support_case (import_job_id, urgency_at, id)
        WHERE import_job_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN import_job_id`);
  }
}
