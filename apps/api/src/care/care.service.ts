import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  careDueNow,
  careReasons,
  careReport,
  checkCareSettings,
  isCareTaskOpen,
  isRefusal,
  MAX_CARE_DAY,
  reviewDeadlines,
  triageReview,
  workCareTask,
  type CareReportOrder,
  type CareSettings,
  type Platform,
} from '@chaping/domain';

import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { ForbiddenShopError, NotFoundError, RefusedError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';
import { CareRepository, type CareTaskRow } from './care.repository';
import type {
  CareOrdersDto,
  CareOrdersResultDto,
  CareReportDto,
  CareReportQueryDto,
  CareSettingsDto,
  CareTaskDto,
  WorkCareTaskDto,
} from './dto/care.dto';

const DECISION_BATCH = 1000;
const QUEUE_LIMIT = 200;
const DAY_MS = 86_400_000;

const toTaskDto = (row: CareTaskRow): CareTaskDto => ({
  id: row.id,
  shopId: row.shop_id,
  shopName: row.shop_name,
  day: row.day,
  dueAt: row.due_at,
  status: row.status,
  reasons: row.reasons,
  buyerNickname: row.buyer_nickname,
  buyerDoNotContact: row.buyer_do_not_contact,
  platformOrderId: row.platform_order_id,
  productTitle: row.product_title,
  skuName: row.sku_name,
  deliveredAt: row.delivered_at,
  caseId: row.case_id,
});

@Injectable()
export class CareService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly care: CareRepository,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importOrders(actor: SignedInActor, shopId: string, dto: CareOrdersDto): Promise<CareOrdersResultDto> {
    const shop = await this.shopFor(actor, shopId);
    const policy = this.policies.forShop(shop.id);
    const { imported } = await this.dataSource.transaction((manager) =>
      this.care.upsertOrders(manager, shop, dto.orders, policy.contact.defaultBuyerTimeZone),
    );
    const received = new Set(dto.orders.map((order) => order.orderId)).size;
    return { received: dto.orders.length, imported, updated: received - imported };
  }

  /**
   * Care by month of delivery: cared orders against uncared ones chosen for the same reasons (the
   * domain's careReport), with the minutes the avoided reviews would have cost.
   */
  async report(actor: SignedInActor, query: CareReportQueryDto): Promise<CareReportDto> {
    if (query.to < query.from)
      throw new RequestValidationError([{ field: 'to', messages: ['to must not be before from'] }]);
    if (monthsBetween(query.from, query.to) > MAX_REPORT_MONTHS)
      throw new RequestValidationError([
        { field: 'to', messages: [`to must be at most ${MAX_REPORT_MONTHS} months after from`] },
      ]);
    await this.shopFor(actor, query.shopId);
    const options = {
      minutesPerReviewCase: query.minutesPerReviewCase ?? 20,
      minutesPerCaredOrder: query.minutesPerCaredOrder ?? 3,
    };
    const counted = await this.care.reportOrders({ shopId: query.shopId, from: query.from, to: nextMonth(query.to) });
    const orders = counted.flatMap(({ orders, ...order }) => Array<CareReportOrder>(orders).fill(order));
    return { months: careReport(orders, options), ...options };
  }

  async settings(actor: SignedInActor, shopId: string): Promise<CareSettings> {
    await this.shopFor(actor, shopId);
    return this.care.settings(shopId);
  }

  async saveSettings(actor: SignedInActor, shopId: string, dto: CareSettingsDto): Promise<CareSettings> {
    await this.shopFor(actor, shopId);
    const settings: CareSettings = {
      enabled: dto.enabled,
      firstTimeBuyers: dto.firstTimeBuyers,
      highValueAboveFen: dto.highValueAboveFen ?? null,
      skuNegativeRateAbove: dto.skuNegativeRateAbove ?? null,
      lateDeliveries: dto.lateDeliveries,
      scheduleDays: dto.scheduleDays,
      channels: dto.channels,
    };
    const problem = checkCareSettings(settings);
    if (problem) throw new RefusedError(problem);
    await this.care.saveSettings(shopId, settings, actor.id, this.clock.now());
    return settings;
  }

  async queue(actor: SignedInActor, shopId: string | undefined): Promise<CareTaskDto[]> {
    if (shopId) await this.shopFor(actor, shopId);
    const shops = shopId ? [shopId] : actor.role === 'admin' ? null : [...actor.shopIds];
    return (await this.care.queue(shops, this.clock.now(), QUEUE_LIMIT)).map(toTaskDto);
  }

  /**
   * One care contact or the buyer's answer to it. The buyer's row is locked for the check of the
   * 24-hour cap; a problem found opens its case in the same transaction.
   */
  async work(actor: SignedInActor, taskId: string, dto: WorkCareTaskDto): Promise<CareTaskDto> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const task = await this.care.task(manager, taskId);
      if (!task) throw new NotFoundError('care_task.not_found', taskId);
      this.assertWorksShop(actor, task.shop_id);
      const lastCareMessageAt = await this.care.lockBuyerLastMessage(manager, task.buyer_id);
      const policy = this.policies.forShop(task.shop_id);
      const { channels } = await this.care.settings(task.shop_id);
      const result = workCareTask(
        { outcome: dto.outcome, channel: dto.channel, message: dto.message ?? null, note: dto.note ?? null, at: now },
        {
          status: task.status,
          buyer: { doNotContact: task.buyer_do_not_contact, timeZone: task.buyer_time_zone },
          lastCareMessageAt,
          policy: policy.contact,
          channels,
        },
      );
      if (isRefusal(result)) throw new RefusedError(result);
      await this.care.recordWork(manager, {
        task,
        status: result.status,
        closed: !isCareTaskOpen(result.status),
        channel: dto.channel,
        outcome: dto.outcome,
        message: result.sendsMessage ? (dto.message ?? null) : null,
        note: dto.note ?? null,
        sendsMessage: result.sendsMessage,
        actorId: actor.id,
        at: now,
      });
      if (result.opensCase) {
        const assigneeId = actor.role === 'agent' && !actor.apiKeyShopId ? actor.id : null;
        const note = dto.note ?? '';
        // No review yet: the case counts as neutral until one arrives and joins it.
        const rating = 'neutral' as const;
        const triage = triageReview({ text: note, rating });
        const deadlines = reviewDeadlines(
          { platform: task.platform, severity: triage.severity, reviewedAt: now },
          policy,
        );
        const caseId = await this.care.openCase(manager, {
          task,
          note,
          rating,
          triage,
          deadlines,
          assigneeId,
          at: now,
        });
        await this.care.linkCase(manager, task.id, caseId);
      }
      return toTaskDto((await this.care.task(manager, task.id)) as CareTaskRow);
    });
  }

  /**
   * The periodic run: decides which newly delivered orders get care, then creates the tasks that
   * have fallen due. Creating is idempotent (one task per order and day), so a crash or a second
   * instance never doubles a task.
   */
  async createDueTasks(): Promise<{ decided: number; created: number }> {
    const now = this.clock.now();
    const settingsByShop = new Map<string, CareSettings>();
    const settingsOf = async (shopId: string) => {
      const cached = settingsByShop.get(shopId);
      if (cached) return cached;
      const loaded = await this.care.settings(shopId);
      settingsByShop.set(shopId, loaded);
      return loaded;
    };
    let decided = 0;
    for (;;) {
      const orders = await this.care.undecidedOrders(now, DECISION_BATCH);
      if (orders.length === 0) break;
      const decisions = [];
      for (const order of orders) {
        const reasons = careReasons(
          {
            firstOrderOfBuyer: order.first_order,
            amountFen: order.amount_fen,
            skuNegativeRateLastMonth: order.sku_negative_rate,
            deliveredAt: order.delivered_at,
            promisedBy: order.promised_by,
          },
          await settingsOf(order.shop_id),
        );
        decisions.push({ id: order.id, reasons });
      }
      await this.care.recordDecisions(decisions, now);
      decided += orders.length;
      if (orders.length < DECISION_BATCH) break;
    }
    const chosen = await this.care.chosenOrdersSince(new Date(now.getTime() - (MAX_CARE_DAY + 4) * DAY_MS));
    const due = [];
    for (const order of chosen) {
      const settings = await settingsOf(order.shop_id);
      for (const each of careDueNow(order.delivered_at, settings, now)) {
        if (!order.days.includes(each.day)) due.push({ order, day: each.day, dueAt: each.dueAt });
      }
    }
    return { decided, created: await this.care.createTasks(due, now) };
  }

  private assertWorksShop(actor: SignedInActor, shopId: string): void {
    if (actor.role !== 'admin' && !actor.shopIds.includes(shopId)) throw new ForbiddenShopError(shopId);
  }

  private async shopFor(actor: SignedInActor, shopId: string): Promise<{ id: string; platform: Platform }> {
    const shop = await this.care.shop(shopId);
    if (!shop) throw new NotFoundError('shop.not_found', shopId);
    this.assertWorksShop(actor, shop.id);
    return shop;
  }
}

/** A care report covers at most two years: each month is a scan of the shop's delivered orders. */
const MAX_REPORT_MONTHS = 24;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthsBetween = (from: string, to: string) => monthIndex(to) - monthIndex(from) + 1;
const nextMonth = (month: string) => {
  const index = monthIndex(month) + 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
