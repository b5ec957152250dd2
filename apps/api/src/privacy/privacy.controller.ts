import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { RevealDto, RevealedDto } from './dto/reveal.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('privacy')
@Access('case')
@Controller('cases/:id/personal-data')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Post('reveal')
  @HttpCode(200)
  @ApiOperation({ summary: "Show one of the buyer's personal data unmasked, with a reason; logged on the case" })
  @ApiOkResponse({ type: RevealedDto })
  @ApiCommandErrors()
  reveal(@UuidParam('id') id: string, @Body() dto: RevealDto, @CurrentActor() actor: SignedInActor) {
    return this.privacy.reveal(id, dto, actor);
  }
}
