import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CaseViewDto } from '../cases/dto/case-view.dto';
import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { AppealsService } from './appeals.service';
import { AppealResultDto, FileAppealDto } from './dto/appeal.dto';

@ApiTags('appeals')
@Access('case')
@Controller('cases/:id/appeal')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'File the appeal of a malicious review, with evidence, before the deadline' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  file(@UuidParam('id') id: string, @Body() dto: FileAppealDto, @CurrentActor() actor: SignedInActor) {
    return this.appeals.file(id, dto, actor);
  }

  @Post('result')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the platform's decision on the appeal" })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  recordResult(@UuidParam('id') id: string, @Body() dto: AppealResultDto, @CurrentActor() actor: SignedInActor) {
    return this.appeals.recordResult(id, dto, actor);
  }
}
