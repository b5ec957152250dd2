import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { SlaBoardDto } from './dto/sla-board.dto';
import { SlaBoardRepository } from './sla-board.repository';

@ApiTags('cases')
@Access('lead')
@Controller('sla')
export class SlaBoardController {
  constructor(
    private readonly sla: SlaBoardRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('board')
  @ApiOperation({
    summary: 'Team lead: SLA board per agent (overdue first contacts, overdue resolutions, due in 24 h)',
  })
  @ApiOkResponse({ type: SlaBoardDto })
  async board(@CurrentActor() actor: SignedInActor): Promise<SlaBoardDto> {
    const now = this.clock.now();
    return { agents: await this.sla.perAgent(actor, now), overdue: await this.sla.mostOverdue(actor, now) };
  }
}
