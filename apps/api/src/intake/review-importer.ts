import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  applyPlatformChanges,
  pickAssignee,
  reviewChanges,
  triageReview,
  type AssignmentCandidate,
  type BuyerHistory,
  type Policy,
  type Rating,
} from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import { TriageModelsService } from '../triage-learning/triage-models.service';
import { CaseIntakeRepository, type KnownReview } from './case-intake.repository';
import { validateIncoming, type FieldRejection, type IncomingReview, type RawReview } from './incoming/incoming-review';
import { triageFields, type OpenCaseInput, type ShopRef } from './intake-input';

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

interface ValidRow {
  readonly rowNumber: number;
  readonly review: IncomingReview;
}

/** A new neutral or negative review: the only kind that opens a case. */
interface NewCaseRow extends ValidRow {
  readonly rating: Rating;
}

/** A batch of rows to write, and what writing them depends on. */
export interface ReviewBatch {
  readonly shop: ShopRef;
  readonly rows: readonly ImportRow[];
  readonly policy: Policy;
  readonly now: Date;
  /** What opened the cases (`file`, `api:<format>`, `pull:<platform>`), kept on each case_opened event. */
  readonly source: string;
}

/** A batch being written: its transaction, its outcome so far, and how a row is rejected. */
interface BatchWork extends Omit<ReviewBatch, 'rows'> {
  readonly manager: EntityManager;
  readonly outcome: BatchOutcome;
  readonly reject: (rowNumber: number, rejections: readonly FieldRejection[]) => void;
}

const NO_HISTORY: BuyerHistory = {
  orderCount: 0,
  earlierComplaintCount: 0,
  compensationsReceived: 0,
  maliciousFlagCount: 0,
};

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
    private readonly runner: CaseCommandRunner,
    private readonly intake: CaseIntakeRepository,
    private readonly triageModels: TriageModelsService,
  ) {}

  async importRows(manager: EntityManager, { shop, rows, policy, now, source }: ReviewBatch): Promise<BatchOutcome> {
    const outcome = emptyOutcome();
    outcome.rowsRead = rows.length;
    const reject = (rowNumber: number, rejections: readonly FieldRejection[]) => {
      outcome.rejected += 1;
      outcome.rejections.push(...rejections.map((rejection) => ({ ...rejection, rowNumber })));
    };
    const batch: BatchWork = { manager, shop, policy, now, source, outcome, reject };

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

    const known = await this.intake.knownReviews(
      manager,
      shop.platform,
      firsts.map((row) => row.review.platformReviewId),
    );
    const toOpen: NewCaseRow[] = [];
    for (const row of firsts) {
      const found = known.get(row.review.platformReviewId);
      const { rating } = row.review;
      if (found) await this.settleKnown(batch, found, row);
      // A good review needs no case; a review deleted before we saw it has nothing left to work on.
      else if (rating === 'positive' || row.review.deleted) outcome.skipped += 1;
      else toOpen.push({ ...row, rating });
    }
    await this.openAll(batch, toOpen);

    for (const row of repeats) {
      const found = (await this.intake.knownReviews(manager, shop.platform, [row.review.platformReviewId])).get(
        row.review.platformReviewId,
      );
      if (found) await this.settleKnown(batch, found, row);
      else outcome.skipped += 1;
    }
    return outcome;
  }

  private async settleKnown(batch: BatchWork, known: KnownReview, row: ValidRow): Promise<void> {
    if (known.shop_id !== batch.shop.id) {
      batch.reject(row.rowNumber, [
        { field: 'platformReviewId', code: 'other_shop', value: row.review.platformReviewId },
      ]);
    } else if (await this.applyUpdate(batch, known, row.review)) batch.outcome.updated += 1;
    else batch.outcome.duplicates += 1;
  }

  /** Triages and assigns the new reviews and opens their cases in one set of statements. */
  private async openAll(batch: BatchWork, rows: readonly NewCaseRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { manager, shop, policy, source, outcome } = batch;
    const histories = await this.intake.buyerHistories(
      manager,
      shop.id,
      rows.map((row) => row.review.buyerPlatformId),
    );
    const assignment = new AssignmentPool(
      await this.intake.assignmentCandidates(manager, shop.id, policy.assignment),
      policy,
    );
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
    const caseIds = await this.intake.openCases(manager, inputs, policy);
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

  /** Returns whether anything changed on the platform since the review was last seen. */
  private async applyUpdate({ manager, now }: BatchWork, known: KnownReview, review: IncomingReview): Promise<boolean> {
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
    await this.intake.recordPlatformUpdate(manager, { reviewId: known.review_id, review, at: now });
    if (!known.case_id) return true;
    await this.runner.applyAsSystem(manager, { caseId: known.case_id, now }, (state, ctx) =>
      applyPlatformChanges(state, changes, ctx),
    );
    return true;
  }
}

/** The batch's view of agents' loads: each case it assigns adds its weight before the next pick. */
class AssignmentPool {
  private readonly loads: Map<string, number>;

  constructor(
    candidates: readonly AssignmentCandidate[],
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
