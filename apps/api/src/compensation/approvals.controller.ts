import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApprovalsService } from './approvals.service';
import { PendingCompensationDto } from './dto/pending-compensation.dto';

@ApiTags('compensation')
@Access('lead')
@Controller('compensations')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('pending')
  @ApiOperation({
    summary:
      "Team lead's approval queue: compensations above the limits, oldest first, with the limit, the case and the buyer's history",
  })
  @ApiOkResponse({ type: [PendingCompensationDto] })
  pending(@CurrentActor() actor: SignedInActor): Promise<PendingCompensationDto[]> {
    return this.approvals.pending(actor);
  }
}
