import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  reviewDeadlines,
  type AssignmentCandidate,
  type AssignmentPolicy,
  type BuyerHistory,
  type Platform,
  type Policy,
  type ReviewSnapshot,
} from '@chaping/domain';

import type { IncomingReview } from './incoming/incoming-review';
import type { OpenCaseInput, ShopRef } from './intake-input';

/** A review intake has seen before, with its case if it opened one. */
export interface KnownReview {
  review_id: string;
  platform_review_id: string;
  shop_id: string;
  current_rating: ReviewSnapshot['rating'];
  platform_state: string;
  follow_up_text: string | null;
  seller_reply: string | null;
  case_id: string | null;
}

/** Keeps the first item for each key, in order. */
function firstByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Where intake writes: reviews with their buyers, products and orders, and the cases they open (a
 * batch in a handful of statements); and what intake reads before it writes.
 */
@Injectable()
export class CaseIntakeRepository {
  /**
   * Stores reviews with their buyers, products and orders (each found by its platform id or
   * created) and opens a case for each with its `case_opened` event — a whole batch in a handful of
   * statements. All deadlines run from the review time.
   *
   * Returns the new case id per input, or null where the review was already known: (platform,
   * platform review id) is unique, and a concurrent import of the same review waits here and then
   * finds it. A review repeated within the batch opens one case, for its first occurrence.
   */
  async openCases(
    manager: EntityManager,
    inputs: readonly OpenCaseInput[],
    policy: Policy,
  ): Promise<Array<string | null>> {
    if (inputs.length === 0) return [];
    const buyerKey = (input: OpenCaseInput) => pairKey(input.shopId, input.buyer.platformBuyerId);
    const buyers = firstByKey(inputs, buyerKey);
    const buyerRows: Array<{ id: string; shop_id: string; platform_buyer_id: string }> = await manager.query(
      `INSERT INTO buyer (shop_id, platform, platform_buyer_id, nickname, real_name, phone, address, time_zone)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
     ORDER BY 1, 3
     ON CONFLICT (shop_id, platform_buyer_id) DO UPDATE SET nickname = EXCLUDED.nickname
     RETURNING id, shop_id, platform_buyer_id`,
      [
        buyers.map((input) => input.shopId),
        buyers.map((input) => input.platform),
        buyers.map((input) => input.buyer.platformBuyerId),
        buyers.map((input) => input.buyer.nickname),
        buyers.map((input) => input.buyer.realName ?? null),
        buyers.map((input) => input.buyer.phone ?? null),
        buyers.map((input) => input.buyer.address ?? null),
        buyers.map((input) => input.buyer.timeZone ?? policy.contact.defaultBuyerTimeZone),
      ],
    );
    const buyerIds = new Map(buyerRows.map((row) => [pairKey(row.shop_id, row.platform_buyer_id), row.id]));

    const productKey = (input: OpenCaseInput) => pairKey(input.shopId, input.product?.platformProductId ?? '');
    const products = firstByKey(
      inputs.filter((input) => input.product),
      productKey,
    );
    const productRows: Array<{ id: string; shop_id: string; platform_product_id: string }> =
      products.length === 0
        ? []
        : await manager.query(
            `INSERT INTO product (shop_id, platform_product_id, title)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ORDER BY 1, 2
           ON CONFLICT (shop_id, platform_product_id) DO UPDATE SET title = EXCLUDED.title
           RETURNING id, shop_id, platform_product_id`,
            [
              products.map((input) => input.shopId),
              products.map((input) => input.product?.platformProductId),
              products.map((input) => input.product?.title),
            ],
          );
    const productIds = new Map(productRows.map((row) => [pairKey(row.shop_id, row.platform_product_id), row.id]));
    const productIdOf = (input: OpenCaseInput) => (input.product ? (productIds.get(productKey(input)) ?? null) : null);

    const orderKey = (input: OpenCaseInput) => pairKey(input.shopId, input.order?.platformOrderId ?? '');
    const orders = firstByKey(
      inputs.filter((input) => input.order),
      orderKey,
    );
    const orderRows: Array<{ id: string; shop_id: string; platform_order_id: string }> =
      orders.length === 0
        ? []
        : await manager.query(
            `INSERT INTO trade_order (shop_id, platform_order_id, buyer_id, product_id, sku_name, ordered_at, amount_fen)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::int[])
           ORDER BY 1, 2
           ON CONFLICT (shop_id, platform_order_id)
             DO UPDATE SET sku_name = COALESCE(EXCLUDED.sku_name, trade_order.sku_name)
           RETURNING id, shop_id, platform_order_id`,
            [
              orders.map((input) => input.shopId),
              orders.map((input) => input.order?.platformOrderId),
              orders.map((input) => buyerIds.get(buyerKey(input))),
              orders.map(productIdOf),
              orders.map((input) => input.order?.skuName ?? null),
              orders.map((input) => input.order?.orderedAt ?? null),
              orders.map((input) => input.order?.amountFen ?? null),
            ],
          );
    const orderIds = new Map(orderRows.map((row) => [pairKey(row.shop_id, row.platform_order_id), row.id]));
    const orderIdOf = (input: OpenCaseInput) => (input.order ? (orderIds.get(orderKey(input)) ?? null) : null);

    const reviewKey = (input: OpenCaseInput) => pairKey(input.platform, input.review.platformReviewId);
    const reviews = firstByKey(inputs, reviewKey);
    const reviewRows: Array<{ id: string; platform: string; platform_review_id: string }> = await manager.query(
      `INSERT INTO review (shop_id, platform, platform_review_id, order_id, buyer_id, product_id, rating, current_rating,
        text, reviewed_at, follow_up_text, follow_up_at, seller_reply)
     SELECT shop_id, platform, review_id, order_id, buyer_id, product_id, rating, rating, text, reviewed_at,
        follow_up_text, follow_up_at, seller_reply
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[],
        $9::timestamptz[], $10::text[], $11::timestamptz[], $12::text[])
       AS given(shop_id, platform, review_id, order_id, buyer_id, product_id, rating, text, reviewed_at,
        follow_up_text, follow_up_at, seller_reply)
     ORDER BY platform, review_id
     ON CONFLICT (platform, platform_review_id) DO NOTHING
     RETURNING id, platform, platform_review_id`,
      [
        reviews.map((input) => input.shopId),
        reviews.map((input) => input.platform),
        reviews.map((input) => input.review.platformReviewId),
        reviews.map(orderIdOf),
        reviews.map((input) => buyerIds.get(buyerKey(input))),
        reviews.map(productIdOf),
        reviews.map((input) => input.review.rating),
        reviews.map((input) => input.review.text),
        reviews.map((input) => input.review.reviewedAt),
        reviews.map((input) => input.review.followUpText ?? null),
        reviews.map((input) => input.review.followUpAt ?? null),
        reviews.map((input) => input.review.sellerReply ?? null),
      ],
    );
    const reviewIds = new Map(reviewRows.map((row) => [pairKey(row.platform, row.platform_review_id), row.id]));
    const newReviews = reviews.filter((input) => reviewIds.has(reviewKey(input)));
    if (newReviews.length === 0) return inputs.map(() => null);
    const joined = await this.joinCareCases(manager, newReviews, (input) => ({
      orderId: orderIdOf(input),
      reviewId: reviewIds.get(reviewKey(input)) ?? '',
    }));
    const opened = newReviews.filter((input) => !joined.has(input));

    const deadlines = opened.map((input) =>
      reviewDeadlines(
        { platform: input.platform, severity: input.severity, reviewedAt: input.review.reviewedAt },
        policy,
      ),
    );
    const caseRows: Array<{ id: string; review_id: string }> = await manager.query(
      `INSERT INTO support_case (shop_id, review_id, buyer_id, order_id, product_id, platform, stage, version, rating,
        severity, reviewed_at, assignee_id, suggested_root_cause, root_cause, first_contact_due_at, resolution_due_at,
        appeal_deadline_at, revision_window_ends_at, urgency_at, suggested_sub_cause, sub_cause, buyer_type, misclick,
        triage, has_follow_up, sku_name)
     SELECT shop_id, review_id, buyer_id, order_id, product_id, platform, 'new', 1, rating, severity, reviewed_at,
        assignee_id, root_cause, root_cause, first_contact_due_at, resolution_due_at, appeal_deadline_at,
        revision_window_ends_at, first_contact_due_at, sub_cause, sub_cause, buyer_type, misclick, triage, has_follow_up,
        sku_name
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
        $9::timestamptz[], $10::uuid[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[],
        $15::timestamptz[], $16::text[], $17::text[], $18::boolean[], $19::jsonb[], $20::boolean[], $21::text[])
       AS given(shop_id, review_id, buyer_id, order_id, product_id, platform, rating, severity, reviewed_at,
        assignee_id, root_cause, first_contact_due_at, resolution_due_at, appeal_deadline_at, revision_window_ends_at,
        sub_cause, buyer_type, misclick, triage, has_follow_up, sku_name)
     RETURNING id, review_id`,
      [
        opened.map((input) => input.shopId),
        opened.map((input) => reviewIds.get(reviewKey(input))),
        opened.map((input) => buyerIds.get(buyerKey(input))),
        opened.map(orderIdOf),
        opened.map(productIdOf),
        opened.map((input) => input.platform),
        opened.map((input) => input.review.rating),
        opened.map((input) => input.severity),
        opened.map((input) => input.review.reviewedAt),
        opened.map((input) => input.assigneeId ?? null),
        opened.map((input) => input.suggestedRootCause),
        deadlines.map((deadline) => deadline.firstContactDueAt),
        deadlines.map((deadline) => deadline.resolutionDueAt),
        deadlines.map((deadline) => deadline.appealDeadlineAt),
        deadlines.map((deadline) => deadline.revisionWindowEndsAt),
        opened.map((input) => input.suggestedSubCause ?? null),
        opened.map((input) => input.buyerType ?? 'new_buyer'),
        opened.map((input) => input.misclick ?? false),
        opened.map((input) => (input.triage ? JSON.stringify(input.triage) : null)),
        opened.map((input) => !!input.review.followUpText?.trim()),
        opened.map((input) => input.order?.skuName?.trim() || null),
      ],
    );
    const caseIds = new Map(caseRows.map((row) => [row.review_id, row.id]));
    const caseIdOf = (input: OpenCaseInput) =>
      joined.get(input) ?? caseIds.get(reviewIds.get(reviewKey(input)) ?? '') ?? null;

    await manager.query(
      `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     SELECT case_id, shop_id, 1, 'case_opened', 'system', at, data
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::jsonb[]) AS given(case_id, shop_id, at, data)`,
      [
        opened.map(caseIdOf),
        opened.map((input) => input.shopId),
        opened.map((input) => input.review.reviewedAt),
        opened.map((input) =>
          JSON.stringify({
            source: input.source,
            platformReviewId: input.review.platformReviewId,
            suggestedRootCause: input.suggestedRootCause,
            suggestedSubCause: input.suggestedSubCause ?? null,
            severity: input.severity,
            buyerType: input.buyerType ?? 'new_buyer',
            misclick: input.misclick ?? false,
            assigneeId: input.assigneeId ?? null,
          }),
        ),
      ],
    );
    const firstOfKey = new Map(reviews.map((input) => [reviewKey(input), input]));
    return inputs.map((input) => (firstOfKey.get(reviewKey(input)) === input ? caseIdOf(input) : null));
  }

  /**
   * A review of an order whose care contact found a problem joins the case care opened (DESIGN §7a)
   * instead of opening a second one: the case takes the review, its rating and an event. Returns the
   * case each joining review went to.
   */
  private async joinCareCases(
    manager: EntityManager,
    reviews: readonly OpenCaseInput[],
    idsOf: (input: OpenCaseInput) => { orderId: string | null; reviewId: string },
  ): Promise<Map<OpenCaseInput, string>> {
    const orderIds = reviews.map((input) => idsOf(input).orderId).filter((id): id is string => id !== null);
    const joined = new Map<OpenCaseInput, string>();
    if (orderIds.length === 0) return joined;
    const waiting: Array<{ id: string; order_id: string }> = await manager.query(
      `SELECT id, order_id FROM support_case WHERE review_id IS NULL AND order_id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [orderIds],
    );
    const caseOfOrder = new Map(waiting.map((row) => [row.order_id, row.id]));
    for (const input of reviews) {
      const { orderId } = idsOf(input);
      const caseId = orderId ? caseOfOrder.get(orderId) : undefined;
      if (!orderId || !caseId) continue;
      joined.set(input, caseId);
      caseOfOrder.delete(orderId); // a second review of the order (another sub-order) opens its own case
    }
    if (joined.size === 0) return joined;
    const joins = [...joined];
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [updated]: [Array<{ id: string; shop_id: string; version: number }>, number] = await manager.query(
      `UPDATE support_case c SET review_id = given.review_id, rating = given.rating, has_follow_up = given.has_follow_up,
        version = c.version + 1, updated_at = given.at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::timestamptz[])
         AS given(case_id, review_id, rating, has_follow_up, at)
      WHERE c.id = given.case_id
      RETURNING c.id, c.shop_id, c.version`,
      [
        joins.map(([, caseId]) => caseId),
        joins.map(([input]) => idsOf(input).reviewId),
        joins.map(([input]) => input.review.rating),
        joins.map(([input]) => !!input.review.followUpText?.trim()),
        joins.map(([input]) => input.review.reviewedAt),
      ],
    );
    const byCase = new Map(joins.map(([input, caseId]) => [caseId, input]));
    await manager.query(
      `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     SELECT case_id, shop_id, case_version, 'review_joined', 'system', at, data
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::jsonb[])
         AS given(case_id, shop_id, case_version, at, data)`,
      [
        updated.map((row) => row.id),
        updated.map((row) => row.shop_id),
        updated.map((row) => row.version),
        updated.map((row) => byCase.get(row.id)?.review.reviewedAt),
        updated.map((row) => {
          const input = byCase.get(row.id);
          return JSON.stringify({
            platformReviewId: input?.review.platformReviewId ?? null,
            rating: input?.review.rating ?? null,
            text: input?.review.text ?? null,
          });
        }),
      ],
    );
    return joined;
  }

  /** One review: see `openCases`. */
  async openCase(manager: EntityManager, input: OpenCaseInput, policy: Policy): Promise<string | null> {
    const [caseId] = await this.openCases(manager, [input], policy);
    return caseId ?? null;
  }

  /** The shop intake writes into, or null when there is no such shop. */
  async shop(manager: EntityManager, shopId: string): Promise<ShopRef | null> {
    const rows: ShopRef[] = await manager.query(`SELECT id, platform FROM shop WHERE id = $1`, [shopId]);
    return rows[0] ?? null;
  }

  /** Known reviews by platform review id, locked until the batch commits. */
  async knownReviews(
    manager: EntityManager,
    platform: Platform,
    platformReviewIds: readonly string[],
  ): Promise<Map<string, KnownReview>> {
    if (platformReviewIds.length === 0) return new Map();
    const rows: KnownReview[] = await manager.query(
      `SELECT r.id AS review_id, r.platform_review_id, r.shop_id, r.current_rating, r.platform_state,
              r.follow_up_text, r.seller_reply, c.id AS case_id
       FROM review r LEFT JOIN support_case c ON c.review_id = r.id
       WHERE r.platform = $1 AND r.platform_review_id = ANY($2)
       ORDER BY r.platform_review_id
       FOR UPDATE OF r`,
      [platform, platformReviewIds],
    );
    return new Map(rows.map((row) => [row.platform_review_id, row]));
  }

  /** What a later import says of a known review: its rating now, and a follow-up or seller reply once given. */
  async recordPlatformUpdate(
    manager: EntityManager,
    update: { reviewId: string; review: IncomingReview; at: Date },
  ): Promise<void> {
    const { review } = update;
    await manager.query(
      `UPDATE review SET current_rating = $2,
         follow_up_text = COALESCE($3, follow_up_text), follow_up_at = COALESCE($4, follow_up_at),
         seller_reply = COALESCE($5, seller_reply), platform_updated_at = $6
       WHERE id = $1`,
      [update.reviewId, review.rating, review.followUpText, review.followUpAt, review.sellerReply, update.at],
    );
  }

  /** What triage weighs of each buyer's past with the shop, by platform buyer id. */
  async buyerHistories(
    manager: EntityManager,
    shopId: string,
    platformBuyerIds: readonly string[],
  ): Promise<Map<string, BuyerHistory>> {
    const rows: Array<{
      platform_buyer_id: string;
      orders: string;
      complaints: string;
      compensations: string;
      malicious: string;
    }> = await manager.query(
      `SELECT b.platform_buyer_id,
              (SELECT count(*) FROM trade_order o WHERE o.buyer_id = b.id) AS orders,
              (SELECT count(*) FROM support_case c WHERE c.buyer_id = b.id) AS complaints,
              (SELECT count(*) FROM compensation x WHERE x.buyer_id = b.id AND x.status = 'paid') AS compensations,
              (SELECT count(*) FROM support_case c WHERE c.buyer_id = b.id AND c.malicious_kind IS NOT NULL) AS malicious
       FROM buyer b WHERE b.shop_id = $1 AND b.platform_buyer_id = ANY($2)`,
      [shopId, [...new Set(platformBuyerIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.platform_buyer_id,
        {
          orderCount: Number(row.orders),
          earlierComplaintCount: Number(row.complaints),
          compensationsReceived: Number(row.compensations),
          maliciousFlagCount: Number(row.malicious),
        },
      ]),
    );
  }

  /** Agents of the shop who are on shift, with the severity-weighted count of their open cases. */
  async assignmentCandidates(
    manager: EntityManager,
    shopId: string,
    assignment: AssignmentPolicy,
  ): Promise<AssignmentCandidate[]> {
    const weights = assignment.severityWeights;
    const rows: Array<{ user_id: string; load: string }> = await manager.query(
      `SELECT u.id AS user_id,
              COALESCE((SELECT sum(CASE c.severity WHEN 'low' THEN $2::int WHEN 'medium' THEN $3::int
                                                  WHEN 'high' THEN $4::int ELSE $5::int END)
                        FROM support_case c WHERE c.assignee_id = u.id AND c.stage <> 'recorded'), 0) AS load
       FROM app_user u JOIN user_shop us ON us.user_id = u.id
       WHERE us.shop_id = $1 AND u.role = 'agent' AND u.on_shift`,
      [shopId, weights.low, weights.medium, weights.high, weights.critical],
    );
    return rows.map((row) => ({ userId: row.user_id, weightedLoad: Number(row.load) }));
  }
}
