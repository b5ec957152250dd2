import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { AgentKpisDto, HourlyQueryDto, HourlyViewDto, KpiQueryDto, TeamDashboardDto } from './dto/team.dto';
import { TeamService } from './team.service';

@ApiTags('reports')
@Access('lead')
@Controller()
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('dashboard')
  @ApiOperation({ summary: 'Team lead: open cases by stage and age, SLA breaches, load per agent, today’s intake' })
  @ApiOkResponse({ type: TeamDashboardDto })
  dashboard(@CurrentActor() actor: SignedInActor): Promise<TeamDashboardDto> {
    return this.team.dashboard(actor);
  }

  @Get('kpis')
  @ApiOperation({
    summary: 'Team lead: each agent’s KPIs over a period, scored 0–100 and weighed with policy.kpi.weights',
  })
  @ApiOkResponse({ type: AgentKpisDto })
  kpis(@Query() query: KpiQueryDto, @CurrentActor() actor: SignedInActor): Promise<AgentKpisDto> {
    return this.team.kpis(actor, query.from, query.to);
  }

  @Get('kpis/hourly')
  @ApiOperation({ summary: 'Team lead: intake, first contacts and closures per hour of one day (campaign days)' })
  @ApiOkResponse({ type: HourlyViewDto })
  hourly(@Query() query: HourlyQueryDto, @CurrentActor() actor: SignedInActor): Promise<HourlyViewDto> {
    return this.team.hourly(actor, query);
  }
}
