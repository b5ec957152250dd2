import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ConfigError } from '../config/app-config';
import { TaskScheduler } from '../scheduling/task-scheduler';
import { TriageModelsService } from './triage-models.service';

const EVERY_MINUTES = 30;
export const DEFAULT_RETRAIN_AFTER = 20;

/** TRIAGE_RETRAIN_AFTER: how many new corrections a shop needs before its model is retrained (default 20). */
export function retrainAfter(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETRAIN_AFTER;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 100_000) {
    throw new ConfigError(`TRIAGE_RETRAIN_AFTER must be a whole number from 1 to 100000, got "${value}"`);
  }
  return parsed;
}

/** Retrains, on one instance at a time, every shop that has gathered enough new corrections. */
@Injectable()
export class TriageLearningJob implements OnModuleInit {
  private readonly minimumNew = retrainAfter(process.env['TRIAGE_RETRAIN_AFTER']);

  constructor(
    private readonly models: TriageModelsService,
    private readonly scheduler: TaskScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'triage.retrain',
      everySeconds: EVERY_MINUTES * 60,
      run: async () => {
        await this.models.retrainDue(this.minimumNew);
      },
    });
  }
}
