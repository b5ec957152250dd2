import { Injectable, type OnModuleInit } from '@nestjs/common';

import { TaskScheduler } from '../scheduling/task-scheduler';
import { AlertsService } from './alerts.service';

/** Task names in `scheduled_task`. */
export const ALERT_SCAN_TASK = 'alerts.scan';
export const ALERT_SEND_TASK = 'alerts.send';

/**
 * The scans that queue alerts (every minute) and the sender that empties the outbox (every
 * scheduler tick, so a new alert leaves within seconds when its group has had no message for a minute).
 */
@Injectable()
export class AlertTasks implements OnModuleInit {
  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly alerts: AlertsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: ALERT_SCAN_TASK, everySeconds: 60, run: () => this.alerts.scan() });
    this.scheduler.register({
      name: ALERT_SEND_TASK,
      everySeconds: 5,
      run: () => this.alerts.sendDue().then(() => undefined),
    });
  }
}
