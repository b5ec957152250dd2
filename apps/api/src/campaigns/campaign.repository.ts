import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  HourlyOrders,
  PromotionAcknowledgement,
  PromotionSignOffStep,
  QuizQuestion,
  RootCause,
} from '@chaping/domain';

export interface StoredSignOff {
  step: PromotionSignOffStep;
  by: string;
  at: string;
}

export interface CampaignRow {
  id: string;
  shop_id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  peak_starts_at: Date;
  peak_ends_at: Date;
  expected_orders: HourlyOrders[];
  minutes_per_case: number;
  negative_rate_by_cause: Partial<Record<RootCause, number>> | null;
  version: number;
  promotion_count: number;
  signed_off_count: number;
  quiz_published: boolean;
}

export interface PromotionRow {
  id: string;
  campaign_id: string;
  title: string;
  wording: string;
  written_by: string;
  sign_offs: StoredSignOff[];
  acknowledgements: PromotionAcknowledgement[];
  version: number;
}

export interface QuizRow {
  campaign_id: string;
  questions: QuizQuestion[];
  published_at: Date | null;
  version: number;
}

export interface QuizResultRow {
  id: string;
  display_name: string;
  attempts: number;
  best_correct: number | null;
  passed: boolean;
  last_attempt_at: Date | null;
}

export interface NewCampaign {
  shopId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  peakStartsAt: Date;
  peakEndsAt: Date;
  expectedOrders: HourlyOrders[];
  minutesPerCase: number;
  negativeRateByCause: Partial<Record<RootCause, number>> | null;
  createdBy: string;
  at: Date;
}

export interface PromotionChange {
  id: string;
  wording: string;
  writtenBy: string;
  signOffs: StoredSignOff[];
  acknowledgements: readonly PromotionAcknowledgement[];
  at: Date;
}

export interface ActivePromotionRow {
  campaign_id: string;
  campaign_name: string;
  promotion_id: string;
  title: string;
  wording: string;
}

const CAMPAIGN_SQL = `
  SELECT c.id, c.shop_id, c.name, c.starts_at, c.ends_at, c.peak_starts_at, c.peak_ends_at, c.expected_orders,
         c.minutes_per_case, c.negative_rate_by_cause, c.version,
         (SELECT count(*)::int FROM campaign_promotion p WHERE p.campaign_id = c.id) AS promotion_count,
         (SELECT count(*)::int FROM campaign_promotion p
           WHERE p.campaign_id = c.id AND jsonb_array_length(p.sign_offs) = 4) AS signed_off_count,
         EXISTS (SELECT 1 FROM campaign_quiz q WHERE q.campaign_id = c.id AND q.published_at IS NOT NULL)
           AS quiz_published
    FROM campaign c`;

const PROMOTION_SQL = `
  SELECT id, campaign_id, title, wording, written_by, sign_offs, acknowledgements, version FROM campaign_promotion`;

const RESULT_SQL = `
  SELECT u.id, u.display_name, count(a.id)::int AS attempts, max(a.correct) AS best_correct,
         COALESCE(bool_or(a.passed), false) AS passed, max(a.at) AS last_attempt_at
    FROM app_user u
    LEFT JOIN campaign_quiz_attempt a ON a.user_id = u.id AND a.campaign_id = $1`;

/** A shop lists its latest campaigns; older ones stay readable by id. */
const LIST_LIMIT = 200;

@Injectable()
export class CampaignRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async shopExists(shopId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM shop WHERE id = $1`, [shopId]);
    return rows.length > 0;
  }

  async insertCampaign(campaign: NewCampaign, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO campaign (shop_id, name, starts_at, ends_at, peak_starts_at, peak_ends_at, expected_orders,
          minutes_per_case, negative_rate_by_cause, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        campaign.shopId,
        campaign.name,
        campaign.startsAt,
        campaign.endsAt,
        campaign.peakStartsAt,
        campaign.peakEndsAt,
        JSON.stringify(campaign.expectedOrders),
        campaign.minutesPerCase,
        campaign.negativeRateByCause === null ? null : JSON.stringify(campaign.negativeRateByCause),
        campaign.createdBy,
        campaign.at,
      ],
    );
    return row!.id;
  }

  async campaigns(shopId: string): Promise<CampaignRow[]> {
    return this.dataSource.query(
      `${CAMPAIGN_SQL} WHERE c.shop_id = $1 ORDER BY c.starts_at DESC, c.id LIMIT ${LIST_LIMIT}`,
      [shopId],
    );
  }

  async campaign(id: string, manager: EntityManager = this.dataSource.manager): Promise<CampaignRow | null> {
    const rows: CampaignRow[] = await manager.query(`${CAMPAIGN_SQL} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async promotions(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<PromotionRow[]> {
    return manager.query(`${PROMOTION_SQL} WHERE campaign_id = $1 ORDER BY created_at, id`, [campaignId]);
  }

  /** The promotion, locked until the transaction ends so two sign-offs cannot both take the same step. */
  async lockPromotion(manager: EntityManager, campaignId: string, id: string): Promise<PromotionRow | null> {
    const rows: PromotionRow[] = await manager.query(`${PROMOTION_SQL} WHERE id = $1 AND campaign_id = $2 FOR UPDATE`, [
      id,
      campaignId,
    ]);
    return rows[0] ?? null;
  }

  async insertPromotion(
    promotion: { campaignId: string; title: string; wording: string; writtenBy: string; at: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO campaign_promotion (campaign_id, title, wording, written_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [promotion.campaignId, promotion.title, promotion.wording, promotion.writtenBy, promotion.at],
    );
    return row!.id;
  }

  async updatePromotion(manager: EntityManager, change: PromotionChange): Promise<void> {
    await manager.query(
      `UPDATE campaign_promotion
          SET wording = $2, written_by = $3, sign_offs = $4, acknowledgements = $5, version = version + 1,
              updated_at = $6
        WHERE id = $1`,
      [
        change.id,
        change.wording,
        change.writtenBy,
        JSON.stringify(change.signOffs),
        JSON.stringify(change.acknowledgements),
        change.at,
      ],
    );
  }

  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  async quiz(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<QuizRow | null> {
    const rows: QuizRow[] = await manager.query(
      `SELECT campaign_id, questions, published_at, version FROM campaign_quiz WHERE campaign_id = $1`,
      [campaignId],
    );
    return rows[0] ?? null;
  }

  async lockQuiz(manager: EntityManager, campaignId: string): Promise<QuizRow | null> {
    const rows: QuizRow[] = await manager.query(
      `SELECT campaign_id, questions, published_at, version FROM campaign_quiz WHERE campaign_id = $1 FOR UPDATE`,
      [campaignId],
    );
    return rows[0] ?? null;
  }

  /** Writes the draft; false when someone saved another version first. */
  async saveQuiz(
    manager: EntityManager,
    quiz: { campaignId: string; questions: QuizQuestion[]; version: number | null; by: string; at: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      quiz.version === null
        ? `INSERT INTO campaign_quiz (campaign_id, questions, updated_by, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (campaign_id) DO NOTHING RETURNING 1`
        : `UPDATE campaign_quiz SET questions = $2, updated_by = $3, updated_at = $4, version = version + 1
            WHERE campaign_id = $1 AND version = $5 AND published_at IS NULL RETURNING 1`,
      [
        quiz.campaignId,
        JSON.stringify(quiz.questions),
        quiz.by,
        quiz.at,
        ...(quiz.version === null ? [] : [quiz.version]),
      ],
    );
    return rows.length > 0;
  }

  async publishQuiz(manager: EntityManager, campaignId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE campaign_quiz SET published_at = $2, version = version + 1 WHERE campaign_id = $1 AND published_at IS NULL`,
      [campaignId, at],
    );
  }

  async attemptTimes(manager: EntityManager, campaignId: string, userId: string): Promise<Date[]> {
    const rows: Array<{ at: Date }> = await manager.query(
      `SELECT at FROM campaign_quiz_attempt WHERE campaign_id = $1 AND user_id = $2 ORDER BY at, id`,
      [campaignId, userId],
    );
    return rows.map((row) => row.at);
  }

  async insertAttempt(
    manager: EntityManager,
    attempt: {
      campaignId: string;
      userId: string;
      answers: number[];
      correct: number;
      total: number;
      passed: boolean;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO campaign_quiz_attempt (campaign_id, user_id, answers, correct, total, passed, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        attempt.campaignId,
        attempt.userId,
        JSON.stringify(attempt.answers),
        attempt.correct,
        attempt.total,
        attempt.passed,
        attempt.at,
      ],
    );
  }

  /** Each agent of the shop (enabled accounts) with their attempts at the quiz, those who never tried too. */
  async quizResults(campaignId: string, shopId: string): Promise<QuizResultRow[]> {
    return this.dataSource.query(
      `${RESULT_SQL}
        WHERE u.role = 'agent' AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM user_shop s WHERE s.user_id = u.id AND s.shop_id = $2)
        GROUP BY u.id, u.display_name
        ORDER BY u.display_name, u.id`,
      [campaignId, shopId],
    );
  }

  async quizResultOf(campaignId: string, userId: string): Promise<QuizResultRow> {
    const [row]: QuizResultRow[] = await this.dataSource.query(
      `${RESULT_SQL} WHERE u.id = $2 GROUP BY u.id, u.display_name`,
      [campaignId, userId],
    );
    return row!;
  }

  /** Signed-off promotions of the shop's campaigns running at `now`, for the case view. */
  async activePromotions(shopId: string, now: Date): Promise<ActivePromotionRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS campaign_id, c.name AS campaign_name, p.id AS promotion_id, p.title, p.wording
         FROM campaign c JOIN campaign_promotion p ON p.campaign_id = c.id
        WHERE c.shop_id = $1 AND c.starts_at <= $2 AND c.ends_at > $2 AND jsonb_array_length(p.sign_offs) = 4
        ORDER BY c.starts_at, p.created_at, p.id
        LIMIT 50`,
      [shopId, now],
    );
  }
}
