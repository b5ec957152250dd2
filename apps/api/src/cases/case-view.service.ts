import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  buyerCompensationPeriodStart,
  caseDeadlines,
  causeNeedsChecking,
  maskAddress,
  maskName,
  maskPhone,
} from '@chaping/domain';

import type { Caller } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { CaseAccess } from './case-access';
import { CASE_VIEW_SQL, productModelOf, toCaseState, type CaseRow } from './case-row';
import type { CaseEventDto, CaseViewDto } from './dto/case-view.dto';
import { PolicyService } from './policy.service';

const iso = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);

/** One event of the history, as json_agg renders it. */
interface EventJson {
  id: number;
  type: CaseEventDto['type'];
  actor_id: string;
  at: string;
  case_version: number;
  data: Record<string, unknown>;
}

interface CaseViewRow extends CaseRow {
  events: EventJson[];
  other_compensations: number;
}

/** Builds the case view from one statement: the case, its children and its history. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly access: CaseAccess,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The case as the caller may see it: refused unless the domain's access rule lets them work it. */
  async get(manager: EntityManager, caseId: string, caller: Caller): Promise<CaseViewDto> {
    const now = this.clock.now();
    const since = this.policies.byShop((policy) => buyerCompensationPeriodStart(now, policy.compensation));
    const { row } = await this.access.read<CaseViewRow>(manager, caller, {
      caseId,
      sql: CASE_VIEW_SQL,
      values: [caseId, since.organisation, JSON.stringify(since.shops)],
    });
    return this.toView(row, row.events, row.other_compensations);
  }

  private toView(row: CaseRow, events: EventJson[], buyerCompensationsInPeriod: number): CaseViewDto {
    const state = toCaseState(row);
    const policy = this.policies.forShop(row.shop_id);
    const deadlines = caseDeadlines(state, policy, this.clock.now());
    return {
      id: row.id,
      shopId: row.shop_id,
      shopName: row.shop_name,
      platform: row.platform,
      stage: row.stage,
      version: row.version,
      severity: row.severity,
      assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
      buyer: {
        id: row.buyer_id,
        nickname: row.buyer_nickname,
        phone: maskPhone(row.buyer_phone),
        address: maskAddress(row.buyer_address),
        realName: maskName(row.buyer_real_name),
        timeZone: row.buyer_time_zone,
        doNotContact: row.buyer_do_not_contact,
      },
      order: row.platform_order_id
        ? {
            platformOrderId: row.platform_order_id,
            skuName: row.order_sku_name,
            orderedAt: iso(row.ordered_at),
            amountFen: row.order_amount_fen,
          }
        : null,
      product:
        row.product_title && row.platform_product_id
          ? { title: row.product_title, platformProductId: row.platform_product_id }
          : null,
      productModel: productModelOf(row),
      review: {
        platformReviewId: row.platform_review_id,
        rating: row.rating,
        text: row.review_text,
        reviewedAt: row.reviewed_at.toISOString(),
        followUpText: row.review_follow_up_text,
        followUpAt: iso(row.review_follow_up_at),
        platformState: row.review_platform_state,
        currentRating: row.review_current_rating,
        sellerReply: row.review_seller_reply,
      },
      suggestedRootCause: state.suggestedRootCause,
      rootCause: state.rootCause,
      subCause: state.subCause,
      rootCauseConfirmed: state.rootCauseConfirmed,
      maliciousKind: state.maliciousKind,
      hasFollowUp: state.hasFollowUp,
      buyerType: state.buyerType,
      buyerCompensationsInPeriod,
      closedFromStage: state.closedFromStage,
      misclick: state.misclick,
      triage: row.triage
        ? {
            rootCause: row.triage.rootCause,
            subCause: row.triage.subCause,
            confidence: row.triage.confidence,
            evidence: row.triage.evidence.map(({ phrase, start, end, rootCause, subCause }) => ({
              phrase,
              start,
              end,
              rootCause,
              subCause,
            })),
            maliciousSignals: row.triage.maliciousSignals.map((signal) => ({ ...signal })),
            misclickEvidence: [...row.triage.misclickEvidence],
            secondCause: state.suggestedSecondCause,
            disagreement: state.causeDisagreement,
            needsChecking: causeNeedsChecking(state),
            decidedBy: row.triage.decidedBy ?? null,
            lexiconVersion: row.triage.lexiconVersion,
            modelVersion: row.triage.modelVersion ?? null,
          }
        : null,
      deadlines: {
        firstContactDueAt: deadlines.firstContactDueAt.toISOString(),
        firstContactAt: iso(state.firstContactAt),
        resolutionDueAt: deadlines.resolutionDueAt.toISOString(),
        resolutionPaused: deadlines.resolutionPaused,
        pausedMs: deadlines.pausedMs,
        revisionWindowEndsAt: deadlines.revisionWindowEndsAt.toISOString(),
        followUpWindowEndsAt: deadlines.followUpWindowEndsAt.toISOString(),
        appealDeadlineAt: deadlines.appealDeadlineAt.toISOString(),
        nextPayoutDueAt: iso(deadlines.nextPayoutDueAt),
      },
      waiting: state.waiting ? { reason: state.waiting.reason, since: state.waiting.since.toISOString() } : null,
      contactAttempts: state.contactAttempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
      remedy: state.remedy ? { ...state.remedy, updatedAt: state.remedy.updatedAt.toISOString() } : null,
      compensations: state.compensations.map((compensation) => ({
        ...compensation,
        approvalReasons: [...compensation.approvalReasons],
        proposedAt: compensation.proposedAt.toISOString(),
        decidedAt: iso(compensation.decidedAt),
        payoutDueAt: iso(compensation.payoutDueAt),
        paidAt: iso(compensation.paidAt),
      })),
      replies: state.replies.map((reply) => ({
        ...reply,
        draftedAt: reply.draftedAt.toISOString(),
        publishedAt: iso(reply.publishedAt),
      })),
      appeal: state.appeal
        ? {
            ...state.appeal,
            evidenceRefs: [...state.appeal.evidenceRefs],
            filedAt: state.appeal.filedAt.toISOString(),
            resultAt: iso(state.appeal.resultAt),
          }
        : null,
      reviewOutcome: state.reviewOutcome,
      revisionRequestedAt: iso(state.revisionRequestedAt),
      record: state.record ? { ...state.record, recordedAt: state.record.recordedAt.toISOString() } : null,
      qaReview: state.qaReview ? { ...state.qaReview, reviewedAt: state.qaReview.reviewedAt.toISOString() } : null,
      events: events.map((event) => ({
        id: String(event.id),
        type: event.type,
        actorId: event.actor_id,
        at: new Date(event.at).toISOString(),
        caseVersion: event.case_version,
        data: event.data,
      })),
    };
  }
}
