import { Inject, Injectable } from '@nestjs/common';

import { campaignForecast, historyWindow, isRefusal } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RefusedError } from '../common/errors/app-errors';
import { CampaignForecastRepository } from './campaign-forecast.repository';
import { CampaignsService } from './campaigns.service';
import type { CampaignForecastDto } from './dto/campaign-forecast.dto';

@Injectable()
export class CampaignForecastService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly repository: CampaignForecastRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Expected cases and agents per hour from the shop's last 90 days (campaignForecast), with a
   * roster of the shop's agents; readable by whoever may read the campaign.
   */
  async forecast(actor: SignedInActor, campaignId: string): Promise<CampaignForecastDto> {
    const campaign = await this.campaigns.found(actor, campaignId);
    const window = historyWindow(campaign.starts_at, this.clock.now());
    const history = await this.repository.history(campaign.shop_id, window);
    const agents = await this.repository.rosterAgents(campaign.shop_id);
    const result = campaignForecast({
      ordersByHour: campaign.expected_orders,
      history,
      campaignRates: campaign.negative_rate_by_cause,
      minutesPerCase: campaign.minutes_per_case,
      agentIds: agents.map((agent) => agent.id),
    });
    if (isRefusal(result)) throw new RefusedError(result);
    const names = new Map(agents.map((agent) => [agent.id, agent.display_name]));
    return {
      basis: { ...result.basis, windowStart: window.start.toISOString(), windowEnd: window.end.toISOString() },
      negativeRateByCause: result.negativeRateByCause,
      reviewDelay: result.reviewDelay.map(({ afterHours, share }) => ({ afterHours, share })),
      minutesPerCase: result.minutesPerCase,
      hours: result.hours.map(({ hour, byCause, total, agents: needed }) => ({ hour, byCause, total, agents: needed })),
      total: result.total,
      peakAgents: result.peakAgents,
      roster: {
        shifts: result.roster.shifts.map(({ start, end, need, agentIds }) => ({
          start,
          end,
          need,
          agents: agentIds.map((id) => ({ id, displayName: names.get(id) ?? '' })),
        })),
        uncovered: result.roster.uncovered.map(({ hour, short }) => ({ hour, short })),
      },
    };
  }
}
