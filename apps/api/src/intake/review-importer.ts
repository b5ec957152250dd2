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
  type Rating,
  type ReviewSnapshot,
} from '@chaping/domain';

import { toCaseState } from '../cases/case-row';
import { CaseRepository } from '../cases/case.repository';
import { TriageModelsService } from '../triage-learning/triage-models.service';
import { validateIncoming, type FieldRejection, type IncomingReview, type RawReview } from './incoming/incoming-review';
import { openCases, triageFields, type OpenCaseInput } from './open-case';

export interface ShopRef {
  readonly id: string;
  readonly platform: Platform;
}

export interface ImportRow {
  readonly rowNumber: number;
  readonly raw: RawReview;
}

/** A rejected field of a row; the field is a review's or, in a care-order import, an order's. */
export interface RowRejection extends Omit<FieldRejection, 'field'> {
  readonly rowNumber: number;
  readonly field: string;
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
  platform_review_id: string;
  shop_id: string;
  current_rating: ReviewSnapshot['rating'];
  platform_state: string;
  follow_up_text: string | null;
  seller_reply: string | null;
  case_id: string | null;
}

interface ValidRow {
  readonly rowNumber: number;
  readonly review: IncomingReview;
}

/** A new neutral or negative review: the only kind that opens a case. */
interface NewCaseRow extends ValidRow {
  readonly rating: Rating;
}

const NO_HISTORY: BuyerHistory = {
  orderCount: 0,
  earlierComplaintCount: 0,
  compensationsReceived: 0,
  maliciousFlagCount: 0,
};

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
  constructor(
    private readonly cases: CaseRepository,
    private readonly triageModels: TriageModelsService,
  ) {}

  async importRows(
    manager: EntityManager,
    shop: ShopRef,
    rows: readonly ImportRow[],
    policy: Policy,
    now: Date,
    source: string,
  ): Promise<BatchOutcome> {
    const outcome = emptyOutcome();
    outcome.rowsRead = rows.length;
    const reject = (rowNumber: number, rejections: readonly FieldRejection[]) => {
      outcome.rejected += 1;
      outcome.rejections.push(...rejections.map((rejection) => ({ ...rejection, rowNumber })));
    };

    // A review repeated inside the batch is handled after its first occurrence is written.
    const firsts: ValidRow[] = [];
    const repeats: ValidRow[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const validated = validateIncoming(row.raw);
      if (!validated.ok) {
        reject(row.rowNumber, validated.rejections);
        continue;
      }
      const valid = { rowNumber: row.rowNumber, review: validated.review };
      if (seen.has(valid.review.platformReviewId)) repeats.push(valid);
      else {
        seen.add(valid.review.platformReviewId);
        firsts.push(valid);
      }
    }

    const known = await this.findKnown(
      manager,
      shop.platform,
      firsts.map((row) => row.review.platformReviewId),
    );
    const toOpen: NewCaseRow[] = [];
    for (const row of firsts) {
      const found = known.get(row.review.platformReviewId);
      const { rating } = row.review;
      if (found) await this.settleKnown(manager, shop, found, row, policy, now, outcome, reject);
      // A good review needs no case; a review deleted before we saw it has nothing left to work on.
      else if (rating === 'positive' || row.review.deleted) outcome.skipped += 1;
      else toOpen.push({ ...row, rating });
    }
    await this.openAll(manager, shop, toOpen, policy, source, outcome);

    for (const row of repeats) {
      const found = (await this.findKnown(manager, shop.platform, [row.review.platformReviewId])).get(
        row.review.platformReviewId,
      );
      if (found) await this.settleKnown(manager, shop, found, row, policy, now, outcome, reject);
      else outcome.skipped += 1;
    }
    return outcome;
  }

  private async settleKnown(
    manager: EntityManager,
    shop: ShopRef,
    known: KnownReview,
    row: ValidRow,
    policy: Policy,
    now: Date,
    outcome: BatchOutcome,
    reject: (rowNumber: number, rejections: readonly FieldRejection[]) => void,
  ): Promise<void> {
    if (known.shop_id !== shop.id) {
      reject(row.rowNumber, [{ field: 'platformReviewId', code: 'other_shop', value: row.review.platformReviewId }]);
    } else if (await this.applyUpdate(manager, known, row.review, policy, now)) outcome.updated += 1;
    else outcome.duplicates += 1;
  }

  /** Triages and assigns the new reviews and opens their cases in one set of statements. */
  private async openAll(
    manager: EntityManager,
    shop: ShopRef,
    rows: readonly NewCaseRow[],
    policy: Policy,
    source: string,
    outcome: BatchOutcome,
  ): Promise<void> {
    if (rows.length === 0) return;
    const histories = await this.buyerHistories(
      manager,
      shop.id,
      rows.map((row) => row.review.buyerPlatformId),
    );
    const assignment = new AssignmentPool(await this.candidates(manager, shop.id, policy), policy);
    const model = await this.triageModels.activeModel(manager, shop.id);
    const inputs: OpenCaseInput[] = rows.map(({ review, rating }) => {
      const triage = triageReview(
        {
          text: review.text,
          rating,
          followUpText: review.followUpText,
          buyerHistory: histories.get(review.buyerPlatformId) ?? NO_HISTORY,
          orderAmountFen: review.orderAmountFen,
        },
        model,
      );
      return {
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
          rating,
          text: review.text,
          reviewedAt: review.reviewedAt,
          followUpText: review.followUpText,
          followUpAt: review.followUpAt,
          sellerReply: review.sellerReply,
        },
        ...triageFields(triage),
        assigneeId: assignment.take(triage.severity),
        source,
      };
    });
    const caseIds = await openCases(manager, inputs, policy);
    caseIds.forEach((caseId, index) => {
      if (caseId) {
        outcome.imported += 1;
        outcome.caseIds.push(caseId);
      } else {
        // Opened meanwhile by a concurrent import of the same review.
        const input = inputs[index];
        if (input) assignment.giveBack(input.assigneeId ?? null, input.severity);
        outcome.duplicates += 1;
      }
    });
  }

  /** Known reviews by platform review id, locked until the batch commits. */
  private async findKnown(
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

  private async buyerHistories(
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
