import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CaseViewDto } from '../cases/dto/case-view.dto';
import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { CaseCommandDto } from '../common/case-command.dto';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { ApiIdempotencyKey, IdempotencyKey, type CommandKey } from '../common/idempotency-key';
import { UuidParam } from '../common/uuid-param';
import { CompensationService } from './compensation.service';
import { DecideCompensationDto, ProposeCompensationDto, RejectCompensationDto } from './dto/compensation.dto';

@ApiTags('compensation')
@Access('case')
@Controller('cases/:id/compensations')
export class CompensationController {
  constructor(private readonly compensation: CompensationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Propose a compensation as a remedy; above the limits it waits for a lead. Never tied to a review.',
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  @ApiIdempotencyKey()
  propose(
    @UuidParam('id') id: string,
    @Body() dto: ProposeCompensationDto,
    @CurrentActor() actor: SignedInActor,
    @IdempotencyKey() key: CommandKey | undefined,
  ) {
    return this.compensation.propose(id, dto, { actor, key });
  }

  @Post(':compensationId/approve')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a compensation waiting for a lead' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  approve(
    @UuidParam('id') id: string,
    @UuidParam('compensationId') compensationId: string,
    @Body() dto: DecideCompensationDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.compensation.approve({ caseId: id, compensationId }, dto, actor);
  }

  @Post(':compensationId/reject')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a compensation waiting for a lead, with a reason' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  reject(
    @UuidParam('id') id: string,
    @UuidParam('compensationId') compensationId: string,
    @Body() dto: RejectCompensationDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.compensation.reject({ caseId: id, compensationId }, dto, actor);
  }

  @Post(':compensationId/mark-paid')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an approved compensation paid (exactly once)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  @ApiIdempotencyKey()
  markPaid(
    @UuidParam('id') id: string,
    @UuidParam('compensationId') compensationId: string,
    @Body() dto: CaseCommandDto,
    @CurrentActor() actor: SignedInActor,
    @IdempotencyKey() key: CommandKey | undefined,
  ) {
    return this.compensation.markPaid({ caseId: id, compensationId }, dto, { actor, key });
  }
}
