import { Inject, Injectable } from '@nestjs/common';

import { dayRange, scoreAgents, type Platform } from '@chaping/domain';

import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import type { AgentHoursDto, AgentKpisDto, HourlyViewDto, TeamDashboardDto } from './dto/team.dto';
import { reportShops } from './report-scope';
import { TeamRepository } from './team.repository';

const chinaDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
const hoursOfDay = () => Array.from({ length: 24 }, () => 0);

/** The team dashboard, the agents' KPIs with the lead's weights, and the by-hour view of a day. */
@Injectable()
export class TeamService {
  constructor(
    private readonly team: TeamRepository,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async dashboard(actor: SignedInActor): Promise<TeamDashboardDto> {
    const shopIds = reportShops(actor, undefined);
    const now = this.clock.now();
    const today = chinaDate(now);
    const { start, end } = dayRange(today, today);
    const [open, load, intake] = await Promise.all([
      this.team.openCounts(shopIds, now),
      this.team.loadPerAgent(shopIds, this.policies.organisation().assignment.severityWeights),
      this.team.intake(shopIds, start, end),
    ]);
    return {
      ...open,
      open: open.byStageAndAge.reduce(
        (sum, row) => sum + row.underOneDay + row.oneToThreeDays + row.threeToSevenDays + row.overSevenDays,
        0,
      ),
      load,
      todayIntake: intake.reduce((sum, row) => sum + row.cases, 0),
      todayByPlatform: intake as Array<{ platform: Platform; cases: number }>,
    };
  }

  async kpis(actor: SignedInActor, from: string, to: string): Promise<AgentKpisDto> {
    const { start, end } = dayRange(from, to);
    const weights = this.policies.organisation().kpi.weights;
    const agents = await this.team.agentKpis(reportShops(actor, undefined), start, end);
    return { from, to, weights, agents: scoreAgents(agents, weights) };
  }

  async hourly(actor: SignedInActor, { date, shopId }: { date: string; shopId?: string }): Promise<HourlyViewDto> {
    const { start, end } = dayRange(date, date);
    const rows = await this.team.hourly(reportShops(actor, shopId ? [shopId] : undefined), start, end);
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, intake: 0, firstContacts: 0, closed: 0 }));
    const agents = new Map<string, AgentHoursDto>();
    for (const row of rows) {
      const slot = hours[row.hour];
      if (!slot) continue;
      if (row.kind === 'intake') slot.intake += row.n;
      else if (row.kind === 'first_contact') slot.firstContacts += row.n;
      else slot.closed += row.n;
      if (row.kind === 'intake' || !row.agent_id) continue;
      let agent = agents.get(row.agent_id);
      if (!agent) {
        agent = {
          agentId: row.agent_id,
          agentName: row.agent_name ?? '',
          firstContacts: hoursOfDay(),
          closed: hoursOfDay(),
        };
        agents.set(row.agent_id, agent);
      }
      const series = row.kind === 'first_contact' ? agent.firstContacts : agent.closed;
      series[row.hour] = (series[row.hour] ?? 0) + row.n;
    }
    return {
      date,
      hours,
      agents: [...agents.values()].sort((a, b) => a.agentName.localeCompare(b.agentName)),
    };
  }
}
