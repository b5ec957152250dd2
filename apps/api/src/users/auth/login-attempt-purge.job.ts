import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subDays } from 'date-fns';
import { DataSource } from 'typeorm';

import { CLOCK, type Clock } from '../../common/clock';
import { TaskScheduler } from '../../scheduling/task-scheduler';
import { LoginAttemptRepository } from './login-attempt.repository';
import { KNOWN_ADDRESS_DAYS } from './login-throttle';

const EVERY_HOURS = 6;

/**
 * Sign-in attempts are kept as long as the throttle reads them (the familiar addresses of the last
 * KNOWN_ADDRESS_DAYS) and no longer: they hold addresses, and a sprayer would otherwise grow the
 * table without end.
 */
@Injectable()
export class LoginAttemptPurgeJob implements OnModuleInit {
  private readonly logger = new Logger('LoginAttempts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: LoginAttemptRepository,
    private readonly scheduler: TaskScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'auth.login_attempt_purge',
      everySeconds: EVERY_HOURS * 3600,
      run: async () => {
        const cutoff = subDays(this.clock.now(), KNOWN_ADDRESS_DAYS);
        const purged = await this.attempts.purgeBefore(this.dataSource.manager, cutoff);
        if (purged > 0) this.logger.log(`Deleted ${purged} sign-in attempts older than ${KNOWN_ADDRESS_DAYS} days`);
      },
    });
  }
}
