import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  campaignRefusal,
  checkPromotionWording,
  PROMOTION_SIGN_OFF_STEPS,
  promotionSignOffRefusal,
  withWordingChanged,
  type HourlyOrders,
  type PromotionAcknowledgement,
  type PromotionUnderReview,
  type RootCause,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError, RequestedConflictError } from '../common/errors/app-errors';
import { CampaignRepository, type CampaignRow, type PromotionRow, type QuizRow } from './campaign.repository';
import type {
  ActivePromotionListDto,
  CampaignDetailDto,
  CampaignListDto,
  CampaignSummaryDto,
  ChangeWordingDto,
  CreateCampaignDto,
  CreatePromotionDto,
  PromotionDto,
  QuizViewDto,
  SignOffPromotionDto,
} from './dto/campaign.dto';

const DEFAULT_MINUTES_PER_CASE = 12;

export const underReview = (row: PromotionRow): PromotionUnderReview => ({
  wording: row.wording,
  writtenBy: row.written_by,
  signOffs: row.sign_offs,
  acknowledgements: row.acknowledgements,
});

const iso = (time: Date | string) => new Date(time).toISOString();

/** New acknowledgements replace earlier ones of the same trap. */
const mergedAcknowledgements = (
  earlier: readonly PromotionAcknowledgement[],
  given: readonly PromotionAcknowledgement[],
): PromotionAcknowledgement[] => [
  ...earlier.filter((each) => !given.some((other) => other.code === each.code)),
  ...given.map(({ code, note }) => ({ code, note })),
];

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(actor: SignedInActor, dto: CreateCampaignDto): Promise<CampaignDetailDto> {
    await this.assertShop(actor, dto.shopId);
    const refused = campaignRefusal(dto);
    if (refused) throw new RefusedError(refused);
    const expectedOrders: HourlyOrders[] = dto.expectedOrders
      .map(({ hour, orders }) => ({ hour: iso(hour), orders }))
      .sort((a, b) => a.hour.localeCompare(b.hour));
    const rates = dto.negativeRateByCause
      ? (Object.fromEntries(
          Object.entries(dto.negativeRateByCause).filter(([, value]) => typeof value === 'number'),
        ) as Partial<Record<RootCause, number>>)
      : null;
    const id = await this.campaigns.insertCampaign({
      shopId: dto.shopId,
      name: dto.name.trim(),
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      peakStartsAt: new Date(dto.peakStartsAt),
      peakEndsAt: new Date(dto.peakEndsAt),
      expectedOrders,
      minutesPerCase: dto.minutesPerCase ?? DEFAULT_MINUTES_PER_CASE,
      negativeRateByCause: rates,
      createdBy: actor.id,
      at: this.clock.now(),
    });
    return this.detail(actor, id);
  }

  async list(actor: SignedInActor, shopId: string): Promise<CampaignListDto> {
    await this.assertShop(actor, shopId);
    return { items: (await this.campaigns.campaigns(shopId)).map((row) => this.summary(row)) };
  }

  async detail(actor: SignedInActor, id: string): Promise<CampaignDetailDto> {
    const campaign = await this.found(actor, id);
    const promotions = await this.campaigns.promotions(id);
    const quiz = await this.campaigns.quiz(id);
    return {
      ...this.summary(campaign),
      expectedOrders: campaign.expected_orders,
      minutesPerCase: campaign.minutes_per_case,
      negativeRateByCause: campaign.negative_rate_by_cause,
      version: campaign.version,
      promotions: await this.promotionViews(promotions),
      quiz: quiz ? quizView(quiz, actor.role !== 'agent') : null,
    };
  }

  async active(actor: SignedInActor, shopId: string): Promise<ActivePromotionListDto> {
    await this.assertShop(actor, shopId);
    const rows = await this.campaigns.activePromotions(shopId, this.clock.now());
    return {
      items: rows.map((row) => ({
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        promotionId: row.promotion_id,
        title: row.title,
        wording: row.wording,
      })),
    };
  }

  async addPromotion(actor: SignedInActor, campaignId: string, dto: CreatePromotionDto): Promise<PromotionDto> {
    await this.found(actor, campaignId);
    const id = await this.campaigns.insertPromotion({
      campaignId,
      title: dto.title.trim(),
      wording: dto.wording,
      writtenBy: actor.id,
      at: this.clock.now(),
    });
    return this.promotion(campaignId, id);
  }

  /** New wording: the sign-offs were given to the old words, so they all start again (withWordingChanged). */
  async changeWording(
    actor: SignedInActor,
    ids: { campaignId: string; promotionId: string },
    dto: ChangeWordingDto,
  ): Promise<PromotionDto> {
    await this.found(actor, ids.campaignId);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockedPromotion(manager, ids, dto.version);
      const changed = withWordingChanged(underReview(row), dto.wording, actor.id);
      if (changed.wording === row.wording) return;
      await this.campaigns.updatePromotion(manager, {
        id: row.id,
        wording: changed.wording,
        writtenBy: changed.writtenBy,
        signOffs: [],
        acknowledgements: changed.acknowledgements,
        at: this.clock.now(),
      });
    });
    return this.promotion(ids.campaignId, ids.promotionId);
  }

  /** One of the four sign-offs, refused by the domain's promotionSignOffRefusal (the web disables with it). */
  async signOff(
    actor: SignedInActor,
    ids: { campaignId: string; promotionId: string },
    dto: SignOffPromotionDto,
  ): Promise<PromotionDto> {
    await this.found(actor, ids.campaignId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockedPromotion(manager, ids, dto.version);
      const acknowledgements = mergedAcknowledgements(row.acknowledgements, dto.acknowledgements ?? []);
      const promotion = { ...underReview(row), acknowledgements };
      const refused = promotionSignOffRefusal(promotion, dto.step, { id: actor.id, role: actor.role });
      if (refused) throw new RefusedError(refused);
      await this.campaigns.updatePromotion(manager, {
        id: row.id,
        wording: row.wording,
        writtenBy: row.written_by,
        signOffs: [...row.sign_offs, { step: dto.step, by: actor.id, at: now.toISOString() }],
        acknowledgements,
        at: now,
      });
    });
    return this.promotion(ids.campaignId, ids.promotionId);
  }

  /** The campaign, if it exists and the actor works its shop (404, else 403). */
  async found(actor: SignedInActor, id: string): Promise<CampaignRow> {
    const campaign = await this.campaigns.campaign(id);
    if (!campaign) throw new NotFoundError('campaign.not_found', id);
    assertWorksShop(actor, campaign.shop_id);
    return campaign;
  }

  async promotionViews(rows: readonly PromotionRow[]): Promise<PromotionDto[]> {
    const names = await this.campaigns.displayNames(
      rows.flatMap((row) => [row.written_by, ...row.sign_offs.map((each) => each.by)]),
    );
    const person = (id: string) => ({ id, displayName: names.get(id) ?? '' });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      wording: row.wording,
      writtenBy: person(row.written_by),
      signOffs: row.sign_offs.map((each) => ({ step: each.step, by: person(each.by), at: each.at })),
      acknowledgements: row.acknowledgements,
      findings: checkPromotionWording(row.wording).map(({ code, span, severity }) => ({
        code,
        span: { start: span.start, end: span.end },
        severity,
      })),
      nextStep: PROMOTION_SIGN_OFF_STEPS[row.sign_offs.length] ?? null,
      version: row.version,
    }));
  }

  private async promotion(campaignId: string, id: string): Promise<PromotionDto> {
    const row = (await this.campaigns.promotions(campaignId)).find((each) => each.id === id);
    if (!row) throw new NotFoundError('promotion.not_found', id);
    const [view] = await this.promotionViews([row]);
    return view!;
  }

  private async lockedPromotion(
    manager: Parameters<CampaignRepository['lockPromotion']>[0],
    ids: { campaignId: string; promotionId: string },
    version: number,
  ): Promise<PromotionRow> {
    const row = await this.campaigns.lockPromotion(manager, ids.campaignId, ids.promotionId);
    if (!row) throw new NotFoundError('promotion.not_found', ids.promotionId);
    if (row.version !== version) throw new RequestedConflictError('promotion.version_conflict');
    return row;
  }

  private summary(row: CampaignRow): CampaignSummaryDto {
    const now = this.clock.now().getTime();
    return {
      id: row.id,
      shopId: row.shop_id,
      name: row.name,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.ends_at),
      peakStartsAt: iso(row.peak_starts_at),
      peakEndsAt: iso(row.peak_ends_at),
      promotionCount: row.promotion_count,
      signedOffCount: row.signed_off_count,
      quizPublished: row.quiz_published,
      active: row.starts_at.getTime() <= now && now < row.ends_at.getTime(),
    };
  }

  private async assertShop(actor: SignedInActor, shopId: string): Promise<void> {
    if (!(await this.campaigns.shopExists(shopId))) throw new NotFoundError('shop.not_found', shopId);
    assertWorksShop(actor, shopId);
  }
}

/** The quiz as a person sees it: the right answers only for those who write it. */
export function quizView(quiz: QuizRow, withAnswers: boolean): QuizViewDto {
  return {
    questions: quiz.questions.map(({ prompt, choices, answer }) => ({
      prompt,
      choices: [...choices],
      ...(withAnswers ? { answer } : {}),
    })),
    publishedAt: quiz.published_at ? iso(quiz.published_at) : null,
    version: quiz.version,
  };
}
