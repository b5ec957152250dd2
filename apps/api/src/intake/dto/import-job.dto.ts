import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

import { LOCALES, type Locale } from '@chaping/domain';

import { IsInt4 } from '../../common/validation';
import { REJECTION_CODES } from '../incoming/incoming-review';
import { MARKETPLACE_FORMAT_IDS } from '../incoming/marketplace-formats';
import { IMPORT_KINDS, type ImportKind } from '../jobs/import-kinds';

export class ImportJobDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty({ enum: ['file', 'api'] }) source!: 'file' | 'api';
  @ApiProperty({ enum: IMPORT_KINDS, description: 'reviews, or care_orders: delivered orders for care follow-ups' })
  kind!: ImportKind;
  @ApiProperty({ description: 'csv, xlsx, or the marketplace format id' }) format!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ description: 'Data rows read so far (the header is not counted)' }) rowsRead!: number;
  @ApiProperty({ description: 'New reviews that opened a case (care_orders: new delivered orders)' })
  imported!: number;
  @ApiProperty({
    description:
      'Known reviews whose platform state changed, recorded as case events (care_orders: known orders whose delivery changed)',
  })
  updated!: number;
  @ApiProperty({ description: 'Known reviews (orders) with nothing new' }) duplicates!: number;
  @ApiProperty({
    description: 'Positive or already-deleted reviews that need no case (care_orders: orders not yet delivered)',
  })
  skipped!: number;
  @ApiProperty({ description: 'Rows not imported; see the rejections' }) rejected!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class ImportRejectionDto {
  @ApiProperty({ description: 'Row number as a spreadsheet shows it (header = 1), or the item index + 1' })
  row!: number;
  @ApiProperty({ description: 'Intake field name (see apps/api/src/intake/FORMATS.md), or "row"' }) field!: string;
  @ApiProperty({ enum: REJECTION_CODES }) reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The offending value, cut to 80 characters' })
  value!: string | null;
}

export class ImportRejectionsDto {
  @ApiProperty({ type: [ImportRejectionDto] }) rejections!: ImportRejectionDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterRow for the next page' })
  nextAfterRow!: number | null;
}

export class ApiImportResultDto extends ImportJobDto {
  @ApiProperty({ type: [ImportRejectionDto] }) rejections!: ImportRejectionDto[];
  @ApiProperty({ nullable: true, type: Number }) nextAfterRow!: number | null;
}

export class FileImportQueryDto {
  @ApiProperty({ description: 'Shop the reviews belong to' })
  @IsUUID()
  shopId!: string;
}

export class FileUploadQueryDto extends FileImportQueryDto {
  @ApiProperty({ required: false, enum: IMPORT_KINDS, default: 'reviews', description: 'What the file holds' })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}

export class ApiImportQueryDto extends FileImportQueryDto {
  @ApiProperty({ required: false, description: 'tmall.traderate.feeds.get only: the child order the feed is for' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,32}$/, { message: 'childTradeId must be the numeric child order id' })
  childTradeId?: string;
}

export class ImportFormatParamDto {
  @ApiProperty({ enum: MARKETPLACE_FORMAT_IDS })
  @IsString()
  format!: string;
}

export class RejectionsQueryDto {
  @ApiProperty({ required: false, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt4()
  @Min(0)
  afterRow?: number;

  @ApiProperty({ required: false, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class RejectionsFileQueryDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    description: "The file's language (a download link cannot set Accept-Language); default: Accept-Language",
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class ListImportsQueryDto {
  @ApiProperty({ required: false, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
