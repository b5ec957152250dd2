import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { CLOCK, type Clock } from '../common/clock';
import { ScheduledTaskRepository } from './scheduled-task.repository';

export interface PeriodicTask {
  /** Stable name: the key of the task's row in `scheduled_task`. */
  name: string;
  everySeconds: number;
  /** Runs once per period on one instance; it must be safe to run again after a crash. */
  run(): Promise<void>;
}

const TICK_MS = 5_000;

/**
 * Periodic tasks shared by every instance of the API: each task's schedule is a row in
 * PostgreSQL, and a run is claimed by moving that row's next run forward — one UPDATE that only
 * one instance can win — so however many instances tick, a task runs once per period.
 */
@Injectable()
export class TaskScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly tasks = new Map<string, PeriodicTask>();
  private readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> = Promise.resolve();
  private ticksPending = 0;

  constructor(
    private readonly schedule: ScheduledTaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Called by the tasks' owners while the app starts (onModuleInit). */
  register(task: PeriodicTask): void {
    this.tasks.set(task.name, task);
  }

  async onApplicationBootstrap(): Promise<void> {
    const now = this.clock.now();
    for (const task of this.tasks.values()) {
      await this.schedule.register({ name: task.name, everySeconds: task.everySeconds, dueAt: now });
    }
    void this.tick();
    this.timer = setInterval(() => {
      if (this.ticksPending === 0) void this.tick();
    }, TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /**
   * Runs every task that is due and that this instance wins; returns the names it ran. A tick
   * already under way is awaited first rather than reused: it read the clock before the caller's
   * tick, so it may have found nothing due that is due now.
   */
  tick(): Promise<string[]> {
    this.ticksPending += 1;
    const run = this.ticking.then(() => this.runDue()).finally(() => (this.ticksPending -= 1));
    this.ticking = run.catch(() => undefined);
    return run;
  }

  private async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const task of this.tasks.values()) {
      try {
        if (!(await this.claim(task))) continue;
        ran.push(task.name);
        await task.run();
      } catch (error) {
        this.logger.warn(`${task.name} failed: ${String(error)}`);
      }
    }
    return ran;
  }

  private claim(task: PeriodicTask): Promise<boolean> {
    return this.schedule.claimIfDue({ name: task.name, now: this.clock.now(), instance: this.instance });
  }
}
