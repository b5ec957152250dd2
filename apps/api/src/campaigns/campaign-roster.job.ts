import { Injectable, type OnModuleInit } from '@nestjs/common';

import { TaskScheduler } from '../scheduling/task-scheduler';
import { CampaignRosterService } from './campaign-roster.service';

/** Once a minute, on one instance: adopted roster shifts that began or ended move their agents on or off shift. */
@Injectable()
export class CampaignRosterJob implements OnModuleInit {
  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly rosters: CampaignRosterService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'campaigns.roster_shifts',
      everySeconds: 60,
      run: () => this.rosters.applyDueShifts(),
    });
  }
}
