import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AlertsPort } from '../alerts/alerts.port';
import { PolicyService } from '../cases/policy.service';
import { CLOCK, type Clock } from '../common/clock';
import { extractItems, findMarketplaceFormat, type MarketplaceFormat } from '../intake/incoming/marketplace-formats';
import { ReviewImporter, type ShopRef } from '../intake/review-importer';
import { MarketplaceError, topTime, type TopClient } from '../marketplace/top-client';
import { TaskScheduler } from '../scheduling/task-scheduler';
import { ConnectionClients } from './connection-clients';
import { ConnectionRepository, type ConnectionRow } from './connection.repository';
import { MARKETPLACE_OPTIONS, type MarketplaceOptions } from './connections.tokens';
import { failureWords } from './connector-messages';

/** TOP answers at most this many results per query; a window with that many is split in two. */
export const TOP_RESULT_CAP = 1500;
const PAGE_SIZE = 150;
const DAY_MS = 86_400_000;
const SMALLEST_WINDOW_MS = 60_000;
const MAX_BACKOFF_SECONDS = 6 * 3600;
const TRADERATE_FIELDS =
  'tid,oid,role,nick,result,created,rated_nick,item_title,item_price,content,reply,valid_score,num_iid,ouid';
/** Neutral and negative ratings only: a good one never opens a case. */
const PULLED_RESULTS = ['neutral', 'bad'] as const;

export type PullOutcome = 'pulled' | 'failed' | 'not_claimed';

interface Window {
  from: Date;
  to: Date;
}

/**
 * Pulls each live connection's neutral and negative reviews from its cursor to now, a day at a
 * time, into the same import pipeline as uploads (so a re-pull doubles nothing). A window TOP caps
 * at 1,500 results is halved until it fits; pages are read to the end. The cursor moves only past
 * fully read days, so a failure (rate limit, outage, expired session) loses no page.
 */
@Injectable()
export class ReviewPuller implements OnModuleInit {
  private readonly logger = new Logger('ReviewPuller');
  private readonly format: MarketplaceFormat;

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
  ) {
    this.format = findMarketplaceFormat('taobao.traderates.get') as MarketplaceFormat;
  }

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
      const client = this.clients.topClient(connection);
      const shop: ShopRef = { id: connection.shop_id, platform: connection.platform };
      for (let from = connection.cursor_at; from < now;) {
        const to = new Date(Math.min(from.getTime() + DAY_MS, now.getTime()));
        let read = 0;
        for (const result of PULLED_RESULTS) read += await this.pullWindow(client, shop, { from, to }, result);
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

  /** Reads one window of one rating to its last page, halving it while TOP caps its results; returns the reviews read. */
  private async pullWindow(client: TopClient, shop: ShopRef, window: Window, result: string): Promise<number> {
    const first = await this.page(client, window, result, 1);
    const span = window.to.getTime() - window.from.getTime();
    if (first.total >= TOP_RESULT_CAP && span > SMALLEST_WINDOW_MS) {
      const middle = new Date(window.from.getTime() + Math.floor(span / 2000) * 1000);
      return (
        (await this.pullWindow(client, shop, { from: window.from, to: middle }, result)) +
        (await this.pullWindow(client, shop, { from: middle, to: window.to }, result))
      );
    }
    await this.importItems(shop, first.items);
    let read = first.items.length;
    const pages = Math.ceil(Math.min(first.total, TOP_RESULT_CAP) / PAGE_SIZE);
    for (let pageNo = 2; pageNo <= pages; pageNo++) {
      const page = await this.page(client, window, result, pageNo);
      await this.importItems(shop, page.items);
      read += page.items.length;
    }
    return read;
  }

  private async page(client: TopClient, window: Window, result: string, pageNo: number) {
    const answer = await client.call('taobao.traderates.get', {
      fields: TRADERATE_FIELDS,
      rate_type: 'get',
      role: 'buyer',
      result,
      // TOP's dates are whole seconds, both ends included: a window ends a second before the next begins.
      start_date: topTime(window.from),
      end_date: topTime(new Date(window.to.getTime() - 1000)),
      page_no: String(pageNo),
      page_size: String(PAGE_SIZE),
    });
    const envelope = answer['traderates_get_response'] as { total_results?: number | string } | undefined;
    if (!envelope) throw new MarketplaceError('platform_error', null, 'the answer had no traderates_get_response');
    return { items: extractItems(this.format, answer) ?? [], total: Number(envelope.total_results ?? 0) };
  }

  private async importItems(shop: ShopRef, items: Array<Record<string, unknown>>): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item, index) => ({ rowNumber: index + 1, raw: this.format.toRaw(item, {}) }));
    await this.dataSource.transaction((manager) =>
      this.importer.importRows(manager, shop, rows, this.policies.forShop(shop.id), this.clock.now(), 'pull:taobao'),
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
