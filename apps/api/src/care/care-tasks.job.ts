import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { TaskScheduler } from '../scheduling/task-scheduler';
import { CareService } from './care.service';

/** Minutes between runs: a care contact falls due on a day, so a few minutes late is on time. */
const EVERY_MINUTES = 10;

/** Creates due care tasks on one instance per period (the creation itself is idempotent). */
@Injectable()
export class CareTasksJob implements OnModuleInit {
  private readonly logger = new Logger('Care');

  constructor(
    private readonly care: CareService,
    private readonly scheduler: TaskScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'care.create_due_tasks',
      everySeconds: EVERY_MINUTES * 60,
      run: async () => {
        const { created } = await this.care.createDueTasks();
        if (created > 0) this.logger.log(`Created ${created} care tasks`);
      },
    });
  }
}
