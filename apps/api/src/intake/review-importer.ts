import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  applyPlatformChanges,
  pickAssignee,
  reviewChanges,
  triageReview,
  type BuyerHistory,
  type CommandContext,
  type Platform,
  type Policy,
  type ReviewSnapshot,
} from '@chaping/domain';

import { toCaseState } from '../cases/case-row';
import { CaseRepository } from '../cases/case.repository';
import { validateIncoming, type FieldRejection, type IncomingReview, type RawReview } from './incoming/incoming-review';
import { openCase } from './open-case';

export interface ShopRef {
  readonly id: string;
  readonly platform: Platform;
}

export interface ImportRow {
  readonly rowNumber: number;
  readonly raw: RawReview;
}

export interface RowRejection extends FieldRejection {
  readonly rowNumber: number;
}

export interface BatchOutcome {
  rowsRead: number;
  imported: number;
  updated: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  rejections: RowRejection[];
  caseIds: string[];
}

interface KnownReview {
  review_id: string;
  shop_id: string;
  current_rating: ReviewSnapshot['rating'];
  platform_state: string;
  follow_up_text: string | null;
  seller_reply: string | null;
  case_id: string | null;
}

interface Candidate {
  userId: string;
  weightedLoad: number;
}

const SYSTEM_ACTOR = { id: 'system', role: 'admin' } as const;

export const emptyOutcome = (): BatchOutcome => ({
  rowsRead: 0,
  imported: 0,
  updated: 0,
  duplicates: 0,
  skipped: 0,
  rejected: 0,
  rejections: [],
  caseIds: [],
});

/**
 * Writes reviews into cases, in the caller's transaction. A known review (same platform and
 * platform review id) never opens a second case: what changed on the platform becomes case
 * events, and an unchanged one is counted as a duplicate.
 */
@Injectable()
export class ReviewImporter {
  constructor(private readonly cases: CaseRepository) {}

  async importRows(
    manager: EntityManager,
    shop: ShopRef,
    rows: readonly ImportRow[],
    policy: Policy,
    now: Date,
    source: string,
  ): Promise<BatchOutcome> {
    const outcome = emptyOutcome();
    const assignment = new AssignmentPool(await this.candidates(manager, shop.id, policy), policy);
    for (const row of rows) {
      outcome.rowsRead += 1;
      const validated = validateIncoming(row.raw);
      if (!validated.ok) {
        outcome.rejected += 1;
        outcome.rejections.push(
          ...validated.rejections.map((rejection) => ({ ...rejection, rowNumber: row.rowNumber })),
        );
        continue;
      }
      const result = await this.importOne(manager, shop, validated.review, assignment, policy, now, source);
      if (result.kind === 'rejected') {
        outcome.rejected += 1;
        outcome.rejections.push({ ...result.rejection, rowNumber: row.rowNumber });
      } else {
        outcome[result.kind] += 1;
        if (result.kind === 'imported') outcome.caseIds.push(result.caseId);
      }
    }
    return outcome;
  }

  private async importOne(
    manager: EntityManager,
    shop: ShopRef,
    review: IncomingReview,
    assignment: AssignmentPool,
    policy: Policy,
    now: Date,
    source: string,
  ): Promise<
    | { kind: 'imported'; caseId: string }
    | { kind: 'updated' | 'duplicates' | 'skipped' }
    | { kind: 'rejected'; rejection: FieldRejection }
  > {
    const known = await this.findKnown(manager, shop.platform, review.platformReviewId);
    if (known) {
      if (known.shop_id !== shop.id) {
        return {
          kind: 'rejected',
          rejection: { field: 'platformReviewId', code: 'other_shop', value: review.platformReviewId },
        };
      }
      return (await this.applyUpdate(manager, known, review, policy, now))
        ? { kind: 'updated' }
        : { kind: 'duplicates' };
    }
    // A good review needs no case; a review deleted before we saw it has nothing left to work on.
    if (review.rating === 'positive' || review.deleted) return { kind: 'skipped' };

    const history = await this.buyerHistory(manager, shop.id, review.buyerPlatformId);
    const triage = triageReview({
      text: review.text,
      rating: review.rating,
      followUpText: review.followUpText,
      buyerHistory: history,
      orderAmountFen: review.orderAmountFen,
    });
    const assigneeId = assignment.take(triage.severity);
    const caseId = await openCase(
      manager,
      {
        shopId: shop.id,
        platform: shop.platform,
        buyer: { platformBuyerId: review.buyerPlatformId, nickname: review.buyerNickname },
        product: review.platformProductId
          ? { platformProductId: review.platformProductId, title: review.productTitle ?? review.platformProductId }
          : null,
        order: review.platformOrderId
          ? { platformOrderId: review.platformOrderId, skuName: review.skuName, amountFen: review.orderAmountFen }
          : null,
        review: {
          platformReviewId: review.platformReviewId,
          rating: review.rating,
          text: review.text,
          reviewedAt: review.reviewedAt,
          followUpText: review.followUpText,
          followUpAt: review.followUpAt,
          sellerReply: review.sellerReply,
        },
        severity: triage.severity,
        suggestedRootCause: triage.rootCause,
        suggestedSubCause: triage.subCause,
        buyerType: triage.buyerType,
        misclick: triage.misclick,
        triage,
        assigneeId,
        source,
      },
      policy,
    );
    if (!caseId) {
      assignment.giveBack(assigneeId, triage.severity);
      return { kind: 'duplicates' };
    }
    return { kind: 'imported', caseId };
  }

  private async findKnown(
    manager: EntityManager,
    platform: Platform,
    platformReviewId: string,
  ): Promise<KnownReview | null> {
    const rows: KnownReview[] = await manager.query(
      `SELECT r.id AS review_id, r.shop_id, r.current_rating, r.platform_state, r.follow_up_text, r.seller_reply,
              c.id AS case_id
       FROM review r LEFT JOIN support_case c ON c.review_id = r.id
       WHERE r.platform = $1 AND r.platform_review_id = $2
       FOR UPDATE OF r`,
      [platform, platformReviewId],
    );
    return rows[0] ?? null;
  }

  /** Returns whether anything changed on the platform since the review was last seen. */
  private async applyUpdate(
    manager: EntityManager,
    known: KnownReview,
    review: IncomingReview,
    policy: Policy,
    now: Date,
  ): Promise<boolean> {
    const changes = reviewChanges(
      {
        rating: known.current_rating,
        deleted: known.platform_state === 'deleted',
        followUpText: known.follow_up_text,
        sellerReply: known.seller_reply,
      },
      {
        rating: review.rating,
        deleted: review.deleted,
        followUpText: review.followUpText,
        sellerReply: review.sellerReply,
      },
    );
    if (changes.length === 0) return false;
    await manager.query(
      `UPDATE review SET current_rating = $2,
         follow_up_text = COALESCE($3, follow_up_text), follow_up_at = COALESCE($4, follow_up_at),
         seller_reply = COALESCE($5, seller_reply), platform_updated_at = $6
       WHERE id = $1`,
      [known.review_id, review.rating, review.followUpText, review.followUpAt, review.sellerReply, now],
    );
    if (!known.case_id) return true;
    const row = await this.cases.loadRow(manager, known.case_id);
    if (!row) return true;
    const ctx: CommandContext = { now, actor: SYSTEM_ACTOR, policy, newId: () => this.cases.newId() };
    const before = toCaseState(row);
    const result = applyPlatformChanges(before, changes, ctx);
    if (result.ok) await this.cases.save(manager, before, result.state, result.events, row.version, policy, now);
    return true;
  }

  private async buyerHistory(manager: EntityManager, shopId: string, platformBuyerId: string): Promise<BuyerHistory> {
    const rows: Array<{ orders: string; complaints: string; compensations: string; malicious: string }> =
      await manager.query(
        `WITH b AS (SELECT id FROM buyer WHERE shop_id = $1 AND platform_buyer_id = $2)
         SELECT (SELECT count(*) FROM trade_order WHERE buyer_id IN (SELECT id FROM b)) AS orders,
                (SELECT count(*) FROM support_case WHERE buyer_id IN (SELECT id FROM b)) AS complaints,
                (SELECT count(*) FROM compensation WHERE buyer_id IN (SELECT id FROM b) AND status = 'paid') AS compensations,
                (SELECT count(*) FROM support_case WHERE buyer_id IN (SELECT id FROM b) AND malicious_kind IS NOT NULL) AS malicious`,
        [shopId, platformBuyerId],
      );
    const row = rows[0];
    return {
      orderCount: Number(row?.orders ?? 0),
      earlierComplaintCount: Number(row?.complaints ?? 0),
      compensationsReceived: Number(row?.compensations ?? 0),
      maliciousFlagCount: Number(row?.malicious ?? 0),
    };
  }

  /** Agents of the shop who are on shift, with the severity-weighted count of their open cases. */
  private async candidates(manager: EntityManager, shopId: string, policy: Policy): Promise<Candidate[]> {
    const weights = policy.assignment.severityWeights;
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

/** The batch's view of agents' loads: each case it assigns adds its weight before the next pick. */
class AssignmentPool {
  private readonly loads: Map<string, number>;

  constructor(
    candidates: readonly Candidate[],
    private readonly policy: Policy,
  ) {
    this.loads = new Map(candidates.map((candidate) => [candidate.userId, candidate.weightedLoad]));
  }

  take(severity: keyof Policy['assignment']['severityWeights']): string | null {
    const userId = pickAssignee([...this.loads].map(([id, weightedLoad]) => ({ userId: id, weightedLoad })));
    if (userId)
      this.loads.set(userId, (this.loads.get(userId) ?? 0) + this.policy.assignment.severityWeights[severity]);
    return userId;
  }

  giveBack(userId: string | null, severity: keyof Policy['assignment']['severityWeights']): void {
    if (userId)
      this.loads.set(userId, (this.loads.get(userId) ?? 0) - this.policy.assignment.severityWeights[severity]);
  }
}
