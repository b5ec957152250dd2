import { Global, Module } from '@nestjs/common';

import { ScheduledTaskRepository } from './scheduled-task.repository';
import { TaskScheduler } from './task-scheduler';

/** Periodic tasks, scheduled in PostgreSQL so that several instances run each one once. */
@Global()
@Module({ providers: [ScheduledTaskRepository, TaskScheduler], exports: [TaskScheduler] })
export class SchedulingModule {}
