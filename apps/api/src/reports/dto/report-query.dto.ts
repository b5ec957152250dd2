import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

import { LOCALES, PLATFORMS, type Locale, type Platform } from '@chaping/domain';

import { asQueryList } from '../../common/query-list';
import { IsMonth } from '../../common/validation';

export class ReportScopeQueryDto {
  @ApiPropertyOptional({ type: [String], description: 'Shops to include (default: every shop you work)' })
  @IsOptional()
  @Transform(asQueryList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  shopId?: string[];

  @ApiPropertyOptional({ enum: PLATFORMS, isArray: true, description: 'Platforms to include (default: all)' })
  @IsOptional()
  @Transform(asQueryList)
  @IsArray()
  @IsIn(PLATFORMS, { each: true })
  platform?: Platform[];
}

export class MonthlyReportQueryDto extends ReportScopeQueryDto {
  @ApiProperty({
    example: '2026-10',
    description: 'The month, YYYY-MM, in China time: from 2000-01 to the month after the current one',
  })
  @IsMonth()
  month!: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ReportExportQueryDto extends MonthlyReportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: "The file's language (a download link cannot set Accept-Language); default: Accept-Language",
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
