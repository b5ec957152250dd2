import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import {
  CAMPAIGN_NAME_MAX_LENGTH,
  MAX_FORECAST_HOURS,
  MAX_MINUTES_PER_CASE,
  MAX_ORDERS_PER_HOUR,
  PROMOTION_SIGN_OFF_STEPS,
  PROMOTION_TRAP_CODES,
  PROMOTION_WORDING_MAX_LENGTH,
  QUIZ_CHOICE_MAX_LENGTH,
  QUIZ_MAX_CHOICES,
  QUIZ_MAX_QUESTIONS,
  QUIZ_PROMPT_MAX_LENGTH,
  type PromotionSignOffStep,
  type PromotionTrapCode,
  type PromotionTrapSeverity,
  type RootCause,
} from '@chaping/domain';

export const PROMOTION_TITLE_MAX_LENGTH = 60;
export const ACKNOWLEDGEMENT_NOTE_MAX_LENGTH = 500;

export class CampaignShopQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shopId!: string;
}

export class HourlyOrdersDto {
  @ApiProperty({ example: '2026-11-11T10:00:00+08:00', description: 'A whole hour inside the campaign' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  hour!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_ORDERS_PER_HOUR })
  @IsInt()
  @Min(0)
  @Max(MAX_ORDERS_PER_HOUR)
  orders!: number;
}

const rate = () => ApiPropertyOptional({ minimum: 0, maximum: 1 });

/** Negative reviews per order for each root cause, 0–1; causes left out count as 0. */
export class NegativeRateByCauseDto implements Partial<Record<RootCause, number>> {
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) product_quality?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) not_as_described?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) size_fit?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) price_value?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) logistics_delay?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) logistics_damage?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) service_attitude?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) refund_dispute?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) promotion_rules?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) malicious?: number;
  @rate() @IsOptional() @IsNumber() @Min(0) @Max(1) other?: number;
}

export class CreateCampaignDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shopId!: string;

  @ApiProperty({ example: '双11', maxLength: CAMPAIGN_NAME_MAX_LENGTH })
  @IsString()
  @MaxLength(CAMPAIGN_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ example: '2026-11-10T20:00:00+08:00' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ example: '2026-11-12T00:00:00+08:00', description: 'At most 31 days after startsAt' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  endsAt!: string;

  @ApiProperty({ example: '2026-11-11T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  peakStartsAt!: string;

  @ApiProperty({ example: '2026-11-11T02:00:00+08:00' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  peakEndsAt!: string;

  @ApiProperty({ type: [HourlyOrdersDto], maxItems: MAX_FORECAST_HOURS })
  @IsArray()
  @ArrayMaxSize(MAX_FORECAST_HOURS)
  @ValidateNested({ each: true })
  @Type(() => HourlyOrdersDto)
  expectedOrders!: HourlyOrdersDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MINUTES_PER_CASE, default: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES_PER_CASE)
  minutesPerCase?: number;

  @ApiPropertyOptional({
    type: NegativeRateByCauseDto,
    description: "The forecast's fallback when the shop has too little history of its own",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NegativeRateByCauseDto)
  negativeRateByCause?: NegativeRateByCauseDto;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class CampaignSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shopId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'date-time' }) peakStartsAt!: string;
  @ApiProperty({ format: 'date-time' }) peakEndsAt!: string;
  @ApiProperty() promotionCount!: number;
  @ApiProperty({ description: 'Promotions with all four sign-offs' }) signedOffCount!: number;
  @ApiProperty() quizPublished!: boolean;
  @ApiProperty({ description: 'Running now' }) active!: boolean;
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignSummaryDto], description: 'Latest start first' })
  items!: CampaignSummaryDto[];
}

export class SpanDto {
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}

export class PromotionFindingDto {
  @ApiProperty({ enum: PROMOTION_TRAP_CODES }) code!: PromotionTrapCode;
  @ApiProperty({ type: SpanDto, description: 'Offsets into the wording as typed' }) span!: SpanDto;
  @ApiProperty({ enum: ['block', 'warn'] }) severity!: PromotionTrapSeverity;
}

export class SignOffDto {
  @ApiProperty({ enum: PROMOTION_SIGN_OFF_STEPS }) step!: PromotionSignOffStep;
  @ApiProperty({ type: PersonDto }) by!: PersonDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AcknowledgementDto {
  @ApiProperty({ enum: PROMOTION_TRAP_CODES })
  @IsIn(PROMOTION_TRAP_CODES)
  code!: PromotionTrapCode;

  @ApiProperty({ maxLength: ACKNOWLEDGEMENT_NOTE_MAX_LENGTH, description: 'Why the team accepts this wording' })
  @IsString()
  @MinLength(1)
  @MaxLength(ACKNOWLEDGEMENT_NOTE_MAX_LENGTH)
  note!: string;
}

export class PromotionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() wording!: string;
  @ApiProperty({ type: PersonDto, description: 'Who wrote the current wording: the setter' }) writtenBy!: PersonDto;
  @ApiProperty({ type: [SignOffDto] }) signOffs!: SignOffDto[];
  @ApiProperty({ type: [AcknowledgementDto] }) acknowledgements!: AcknowledgementDto[];
  @ApiProperty({ type: [PromotionFindingDto] }) findings!: PromotionFindingDto[];
  @ApiProperty({ enum: PROMOTION_SIGN_OFF_STEPS, nullable: true, type: String, description: 'null: signed off' })
  nextStep!: PromotionSignOffStep | null;
  @ApiProperty() version!: number;
}

export class QuizQuestionViewDto {
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: [String] }) choices!: string[];
  @ApiPropertyOptional({ description: 'Index of the right choice; shown to leads and admins only' })
  answer?: number;
}

export class MyQuizDto {
  @ApiProperty() attempts!: number;
  @ApiProperty() attemptsLeft!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: never tried' }) bestCorrect!: number | null;
  @ApiProperty() passed!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The latest attempt, for the wait before the next (quizAttemptRefusal); null: never tried',
  })
  lastAttemptAt!: string | null;
}

export class QuizViewDto {
  @ApiProperty({ type: [QuizQuestionViewDto] }) questions!: QuizQuestionViewDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: MyQuizDto, description: "The caller's own attempts" }) mine!: MyQuizDto;
}

export class CampaignDetailDto extends CampaignSummaryDto {
  @ApiProperty({ type: [HourlyOrdersDto] }) expectedOrders!: HourlyOrdersDto[];
  @ApiProperty() minutesPerCase!: number;
  @ApiProperty({ type: NegativeRateByCauseDto, nullable: true }) negativeRateByCause!: NegativeRateByCauseDto | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [PromotionDto] }) promotions!: PromotionDto[];
  @ApiProperty({ type: QuizViewDto, nullable: true }) quiz!: QuizViewDto | null;
}

export class CreatePromotionDto {
  @ApiProperty({ maxLength: PROMOTION_TITLE_MAX_LENGTH, example: '满300减30' })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMOTION_TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({ maxLength: PROMOTION_WORDING_MAX_LENGTH, example: '活动期间全场实付满300元减30元' })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMOTION_WORDING_MAX_LENGTH)
  wording!: string;
}

export class ChangeWordingDto {
  @ApiProperty({ maxLength: PROMOTION_WORDING_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMOTION_WORDING_MAX_LENGTH)
  wording!: string;

  @ApiProperty({ description: 'The version the change was made on; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class SignOffPromotionDto {
  @ApiProperty({ enum: PROMOTION_SIGN_OFF_STEPS })
  @IsIn(PROMOTION_SIGN_OFF_STEPS)
  step!: PromotionSignOffStep;

  @ApiPropertyOptional({ type: [AcknowledgementDto], maxItems: PROMOTION_TRAP_CODES.length })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMOTION_TRAP_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];

  @ApiProperty({ description: 'The version signed; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ActivePromotionDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ format: 'uuid' }) promotionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() wording!: string;
}

export class ActivePromotionListDto {
  @ApiProperty({ type: [ActivePromotionDto] }) items!: ActivePromotionDto[];
}

export class QuizQuestionDto {
  @ApiProperty({ maxLength: QUIZ_PROMPT_MAX_LENGTH, example: '满300减30按什么金额计算？' })
  @IsString()
  @MaxLength(QUIZ_PROMPT_MAX_LENGTH)
  prompt!: string;

  @ApiProperty({ type: [String], minItems: 2, maxItems: QUIZ_MAX_CHOICES, example: ['实付金额', '标价'] })
  @IsArray()
  @ArrayMaxSize(QUIZ_MAX_CHOICES)
  @IsString({ each: true })
  @MaxLength(QUIZ_CHOICE_MAX_LENGTH, { each: true })
  choices!: string[];

  @ApiProperty({ description: 'Index of the right choice', example: 0 })
  @IsInt()
  @Min(0)
  @Max(QUIZ_MAX_CHOICES - 1)
  answer!: number;
}

export class SaveQuizDto {
  @ApiProperty({ type: [QuizQuestionDto], minItems: 1, maxItems: QUIZ_MAX_QUESTIONS })
  @IsArray()
  @ArrayMaxSize(QUIZ_MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuizQuestionDto)
  questions!: QuizQuestionDto[];

  @ApiPropertyOptional({ description: "The draft's version when replacing one; a stale one is a 409" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class QuizAttemptDto {
  @ApiProperty({ type: [Number], maxItems: QUIZ_MAX_QUESTIONS, description: 'The chosen index for each question' })
  @IsArray()
  @ArrayMaxSize(QUIZ_MAX_QUESTIONS)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(QUIZ_MAX_CHOICES - 1, { each: true })
  answers!: number[];
}

export class QuizGradeDto {
  @ApiProperty() correct!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'At least 80% right' }) passed!: boolean;
  @ApiProperty({ type: [Number], description: 'Indexes of the questions answered wrongly' }) wrong!: number[];
}

export class QuizResultDto {
  @ApiProperty({ type: PersonDto }) user!: PersonDto;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: never tried' }) bestCorrect!: number | null;
  @ApiProperty() total!: number;
  @ApiProperty() passed!: boolean;
}

export class QuizResultListDto {
  @ApiProperty({ type: [QuizResultDto], description: "Every agent of the campaign's shop, those who never tried too" })
  items!: QuizResultDto[];
}
