import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { TaskScheduler } from '../scheduling/task-scheduler';

const EVERY_SECONDS = 60;

/**
 * Folds the queue counters' appended changes into one row per shop, assignee and stage, so that
 * reading them stays a sum over a few hundred rows. One statement: the rows it deletes are the rows
 * it re-inserts as totals, changes committed meanwhile stay as they are, and two instances folding
 * at once cannot count a change twice (the second waits, then skips what the first deleted).
 */
@Injectable()
export class QueueCountsFolder implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: TaskScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'cases.fold_queue_counts', everySeconds: EVERY_SECONDS, run: () => this.fold() });
  }

  async fold(): Promise<void> {
    await this.dataSource.query(`
      WITH folded AS (DELETE FROM queue_count RETURNING shop_id, assignee_id, stage, cases)
      INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
        SELECT shop_id, assignee_id, stage, sum(cases) FROM folded
         GROUP BY shop_id, assignee_id, stage HAVING sum(cases) <> 0`);
  }
}
