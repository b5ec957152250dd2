import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiReadErrors } from '../common/errors/api-error-responses';
import { ErrorBodyDto } from '../common/errors/error-body';
import { UuidParam } from '../common/uuid-param';
import { TriageModelHistoryDto, TriageModelRollbackDto } from './dto/triage-model.dto';
import { TriageModelsService } from './triage-models.service';

@ApiTags('triage')
@Access('lead')
@Controller('shops/:shopId/triage-models')
export class TriageLearningController {
  constructor(private readonly models: TriageModelsService) {}

  @Get()
  @ApiOperation({ summary: "The shop's root-cause models: each training, its frozen-slice accuracy and decision" })
  @ApiOkResponse({ type: TriageModelHistoryDto })
  @ApiReadErrors()
  history(@UuidParam('shopId') shopId: string, @CurrentActor() actor: SignedInActor): Promise<TriageModelHistoryDto> {
    return this.models.history(actor, shopId);
  }

  @Post('rollback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put an earlier model version (or the shipped model) back live for the shop' })
  @ApiOkResponse({ type: TriageModelHistoryDto })
  @ApiResponse({ status: 409, description: 'No such version, or it is already live', type: ErrorBodyDto })
  rollback(
    @UuidParam('shopId') shopId: string,
    @Body() dto: TriageModelRollbackDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<TriageModelHistoryDto> {
    return this.models.rollback(actor, shopId, dto.version);
  }
}
