import { isRefusal, type Refusal } from '../refusals/refusal';
import { agentsNeeded, HOUR_MS, type ReviewDelayShare } from './forecast';

/** Review cases of the shop in one hour of the forecast's axis. */
export interface ActualHour {
  /** ISO time of the hour's start. */
  readonly hour: string;
  readonly cases: number;
  /** Those whose order was placed during the campaign. */
  readonly fromCampaignOrders: number;
}

export interface ComparedHour {
  readonly hour: string;
  readonly forecast: number;
  readonly actual: number;
  readonly actualFromCampaignOrders: number;
  readonly forecastAgents: number;
  /** Agents the actual cases needed, with the forecast's minutes per case. */
  readonly actualAgents: number;
}

export interface ForecastComparison {
  readonly hours: readonly ComparedHour[];
  readonly forecast: number;
  readonly actual: number;
  readonly actualFromCampaignOrders: number;
}

/**
 * The forecast beside what came, hour by hour over the forecast's own axis; actual hours outside
 * the axis are left out.
 */
export function compareForecast(input: {
  hours: readonly { hour: string; total: number; agents: number }[];
  actual: readonly ActualHour[];
  minutesPerCase: number;
}): ForecastComparison | Refusal {
  const actualAt = new Map(input.actual.map((entry) => [Date.parse(entry.hour), entry]));
  const found = input.hours.map((hour) => actualAt.get(Date.parse(hour.hour)));
  const actualAgents = agentsNeeded(
    found.map((entry) => entry?.cases ?? 0),
    input.minutesPerCase,
  );
  if (isRefusal(actualAgents)) return actualAgents;
  const hours = input.hours.map((hour, index): ComparedHour => ({
    hour: hour.hour,
    forecast: hour.total,
    actual: found[index]?.cases ?? 0,
    actualFromCampaignOrders: found[index]?.fromCampaignOrders ?? 0,
    forecastAgents: hour.agents,
    actualAgents: actualAgents[index]!,
  }));
  const sum = (pick: (hour: ComparedHour) => number) => hours.reduce((total, hour) => total + pick(hour), 0);
  return {
    hours,
    forecast: sum((hour) => hour.forecast),
    actual: sum((hour) => hour.actual),
    actualFromCampaignOrders: sum((hour) => hour.actualFromCampaignOrders),
  };
}

/**
 * Where promotion-rule complaints of a campaign are looked for: from its start to its end plus the
 * forecast's longest review delay (the tail of reviews of its last orders).
 */
export function complaintWindow(
  campaign: { startsAt: Date; endsAt: Date },
  reviewDelay: readonly ReviewDelayShare[],
): { start: Date; end: Date } {
  const tail = Math.max(0, ...reviewDelay.map((delay) => delay.afterHours));
  return { start: campaign.startsAt, end: new Date(campaign.endsAt.getTime() + tail * HOUR_MS) };
}

/** A promotion title shorter than this (after normalising) names nothing a review could be matched on. */
export const MIN_ATTRIBUTABLE_TITLE_LENGTH = 2;

/** Full-width characters folded (NFKC), lower case, no white space: "满 ３００ 减" reads as "满300减". */
const normalised = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

export interface ComplaintAttribution {
  /** Complaints per promotion, in the order the promotions were given. */
  readonly byPromotion: readonly { readonly id: string; readonly cases: number }[];
  /** Complaints whose text names no promotion. */
  readonly unattributed: number;
  /** Complaints whose text names more than one promotion: counted for none. */
  readonly ambiguous: number;
}

/**
 * The promotions a review's text names: those whose title it contains, except a title found only
 * inside a longer named title ("满减" inside "跨店满减" names the cross-shop one, not both).
 */
function namedPromotions(text: string, needles: readonly string[]): number[] {
  const found = needles.flatMap((needle, index) =>
    needle.length >= MIN_ATTRIBUTABLE_TITLE_LENGTH && text.includes(needle) ? [index] : [],
  );
  return found.filter((index) => {
    const needle = needles[index]!;
    const longer = found.map((other) => needles[other]!).filter((other) => other !== needle && other.includes(needle));
    // Blanking the longer titles with U+0000, which no title holds, removes occurrences and never makes one.
    const rest = longer.reduce((remaining, other) => remaining.split(other).join('\u0000'), text);
    return rest.includes(needle);
  });
}

/**
 * Promotion-rule complaints attributed to a promotion only when the review's own words name it:
 * its title appears in the text (NFKC, case and white space ignored), other than as part of a
 * longer title it names. A complaint naming no title or several is not guessed at; it is counted
 * as unattributed or ambiguous.
 */
export function attributeComplaints(
  complaints: readonly { readonly text: string }[],
  promotions: readonly { readonly id: string; readonly title: string }[],
): ComplaintAttribution {
  const needles = promotions.map((promotion) => normalised(promotion.title));
  const counts = promotions.map(() => 0);
  let unattributed = 0;
  let ambiguous = 0;
  for (const complaint of complaints) {
    const text = normalised(complaint.text);
    const named = namedPromotions(text, needles);
    if (named.length === 0) unattributed++;
    else if (named.length > 1) ambiguous++;
    else counts[named[0]!]!++;
  }
  return {
    byPromotion: promotions.map((promotion, index) => ({ id: promotion.id, cases: counts[index]! })),
    unattributed,
    ambiguous,
  };
}
