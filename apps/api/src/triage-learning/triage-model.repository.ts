import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { PromotionReason, RootCause, ShippedModel } from '@chaping/domain';

/** One correction of a root cause: the cause a person settled on for a case's review. */
export interface CorrectionRow {
  case_id: string;
  /** `platform:platform review id`: what decides, for good, whether the correction is in the frozen slice. */
  review_key: string;
  root_cause: RootCause;
  text: string;
  follow_up_text: string | null;
  /** The versions that made the suggestion the person corrected or confirmed. */
  lexicon_version: string | null;
  model_version: string | null;
}

export interface ModelHistoryRow {
  version: string;
  base_version: string;
  trained_at: Date;
  label_count: number;
  frozen_count: number;
  frozen_correct: number;
  previous_correct: number;
  active: boolean;
  decision: 'promoted' | 'kept';
  reason: PromotionReason;
}

export interface NewModelRow {
  shopId: string;
  version: string;
  baseVersion: string;
  trainedAt: Date;
  labelCount: number;
  correctionsSeen: number;
  frozenCount: number;
  frozenCorrect: number;
  previousCorrect: number;
  weights: ShippedModel;
  promote: boolean;
  reason: PromotionReason;
}

/** Root-cause corrections: overrides of the cause, and causes confirmed with the buyer. */
const CORRECTION_EVENTS = `e.type IN ('triage_overridden', 'root_cause_confirmed')
  AND (e.type = 'root_cause_confirmed' OR e.data->>'field' = 'rootCause')`;

@Injectable()
export class TriageModelRepository {
  /** Shops with at least `minimum` corrections more than their last training saw. */
  async shopsDueForTraining(manager: EntityManager, minimum: number): Promise<string[]> {
    const rows: Array<{ shop_id: string }> = await manager.query(
      `SELECT counted.shop_id FROM (
         SELECT e.shop_id, count(DISTINCT e.case_id) AS corrections FROM case_event e
          WHERE ${CORRECTION_EVENTS} GROUP BY e.shop_id
       ) counted
       LEFT JOIN LATERAL (
         SELECT corrections_seen FROM triage_model m WHERE m.shop_id = counted.shop_id
          ORDER BY trained_at DESC, version DESC LIMIT 1
       ) last ON true
       WHERE counted.corrections - COALESCE(last.corrections_seen, 0) >= $1
       ORDER BY counted.shop_id`,
      [minimum],
    );
    return rows.map((row) => row.shop_id);
  }

  /** A shop's corrections, one per case (the latest wins), in case order so training is deterministic. */
  corrections(manager: EntityManager, shopId: string): Promise<CorrectionRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (e.case_id) e.case_id, r.platform || ':' || r.platform_review_id AS review_key,
              e.data->>'after' AS root_cause,
              r.text, r.follow_up_text,
              c.triage->>'lexiconVersion' AS lexicon_version, c.triage->>'modelVersion' AS model_version
         FROM case_event e
         JOIN support_case c ON c.id = e.case_id
         JOIN review r ON r.id = c.review_id
        WHERE e.shop_id = $1 AND ${CORRECTION_EVENTS} AND e.data->>'after' IS NOT NULL
        ORDER BY e.case_id, e.id DESC`,
      [shopId],
    );
  }

  async activeVersion(manager: EntityManager, shopId: string): Promise<string | null> {
    const rows: Array<{ version: string }> = await manager.query(
      'SELECT version FROM triage_model WHERE shop_id = $1 AND active',
      [shopId],
    );
    return rows[0]?.version ?? null;
  }

  async weights(manager: EntityManager, shopId: string, version: string): Promise<ShippedModel | null> {
    const rows: Array<{ weights: ShippedModel }> = await manager.query(
      'SELECT weights FROM triage_model WHERE shop_id = $1 AND version = $2',
      [shopId, version],
    );
    return rows[0]?.weights ?? null;
  }

  async trainingCount(manager: EntityManager, shopId: string): Promise<number> {
    const rows: Array<{ count: string }> = await manager.query(
      'SELECT count(*) AS count FROM triage_model WHERE shop_id = $1',
      [shopId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  history(manager: EntityManager, shopId: string): Promise<ModelHistoryRow[]> {
    return manager.query(
      `SELECT version, base_version, trained_at, label_count, frozen_count, frozen_correct, previous_correct,
              active, decision, reason
         FROM triage_model WHERE shop_id = $1 ORDER BY trained_at DESC, version DESC`,
      [shopId],
    );
  }

  /** Serialises promotions and rollbacks of one shop until the transaction ends, so one model stays active. */
  async lockShop(manager: EntityManager, shopId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`triage_model:${shopId}`]);
  }

  /** Records a training; a promoted model becomes the shop's only active one. Call inside a transaction. */
  async insert(manager: EntityManager, row: NewModelRow): Promise<void> {
    if (row.promote) {
      await this.lockShop(manager, row.shopId);
      await manager.query('UPDATE triage_model SET active = false WHERE shop_id = $1 AND active', [row.shopId]);
    }
    await manager.query(
      `INSERT INTO triage_model (shop_id, version, base_version, trained_at, label_count, corrections_seen,
                                 frozen_count, frozen_correct, previous_correct, weights, active, decision, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        row.shopId,
        row.version,
        row.baseVersion,
        row.trainedAt,
        row.labelCount,
        row.correctionsSeen,
        row.frozenCount,
        row.frozenCorrect,
        row.previousCorrect,
        row.weights,
        row.promote,
        row.promote ? 'promoted' : 'kept',
        row.reason,
      ],
    );
  }

  /** Makes `version` the shop's active model; false when the shop has no such version. Call inside a transaction. */
  async activate(manager: EntityManager, shopId: string, version: string): Promise<boolean> {
    await manager.query('UPDATE triage_model SET active = false WHERE shop_id = $1 AND active', [shopId]);
    const [, updated]: [unknown, number] = await manager.query(
      'UPDATE triage_model SET active = true WHERE shop_id = $1 AND version = $2',
      [shopId, version],
    );
    return updated > 0;
  }
}
