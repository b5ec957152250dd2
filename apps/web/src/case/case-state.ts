import type { ApprovalReason, CaseState, ReviewPlatformState } from '@chaping/domain';

import type { CaseView } from '../shared/api';

const date = (iso: string) => new Date(iso);
const optionalDate = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/**
 * The case as the domain sees it, rebuilt from the API's view, so that the web asks the very
 * functions the API enforces whether an action is allowed (and why not). Personal data arrives
 * masked: the reply check here cannot see the buyer's full name, the API's check can.
 */
export function caseStateFromView(view: CaseView): CaseState {
  return {
    id: view.id,
    shopId: view.shopId,
    platform: view.platform,
    stage: view.stage,
    rating: view.review.rating as CaseState['rating'],
    severity: view.severity,
    reviewedAt: date(view.review.reviewedAt),
    buyerId: view.buyer.id,
    assigneeId: view.assignee?.id ?? null,
    buyerType: view.buyerType,
    misclick: view.misclick,
    buyerTimeZone: view.buyer.timeZone,
    buyerDoNotContact: view.buyer.doNotContact,
    buyerKnownNames: [],
    productModel: view.productModel,
    hasFollowUp: view.hasFollowUp,
    reviewState: view.review.platformState as ReviewPlatformState,
    reviewSellerReply: view.review.sellerReply?.trim() || null,
    suggestedRootCause: view.suggestedRootCause,
    suggestedSecondCause: view.triage?.secondCause ?? null,
    causeDisagreement: view.triage?.disagreement ?? false,
    rootCause: view.rootCause,
    subCause: view.subCause,
    rootCauseConfirmed: view.rootCauseConfirmed,
    maliciousKind: view.maliciousKind,
    contactAttempts: view.contactAttempts.map((attempt) => ({ ...attempt, at: date(attempt.at) })),
    firstContactAt: optionalDate(view.deadlines.firstContactAt),
    remedy: view.remedy ? { ...view.remedy, updatedAt: date(view.remedy.updatedAt) } : null,
    compensations: view.compensations.map((compensation) => ({
      ...compensation,
      approvalReasons: compensation.approvalReasons as ApprovalReason[],
      proposedAt: date(compensation.proposedAt),
      decidedAt: optionalDate(compensation.decidedAt),
      payoutDueAt: optionalDate(compensation.payoutDueAt),
      paidAt: optionalDate(compensation.paidAt),
    })),
    replies: view.replies.map((reply) => ({
      ...reply,
      draftedAt: date(reply.draftedAt),
      publishedAt: optionalDate(reply.publishedAt),
    })),
    appeal: view.appeal
      ? {
          ...view.appeal,
          filedAt: date(view.appeal.filedAt),
          resultAt: optionalDate(view.appeal.resultAt),
        }
      : null,
    waiting: view.waiting ? { reason: view.waiting.reason, since: date(view.waiting.since) } : null,
    pausedMs: view.deadlines.pausedMs,
    revisionRequestedAt: optionalDate(view.revisionRequestedAt),
    reviewOutcome: view.reviewOutcome,
    record: view.record ? { ...view.record, recordedAt: date(view.record.recordedAt) } : null,
    closedFromStage: view.closedFromStage,
    qaReview: view.qaReview ? { ...view.qaReview, reviewedAt: date(view.qaReview.reviewedAt) } : null,
  };
}
