import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  campaignRefusal,
  checkPromotionWording,
  gradeQuiz,
  isRefusal,
  PROMOTION_SIGN_OFF_STEPS,
  promotionSignOffRefusal,
  QUIZ_MAX_ATTEMPTS,
  quizAttemptRefusal,
  quizPublishRefusal,
  quizRefusal,
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
import {
  CampaignRepository,
  type CampaignRow,
  type PromotionRow,
  type QuizResultRow,
  type QuizRow,
} from './campaign.repository';
import type {
  ActivePromotionListDto,
  CampaignDetailDto,
  CampaignListDto,
  CampaignSummaryDto,
  ChangeWordingDto,
  CreateCampaignDto,
  CreatePromotionDto,
  PromotionDto,
  QuizAttemptDto,
  QuizGradeDto,
  QuizResultListDto,
  QuizViewDto,
  SaveQuizDto,
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
      quiz: await this.quizFor(actor, quiz),
    };
  }

  /** A draft of the briefing quiz (leads); once published it stays as the agents answered it. */
  async saveQuiz(actor: SignedInActor, campaignId: string, dto: SaveQuizDto): Promise<QuizViewDto> {
    await this.found(actor, campaignId);
    const refused = quizRefusal(dto.questions);
    if (refused) throw new RefusedError(refused);
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.campaigns.lockQuiz(manager, campaignId);
      if (existing?.published_at) throw new RequestedConflictError('quiz.already_published');
      if (existing && existing.version !== dto.version) throw new RequestedConflictError('quiz.version_conflict');
      const saved = await this.campaigns.saveQuiz(manager, {
        campaignId,
        questions: dto.questions.map(({ prompt, choices, answer }) => ({ prompt, choices, answer })),
        version: existing?.version ?? null,
        by: actor.id,
        at: this.clock.now(),
      });
      if (!saved) throw new RequestedConflictError('quiz.version_conflict');
    });
    return this.currentQuiz(actor, campaignId);
  }

  /** Publishes the quiz once every promotion of the campaign has its four sign-offs (quizPublishRefusal). */
  async publishQuiz(actor: SignedInActor, campaignId: string): Promise<QuizViewDto> {
    await this.found(actor, campaignId);
    await this.dataSource.transaction(async (manager) => {
      const quiz = await this.campaigns.lockQuiz(manager, campaignId);
      if (quiz?.published_at) return;
      const promotions = (await this.campaigns.promotions(campaignId, manager)).map(underReview);
      const refused = quizPublishRefusal({ questions: quiz?.questions ?? [], promotions });
      if (refused) throw new RefusedError(refused);
      await this.campaigns.publishQuiz(manager, campaignId, this.clock.now());
    });
    return this.currentQuiz(actor, campaignId);
  }

  /**
   * One attempt at the published quiz. The quiz row is locked while the person's earlier attempts
   * are counted, so parallel requests cannot pass the cap together.
   */
  async attempt(actor: SignedInActor, campaignId: string, dto: QuizAttemptDto): Promise<QuizGradeDto> {
    await this.found(actor, campaignId);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const quiz = await this.campaigns.lockQuiz(manager, campaignId);
      const earlierAttemptsAt = await this.campaigns.attemptTimes(manager, campaignId, actor.id);
      const refused = quizAttemptRefusal({ published: Boolean(quiz?.published_at), earlierAttemptsAt, now });
      if (refused) throw new RefusedError(refused);
      const grade = gradeQuiz(quiz!.questions, dto.answers);
      if (isRefusal(grade)) throw new RefusedError(grade);
      await this.campaigns.insertAttempt(manager, {
        campaignId,
        userId: actor.id,
        answers: dto.answers,
        ...grade,
        at: now,
      });
      return { correct: grade.correct, total: grade.total, passed: grade.passed, wrong: [...grade.wrong] };
    });
  }

  /** Who of the shop's agents has passed (leads). */
  async quizResults(actor: SignedInActor, campaignId: string): Promise<QuizResultListDto> {
    const campaign = await this.found(actor, campaignId);
    const quiz = await this.campaigns.quiz(campaignId);
    const rows = await this.campaigns.quizResults(campaignId, campaign.shop_id);
    return {
      items: rows.map((row) => ({
        user: { id: row.id, displayName: row.display_name },
        attempts: row.attempts,
        bestCorrect: row.best_correct,
        total: quiz?.questions.length ?? 0,
        passed: row.passed,
      })),
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

  private async currentQuiz(actor: SignedInActor, campaignId: string): Promise<QuizViewDto> {
    return (await this.quizFor(actor, await this.campaigns.quiz(campaignId)))!;
  }

  /** Agents see a quiz once it is published, and never its answers. */
  private async quizFor(actor: SignedInActor, quiz: QuizRow | null): Promise<QuizViewDto | null> {
    const writes = actor.role !== 'agent';
    if (!quiz || (!writes && !quiz.published_at)) return null;
    return quizView(quiz, { withAnswers: writes, mine: await this.campaigns.quizResultOf(quiz.campaign_id, actor.id) });
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
function quizView(quiz: QuizRow, seen: { withAnswers: boolean; mine: QuizResultRow }): QuizViewDto {
  const { withAnswers, mine } = seen;
  return {
    questions: quiz.questions.map(({ prompt, choices, answer }) => ({
      prompt,
      choices: [...choices],
      ...(withAnswers ? { answer } : {}),
    })),
    publishedAt: quiz.published_at ? iso(quiz.published_at) : null,
    version: quiz.version,
    mine: {
      attempts: mine.attempts,
      attemptsLeft: Math.max(0, QUIZ_MAX_ATTEMPTS - mine.attempts),
      bestCorrect: mine.best_correct,
      passed: mine.passed,
      lastAttemptAt: mine.last_attempt_at ? iso(mine.last_attempt_at) : null,
    },
  };
}
