import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { triageReview } from '@chaping/domain';

import { Access, AllowApiKey, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiReadErrors } from '../common/errors/api-error-responses';
import { reportShops } from '../reports/report-scope';
import { TriageOverrideStatsDto, TriageRequestDto, TriageResultDto } from './dto/triage.dto';

@ApiTags('triage')
@Access('signed_in')
@Controller('triage')
export class TriageController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(200)
  @AllowApiKey()
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Triage a review text: root cause with evidence, mis-click, malicious signals, severity' })
  @ApiOkResponse({ type: TriageResultDto })
  @ApiReadErrors()
  triage(@Body() dto: TriageRequestDto): TriageResultDto {
    return triageReview({
      text: dto.text,
      rating: dto.rating,
      followUpText: dto.followUpText ?? null,
    }) as TriageResultDto;
  }

  @Get('overrides')
  @Access('lead')
  @ApiOperation({
    summary:
      "How often agents corrected triage in the caller's shops, by field and by suggested → chosen value (for the lexicon's upkeep)",
  })
  @ApiOkResponse({ type: TriageOverrideStatsDto })
  async overrides(@CurrentActor() actor: SignedInActor): Promise<TriageOverrideStatsDto> {
    // A lead counts the corrections made in the shops they work only; admins every shop (null).
    const shopIds = reportShops(actor, undefined);
    const rows: Array<{ field: string; from: string; to: string; count: string }> = await this.dataSource.query(
      `SELECT data->>'field' AS field, COALESCE(data->>'before', 'none') AS from, COALESCE(data->>'after', 'none') AS to,
              count(*) AS count
       FROM case_event WHERE type = 'triage_overridden' AND ($1::uuid[] IS NULL OR shop_id = ANY($1::uuid[]))
       GROUP BY 1, 2, 3 ORDER BY count(*) DESC, 1, 2, 3`,
      [shopIds],
    );
    const totals: Array<{ triaged: string }> = await this.dataSource.query(
      `SELECT count(*) AS triaged FROM support_case
        WHERE triage IS NOT NULL AND ($1::uuid[] IS NULL OR shop_id = ANY($1::uuid[]))`,
      [shopIds],
    );
    const byChange = rows.map((row) => ({ field: row.field, from: row.from, to: row.to, count: Number(row.count) }));
    return {
      triaged: Number(totals[0]?.triaged ?? 0),
      overrides: byChange.reduce((sum, row) => sum + row.count, 0),
      byChange,
    };
  }
}
