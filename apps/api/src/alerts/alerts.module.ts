import { Global, Module } from '@nestjs/common';

import { SecretBox } from '../common/secret-box';
import { AlertTasks } from './alert-tasks';
import { AlertsController } from './alerts.controller';
import { ALERTS_OPTIONS, alertsOptionsFromEnv, secretBoxFromEnv } from './alerts.options';
import { AlertsPort } from './alerts.port';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** Team chat robots (DingTalk, WeCom, Feishu); global so any module can inject `AlertsPort`. */
@Global()
@Module({
  controllers: [AlertsController],
  providers: [
    { provide: ALERTS_OPTIONS, useFactory: () => alertsOptionsFromEnv(process.env) },
    { provide: SecretBox, useFactory: () => secretBoxFromEnv(process.env) },
    AlertsRepository,
    AlertsService,
    { provide: AlertsPort, useExisting: AlertsService },
    AlertTasks,
  ],
  exports: [AlertsPort, SecretBox],
})
export class AlertsModule {}
