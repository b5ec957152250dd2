import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import {
  PLATFORMS,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
  type Platform,
  type RootCause,
  type Severity,
  type Stage,
} from '@chaping/domain';

import { asQueryList } from '../../common/query-list';
import { IsCalendarDate } from '../../common/validation';
import { SLA_BREACHES, type SlaBreach } from '../case-scope';

/** Whose cases: a user id, "me" for the signed-in user, or "none" for the shop pool. */
const AssigneeFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'A user id, "me" for the signed-in user, or "none" for the shop pool' }),
    IsOptional(),
    Matches(/^(none|me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
      message: 'assignee must be a user id, "me" or "none"',
    }),
  );

/** Open cases (the work), closed ones (the archive) or both. */
export const CASE_STATUSES = ['open', 'closed', 'all'] as const;
export type CaseStatusFilter = (typeof CASE_STATUSES)[number];

export class ListCasesQueryDto {
  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    description: "Default: open, or all when searching (q) so a buyer's old case is found; ignored with stage",
  })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: 'status must be open, closed or all' })
  status?: CaseStatusFilter;

  @ApiPropertyOptional({ enum: STAGES, isArray: true, description: 'Default: every open stage' })
  @IsOptional()
  @Transform(asQueryList)
  @IsIn(STAGES, { each: true })
  stage?: Stage[];

  @AssigneeFilter()
  assignee?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  shopId?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ enum: ROOT_CAUSES })
  @IsOptional()
  @IsIn(ROOT_CAUSES)
  rootCause?: RootCause;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: SLA_BREACHES, description: 'Only open cases past this deadline now' })
  @IsOptional()
  @IsIn(SLA_BREACHES, { message: 'overdue must be first_contact or resolution' })
  overdue?: SlaBreach;

  @ApiPropertyOptional({
    example: '2026-11-11',
    description: 'Only cases whose review was posted on this day, China time',
  })
  @IsOptional()
  @IsCalendarDate()
  reviewedOn?: string;

  @ApiPropertyOptional({ description: 'Only the cases this import job opened (GET /api/imports)' })
  @IsOptional()
  @IsUUID()
  importId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Searches review text, buyer nickname and order id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class CaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: ['neutral', 'negative'] }) rating!: string;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) rootCause!: string | null;
  @ApiProperty() buyerNickname!: string;
  @ApiProperty() reviewText!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ format: 'date-time' }) firstContactDueAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstContactAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'What the queue sorts by' }) urgencyAt!: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName!: string | null;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES, description: "Triage's second suggestion" })
  secondCause!: string | null;
  @ApiProperty({ description: "Triage's lexicon and model named different causes" }) disagreement!: boolean;
  @ApiProperty({ description: 'A disagreement no one has settled: the cause is neither corrected nor confirmed' })
  needsChecking!: boolean;
}

/** The queue's counters take the queue's assignee and shop filters. */
export class CaseCountsQueryDto extends PickType(ListCasesQueryDto, ['assignee', 'shopId'] as const) {}

export class StageCountDto {
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty() count!: number;
}

export class CaseCountsDto {
  @ApiProperty({ type: [StageCountDto], description: 'Open cases per stage' }) byStage!: StageCountDto[];
  @ApiProperty({ description: 'Open cases whose first contact is overdue' }) overdueFirstContact!: number;
  @ApiProperty({ description: 'Open cases in the pools of the shops the user works' }) pool!: number;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
