import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  caseReportOutcome,
  resolutionClock,
  reviewDeadlines,
  urgencyAt,
  type Appeal,
  type CaseEvent,
  type CaseState,
  type Compensation,
  type ContactAttempt,
  type Policy,
  type PublicReply,
  type Remedy,
} from '@chaping/domain';

import { AppealEntity } from '../appeals/appeal.entity';
import { VersionConflictError } from '../common/errors/app-errors';
import { CompensationEntity } from '../compensation/compensation.entity';
import { ContactAttemptEntity } from '../contacts/contact-attempt.entity';
import { preparedQuery } from '../database/prepared-query';
import { BuyerEntity } from '../intake/buyer.entity';
import { PublicReplyEntity } from '../replies/public-reply.entity';
import { CASE_SQL, type CaseRow } from './case-row';
import { CaseEntity } from './case.entity';
import { RemedyEntity } from './remedy.entity';

/** The class of the advisory locks held per buyer (two-key form: apart from the one-key locks). */
const BUYER_LOCK_CLASS = 7274;

/** An idempotency key as a case command records it. */
export interface CommandKeyEntry {
  caseId: string;
  shopId: string;
  key: string;
  requestDigest: string;
  actorId: string;
  at: Date;
}

/** Children a command created or changed: immutable updates make this a reference comparison. */
const changed = <T>(before: readonly T[], after: readonly T[]): T[] => after.filter((item) => !before.includes(item));

/** The case row a command leaves and the events it appends. */
export interface CaseWrite {
  after: CaseState;
  events: readonly CaseEvent[];
  expectedVersion: number;
  policy: Policy;
  now: Date;
}

/** A command's outcome to write: the state it started from (its children are compared) and the write. */
export interface CaseSave extends CaseWrite {
  before: CaseState;
}

interface ChildWrites {
  attempts: ContactAttempt[];
  remedy: Remedy | null;
  compensations: Compensation[];
  replies: PublicReply[];
  appeal: Appeal | null;
  reviewState: CaseState['reviewState'] | null;
  /** Our reply, once published, is the review's seller reply (the next import compares with it). */
  reviewSellerReply: string | null;
  buyerDoNotContact: boolean;
}

/** What a command changed besides the case row; null when nothing. */
function childWrites(before: CaseState, after: CaseState): ChildWrites | null {
  const writes: ChildWrites = {
    attempts: changed(before.contactAttempts, after.contactAttempts),
    remedy: after.remedy && after.remedy !== before.remedy ? after.remedy : null,
    compensations: changed(before.compensations, after.compensations),
    replies: changed(before.replies, after.replies),
    appeal: after.appeal && after.appeal !== before.appeal ? after.appeal : null,
    reviewState: after.reviewState !== before.reviewState ? after.reviewState : null,
    reviewSellerReply: after.reviewSellerReply !== before.reviewSellerReply ? after.reviewSellerReply : null,
    buyerDoNotContact: after.buyerDoNotContact && !before.buyerDoNotContact,
  };
  const unchanged =
    writes.attempts.length === 0 &&
    writes.remedy === null &&
    writes.compensations.length === 0 &&
    writes.replies.length === 0 &&
    writes.appeal === null &&
    writes.reviewState === null &&
    writes.reviewSellerReply === null &&
    !writes.buyerDoNotContact;
  return unchanged ? null : writes;
}

/** Loads cases as the domain sees them and writes back what a command changed, with its events. */
@Injectable()
export class CaseRepository {
  /** The open cases assigned to `userId` in shops other than `keptShopIds`. */
  async openCaseIdsOfAssignee(
    manager: EntityManager,
    userId: string,
    keptShopIds: readonly string[],
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM support_case
        WHERE assignee_id = $1 AND stage <> 'recorded' AND NOT (shop_id = ANY($2::uuid[]))
        ORDER BY id`,
      [userId, [...keptShopIds]],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the user is an agent who works the shop now: a case can be assigned to them there. */
  async agentWorksShop(manager: EntityManager, userId: string, shopId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM app_user u JOIN user_shop us ON us.user_id = u.id
        WHERE u.id = $1 AND us.shop_id = $2 AND u.role = 'agent'`,
      [userId, shopId],
    );
    return rows.length > 0;
  }

  /** Who has the case now (null: nobody, the pool), and its shop; null when there is no such case. */
  async assignment(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ shopId: string; assigneeId: string | null } | null> {
    const [row]: Array<{ shop_id: string; assignee_id: string | null }> = await manager.query(
      `SELECT shop_id, assignee_id FROM support_case WHERE id = $1`,
      [caseId],
    );
    return row ? { shopId: row.shop_id, assigneeId: row.assignee_id } : null;
  }

  /**
   * Holds the buyer's lock until the transaction ends, so two commands counting what the buyer got on
   * their other cases run one after the other.
   */
  async lockBuyer(manager: EntityManager, buyerId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BUYER_LOCK_CLASS, buyerId]);
  }

  /**
   * Records a command's idempotency key in the command's transaction. Answers null when it is new, else
   * the digest of the request that used it first. A concurrent first use of the key makes the insert
   * wait for that one to commit or roll back.
   */
  async recordCommandKey(manager: EntityManager, entry: CommandKeyEntry): Promise<string | null> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO case_command_key (case_id, key, shop_id, request_digest, actor_id, applied_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, key) DO NOTHING RETURNING key`,
      [entry.caseId, entry.key, entry.shopId, entry.requestDigest, entry.actorId, entry.at],
    );
    if (inserted.length > 0) return null;
    const [earlier]: Array<{ request_digest: string }> = await manager.query(
      `SELECT request_digest FROM case_command_key WHERE case_id = $1 AND key = $2`,
      [entry.caseId, entry.key],
    );
    return earlier?.request_digest ?? '';
  }

  async loadRow(manager: EntityManager, caseId: string): Promise<CaseRow | null> {
    const rows = await preparedQuery<CaseRow>(manager, CASE_SQL, [caseId]);
    return rows[0] ?? null;
  }

  /**
   * Writes the new state only if nobody else wrote since `expectedVersion` was read
   * (compare-and-set on the version), then the changed children and the events. A command that
   * changed only the case and its history (most of them) is written in one statement; one that
   * changed children too in one transaction (the caller's, if it has one). Returns the new version.
   */
  async save(manager: EntityManager, { before, ...caseWrite }: CaseSave): Promise<number> {
    const children = childWrites(before, caseWrite.after);
    if (children === null) return this.writeCaseAndEvents(manager, caseWrite);
    const write = async (transaction: EntityManager) => {
      // The case first: a concurrent writer fails its compare-and-set before touching any child.
      const newVersion = await this.writeCaseAndEvents(transaction, caseWrite);
      await this.writeChildren(transaction, caseWrite, children);
      return newVersion;
    };
    return manager.queryRunner?.isTransactionActive ? write(manager) : manager.transaction(write);
  }

  /** The compare-and-set on the version and the events it appends, in one statement. */
  private async writeCaseAndEvents(manager: EntityManager, caseWrite: CaseWrite): Promise<number> {
    const { after, events, expectedVersion } = caseWrite;
    const newVersion = expectedVersion + 1;
    const [sql, parameters] = this.caseUpdate(manager, caseWrite).returning('id, shop_id').getQueryAndParameters();
    const [written] = await preparedQuery<{ updated: number }>(
      manager,
      `WITH updated AS (${sql}),
       appended AS (
         INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
         SELECT updated.id, updated.shop_id, $${parameters.length + 1}::int, e.type, e.actor_id, e.at, e.data
           FROM updated, ROWS FROM (jsonb_to_recordset($${parameters.length + 2}::jsonb)
                  AS (type text, "actorId" text, at timestamptz, data jsonb)) WITH ORDINALITY AS e(type, actor_id, at, data, n)
          ORDER BY e.n)
       SELECT count(*)::int AS updated FROM updated`,
      [...parameters, newVersion, JSON.stringify(events)],
    );
    if (written?.updated !== 1) throw new VersionConflictError(after.id, expectedVersion, null);
    return newVersion;
  }

  private caseUpdate(manager: EntityManager, { after, expectedVersion, policy, now }: CaseWrite) {
    return manager
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
      .where('id = :id AND version = :expectedVersion', { id: after.id, expectedVersion });
  }

  private async writeChildren(manager: EntityManager, { after, now }: CaseWrite, children: ChildWrites) {
    const owner = { caseId: after.id, shopId: after.shopId };
    if (children.attempts.length > 0) {
      await manager.insert(
        ContactAttemptEntity,
        children.attempts.map((attempt) => ({ ...attempt, ...owner })),
      );
    }
    if (children.remedy) await manager.upsert(RemedyEntity, { ...children.remedy, ...owner }, ['id']);
    if (children.compensations.length > 0) {
      await manager.upsert(
        CompensationEntity,
        children.compensations.map((compensation) => ({
          ...compensation,
          approvalReasons: [...compensation.approvalReasons],
          ...owner,
          buyerId: after.buyerId,
        })),
        ['id'],
      );
    }
    if (children.replies.length > 0) {
      await manager.upsert(
        PublicReplyEntity,
        children.replies.map((reply) => ({ ...reply, ...owner })),
        ['id'],
      );
    }
    if (children.appeal) {
      await manager.upsert(
        AppealEntity,
        { ...children.appeal, evidenceRefs: [...children.appeal.evidenceRefs], ...owner },
        ['id'],
      );
    }
    if (children.reviewState) {
      await manager.query(
        `UPDATE review SET platform_state = $2 WHERE id = (SELECT review_id FROM support_case WHERE id = $1)`,
        [after.id, children.reviewState],
      );
    }
    if (children.reviewSellerReply !== null) {
      await manager.query(
        `UPDATE review SET seller_reply = $2 WHERE id = (SELECT review_id FROM support_case WHERE id = $1)`,
        [after.id, children.reviewSellerReply],
      );
    }
    if (children.buyerDoNotContact) {
      await manager.update(BuyerEntity, { id: after.buyerId }, { doNotContact: true, doNotContactAt: now });
    }
  }

  newId(): string {
    return randomUUID();
  }
}
