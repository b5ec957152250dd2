import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AlertsPort } from '../alerts/alerts.port';
import { PolicyService } from '../cases/policy.service';
import { CLOCK, type Clock } from '../common/clock';
import type { MarketplaceFormat } from '../intake/incoming/marketplace-formats';
import type { ShopRef } from '../intake/intake-input';
import { ReviewImporter } from '../intake/review-importer';
import { MarketplaceError } from '../marketplace/marketplace-call';
import { TaskScheduler } from '../scheduling/task-scheduler';
import type { ReviewItem } from './adapters';
import { ConnectionClients } from './connection-clients';
import { ConnectionRepository, type ConnectionRow } from './connection.repository';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from './connections.tokens';
import { failureWords } from './connector-messages';

const DAY_MS = 86_400_000;
const MAX_BACKOFF_SECONDS = 6 * 3600;

export type PullOutcome = 'pulled' | 'failed' | 'not_claimed';

/**
 * Pulls each live connection's neutral and negative reviews from its cursor to now, a day at a
 * time, into the same import pipeline as uploads (so a re-pull doubles nothing). How a platform is
 * asked (caps, paging, signing) is its adapter's business. The cursor moves only past fully read
 * days, so a failure (rate limit, outage, expired session) loses no page.
 */
@Injectable()
export class ReviewPuller implements OnModuleInit {
  private readonly logger = new Logger('ReviewPuller');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: ConnectionRepository,
    private readonly scheduler: TaskScheduler,
    private readonly importer: ReviewImporter,
    private readonly policies: PolicyService,
    private readonly alerts: AlertsPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly clients: ConnectionClients,
    @Inject(MARKETPLACE_OPTIONS) private readonly options: MarketplaceOptions,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'connections.pull-due',
      everySeconds: this.options.checkEverySeconds,
      run: async () => void (await this.pullDue()),
    });
  }

  /** Pulls every connection that is due and that this instance claims; returns how many it pulled. */
  async pullDue(): Promise<number> {
    let pulled = 0;
    for (const id of await this.connections.duePulls(this.clock.now())) {
      if ((await this.pullIfClaimed(id)) !== 'not_claimed') pulled += 1;
    }
    return pulled;
  }

  /** Claims the connection's pull (one instance wins) and runs it. */
  async pullIfClaimed(id: string): Promise<PullOutcome> {
    if (!(await this.connections.claimPull(id, this.clock.now()))) return 'not_claimed';
    const connection = await this.connections.find(id);
    if (!connection) return 'not_claimed';
    return this.pull(connection);
  }

  private async pull(connection: ConnectionRow): Promise<PullOutcome> {
    const now = this.clock.now();
    try {
      const { adapter, shop } = this.clients.open(connection);
      const ref: ShopRef = { id: connection.shop_id, platform: connection.platform };
      const take = (items: readonly ReviewItem[]) => this.importItems(ref, adapter.format, items);
      for (let from = connection.cursor_at; from < now;) {
        const to = new Date(Math.min(from.getTime() + DAY_MS, now.getTime()));
        const read = await shop.pullWindow({ from, to }, take);
        await this.connections.advanceCursor(this.dataSource.manager, connection.id, to, read);
        from = to;
      }
      await this.connections.recordSuccess(connection.id, this.clock.now());
      return 'pulled';
    } catch (error) {
      if (!(error instanceof MarketplaceError)) throw error;
      await this.fail(connection, error);
      return 'failed';
    }
  }

  private async importItems(shop: ShopRef, format: MarketplaceFormat, items: readonly ReviewItem[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item, index) => ({ rowNumber: index + 1, raw: format.toRaw(item, {}) }));
    await this.dataSource.transaction((manager) =>
      this.importer.importRows(manager, {
        shop,
        rows,
        policy: this.policies.forShop(shop.id),
        now: this.clock.now(),
        source: `pull:${shop.platform}`,
      }),
    );
  }

  /** Records the failure; an expired session stops pulling (the cursor stays), anything else backs off. */
  private async fail(connection: ConnectionRow, error: MarketplaceError): Promise<void> {
    const now = this.clock.now();
    const stopped = error.failure === 'token_expired';
    const backoffSeconds = Math.min(connection.pull_every_seconds * 2 ** connection.failures, MAX_BACKOFF_SECONDS);
    await this.connections.recordFailure(connection.id, {
      failure: error.failure,
      platformMessage: error.platformMessage,
      now,
      retryAt: stopped ? null : new Date(now.getTime() + backoffSeconds * 1000),
    });
    this.logger.warn(`Pull of connection ${connection.id} failed: ${error.failure}`);
    // The team hears of it through its chat robots (the alerts module batches and dedupes).
    await this.alerts
      .connectorFailed({
        shopId: connection.shop_id,
        message: `${connection.shop_name}：${failureWords(error.failure, 'zh-CN', error.platformMessage)}`,
      })
      .catch((alertError: unknown) => this.logger.warn(`Could not queue the alert: ${String(alertError)}`));
  }
}
