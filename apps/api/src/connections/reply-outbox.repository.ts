import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { ReplyStatus, ReplyTarget } from '@chaping/domain';

/** One reply an instance has claimed to send. */
export interface ClaimedReply {
  replyId: string;
  caseId: string;
  shopId: string;
  /** This claim included. */
  attempts: number;
  /** An earlier try may have reached the platform: look there before posting again. */
  mayHavePosted: boolean;
}

/** What the platform call needs: the reply and the rating it explains. */
export interface ReplyToSend {
  text: string;
  target: ReplyTarget;
  status: ReplyStatus;
  /** TOP's sub-order id (`oid`), the key of a rating. */
  platformReviewId: string | null;
  /** TOP's order id (`tid`), to look the rating up. */
  platformOrderId: string | null;
}

/** The replies waiting to go out through a platform: all of the outbox's SQL. */
@Injectable()
export class ReplyOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Queues a reply, in the publishing command's transaction; publishing again after a refusal queues it anew. */
  async enqueue(manager: EntityManager, reply: { replyId: string; caseId: string; shopId: string; now: Date }) {
    await manager.query(
      `INSERT INTO reply_outbox (reply_id, case_id, shop_id, queued_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (reply_id) DO UPDATE SET queued_at = $4, next_attempt_at = $4, attempts = 0,
         claimed_until = NULL, last_error = NULL, done_at = NULL`,
      [reply.replyId, reply.caseId, reply.shopId, reply.now],
    );
  }

  /** Whether the shop has a connection that is not revoked (an expired one still sends, and says why it fails). */
  async shopConnected(manager: EntityManager, shopId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM shop_connection WHERE shop_id = $1 AND status <> 'revoked'`,
      [shopId],
    );
    return rows.length > 0;
  }

  /**
   * Claims the next due reply until `claimedUntil`, committed before any call: two instances never
   * hold one reply, and one that dies mid-send leaves a claim that runs out.
   */
  async claimDue(now: Date, claimedUntil: Date): Promise<ClaimedReply | null> {
    const [rows]: [ClaimedReply[], number] = await this.dataSource.query(
      `UPDATE reply_outbox o SET claimed_until = $2, attempts = o.attempts + 1
        WHERE o.reply_id = (
          SELECT reply_id FROM reply_outbox
           WHERE done_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
           ORDER BY next_attempt_at, reply_id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING o.reply_id AS "replyId", o.case_id AS "caseId", o.shop_id AS "shopId", o.attempts,
                  o.may_have_posted AS "mayHavePosted"`,
      [now, claimedUntil],
    );
    return rows[0] ?? null;
  }

  async toSend(replyId: string): Promise<ReplyToSend | null> {
    const rows: ReplyToSend[] = await this.dataSource.query(
      `SELECT pr.text, pr.target, pr.status, r.platform_review_id AS "platformReviewId",
              o.platform_order_id AS "platformOrderId"
         FROM public_reply pr
         JOIN support_case c ON c.id = pr.case_id
         LEFT JOIN review r ON r.id = c.review_id
         LEFT JOIN trade_order o ON o.id = COALESCE(r.order_id, c.order_id)
        WHERE pr.id = $1`,
      [replyId],
    );
    return rows[0] ?? null;
  }

  /** Set before each call to the platform: from then on a retry cannot know the call did not land. */
  async markMayHavePosted(replyId: string): Promise<void> {
    await this.dataSource.query(`UPDATE reply_outbox SET may_have_posted = true WHERE reply_id = $1`, [replyId]);
  }

  async retryAt(replyId: string, at: Date, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reply_outbox SET next_attempt_at = $2, claimed_until = NULL, last_error = $3 WHERE reply_id = $1`,
      [replyId, at, error],
    );
  }

  async markDone(manager: EntityManager, replyId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE reply_outbox SET done_at = $2, claimed_until = NULL WHERE reply_id = $1`, [
      replyId,
      now,
    ]);
  }
}
