import { Injectable, type OnModuleInit } from '@nestjs/common';

import { TaskScheduler } from '../scheduling/task-scheduler';
import { QueueRepository } from './queue.repository';

const EVERY_SECONDS = 60;

/**
 * Folds the queue counters' appended changes every minute (QueueRepository.foldCounts), so that
 * reading them stays a sum over a few hundred rows.
 */
@Injectable()
export class QueueCountsFolder implements OnModuleInit {
  constructor(
    private readonly queue: QueueRepository,
    private readonly scheduler: TaskScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'cases.fold_queue_counts', everySeconds: EVERY_SECONDS, run: () => this.fold() });
  }

  fold(): Promise<void> {
    return this.queue.foldCounts();
  }
}
