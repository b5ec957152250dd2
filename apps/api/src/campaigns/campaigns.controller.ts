import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { ErrorBodyDto } from '../common/errors/error-body';
import { UuidParam } from '../common/uuid-param';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignRosterService } from './campaign-roster.service';
import { CampaignsService } from './campaigns.service';
import { CampaignForecastDto, CampaignReviewDto } from './dto/campaign-forecast.dto';
import { AdoptedRosterDto } from './dto/campaign-roster.dto';
import {
  ActivePromotionListDto,
  CampaignDetailDto,
  CampaignListDto,
  CampaignShopQueryDto,
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

/** The forecast and the review both stand on the forecast's inputs, so they are refused the same ways. */
const FORECAST_REFUSALS = {
  status: 422,
  type: ErrorBodyDto,
  description:
    'forecast.no_rates: too little history of its own and the campaign gives no rates; forecast.history_incomplete: more cases than orders known (import the order exports) and no campaign rates',
};

@ApiTags('campaigns')
@Access('signed_in')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly forecasts: CampaignForecastService,
    private readonly rosters: CampaignRosterService,
  ) {}

  @Get()
  @ApiOperation({ summary: "A shop's campaigns, latest first, with their readiness" })
  @ApiOkResponse({ type: CampaignListDto })
  @ApiReadErrors()
  list(@Query() query: CampaignShopQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.list(actor, query.shopId);
  }

  @Get('active')
  @ApiOperation({ summary: 'Signed-off promotions of the campaigns running now, for the case view' })
  @ApiOkResponse({ type: ActivePromotionListDto })
  @ApiReadErrors()
  active(@Query() query: CampaignShopQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.active(actor, query.shopId);
  }

  @Post()
  @Access('lead')
  @ApiOperation({ summary: 'Create a campaign: dates, peak window, expected orders by hour (team leads)' })
  @ApiCreatedResponse({ type: CampaignDetailDto })
  @ApiCommandErrors()
  create(@Body() dto: CreateCampaignDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its promotions, their sign-offs and trap findings, and its quiz' })
  @ApiOkResponse({ type: CampaignDetailDto })
  @ApiReadErrors()
  detail(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.detail(actor, id);
  }

  @Get(':id/forecast')
  @ApiOperation({
    summary:
      "Expected cases and agents per hour from the shop's last 90 days of orders and reviews, and a roster over three shifts",
  })
  @ApiOkResponse({ type: CampaignForecastDto })
  @ApiReadErrors()
  @ApiResponse(FORECAST_REFUSALS)
  forecast(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.forecasts.forecast(actor, id);
  }

  @Get(':id/roster')
  @ApiOperation({ summary: 'The roster adopted for the campaign: who is put on shift when' })
  @ApiOkResponse({ type: AdoptedRosterDto })
  @ApiReadErrors()
  roster(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.rosters.adopted(actor, id);
  }

  @Post(':id/roster')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Adopt the forecast's roster: its agents go on shift as each shift starts and off as it ends, so auto-assignment follows it (team leads)",
  })
  @ApiOkResponse({ type: AdoptedRosterDto })
  @ApiCommandErrors()
  adoptRoster(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.rosters.adopt(actor, id);
  }

  @Get(':id/review')
  @ApiOperation({
    summary:
      "After the campaign: the forecast beside the shop's cases hour by hour, and promotion-rule complaints per promotion",
  })
  @ApiOkResponse({ type: CampaignReviewDto })
  @ApiReadErrors()
  @ApiResponse(FORECAST_REFUSALS)
  review(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.forecasts.review(actor, id);
  }

  @Post(':id/promotions')
  @Access('lead')
  @ApiOperation({ summary: "Add a promotion's wording; the caller is its setter (team leads)" })
  @ApiCreatedResponse({ type: PromotionDto })
  @ApiCommandErrors()
  addPromotion(@UuidParam('id') id: string, @Body() dto: CreatePromotionDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.addPromotion(actor, id, dto);
  }

  @Put(':id/promotions/:promotionId')
  @Access('lead')
  @ApiOperation({ summary: "Change a promotion's wording: its sign-offs start again (team leads)" })
  @ApiOkResponse({ type: PromotionDto })
  @ApiCommandErrors()
  changeWording(
    @UuidParam('id') campaignId: string,
    @UuidParam('promotionId') promotionId: string,
    @Body() dto: ChangeWordingDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.campaigns.changeWording(actor, { campaignId, promotionId }, dto);
  }

  @Post(':id/promotions/:promotionId/sign-offs')
  @HttpCode(200)
  @ApiOperation({
    summary: "Sign the next of a promotion's four checks: setter, self-review, teammate, experience (a lead)",
  })
  @ApiOkResponse({ type: PromotionDto })
  @ApiCommandErrors()
  signOff(
    @UuidParam('id') campaignId: string,
    @UuidParam('promotionId') promotionId: string,
    @Body() dto: SignOffPromotionDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.campaigns.signOff(actor, { campaignId, promotionId }, dto);
  }

  @Put(':id/quiz')
  @Access('lead')
  @ApiOperation({ summary: 'Write the briefing quiz as a draft; a published quiz no longer changes (team leads)' })
  @ApiOkResponse({ type: QuizViewDto })
  @ApiCommandErrors()
  saveQuiz(@UuidParam('id') id: string, @Body() dto: SaveQuizDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.saveQuiz(actor, id, dto);
  }

  @Post(':id/quiz/publish')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the quiz once every promotion has its four sign-offs (team leads)' })
  @ApiOkResponse({ type: QuizViewDto })
  @ApiCommandErrors()
  publishQuiz(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.publishQuiz(actor, id);
  }

  @Post(':id/quiz/attempts')
  @ApiOperation({ summary: 'Answer the published quiz: at most 10 attempts per person, 10 seconds apart' })
  @ApiCreatedResponse({ type: QuizGradeDto })
  @ApiCommandErrors()
  attempt(@UuidParam('id') id: string, @Body() dto: QuizAttemptDto, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.attempt(actor, id, dto);
  }

  @Get(':id/quiz/results')
  @Access('lead')
  @ApiOperation({ summary: 'Every agent of the shop with their attempts and whether they passed (team leads)' })
  @ApiOkResponse({ type: QuizResultListDto })
  @ApiReadErrors()
  quizResults(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.campaigns.quizResults(actor, id);
  }
}
