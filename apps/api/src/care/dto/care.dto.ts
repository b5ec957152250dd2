import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import {
  CARE_OUTCOMES,
  CARE_REASONS,
  CARE_TASK_STATUSES,
  CONTACT_CHANNELS,
  type CareOutcome,
  type CareReason,
  type CareTaskStatus,
  type ContactChannel,
} from '@chaping/domain';

import { IsMonth } from '../../common/validation';

/** Platform ids: digits, letters and a few separators, as the marketplaces write them. */
const PLATFORM_ID = /^[A-Za-z0-9_:.-]{1,64}$/;

export class CareShopQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shopId!: string;
}

export class CareQueueQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One shop; without it, every shop the caller works' })
  @IsOptional()
  @IsUUID()
  shopId?: string;
}

export class CareOrderDto {
  @ApiProperty({ example: '3021458876543210001', description: 'The platform order id' })
  @Matches(PLATFORM_ID)
  orderId!: string;

  @ApiProperty({ example: 'buyer-7781' })
  @Matches(PLATFORM_ID)
  buyerId!: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  buyerNickname?: string;

  @ApiPropertyOptional({ example: '6601' })
  @IsOptional()
  @Matches(PLATFORM_ID)
  productId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  productTitle?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  skuName?: string;

  @ApiPropertyOptional({ description: 'Paid amount in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountFen?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  orderedAt?: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Delivery (sign-for) time' })
  @Type(() => Date)
  @IsDate()
  deliveredAt!: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The delivery time promised to the buyer' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  promisedBy?: Date;
}

export class CareOrdersDto {
  @ApiProperty({ type: [CareOrderDto], maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CareOrderDto)
  orders!: CareOrderDto[];
}

export class CareOrdersResultDto {
  @ApiProperty() received!: number;
  @ApiProperty({ description: 'Orders new to the shop' }) imported!: number;
  @ApiProperty({ description: 'Known orders: their delivery times were refreshed, nothing doubled' })
  updated!: number;
}

export class CareSettingsDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty() @IsBoolean() firstTimeBuyers!: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'In fen; null: not a reason' })
  @IsOptional()
  @IsInt()
  highValueAboveFen!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '0–1; null: not a reason' })
  @IsOptional()
  @IsNumber()
  skuNegativeRateAbove!: number | null;

  @ApiProperty() @IsBoolean() lateDeliveries!: boolean;

  @ApiProperty({ type: [Number], example: [1, 7] })
  @IsArray()
  @IsInt({ each: true })
  scheduleDays!: number[];

  @ApiProperty({ enum: CONTACT_CHANNELS, isArray: true, example: ['im', 'platform_message', 'sms'] })
  @IsArray()
  @ArrayMaxSize(CONTACT_CHANNELS.length)
  @IsIn(CONTACT_CHANNELS, { each: true })
  channels!: ContactChannel[];
}

export class WorkCareTaskDto {
  @ApiProperty({ enum: CARE_OUTCOMES })
  @IsIn(CARE_OUTCOMES)
  outcome!: CareOutcome;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiPropertyOptional({ maxLength: 500, description: 'What was sent; checked before it goes out' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'The problem the buyer reported' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class CareTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() day!: number;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
  @ApiProperty({ enum: CARE_TASK_STATUSES }) status!: CareTaskStatus;
  @ApiProperty({ enum: CARE_REASONS, isArray: true }) reasons!: CareReason[];
  @ApiProperty() buyerNickname!: string;
  @ApiProperty() buyerDoNotContact!: boolean;
  @ApiProperty() platformOrderId!: string;
  @ApiProperty({ type: String, nullable: true }) productTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) skuName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) deliveredAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
}

export class CareReportQueryDto extends CareShopQueryDto {
  @ApiProperty({ example: '2026-09', description: 'First month of delivery, YYYY-MM' })
  @IsMonth()
  from!: string;

  @ApiProperty({ example: '2026-11', description: 'Last month of delivery, YYYY-MM (at most 24 months after from)' })
  @IsMonth()
  to!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 240, default: 20, description: 'Agent minutes a review case takes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(240)
  minutesPerReviewCase?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 3, description: 'Agent minutes a cared order takes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  minutesPerCaredOrder?: number;
}

export class CareMonthDto {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ description: 'Orders whose buyer answered a care contact' }) ordersCared!: number;
  @ApiProperty() problemsFound!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of cared orders with a neutral/negative review' })
  caredNegativeRate!: number | null;
  @ApiProperty({ description: 'Uncared orders chosen for the same reasons as cared ones' })
  comparableUncaredOrders!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "Their negative rate, weighted by the cared orders' mix of reasons; null with nothing to compare",
  })
  comparableUncaredNegativeRate!: number | null;
  @ApiProperty() negativeReviewsAvoided!: number;
  @ApiProperty({ description: "Agent minutes the avoided cases would have taken, less care's own time" })
  minutesSaved!: number;
}

export class CareReportDto {
  @ApiProperty({ type: [CareMonthDto], description: 'Months with delivered orders, oldest first' })
  months!: CareMonthDto[];
  @ApiProperty() minutesPerReviewCase!: number;
  @ApiProperty() minutesPerCaredOrder!: number;
}
