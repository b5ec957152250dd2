import { Inject, Injectable } from '@nestjs/common';

import {
  attributeComplaints,
  campaignForecast,
  compareForecast,
  complaintWindow,
  historyWindow,
  HOUR_MS,
  isRefusal,
  measuredHandling,
  type CampaignForecast,
  type HistoryWindow,
  type Roster,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RefusedError } from '../common/errors/app-errors';
import { CampaignForecastRepository } from './campaign-forecast.repository';
import { CampaignRepository, type CampaignRow } from './campaign.repository';
import { CampaignsService } from './campaigns.service';
import type { CampaignForecastDto, CampaignReviewDto, ForecastBasisDto } from './dto/campaign-forecast.dto';

interface Computed {
  campaign: CampaignRow;
  window: HistoryWindow;
  result: CampaignForecast;
  names: Map<string, string>;
}

const basisDto = ({ result, window }: Computed): ForecastBasisDto => ({
  ...result.basis,
  windowStart: window.start.toISOString(),
  windowEnd: window.end.toISOString(),
});

@Injectable()
export class CampaignForecastService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly campaignRows: CampaignRepository,
    private readonly repository: CampaignForecastRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Expected cases and agents per hour from the shop's last 90 days (campaignForecast) — rates, delays
   * and the agents' work per recorded case —, with a roster of the shop's agents; readable by whoever
   * may read the campaign.
   */
  async forecast(actor: SignedInActor, campaignId: string): Promise<CampaignForecastDto> {
    const computed = await this.computed(actor, campaignId);
    const { result, names } = computed;
    return {
      basis: basisDto(computed),
      negativeRateByCause: result.negativeRateByCause,
      reviewDelay: result.reviewDelay.map(({ afterHours, share }) => ({ afterHours, share })),
      minutesPerCase: result.minutesPerCase,
      hours: result.hours.map(({ hour, byCause, total, agents }) => ({ hour, byCause, total, agents })),
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

  /** The roster the forecast plans, shift by shift and agent by agent, for a lead to adopt. */
  async plannedRoster(actor: SignedInActor, campaignId: string): Promise<{ campaign: CampaignRow; roster: Roster }> {
    const { campaign, result } = await this.computed(actor, campaignId);
    return { campaign, roster: result.roster };
  }

  /**
   * After the campaign: the forecast beside the shop's review cases hour by hour (compareForecast),
   * and its promotion-rule complaints attributed to the promotion the review names (attributeComplaints).
   */
  async review(actor: SignedInActor, campaignId: string): Promise<CampaignReviewDto> {
    const computed = await this.computed(actor, campaignId);
    const { campaign, result } = computed;
    const now = this.clock.now();
    const first = result.hours[0];
    const axisEnd = first ? Date.parse(first.hour) + result.hours.length * HOUR_MS : now.getTime();
    const span = { startsAt: campaign.starts_at, endsAt: campaign.ends_at };
    const actual = first
      ? await this.repository.actualByHour(
          campaign.shop_id,
          { from: new Date(first.hour), to: new Date(axisEnd) },
          span,
        )
      : [];
    const comparison = compareForecast({ hours: result.hours, actual, minutesPerCase: result.minutesPerCase });
    if (isRefusal(comparison)) throw new RefusedError(comparison);
    const window = complaintWindow(span, result.reviewDelay);
    const complaints = await this.repository.promotionComplaints(campaign.shop_id, window);
    const promotions = await this.campaignRows.promotions(campaignId);
    const attribution = attributeComplaints(
      complaints.texts.map((text) => ({ text })),
      promotions.map(({ id, title }) => ({ id, title })),
    );
    return {
      basis: basisDto(computed),
      asOf: now.toISOString(),
      complete: now.getTime() >= axisEnd,
      hours: comparison.hours.map((hour) => ({ ...hour })),
      forecastTotal: comparison.forecast,
      actualTotal: comparison.actual,
      actualFromCampaignOrdersTotal: comparison.actualFromCampaignOrders,
      promotionComplaints: {
        windowStart: window.start.toISOString(),
        windowEnd: window.end.toISOString(),
        total: complaints.total,
        attribution: 'title_in_review_text',
        promotions: promotions.map((promotion, index) => ({
          promotionId: promotion.id,
          title: promotion.title,
          cases: attribution.byPromotion[index]!.cases,
        })),
        unattributed: attribution.unattributed,
        ambiguous: attribution.ambiguous,
        notExamined: complaints.total - complaints.texts.length,
      },
    };
  }

  private async computed(actor: SignedInActor, campaignId: string): Promise<Computed> {
    const campaign = await this.campaigns.found(actor, campaignId);
    const window = historyWindow(campaign.starts_at, this.clock.now());
    const history = await this.repository.history(campaign.shop_id, window);
    const { actions, sampleCaseIds } = await this.repository.handlingSample(campaign.shop_id, window);
    const handling = measuredHandling(actions, sampleCaseIds);
    const agents = await this.repository.rosterAgents(campaign.shop_id);
    const result = campaignForecast({
      ordersByHour: campaign.expected_orders,
      history,
      campaignRates: campaign.negative_rate_by_cause,
      minutesPerCase: campaign.minutes_per_case,
      measuredHandling: handling,
      agentIds: agents.map((agent) => agent.id),
    });
    if (isRefusal(result)) throw new RefusedError(result);
    return { campaign, window, result, names: new Map(agents.map((agent) => [agent.id, agent.display_name])) };
  }
}
