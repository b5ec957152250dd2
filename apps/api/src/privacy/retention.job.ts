import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { TaskScheduler } from '../scheduling/task-scheduler';
import { PrivacyService } from './privacy.service';

const EVERY_HOURS = 6;

/** The retention purge, every few hours on one instance; the purge itself is idempotent. */
@Injectable()
export class RetentionJob implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly privacy: PrivacyService,
    private readonly scheduler: TaskScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'privacy.retention_purge',
      everySeconds: EVERY_HOURS * 3600,
      run: async () => {
        const purged = await this.privacy.purgeExpired();
        if (purged > 0) this.logger.log(`Erased the personal data of ${purged} buyers`);
      },
    });
  }
}
