import { refusal, type Refusal } from '../refusals/refusal';
import { ROOT_CAUSES, type RootCause } from '../shared/vocabulary';
import { HOUR_MS, MAX_REVIEW_DELAY_HOURS, type ReviewDelayShare } from './forecast';

/** Most reviews come one to three days after the order: the delay used while a shop's own is too thin. */
export const DEFAULT_REVIEW_DELAY: readonly ReviewDelayShare[] = [
  { afterHours: 24, share: 0.3 },
  { afterHours: 48, share: 0.3 },
  { afterHours: 72, share: 0.2 },
  { afterHours: 120, share: 0.2 },
];

/** The history a forecast learns from: the shop's orders of the last 90 days before the campaign. */
export const HISTORY_WINDOW_DAYS = 90;

/**
 * Review cases linked to orders of the window needed before the shop's own rates and delay replace
 * the campaign's rates and the default delay: with fewer, one odd week decides the forecast.
 */
export const MIN_HISTORY_CASES = 30;

/**
 * Observed delays are counted to the nearest whole day: a few dozen cases spread over 720 possible
 * hours would give shares that are mostly noise, while the hour of day of the order is kept.
 */
export const REVIEW_DELAY_BUCKET_HOURS = 24;

/** What the shop's database says about the window. */
export interface ShopHistory {
  /** Orders placed in the window. */
  readonly orders: number;
  /** Review cases linked to those orders, per root cause. */
  readonly casesByCause: Partial<Record<RootCause, number>>;
  /** The same cases by whole hours from order to review (any whole number; clipped here). */
  readonly delayHours: readonly { readonly hours: number; readonly cases: number }[];
  /**
   * Orders of the window younger than MAX_REVIEW_DELAY_HOURS at its end, by whole hours of age: their
   * reviews may still be on the way. Absent, every order counts whole.
   */
  readonly youngOrders?: readonly { readonly ageHours: number; readonly orders: number }[];
}

export type RatesBasis = 'history' | 'campaign';
export type DelayBasis = 'history' | 'default';

export interface ForecastBasis {
  readonly rates: RatesBasis;
  readonly delay: DelayBasis;
  readonly linkedCases: number;
  /** The orders the rates divide by (countedOrders). */
  readonly ordersCounted: number;
  readonly negativeRateByCause: Partial<Record<RootCause, number>>;
  readonly reviewDelay: readonly ReviewDelayShare[];
}

export interface HistoryWindow {
  readonly start: Date;
  readonly end: Date;
}

/** The 90 days before the campaign starts, or before now when it has started already. */
export function historyWindow(campaignStartsAt: Date, now: Date): HistoryWindow {
  const end = new Date(Math.min(campaignStartsAt.getTime(), now.getTime()));
  return { start: new Date(end.getTime() - HISTORY_WINDOW_DAYS * 24 * HOUR_MS), end };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Cases of each cause per order of the window; no orders, no rates. */
export function ratesFromHistory(
  history: Pick<ShopHistory, 'orders' | 'casesByCause'>,
): Partial<Record<RootCause, number>> {
  const rates: Partial<Record<RootCause, number>> = {};
  if (history.orders <= 0) return rates;
  for (const cause of ROOT_CAUSES) {
    const cases = history.casesByCause[cause];
    if (cases !== undefined && cases > 0) rates[cause] = cases / history.orders;
  }
  return rates;
}

/**
 * The window's orders as far as their reviews can have arrived by its end: an order younger than the
 * longest delay counts for the share of reviews that arrive within its age, so the last days' orders,
 * whose reviews are still to come, do not pull the rates down.
 */
export function countedOrders(
  history: Pick<ShopHistory, 'orders' | 'youngOrders'>,
  delay: readonly ReviewDelayShare[],
): number {
  let notYetDue = 0;
  for (const { ageHours, orders } of history.youngOrders ?? []) {
    const arrived = sum(delay.filter((entry) => entry.afterHours <= ageHours).map((entry) => entry.share));
    notYetDue += orders * (1 - Math.min(1, arrived));
  }
  return Math.max(0, history.orders - notYetDue);
}

/**
 * The observed delays as shares: each delay clipped to 0..MAX_REVIEW_DELAY_HOURS and counted to the
 * nearest whole day (half a day rounds up), in order of delay.
 */
export function delayFromHistory(delayHours: ShopHistory['delayHours']): ReviewDelayShare[] {
  const total = sum(delayHours.map((entry) => entry.cases));
  if (total <= 0) return [];
  const buckets = new Map<number, number>();
  for (const { hours, cases } of delayHours) {
    const clipped = Math.min(MAX_REVIEW_DELAY_HOURS, Math.max(0, Math.floor(hours)));
    const bucket = Math.min(
      MAX_REVIEW_DELAY_HOURS,
      Math.round(clipped / REVIEW_DELAY_BUCKET_HOURS) * REVIEW_DELAY_BUCKET_HOURS,
    );
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + cases);
  }
  return [...buckets]
    .filter(([, cases]) => cases > 0)
    .sort(([a], [b]) => a - b)
    .map(([afterHours, cases]) => ({ afterHours, share: cases / total }));
}

/**
 * The rates and delay a campaign's forecast uses: the shop's own once MIN_HISTORY_CASES review cases
 * are linked to orders of the window (rates over the orders whose reviews can have arrived, countedOrders), otherwise the campaign's rates and DEFAULT_REVIEW_DELAY — the
 * answer says which. Own rates are not used when a cause has more cases than the window has orders:
 * the orders known are not all the shop's (orders come with an order time only from order exports),
 * and such a "rate" is no share of orders. Refused when the history cannot give rates and the
 * campaign gives none either.
 */
export function forecastBasis(input: {
  history: ShopHistory;
  campaignRates: Partial<Record<RootCause, number>> | null;
}): ForecastBasis | Refusal {
  const { history } = input;
  const linkedCases = sum(Object.values(history.casesByCause).map((cases) => cases ?? 0));
  const delayCases = sum(history.delayHours.map((entry) => entry.cases));
  const ownDelay = delayCases >= MIN_HISTORY_CASES;
  const reviewDelay = ownDelay ? delayFromHistory(history.delayHours) : DEFAULT_REVIEW_DELAY;
  const ordersCounted = countedOrders(history, reviewDelay);
  const enoughCases = linkedCases >= MIN_HISTORY_CASES && history.orders > 0;
  const historyRates = ratesFromHistory({ orders: ordersCounted, casesByCause: history.casesByCause });
  const ownRates = enoughCases && ordersCounted > 0 && Object.values(historyRates).every((rate) => rate <= 1);
  if (!ownRates && input.campaignRates === null) {
    return enoughCases
      ? refusal('forecast.history_incomplete', {
          orders: Math.floor(ordersCounted),
          linkedCases,
          days: HISTORY_WINDOW_DAYS,
        })
      : refusal('forecast.no_rates', { minCases: MIN_HISTORY_CASES, linkedCases, days: HISTORY_WINDOW_DAYS });
  }
  return {
    rates: ownRates ? 'history' : 'campaign',
    delay: ownDelay ? 'history' : 'default',
    linkedCases,
    ordersCounted,
    negativeRateByCause: ownRates ? historyRates : { ...input.campaignRates },
    reviewDelay,
  };
}
