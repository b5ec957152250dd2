import type { EntityManager } from 'typeorm';

import {
  reviewDeadlines,
  type BuyerType,
  type Platform,
  type Policy,
  type Rating,
  type RootCause,
  type Severity,
  type TriageResult,
} from '@chaping/domain';

export interface OpenCaseInput {
  shopId: string;
  platform: Platform;
  buyer: {
    platformBuyerId: string;
    nickname: string;
    realName?: string | null;
    phone?: string | null;
    address?: string | null;
    timeZone?: string;
  };
  product?: { platformProductId: string; title: string } | null;
  order?: {
    platformOrderId: string;
    skuName?: string | null;
    orderedAt?: Date | null;
    amountFen?: number | null;
  } | null;
  review: {
    platformReviewId: string;
    rating: Rating;
    text: string;
    reviewedAt: Date;
    followUpText?: string | null;
    followUpAt?: Date | null;
    sellerReply?: string | null;
  };
  severity: Severity;
  suggestedRootCause: RootCause | null;
  suggestedSubCause?: string | null;
  buyerType?: BuyerType;
  misclick?: boolean;
  triage?: TriageResult | null;
  assigneeId?: string | null;
  source: string;
}

const one = async (manager: EntityManager, sql: string, params: unknown[]): Promise<string> => {
  const rows: Array<{ id: string }> = await manager.query(sql, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`Expected a row from: ${sql.slice(0, 60)}`);
  return id;
};

/**
 * Stores a review with its buyer, product and order (each found by its platform id or created)
 * and opens its case with the `case_opened` event. All deadlines run from the review time.
 * Returns null, writing no review or case, when the review is already known: (platform, platform
 * review id) is unique, and a concurrent import of the same review waits here and then finds it.
 */
export async function openCase(manager: EntityManager, input: OpenCaseInput, policy: Policy): Promise<string | null> {
  const { shopId, platform } = input;
  const buyerId = await one(
    manager,
    `INSERT INTO buyer (shop_id, platform, platform_buyer_id, nickname, real_name, phone, address, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (shop_id, platform_buyer_id) DO UPDATE SET nickname = EXCLUDED.nickname
     RETURNING id`,
    [
      shopId,
      platform,
      input.buyer.platformBuyerId,
      input.buyer.nickname,
      input.buyer.realName ?? null,
      input.buyer.phone ?? null,
      input.buyer.address ?? null,
      input.buyer.timeZone ?? policy.contact.defaultBuyerTimeZone,
    ],
  );
  const productId = input.product
    ? await one(
        manager,
        `INSERT INTO product (shop_id, platform_product_id, title) VALUES ($1, $2, $3)
         ON CONFLICT (shop_id, platform_product_id) DO UPDATE SET title = EXCLUDED.title
         RETURNING id`,
        [shopId, input.product.platformProductId, input.product.title],
      )
    : null;
  const orderId = input.order
    ? await one(
        manager,
        `INSERT INTO trade_order (shop_id, platform_order_id, buyer_id, product_id, sku_name, ordered_at, amount_fen)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (shop_id, platform_order_id) DO UPDATE SET sku_name = COALESCE(EXCLUDED.sku_name, trade_order.sku_name)
         RETURNING id`,
        [
          shopId,
          input.order.platformOrderId,
          buyerId,
          productId,
          input.order.skuName ?? null,
          input.order.orderedAt ?? null,
          input.order.amountFen ?? null,
        ],
      )
    : null;
  const { review } = input;
  const inserted: Array<{ id: string }> = await manager.query(
    `INSERT INTO review (shop_id, platform, platform_review_id, order_id, buyer_id, product_id, rating, current_rating,
        text, reviewed_at, follow_up_text, follow_up_at, seller_reply)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (platform, platform_review_id) DO NOTHING
     RETURNING id`,
    [
      shopId,
      platform,
      review.platformReviewId,
      orderId,
      buyerId,
      productId,
      review.rating,
      review.text,
      review.reviewedAt,
      review.followUpText ?? null,
      review.followUpAt ?? null,
      review.sellerReply ?? null,
    ],
  );
  const reviewId = inserted[0]?.id;
  if (!reviewId) return null;
  const deadlines = reviewDeadlines({ platform, severity: input.severity, reviewedAt: review.reviewedAt }, policy);
  const caseId = await one(
    manager,
    `INSERT INTO support_case (shop_id, review_id, buyer_id, order_id, product_id, platform, stage, version, rating, severity,
        reviewed_at, assignee_id, suggested_root_cause, root_cause, first_contact_due_at, resolution_due_at,
        appeal_deadline_at, revision_window_ends_at, urgency_at, suggested_sub_cause, sub_cause, buyer_type, misclick,
        triage, has_follow_up)
     VALUES ($1, $2, $3, $4, $5, $6, 'new', 1, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $12, $16, $16, $17, $18,
        $19, $20)
     RETURNING id`,
    [
      shopId,
      reviewId,
      buyerId,
      orderId,
      productId,
      platform,
      review.rating,
      input.severity,
      review.reviewedAt,
      input.assigneeId ?? null,
      input.suggestedRootCause,
      deadlines.firstContactDueAt,
      deadlines.resolutionDueAt,
      deadlines.appealDeadlineAt,
      deadlines.revisionWindowEndsAt,
      input.suggestedSubCause ?? null,
      input.buyerType ?? 'new_buyer',
      input.misclick ?? false,
      input.triage ? JSON.stringify(input.triage) : null,
      !!review.followUpText?.trim(),
    ],
  );
  await manager.query(
    `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     VALUES ($1, $2, 1, 'case_opened', 'system', $3, $4)`,
    [
      caseId,
      shopId,
      review.reviewedAt,
      {
        source: input.source,
        platformReviewId: review.platformReviewId,
        suggestedRootCause: input.suggestedRootCause,
        suggestedSubCause: input.suggestedSubCause ?? null,
        severity: input.severity,
        buyerType: input.buyerType ?? 'new_buyer',
        misclick: input.misclick ?? false,
        assigneeId: input.assigneeId ?? null,
      },
    ],
  );
  return caseId;
}
