import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

import {
  ACTION_ITEM_STATUSES,
  DEPARTMENTS,
  ROOT_CAUSES,
  type ActionItemStatus,
  type Department,
  type RootCause,
} from '@chaping/domain';

import { IsCalendarDate, IsInt4, IsMonth } from '../../common/validation';

export class CreateActionItemDto {
  @ApiProperty() @IsUUID() shopId!: string;

  @ApiProperty({ enum: ROOT_CAUSES }) @IsIn(ROOT_CAUSES) rootCause!: RootCause;

  @ApiPropertyOptional({ description: 'A sub-cause of the root cause' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  subCause?: string;

  @ApiPropertyOptional({ description: 'Narrow the item to one product of the shop' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ description: 'Narrow it further to one SKU of the product' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  skuName?: string;

  @ApiProperty({ example: '更换杯盖密封圈供应商', minLength: 4, maxLength: 200 })
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ enum: DEPARTMENTS, description: 'Default: the department the cause belongs to' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ description: 'A person or team in that department', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  owner?: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  dueOn!: string;
}

export class UpdateActionItemDto {
  @ApiProperty({ description: 'The version you saw (optimistic locking)' })
  @IsInt4()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ maxLength: 60 }) @IsOptional() @IsString() @MaxLength(60) owner?: string;

  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class ActionItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty({ type: String, nullable: true }) subCause!: string | null;
  @ApiProperty({ type: String, nullable: true }) productId!: string | null;
  @ApiProperty({ type: String, nullable: true }) productTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) skuName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DEPARTMENTS }) department!: string;
  @ApiProperty({ type: String, nullable: true }) owner!: string | null;
  @ApiProperty({ example: '2026-12-31' }) dueOn!: string;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES }) status!: string;
  @ApiProperty({ example: '2026-11' }) startedMonth!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

export class OrderCountDto {
  @ApiProperty() @IsUUID() productId!: string;

  @ApiProperty({ example: '2026-10' })
  @IsMonth()
  month!: string;

  @ApiProperty({ minimum: 0 }) @IsInt4() @Min(0) orders!: number;
}
