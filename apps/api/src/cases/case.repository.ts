import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  caseReportOutcome,
  resolutionClock,
  reviewDeadlines,
  urgencyAt,
  type CaseEvent,
  type CaseState,
  type Policy,
} from '@chaping/domain';

import { AppealEntity } from '../appeals/appeal.entity';
import { VersionConflictError } from '../common/errors/app-errors';
import { CompensationEntity } from '../compensation/compensation.entity';
import { ContactAttemptEntity } from '../contacts/contact-attempt.entity';
import { preparedQuery } from '../database/prepared-query';
import { BuyerEntity } from '../intake/buyer.entity';
import { PublicReplyEntity } from '../replies/public-reply.entity';
import { CaseEventEntity } from './case-event.entity';
import { CASE_SQL, type CaseRow } from './case-row';
import { CaseEntity } from './case.entity';
import { RemedyEntity } from './remedy.entity';

/** Children a command created or changed: immutable updates make this a reference comparison. */
const changed = <T>(before: readonly T[], after: readonly T[]): T[] => after.filter((item) => !before.includes(item));

/** Loads cases as the domain sees them and writes back what a command changed, with its events. */
@Injectable()
export class CaseRepository {
  async loadRow(manager: EntityManager, caseId: string): Promise<CaseRow | null> {
    const rows = await preparedQuery<CaseRow>(manager, CASE_SQL, [caseId]);
    return rows[0] ?? null;
  }

  /**
   * Writes the new state only if nobody else wrote since `expectedVersion` was read
   * (compare-and-set on the version), then the changed children and the events, in the caller's
   * transaction. Returns the new version.
   */
  async save(
    manager: EntityManager,
    before: CaseState,
    after: CaseState,
    events: readonly CaseEvent[],
    expectedVersion: number,
    policy: Policy,
    now: Date,
  ): Promise<number> {
    const update = await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({
        stage: after.stage,
        assigneeId: after.assigneeId,
        severity: after.severity,
        buyerType: after.buyerType,
        misclick: after.misclick,
        firstContactDueAt: reviewDeadlines(after, policy).firstContactDueAt,
        rootCause: after.rootCause,
        subCause: after.subCause,
        rootCauseConfirmed: after.rootCauseConfirmed,
        maliciousKind: after.maliciousKind,
        hasFollowUp: after.hasFollowUp,
        firstContactAt: after.firstContactAt,
        waitingReason: after.waiting?.reason ?? null,
        waitingSince: after.waiting?.since ?? null,
        pausedMs: after.pausedMs,
        revisionRequestedAt: after.revisionRequestedAt,
        reviewOutcome: after.reviewOutcome,
        record: after.record ? { ...after.record, recordedAt: after.record.recordedAt.toISOString() } : null,
        closedFromStage: after.closedFromStage,
        qaReview: after.qaReview ? { ...after.qaReview, reviewedAt: after.qaReview.reviewedAt.toISOString() } : null,
        qaScore: after.qaReview?.score ?? null,
        reportOutcome: caseReportOutcome(after),
        closedAt: after.stage === 'recorded' ? now : null,
        resolutionDueAt: resolutionClock(after, policy, now).dueAt,
        urgencyAt: urgencyAt(after, policy, now),
        version: () => 'version + 1',
      })
      .where('id = :id AND version = :expectedVersion', { id: after.id, expectedVersion })
      .execute();
    if (update.affected !== 1) throw new VersionConflictError(after.id, expectedVersion, null);

    const owner = { caseId: after.id, shopId: after.shopId };
    const attempts = changed(before.contactAttempts, after.contactAttempts);
    if (attempts.length > 0) {
      await manager.insert(
        ContactAttemptEntity,
        attempts.map((attempt) => ({ ...attempt, ...owner })),
      );
    }
    if (after.remedy && after.remedy !== before.remedy) {
      await manager.upsert(RemedyEntity, { ...after.remedy, ...owner }, ['id']);
    }
    const compensations = changed(before.compensations, after.compensations);
    if (compensations.length > 0) {
      await manager.upsert(
        CompensationEntity,
        compensations.map((compensation) => ({
          ...compensation,
          approvalReasons: [...compensation.approvalReasons],
          ...owner,
          buyerId: after.buyerId,
        })),
        ['id'],
      );
    }
    const replies = changed(before.replies, after.replies);
    if (replies.length > 0) {
      await manager.upsert(
        PublicReplyEntity,
        replies.map((reply) => ({ ...reply, ...owner })),
        ['id'],
      );
    }
    if (after.appeal && after.appeal !== before.appeal) {
      await manager.upsert(AppealEntity, { ...after.appeal, evidenceRefs: [...after.appeal.evidenceRefs], ...owner }, [
        'id',
      ]);
    }
    if (after.reviewState !== before.reviewState) {
      await manager.query(
        `UPDATE review SET platform_state = $2 WHERE id = (SELECT review_id FROM support_case WHERE id = $1)`,
        [after.id, after.reviewState],
      );
    }
    if (after.buyerDoNotContact && !before.buyerDoNotContact) {
      await manager.update(BuyerEntity, { id: after.buyerId }, { doNotContact: true, doNotContactAt: now });
    }

    const newVersion = expectedVersion + 1;
    await manager.insert(
      CaseEventEntity,
      events.map((event) => ({
        caseId: after.id,
        shopId: after.shopId,
        caseVersion: newVersion,
        type: event.type,
        actorId: event.actorId,
        at: event.at,
        data: event.data,
      })),
    );
    return newVersion;
  }

  newId(): string {
    return randomUUID();
  }
}
