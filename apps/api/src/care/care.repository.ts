import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import {
  DEFAULT_CARE_SETTINGS,
  type CareReason,
  type CareSettings,
  type CareTaskStatus,
  type ContactChannel,
  type Platform,
  type Rating,
  type ReviewDeadlines,
  type TriageResult,
} from '@chaping/domain';

/** A delivered order as the API payload and the file import both give it. */
export interface CareOrderInput {
  orderId: string;
  buyerId: string;
  buyerNickname?: string | null;
  productId?: string | null;
  productTitle?: string | null;
  skuName?: string | null;
  amountFen?: number | null;
  orderedAt?: Date | null;
  deliveredAt: Date;
  promisedBy?: Date | null;
}

/** A case care opens: the task, the agent's note triaged like a review, and clocks from `at`. */
export interface CareCaseOpening {
  task: CareTaskRow;
  note: string;
  rating: Rating;
  triage: TriageResult;
  deadlines: ReviewDeadlines;
  assigneeId: string | null;
  at: Date;
}

export interface CareTaskRow {
  id: string;
  shop_id: string;
  shop_name: string;
  platform: Platform;
  order_id: string;
  buyer_id: string;
  product_id: string | null;
  day: number;
  due_at: Date;
  status: CareTaskStatus;
  reasons: CareReason[];
  case_id: string | null;
  buyer_nickname: string;
  buyer_do_not_contact: boolean;
  buyer_time_zone: string | null;
  platform_order_id: string;
  product_title: string | null;
  sku_name: string | null;
  delivered_at: Date;
}

/** An order waiting for the care decision, with the facts the decision needs. */
export interface UndecidedOrder {
  id: string;
  shop_id: string;
  amount_fen: number | null;
  delivered_at: Date;
  promised_by: Date | null;
  first_order: boolean;
  sku_negative_rate: number | null;
}

export interface ChosenOrder {
  id: string;
  shop_id: string;
  buyer_id: string;
  delivered_at: Date;
  care_reasons: CareReason[];
  days: number[];
}

const TASK_SQL = `
  SELECT t.id, t.shop_id, s.name AS shop_name, s.platform, t.order_id, t.buyer_id, o.product_id, t.day, t.due_at,
         t.status, t.reasons, t.case_id, b.nickname AS buyer_nickname, b.do_not_contact AS buyer_do_not_contact,
         b.time_zone AS buyer_time_zone, o.platform_order_id, p.title AS product_title, o.sku_name, o.delivered_at
    FROM care_task t
    JOIN shop s ON s.id = t.shop_id
    JOIN buyer b ON b.id = t.buyer_id
    JOIN trade_order o ON o.id = t.order_id
    LEFT JOIN product p ON p.id = o.product_id`;

/** Month boundaries in Beijing time, where the shops' months run. */
const MONTH_START = (at: string) =>
  `(date_trunc('month', ${at} AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')`;

/** Orders of one kind for the care report, and how many there are. */
export interface CareReportOrderCount {
  month: string;
  reasons: CareReason[];
  cared: boolean;
  problemFound: boolean;
  negativeReview: boolean;
  orders: number;
}

@Injectable()
export class CareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The shop's delivered orders of the months [from, to) as the care report reads them, counted by
   * kind: cared means a buyer answered a care contact (fine or a problem), the review is any review
   * of the order (the product only takes neutral and negative ones).
   */
  async reportOrders(range: { shopId: string; from: string; to: string }): Promise<CareReportOrderCount[]> {
    const rows: CareReportOrderCount[] = await this.dataSource.query(
      `SELECT to_char(o.delivered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              COALESCE(o.care_reasons, '{}') AS reasons,
              EXISTS (SELECT 1 FROM care_task t WHERE t.order_id = o.id AND t.status IN ('fine', 'problem_found')) AS cared,
              EXISTS (SELECT 1 FROM care_task t WHERE t.order_id = o.id AND t.status = 'problem_found') AS "problemFound",
              EXISTS (SELECT 1 FROM review r WHERE r.order_id = o.id) AS "negativeReview",
              count(*)::int AS orders
         FROM trade_order o
        WHERE o.shop_id = $1 AND o.delivered_at >= ($2 || '-01')::date::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND o.delivered_at < ($3 || '-01')::date::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY 1, 2, 3, 4, 5`,
      [range.shopId, range.from, range.to],
    );
    return rows;
  }

  /** The shop care runs for, with its platform; null when there is no such shop. */
  async shop(shopId: string): Promise<{ id: string; platform: Platform } | null> {
    const rows: Array<{ id: string; platform: Platform }> = await this.dataSource.query(
      `SELECT id, platform FROM shop WHERE id = $1`,
      [shopId],
    );
    return rows[0] ?? null;
  }

  async settings(shopId: string): Promise<CareSettings> {
    const rows: Array<{ settings: Partial<CareSettings> }> = await this.dataSource.query(
      `SELECT settings FROM care_settings WHERE shop_id = $1`,
      [shopId],
    );
    return { ...DEFAULT_CARE_SETTINGS, ...(rows[0]?.settings ?? {}) };
  }

  async saveSettings(shopId: string, settings: CareSettings, actorId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO care_settings (shop_id, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [shopId, JSON.stringify(settings), actorId, now],
    );
  }

  /**
   * Stores delivered orders with their buyers and products, found by platform id or created. A
   * known order keeps its care decision and tasks; only its facts are refreshed, so a re-import
   * doubles nothing. An order a review brought first has no order time (reviews carry none): the
   * file gives it one, or the campaign forecast, which counts orders by that time, never sees it or
   * its cases. Returns how many orders were new and how many known ones changed.
   */
  async upsertOrders(
    manager: EntityManager,
    shop: { id: string; platform: Platform },
    orders: readonly CareOrderInput[],
    defaultTimeZone: string,
  ): Promise<{ imported: number; updated: number }> {
    const byId = new Map(orders.map((order) => [order.orderId, order]));
    const unique = [...byId.values()];
    const buyers = [...new Map(unique.map((order) => [order.buyerId, order])).values()];
    const buyerRows: Array<{ id: string; platform_buyer_id: string }> = await manager.query(
      `INSERT INTO buyer (shop_id, platform, platform_buyer_id, nickname, time_zone)
       SELECT $1::uuid, $2, id, nickname, $3 FROM unnest($4::text[], $5::text[]) AS given(id, nickname) ORDER BY id
       ON CONFLICT (shop_id, platform_buyer_id) DO UPDATE SET nickname = COALESCE(NULLIF(EXCLUDED.nickname, ''), buyer.nickname)
       RETURNING id, platform_buyer_id`,
      [
        shop.id,
        shop.platform,
        defaultTimeZone,
        buyers.map((order) => order.buyerId),
        buyers.map((order) => order.buyerNickname ?? ''),
      ],
    );
    const buyerIds = new Map(buyerRows.map((row) => [row.platform_buyer_id, row.id]));
    const products = [
      ...new Map(unique.filter((order) => order.productId).map((order) => [order.productId, order])).values(),
    ];
    const productRows: Array<{ id: string; platform_product_id: string }> =
      products.length === 0
        ? []
        : await manager.query(
            `INSERT INTO product (shop_id, platform_product_id, title)
             SELECT $1::uuid, id, title FROM unnest($2::text[], $3::text[]) AS given(id, title) ORDER BY id
             ON CONFLICT (shop_id, platform_product_id)
               DO UPDATE SET title = COALESCE(NULLIF(EXCLUDED.title, ''), product.title)
             RETURNING id, platform_product_id`,
            [shop.id, products.map((order) => order.productId), products.map((order) => order.productTitle ?? '')],
          );
    const productIds = new Map(productRows.map((row) => [row.platform_product_id, row.id]));
    const rows: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO trade_order (shop_id, platform_order_id, buyer_id, product_id, sku_name, ordered_at, amount_fen,
          delivered_at, promised_by)
       SELECT $1::uuid, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::int[],
          $8::timestamptz[], $9::timestamptz[]) ORDER BY 1
       ON CONFLICT (shop_id, platform_order_id) DO UPDATE SET
         delivered_at = EXCLUDED.delivered_at, promised_by = COALESCE(EXCLUDED.promised_by, trade_order.promised_by),
         amount_fen = COALESCE(EXCLUDED.amount_fen, trade_order.amount_fen),
         sku_name = COALESCE(EXCLUDED.sku_name, trade_order.sku_name),
         product_id = COALESCE(EXCLUDED.product_id, trade_order.product_id),
         ordered_at = COALESCE(EXCLUDED.ordered_at, trade_order.ordered_at)
       WHERE (trade_order.delivered_at, trade_order.promised_by, trade_order.amount_fen, trade_order.sku_name,
              trade_order.product_id, trade_order.ordered_at) IS DISTINCT FROM
             (EXCLUDED.delivered_at, COALESCE(EXCLUDED.promised_by, trade_order.promised_by),
              COALESCE(EXCLUDED.amount_fen, trade_order.amount_fen), COALESCE(EXCLUDED.sku_name, trade_order.sku_name),
              COALESCE(EXCLUDED.product_id, trade_order.product_id),
              COALESCE(EXCLUDED.ordered_at, trade_order.ordered_at))
       RETURNING (xmax = 0) AS inserted`,
      [
        shop.id,
        unique.map((order) => order.orderId),
        unique.map((order) => buyerIds.get(order.buyerId)),
        unique.map((order) => (order.productId ? (productIds.get(order.productId) ?? null) : null)),
        unique.map((order) => order.skuName ?? null),
        unique.map((order) => order.orderedAt ?? null),
        unique.map((order) => order.amountFen ?? null),
        unique.map((order) => order.deliveredAt),
        unique.map((order) => order.promisedBy ?? null),
      ],
    );
    const imported = rows.filter((row) => row.inserted).length;
    return { imported, updated: rows.length - imported };
  }

  /**
   * Delivered orders without a care decision, with the facts for it: whether the buyer ordered
   * from the shop before, and the product's negative reviews over its deliveries in the month
   * before delivery.
   */
  undecidedOrders(now: Date, limit: number): Promise<UndecidedOrder[]> {
    return this.dataSource.query(
      `SELECT o.id, o.shop_id, o.amount_fen, o.delivered_at, o.promised_by,
              NOT EXISTS (SELECT 1 FROM trade_order e WHERE e.shop_id = o.shop_id AND e.buyer_id = o.buyer_id
                            AND e.id <> o.id AND COALESCE(e.ordered_at, e.delivered_at) < COALESCE(o.ordered_at, o.delivered_at))
                AS first_order,
              (SELECT CASE WHEN d.delivered = 0 THEN NULL ELSE d.negative::float8 / d.delivered END FROM (
                 SELECT (SELECT count(*) FROM trade_order m WHERE m.product_id = o.product_id
                           AND m.delivered_at >= ${MONTH_START('o.delivered_at')} - interval '1 month'
                           AND m.delivered_at < ${MONTH_START('o.delivered_at')}) AS delivered,
                        (SELECT count(*) FROM review r WHERE r.product_id = o.product_id
                           AND r.reviewed_at >= ${MONTH_START('o.delivered_at')} - interval '1 month'
                           AND r.reviewed_at < ${MONTH_START('o.delivered_at')}) AS negative) d
                WHERE o.product_id IS NOT NULL) AS sku_negative_rate
         FROM trade_order o
        WHERE o.delivered_at IS NOT NULL AND o.care_decided_at IS NULL AND o.delivered_at <= $1
        ORDER BY o.delivered_at, o.id
        LIMIT $2`,
      [now, limit],
    );
  }

  async recordDecisions(decisions: ReadonlyArray<{ id: string; reasons: CareReason[] }>, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE trade_order o SET care_reasons = string_to_array(NULLIF(given.reasons, ''), ','), care_decided_at = $3
         FROM unnest($1::uuid[], $2::text[]) AS given(id, reasons)
        WHERE o.id = given.id`,
      [decisions.map((decision) => decision.id), decisions.map((decision) => decision.reasons.join(',')), now],
    );
  }

  /** Orders chosen for care and delivered since `since`, with the care days that already have a task. */
  chosenOrdersSince(since: Date): Promise<ChosenOrder[]> {
    return this.dataSource.query(
      `SELECT o.id, o.shop_id, o.buyer_id, o.delivered_at, o.care_reasons,
              COALESCE((SELECT array_agg(t.day) FROM care_task t WHERE t.order_id = o.id), '{}') AS days
         FROM trade_order o
        WHERE cardinality(o.care_reasons) > 0 AND o.delivered_at >= $1`,
      [since],
    );
  }

  /** Creates the tasks; one that exists already (another instance, an earlier run) is left alone. */
  async createTasks(
    tasks: ReadonlyArray<{ order: ChosenOrder; day: number; dueAt: Date }>,
    now: Date,
  ): Promise<number> {
    if (tasks.length === 0) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO care_task (shop_id, order_id, buyer_id, day, due_at, reasons, created_at)
       SELECT shop_id, order_id, buyer_id, day, due_at, string_to_array(reasons, ','), $7
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[], $6::text[])
           AS given(shop_id, order_id, buyer_id, day, due_at, reasons)
       ON CONFLICT (order_id, day) DO NOTHING
       RETURNING id`,
      [
        tasks.map((task) => task.order.shop_id),
        tasks.map((task) => task.order.id),
        tasks.map((task) => task.order.buyer_id),
        tasks.map((task) => task.day),
        tasks.map((task) => task.dueAt),
        tasks.map((task) => task.order.care_reasons.join(',')),
        now,
      ],
    );
    return rows.length;
  }

  /** Open care tasks that are due, in the shops given (null: every shop), oldest first. */
  queue(shopIds: readonly string[] | null, now: Date, limit: number): Promise<CareTaskRow[]> {
    return this.dataSource.query(
      `${TASK_SQL}
        WHERE t.status IN ('open', 'awaiting_reply') AND t.due_at <= $1 AND ($2::uuid[] IS NULL OR t.shop_id = ANY($2))
        ORDER BY t.due_at, t.id
        LIMIT $3`,
      [now, shopIds, limit],
    );
  }

  async task(manager: EntityManager, taskId: string): Promise<CareTaskRow | null> {
    const rows: CareTaskRow[] = await manager.query(`${TASK_SQL} WHERE t.id = $1`, [taskId]);
    return rows[0] ?? null;
  }

  /**
   * The buyer's last proactive care message, the buyer's row locked first so that two agents
   * working two of the buyer's tasks at once cannot both send within the 24 hours.
   */
  async lockBuyerLastMessage(manager: EntityManager, buyerId: string): Promise<Date | null> {
    await manager.query(`SELECT id FROM buyer WHERE id = $1 FOR UPDATE`, [buyerId]);
    const rows: Array<{ at: Date | null }> = await manager.query(
      `SELECT max(at) AS at FROM care_contact WHERE buyer_id = $1 AND sends_message`,
      [buyerId],
    );
    return rows[0]?.at ?? null;
  }

  async recordWork(
    manager: EntityManager,
    work: {
      task: CareTaskRow;
      status: CareTaskStatus;
      closed: boolean;
      channel: ContactChannel;
      outcome: string;
      message: string | null;
      note: string | null;
      sendsMessage: boolean;
      actorId: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO care_contact (task_id, shop_id, buyer_id, channel, outcome, message, note, sends_message, actor_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        work.task.id,
        work.task.shop_id,
        work.task.buyer_id,
        work.channel,
        work.outcome,
        work.message,
        work.note,
        work.sendsMessage,
        work.actorId,
        work.at,
      ],
    );
    await manager.query(
      `UPDATE care_task SET status = $2, closed_at = CASE WHEN $3 THEN $4::timestamptz END WHERE id = $1`,
      [work.task.id, work.status, work.closed, work.at],
    );
  }

  /**
   * Opens the case for a problem found in care (DESIGN §7a), with its `case_opened` event: stage new,
   * no review yet (one that arrives later joins it, see CaseIntakeRepository.openCases).
   */
  async openCase(manager: EntityManager, opening: CareCaseOpening): Promise<string> {
    const { task, triage, deadlines } = opening;
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO support_case (shop_id, review_id, buyer_id, order_id, product_id, platform, stage, version, rating,
        severity, reviewed_at, assignee_id, suggested_root_cause, root_cause, first_contact_due_at, resolution_due_at,
        appeal_deadline_at, revision_window_ends_at, urgency_at, suggested_sub_cause, sub_cause, buyer_type, misclick,
        triage, has_follow_up, sku_name, source, care_task_id, care_note)
     VALUES ($1, NULL, $2, $3, $4, $5, 'new', 1, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $11, $15, $15, $16,
        $17, $18, false, $19, 'care', $20, $21)
     RETURNING id`,
      [
        task.shop_id,
        task.buyer_id,
        task.order_id,
        task.product_id,
        task.platform,
        opening.rating,
        triage.severity,
        opening.at,
        opening.assigneeId,
        triage.rootCause,
        deadlines.firstContactDueAt,
        deadlines.resolutionDueAt,
        deadlines.appealDeadlineAt,
        deadlines.revisionWindowEndsAt,
        triage.subCause,
        triage.buyerType,
        triage.misclick,
        JSON.stringify(triage),
        task.sku_name,
        task.id,
        opening.note,
      ],
    );
    const caseId = (row as { id: string }).id;
    await manager.query(
      `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     VALUES ($1, $2, 1, 'case_opened', 'system', $3, $4)`,
      [
        caseId,
        task.shop_id,
        opening.at,
        JSON.stringify({
          source: 'care',
          careTaskId: task.id,
          careDay: task.day,
          suggestedRootCause: triage.rootCause,
          suggestedSubCause: triage.subCause,
          severity: triage.severity,
          buyerType: triage.buyerType,
          misclick: triage.misclick,
          assigneeId: opening.assigneeId,
        }),
      ],
    );
    return caseId;
  }

  async linkCase(manager: EntityManager, taskId: string, caseId: string): Promise<void> {
    await manager.query(`UPDATE care_task SET case_id = $2 WHERE id = $1`, [taskId, caseId]);
  }
}
