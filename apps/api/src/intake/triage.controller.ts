import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { triageReview } from '@chaping/domain';

import { Access, AllowApiKey, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiReadErrors } from '../common/errors/api-error-responses';
import { reportShops } from '../reports/report-scope';
import { TriageOverrideStatsDto, TriageRequestDto, TriageResultDto } from './dto/triage.dto';
import { TriageOverrideRepository } from './triage-override.repository';

@ApiTags('triage')
@Access('signed_in')
@Controller('triage')
export class TriageController {
  constructor(private readonly corrections: TriageOverrideRepository) {}

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
    const byChange = await this.corrections.countsByChange(shopIds);
    return {
      triaged: await this.corrections.triagedCases(shopIds),
      overrides: byChange.reduce((sum, row) => sum + row.count, 0),
      byChange,
    };
  }
}
