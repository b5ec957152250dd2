import { addDays, addHours } from 'date-fns';

import type { CareSettings } from './care-settings';

export const CARE_REASONS = ['first_time_buyer', 'high_value', 'sku_negative_rate', 'late_delivery'] as const;
export type CareReason = (typeof CARE_REASONS)[number];

/** What the shop knows about a delivered order when it decides on care. */
export interface CareOrderFacts {
  /** The buyer had no earlier order from this shop. */
  firstOrderOfBuyer: boolean;
  amountFen: number | null;
  /** The product's negative reviews over its delivered orders last month; null when it had none delivered. */
  skuNegativeRateLastMonth: number | null;
  deliveredAt: Date;
  /** The delivery time promised to the buyer, when the platform gives one. */
  promisedBy: Date | null;
}

/** Why an order gets care under the shop's settings; empty: no care. */
export function careReasons(facts: CareOrderFacts, settings: CareSettings): CareReason[] {
  if (!settings.enabled) return [];
  const reasons: CareReason[] = [];
  if (settings.firstTimeBuyers && facts.firstOrderOfBuyer) reasons.push('first_time_buyer');
  if (settings.highValueAboveFen !== null && (facts.amountFen ?? 0) > settings.highValueAboveFen) {
    reasons.push('high_value');
  }
  if (
    settings.skuNegativeRateAbove !== null &&
    facts.skuNegativeRateLastMonth !== null &&
    facts.skuNegativeRateLastMonth > settings.skuNegativeRateAbove
  ) {
    reasons.push('sku_negative_rate');
  }
  if (settings.lateDeliveries && facts.promisedBy && facts.deliveredAt > facts.promisedBy)
    reasons.push('late_delivery');
  return reasons;
}

export interface CareDue {
  readonly day: number;
  readonly dueAt: Date;
}

/** The care contacts of an order delivered at `deliveredAt`, in day order. */
export function careSchedule(deliveredAt: Date, settings: CareSettings): CareDue[] {
  return [...settings.scheduleDays].sort((a, b) => a - b).map((day) => ({ day, dueAt: addDays(deliveredAt, day) }));
}

/**
 * The care contacts due by `now` that are not yet stale: a contact meant for day 1 found three days
 * late asks about a moment that has passed, so it lapses once the next one falls due (the last one
 * lapses after its own day).
 */
export function careDueNow(deliveredAt: Date, settings: CareSettings, now: Date): CareDue[] {
  const schedule = careSchedule(deliveredAt, settings);
  return schedule.filter((due, index) => {
    const lapsesAt = schedule[index + 1]?.dueAt ?? addHours(due.dueAt, 24 * 3);
    return due.dueAt <= now && now < lapsesAt;
  });
}
