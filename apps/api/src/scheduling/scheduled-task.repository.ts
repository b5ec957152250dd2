import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The rows of `scheduled_task`: one per periodic task, shared by every instance. */
@Injectable()
export class ScheduledTaskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the task's row, due now, or updates its period if the row exists (its next run stays). */
  async register(task: { name: string; everySeconds: number; dueAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO scheduled_task (name, every_seconds, next_run_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET every_seconds = excluded.every_seconds`,
      [task.name, task.everySeconds, task.dueAt],
    );
  }

  /**
   * Moves the task's next run one period past `now` if it is due; true for the one caller that
   * did, so however many instances ask at once, one runs it.
   */
  async claimIfDue(claim: { name: string; now: Date; instance: string }): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE scheduled_task
          SET next_run_at = $2::timestamptz + make_interval(secs => every_seconds), runs = runs + 1,
              last_started_at = $2, last_run_by = $3
        WHERE name = $1 AND next_run_at <= $2
        RETURNING name`,
      [claim.name, claim.now, claim.instance],
    );
    return rows.length > 0;
  }
}
