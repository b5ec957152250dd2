import { careReport, type CareReportOrder } from './care-report';
import type { CareReason } from './selection';

/** `count` orders of one kind, the first `negative` of them with a negative review. */
function orders(
  count: number,
  negative: number,
  kind: { month: string; reasons: CareReason[]; cared: boolean; problems?: number },
): CareReportOrder[] {
  return Array.from({ length: count }, (_, index) => ({
    month: kind.month,
    reasons: kind.reasons,
    cared: kind.cared,
    problemFound: index < (kind.problems ?? 0),
    negativeReview: index < negative,
  }));
}

describe('the care report', () => {
  /*
   * March, by hand: cared 100 high-value (2 negative, 10 problems) and 100 first-time (4 negative);
   * uncared 50 high-value (5 negative: 10%), 200 first-time (16: 8%), 1,000 unchosen (30: 3%).
   * Cared rate 6/200 = 3%. Comparable uncared rate, weighted by the cared mix: ½·10% + ½·8% = 9%
   * (not the 51/1250 of all uncared orders). Avoided (9% − 3%) × 200 = 12 reviews;
   * 12 × 40 min − 200 × 2 min = 80 minutes saved.
   */
  const march = [
    ...orders(100, 2, { month: '2026-03', reasons: ['high_value'], cared: true, problems: 10 }),
    ...orders(100, 4, { month: '2026-03', reasons: ['first_time_buyer'], cared: true }),
    ...orders(50, 5, { month: '2026-03', reasons: ['high_value'], cared: false }),
    ...orders(200, 16, { month: '2026-03', reasons: ['first_time_buyer'], cared: false }),
    ...orders(1000, 30, { month: '2026-03', reasons: [], cared: false }),
  ];
  // February: care not yet switched on, so nothing to compare.
  const february = orders(300, 12, { month: '2026-02', reasons: ['high_value'], cared: false });

  it('compares cared orders with uncared ones of the same selection reasons, per month', () => {
    const [feb, mar] = careReport([...march, ...february], { minutesPerReviewCase: 40, minutesPerCaredOrder: 2 });
    expect(feb).toEqual({
      month: '2026-02',
      ordersCared: 0,
      problemsFound: 0,
      caredNegativeRate: null,
      comparableUncaredOrders: 0,
      comparableUncaredNegativeRate: null,
      negativeReviewsAvoided: 0,
      minutesSaved: 0,
    });
    expect(mar?.month).toBe('2026-03');
    expect(mar?.ordersCared).toBe(200);
    expect(mar?.problemsFound).toBe(10);
    expect(mar?.caredNegativeRate).toBeCloseTo(0.03, 10);
    expect(mar?.comparableUncaredOrders).toBe(250);
    expect(mar?.comparableUncaredNegativeRate).toBeCloseTo(0.09, 10);
    expect(mar?.negativeReviewsAvoided).toBeCloseTo(12, 10);
    expect(mar?.minutesSaved).toBeCloseTo(80, 10);
  });

  it('leaves out cared profiles that have no uncared orders to compare with', () => {
    const [month] = careReport(
      [
        ...orders(10, 1, { month: '2026-04', reasons: ['late_delivery'], cared: true }),
        ...orders(10, 0, { month: '2026-04', reasons: ['high_value'], cared: true }),
        ...orders(20, 4, { month: '2026-04', reasons: ['high_value'], cared: false }),
      ],
      { minutesPerReviewCase: 30, minutesPerCaredOrder: 0 },
    );
    expect(month?.comparableUncaredNegativeRate).toBeCloseTo(0.2, 10);
    expect(month?.comparableUncaredOrders).toBe(20);
  });
});
