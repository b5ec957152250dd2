import type { RootCause } from '../shared/vocabulary';
import type { Department } from './departments';
import { previousMonth, type ReportMonth } from './monthly-report';

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * A recurring cause a lead hands to the department that can remove it: a cause (and sub-cause) on
 * the whole shop, one product, or one SKU of a product.
 */
export interface ActionItemScope {
  rootCause: RootCause;
  subCause: string | null;
  productId: string | null;
  skuName: string | null;
  department: Department;
}

/** Months of history the "before" figure averages over. */
export const MONTHS_BEFORE_ACTION = 3;

/** The most months after an item started that its "after" figure covers (the latest ones). */
export const MAX_MONTHS_AFTER_ACTION = 120;

export interface MonthComplaints {
  month: ReportMonth;
  complaints: number;
  /** Orders of the product that month, when known. */
  orders: number | null;
}

export interface ActionEffect {
  beforePerMonth: number;
  /** Null until a full month has passed since the item started. */
  afterPerMonth: number | null;
  beforePerThousandOrders: number | null;
  afterPerThousandOrders: number | null;
}

/** The months before an item started that its "before" figure covers, oldest first. */
export function monthsBefore(startedMonth: ReportMonth): ReportMonth[] {
  const months: ReportMonth[] = [];
  let month = startedMonth;
  for (let i = 0; i < MONTHS_BEFORE_ACTION; i += 1) months.unshift((month = previousMonth(month)));
  return months;
}

/**
 * Complaints of the cause before and after the item: per month over the 3 months before the month
 * it started, and over the months after that month up to the report's month (the month it started
 * is a mix of both and counts for neither). Per 1,000 orders when every month's orders are known.
 */
export function actionEffect(
  history: readonly MonthComplaints[],
  startedMonth: ReportMonth,
  reportMonth: ReportMonth,
): ActionEffect {
  const before = new Set(monthsBefore(startedMonth));
  const byMonth = new Map(history.map((entry) => [entry.month, entry]));
  const rate = (months: ReportMonth[]) => {
    const entries = months.map((month) => byMonth.get(month) ?? { month, complaints: 0, orders: null });
    const complaints = entries.reduce((sum, entry) => sum + entry.complaints, 0);
    const orders = entries.every((entry) => entry.orders !== null)
      ? entries.reduce((sum, entry) => sum + (entry.orders ?? 0), 0)
      : 0;
    return { perMonth: complaints / months.length, perThousand: orders > 0 ? (complaints * 1000) / orders : null };
  };
  const after: ReportMonth[] = [];
  // At most MAX_MONTHS_AFTER_ACTION months: the "after" rate is about the recent effect, and the
  // loop stays bounded whatever months it is given.
  for (
    let month = reportMonth;
    month > startedMonth && after.length < MAX_MONTHS_AFTER_ACTION;
    month = previousMonth(month)
  ) {
    after.unshift(month);
  }
  const beforeRate = rate([...before]);
  const afterRate = after.length > 0 ? rate(after) : null;
  return {
    beforePerMonth: beforeRate.perMonth,
    afterPerMonth: afterRate?.perMonth ?? null,
    beforePerThousandOrders: beforeRate.perThousand,
    afterPerThousandOrders: afterRate?.perThousand ?? null,
  };
}
