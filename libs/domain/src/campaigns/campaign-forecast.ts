import { isRefusal, type Refusal } from '../refusals/refusal';
import type { RootCause } from '../shared/vocabulary';
import { agentsNeeded, forecastCases, type ForecastHour, type HourlyOrders, type ReviewDelayShare } from './forecast';
import { forecastBasis, type DelayBasis, type RatesBasis, type ShopHistory } from './forecast-history';
import type { MeasuredHandling } from './handling-time';
import { planRoster, type Roster } from './roster';

/**
 * Where the minutes per case come from: measured from the agents' actions on the shop's recorded
 * cases (measuredHandling), or the campaign's own figure while too few cases were measured.
 */
export type HandlingBasis = 'measured' | 'campaign';

export interface CampaignForecastInput {
  readonly ordersByHour: readonly HourlyOrders[];
  readonly history: ShopHistory;
  /** The campaign's fallback rates, null when it gave none. */
  readonly campaignRates: Partial<Record<RootCause, number>> | null;
  /** The campaign's minutes per case, used while the shop's own are not measured. */
  readonly minutesPerCase: number;
  /** The shop's measured work per case, null when too few cases were measured. */
  readonly measuredHandling: MeasuredHandling | null;
  /** Agents who can be rostered, in the order ties are broken. */
  readonly agentIds: readonly string[];
}

export interface CampaignForecastHour extends ForecastHour {
  readonly agents: number;
}

export interface CampaignForecast {
  readonly basis: {
    readonly rates: RatesBasis;
    readonly delay: DelayBasis;
    readonly handling: HandlingBasis;
    /** Recorded cases the minutes per case were measured on; 0 when the campaign's figure is used. */
    readonly measuredCases: number;
    readonly orders: number;
    /** The orders the rates divide by: the recent ones only as far as their reviews can have arrived. */
    readonly ordersCounted: number;
    readonly linkedCases: number;
  };
  readonly negativeRateByCause: Partial<Record<RootCause, number>>;
  readonly reviewDelay: readonly ReviewDelayShare[];
  readonly minutesPerCase: number;
  readonly hours: readonly CampaignForecastHour[];
  readonly total: number;
  readonly peakAgents: number;
  readonly roster: Roster;
}

/**
 * A campaign's expected cases per hour from the shop's history (forecastBasis → forecastCases), the
 * agents each hour needs at the shop's measured minutes per case, else the campaign's (agentsNeeded),
 * and a roster over the three shifts that covers them (planRoster).
 */
export function campaignForecast(input: CampaignForecastInput): CampaignForecast | Refusal {
  const basis = forecastBasis({ history: input.history, campaignRates: input.campaignRates });
  if (isRefusal(basis)) return basis;
  const cases = forecastCases({
    ordersByHour: input.ordersByHour,
    negativeRateByCause: basis.negativeRateByCause,
    reviewDelay: basis.reviewDelay,
  });
  if (isRefusal(cases)) return cases;
  const minutesPerCase = input.measuredHandling?.minutesPerCase ?? input.minutesPerCase;
  const agents = agentsNeeded(
    cases.hours.map((hour) => hour.total),
    minutesPerCase,
  );
  if (isRefusal(agents)) return agents;
  const roster =
    cases.hours.length === 0
      ? { shifts: [], uncovered: [] }
      : planRoster({ start: cases.hours[0]!.hour, needPerHour: agents, agentIds: input.agentIds });
  if (isRefusal(roster)) return roster;
  return {
    basis: {
      rates: basis.rates,
      delay: basis.delay,
      handling: input.measuredHandling ? 'measured' : 'campaign',
      measuredCases: input.measuredHandling?.cases ?? 0,
      orders: input.history.orders,
      ordersCounted: basis.ordersCounted,
      linkedCases: basis.linkedCases,
    },
    negativeRateByCause: basis.negativeRateByCause,
    reviewDelay: basis.reviewDelay,
    minutesPerCase,
    hours: cases.hours.map((hour, index) => ({ ...hour, agents: agents[index]! })),
    total: cases.total,
    peakAgents: Math.max(0, ...agents),
    roster,
  };
}
