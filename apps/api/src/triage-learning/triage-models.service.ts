import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import {
  decidePromotion,
  isFrozenCorrection,
  loadModel,
  MODEL_VERSION,
  refineRootCauseModel,
  SHIPPED_MODEL,
  shippedModel,
  triageText,
  type LabelledText,
  type LoadedModel,
  type ShippedModel,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { RequestedConflictError } from '../common/errors/app-errors';
import type { TriageModelHistoryDto } from './dto/triage-model.dto';
import { TriageModelRepository, type CorrectionRow } from './triage-model.repository';

const toLabelled = (row: CorrectionRow): LabelledText => ({
  text: triageText({ text: row.text, followUpText: row.follow_up_text }),
  rootCause: row.root_cause,
});

/**
 * Each shop's root-cause model: refined from the shipped one with the shop's corrections, put
 * live only when no worse on the frozen slice, and read back for intake. Every instance asks the
 * database which version is active (one indexed read), so a promotion or rollback on one instance
 * holds on all; only the decoded weights are cached, by version.
 */
@Injectable()
export class TriageModelsService {
  private readonly logger = new Logger('TriageLearning');
  private readonly loaded = new Map<string, { version: string; model: LoadedModel }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: TriageModelRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The model intake triages the shop's reviews with. */
  async activeModel(manager: EntityManager, shopId: string): Promise<LoadedModel> {
    const version = await this.models.activeVersion(manager, shopId);
    if (version === null) return shippedModel();
    const cached = this.loaded.get(shopId);
    if (cached?.version === version) return cached.model;
    const weights = await this.models.weights(manager, shopId, version);
    if (!weights) return shippedModel();
    const model = loadModel(weights);
    this.loaded.set(shopId, { version, model });
    return model;
  }

  /** Trains every shop with at least `minimumNew` corrections since its last training; returns those shops. */
  async retrainDue(minimumNew: number): Promise<string[]> {
    const shops = await this.models.shopsDueForTraining(this.dataSource.manager, minimumNew);
    for (const shopId of shops) await this.retrain(shopId);
    return shops;
  }

  /**
   * Refines the shipped model with the shop's corrections outside the frozen slice, and promotes
   * it when it gets at least as much of the slice right as the active model.
   */
  async retrain(shopId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const corrections = await this.models.corrections(manager, shopId);
    const frozenSlice = corrections.filter((row) => isFrozenCorrection(row.review_key)).map(toLabelled);
    const training = corrections.filter((row) => !isFrozenCorrection(row.review_key)).map(toLabelled);
    const trainedBefore = await this.models.trainingCount(manager, shopId);
    const version = `${MODEL_VERSION}-r${trainedBefore + 1}`;
    const candidate = refineRootCauseModel(SHIPPED_MODEL, training, version);
    const activeVersion = await this.models.activeVersion(manager, shopId);
    const current: ShippedModel =
      (activeVersion && (await this.models.weights(manager, shopId, activeVersion))) || SHIPPED_MODEL;
    const decision = decidePromotion({ candidate, current, frozenSlice });
    await this.dataSource.transaction((tx) =>
      this.models.insert(tx, {
        shopId,
        version,
        baseVersion: MODEL_VERSION,
        trainedAt: this.clock.now(),
        labelCount: training.length,
        correctionsSeen: corrections.length,
        frozenCount: frozenSlice.length,
        frozenCorrect: decision.candidate.correct,
        previousCorrect: decision.current.correct,
        weights: candidate,
        promote: decision.promote,
        reason: decision.reason,
      }),
    );
    this.logger.log(
      `Shop ${shopId}: ${version} on ${training.length} corrections, ${decision.candidate.correct}/${frozenSlice.length} ` +
        `of the frozen slice vs ${decision.current.correct} → ${decision.promote ? 'promoted' : 'kept the old model'}`,
    );
  }

  async history(actor: SignedInActor, shopId: string): Promise<TriageModelHistoryDto> {
    assertWorksShop(actor, shopId);
    const rows = await this.models.history(this.dataSource.manager, shopId);
    return {
      shippedVersion: MODEL_VERSION,
      shippedActive: !rows.some((row) => row.active),
      versions: rows.map((row) => ({
        version: row.version,
        baseVersion: row.base_version,
        trainedAt: row.trained_at.toISOString(),
        labelCount: row.label_count,
        frozenCount: row.frozen_count,
        frozenAccuracy: row.frozen_count === 0 ? null : row.frozen_correct / row.frozen_count,
        previousAccuracy: row.frozen_count === 0 ? null : row.previous_correct / row.frozen_count,
        active: row.active,
        decision: row.decision,
        reason: row.reason,
      })),
    };
  }

  /** Puts an earlier version (or the shipped model) back live for the shop. */
  async rollback(actor: SignedInActor, shopId: string, version: string): Promise<TriageModelHistoryDto> {
    assertWorksShop(actor, shopId);
    await this.dataSource.transaction(async (tx) => {
      await this.models.lockShop(tx, shopId);
      const active = await this.models.activeVersion(tx, shopId);
      if ((active ?? MODEL_VERSION) === version) throw new RequestedConflictError('triage_model.already_active');
      if (version === MODEL_VERSION) {
        await this.models.activate(tx, shopId, version);
        return;
      }
      if (!(await this.models.activate(tx, shopId, version))) {
        throw new RequestedConflictError('triage_model.version_not_found');
      }
    });
    return this.history(actor, shopId);
  }
}
