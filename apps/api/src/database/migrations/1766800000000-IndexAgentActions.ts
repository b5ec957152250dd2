import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaign forecast measures agents' work per case from each agent's actions over a span of time,
 * on every case they touched: without this index that is a scan of every event of the database.
 */
export class IndexAgentActions1766800000000 implements MigrationInterface {
  name = 'IndexAgentActions1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX case_event_actor_at_idx ON case_event (actor_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_event_actor_at_idx`);
  }
}
