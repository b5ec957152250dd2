import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { PrivacyService } from './privacy.service';

const EVERY_HOURS = 6;

/** Runs the retention purge at start and every few hours; the purge itself is idempotent. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly privacy: PrivacyService) {}

  onApplicationBootstrap(): void {
    const run = () =>
      this.privacy
        .purgeExpired()
        .then((purged) => purged > 0 && this.logger.log(`Erased the personal data of ${purged} buyers`))
        .catch((error: unknown) => this.logger.warn(`Retention purge failed: ${String(error)}`));
    void run();
    this.timer = setInterval(run, EVERY_HOURS * 3600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
