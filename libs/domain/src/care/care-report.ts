import type { CareReason } from './selection';

/** One delivered order as the care report sees it. */
export interface CareReportOrder {
  /** Month of delivery, "YYYY-MM". */
  readonly month: string;
  /** Why the shop's rules chose it for care; empty when they did not. */
  readonly reasons: readonly CareReason[];
  /** At least one care contact reached the buyer. */
  readonly cared: boolean;
  readonly problemFound: boolean;
  /** The buyer left a neutral or negative review of the order. */
  readonly negativeReview: boolean;
}

export interface CareReportOptions {
  /** Measured minutes an agent spends on a negative-review case. */
  readonly minutesPerReviewCase: number;
  /** Minutes a care order costs (its contacts). */
  readonly minutesPerCaredOrder: number;
}

export interface CareMonth {
  readonly month: string;
  readonly ordersCared: number;
  readonly problemsFound: number;
  readonly caredNegativeRate: number | null;
  /** Uncared orders that match cared ones on their selection reasons. */
  readonly comparableUncaredOrders: number;
  /**
   * The negative rate of uncared orders, each reason profile weighted by its share of the cared
   * orders (direct standardisation), so a month that cared mostly for high-value orders is compared
   * with uncared high-value orders, not with every order. Null when no profile has uncared orders.
   */
  readonly comparableUncaredNegativeRate: number | null;
  /** Negative reviews the cared orders did not get, compared with the uncared rate. */
  readonly negativeReviewsAvoided: number;
  /** Agent minutes the avoided cases would have taken, less the time care itself took. */
  readonly minutesSaved: number;
}

const profileOf = (order: CareReportOrder) => [...order.reasons].sort().join('+');
const rate = (orders: readonly CareReportOrder[]) =>
  orders.length === 0 ? null : orders.filter((order) => order.negativeReview).length / orders.length;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function careMonth(month: string, orders: readonly CareReportOrder[], options: CareReportOptions): CareMonth {
  const cared = orders.filter((order) => order.cared);
  const uncaredByProfile = groupBy(
    orders.filter((order) => !order.cared),
    profileOf,
  );
  let weighted = 0;
  let weights = 0;
  let comparable = 0;
  for (const [profile, caredOfProfile] of groupBy(cared, profileOf)) {
    const uncared = uncaredByProfile.get(profile) ?? [];
    const uncaredRate = rate(uncared);
    if (uncaredRate === null) continue;
    weighted += caredOfProfile.length * uncaredRate;
    weights += caredOfProfile.length;
    comparable += uncared.length;
  }
  const caredRate = rate(cared);
  const uncaredRate = weights === 0 ? null : weighted / weights;
  const avoided = caredRate === null || uncaredRate === null ? 0 : (uncaredRate - caredRate) * cared.length;
  return {
    month,
    ordersCared: cared.length,
    problemsFound: cared.filter((order) => order.problemFound).length,
    caredNegativeRate: caredRate,
    comparableUncaredOrders: comparable,
    comparableUncaredNegativeRate: uncaredRate,
    negativeReviewsAvoided: avoided,
    minutesSaved: avoided * options.minutesPerReviewCase - cared.length * options.minutesPerCaredOrder,
  };
}

/** Care by month of delivery, oldest first. */
export function careReport(orders: readonly CareReportOrder[], options: CareReportOptions): CareMonth[] {
  return [...groupBy(orders, (order) => order.month)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, ofMonth]) => careMonth(month, ofMonth, options));
}
