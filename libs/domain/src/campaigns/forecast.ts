import { refusal, type Refusal } from '../refusals/refusal';
import { ROOT_CAUSES, type RootCause } from '../shared/vocabulary';

export const HOUR_MS = 3_600_000;
/** A campaign forecast spans at most 31 days of orders. */
export const MAX_FORECAST_HOURS = 24 * 31;
export const MAX_ORDERS_PER_HOUR = 10_000_000;
/** Reviews later than 30 days after the order are outside every platform's review window. */
export const MAX_REVIEW_DELAY_HOURS = 24 * 30;
export const MAX_MINUTES_PER_CASE = 8 * 60;
const SHARE_TOLERANCE = 1e-9;

export interface HourlyOrders {
  /** ISO time of a whole hour, e.g. "2026-11-11T10:00:00+08:00". */
  readonly hour: string;
  readonly orders: number;
}

export interface ReviewDelayShare {
  /** Whole hours between the order and its review. */
  readonly afterHours: number;
  readonly share: number;
}

export interface ForecastInput {
  readonly ordersByHour: readonly HourlyOrders[];
  /** Historical negative-review rate per root cause for comparable campaigns, 0..1; causes left out count as 0. */
  readonly negativeRateByCause: Partial<Record<RootCause, number>>;
  /** Observed delay between order and review; the shares sum to 1. */
  readonly reviewDelay: readonly ReviewDelayShare[];
}

export interface ForecastHour {
  /** ISO UTC time of the hour's start. */
  readonly hour: string;
  readonly byCause: Partial<Record<RootCause, number>>;
  readonly total: number;
}

export interface CaseForecast {
  /** Consecutive hours from the first order hour to the last order hour plus the longest delay. */
  readonly hours: readonly ForecastHour[];
  readonly total: number;
}

const isWholeHour = (ms: number) => Number.isFinite(ms) && ms % HOUR_MS === 0;

function checkDelay(delay: readonly ReviewDelayShare[]): Refusal | null {
  const bad = refusal('forecast.invalid_delay', { maxHours: MAX_REVIEW_DELAY_HOURS });
  let sum = 0;
  for (const { afterHours, share } of delay) {
    const wholeHours = Number.isInteger(afterHours) && afterHours >= 0 && afterHours <= MAX_REVIEW_DELAY_HOURS;
    if (!wholeHours || !Number.isFinite(share) || share < 0) return bad;
    sum += share;
  }
  return Math.abs(sum - 1) <= SHARE_TOLERANCE ? null : bad;
}

function checkRates(rates: Partial<Record<RootCause, number>>): Refusal | null {
  for (const [cause, rate] of Object.entries(rates)) {
    const known = (ROOT_CAUSES as readonly string[]).includes(cause);
    if (!known || typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return refusal('forecast.invalid_rate');
  }
  return null;
}

/** Order counts placed on a consecutive hour axis starting at the earliest order hour. */
function ordersOnAxis(ordersByHour: readonly HourlyOrders[]): { start: number; orders: number[] } | Refusal {
  const times = ordersByHour.map((entry) => Date.parse(entry.hour));
  if (!times.every(isWholeHour) || new Set(times).size !== times.length) return refusal('forecast.invalid_hour');
  for (const { orders } of ordersByHour) {
    if (!Number.isFinite(orders) || orders < 0 || orders > MAX_ORDERS_PER_HOUR) {
      return refusal('forecast.invalid_orders', { max: MAX_ORDERS_PER_HOUR });
    }
  }
  const start = Math.min(...times);
  const span = (Math.max(...times) - start) / HOUR_MS + 1;
  if (span > MAX_FORECAST_HOURS) return refusal('forecast.too_many_hours', { max: MAX_FORECAST_HOURS });
  const orders = new Array<number>(span).fill(0);
  ordersByHour.forEach((entry, index) => (orders[(times[index]! - start) / HOUR_MS] = entry.orders));
  return { start, orders };
}

/**
 * Expected negative-review cases per hour: each hour's orders times each cause's rate, spread over
 * the review delay (a discrete convolution), so a campaign's cases arrive after its orders.
 */
export function forecastCases(input: ForecastInput): CaseForecast | Refusal {
  const invalid = checkDelay(input.reviewDelay) ?? checkRates(input.negativeRateByCause);
  if (invalid) return invalid;
  if (input.ordersByHour.length === 0) return { hours: [], total: 0 };
  const axis = ordersOnAxis(input.ordersByHour);
  if ('code' in axis) return axis;
  const causes = ROOT_CAUSES.filter((cause) => input.negativeRateByCause[cause] !== undefined);
  const longestDelay = Math.max(...input.reviewDelay.map((delay) => delay.afterHours));
  const length = axis.orders.length + longestDelay;
  const cases = new Map(causes.map((cause) => [cause, new Array<number>(length).fill(0)]));
  axis.orders.forEach((orders, orderHour) => {
    if (orders === 0) return;
    for (const { afterHours, share } of input.reviewDelay) {
      for (const cause of causes) {
        cases.get(cause)![orderHour + afterHours]! += orders * share * input.negativeRateByCause[cause]!;
      }
    }
  });
  const hours = Array.from({ length }, (_, index): ForecastHour => {
    const byCause: Partial<Record<RootCause, number>> = {};
    let total = 0;
    for (const cause of causes) {
      byCause[cause] = cases.get(cause)![index]!;
      total += byCause[cause];
    }
    return { hour: new Date(axis.start + index * HOUR_MS).toISOString(), byCause, total };
  });
  return { hours, total: hours.reduce((sum, hour) => sum + hour.total, 0) };
}

/**
 * Agents needed each hour: the hour's case minutes over 60, divided by the share of an hour an agent
 * spends on cases (occupancy), rounded up.
 */
export function agentsNeeded(
  casesPerHour: readonly number[],
  minutesPerCase: number,
  occupancy = 0.85,
): number[] | Refusal {
  const validMinutes = Number.isFinite(minutesPerCase) && minutesPerCase > 0 && minutesPerCase <= MAX_MINUTES_PER_CASE;
  const validOccupancy = Number.isFinite(occupancy) && occupancy > 0 && occupancy <= 1;
  if (!validMinutes || !validOccupancy) {
    return refusal('forecast.invalid_handling', { maxMinutes: MAX_MINUTES_PER_CASE });
  }
  if (!casesPerHour.every((cases) => Number.isFinite(cases) && cases >= 0)) {
    return refusal('forecast.invalid_orders', { max: MAX_ORDERS_PER_HOUR });
  }
  // The tolerance keeps float noise (e.g. 2.0000000000000004) from adding an agent.
  return casesPerHour.map((cases) => Math.max(0, Math.ceil((cases * minutesPerCase) / 60 / occupancy - 1e-9)));
}
