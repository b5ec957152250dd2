import { Global, Module } from '@nestjs/common';

import { TaskScheduler } from './task-scheduler';

/** Periodic tasks, scheduled in PostgreSQL so that several instances run each one once. */
@Global()
@Module({ providers: [TaskScheduler], exports: [TaskScheduler] })
export class SchedulingModule {}
