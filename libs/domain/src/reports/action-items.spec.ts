import { actionEffect, MAX_MONTHS_AFTER_ACTION, monthsBefore } from './action-items';

describe('action items: the complaint rate of a cause before and after', () => {
  const history = [
    { month: '2026-05', complaints: 9, orders: 3000 },
    { month: '2026-06', complaints: 12, orders: 3000 },
    { month: '2026-07', complaints: 6, orders: 3000 },
    { month: '2026-08', complaints: 7, orders: 2000 },
    { month: '2026-09', complaints: 2, orders: 2000 },
    { month: '2026-10', complaints: 4, orders: 2000 },
  ] as const;

  it('averages the 3 months before the start and the months after it, leaving the start month out', () => {
    expect(monthsBefore('2026-01')).toEqual(['2025-10', '2025-11', '2025-12']);
    // Before: (9 + 12 + 6) / 3 = 9 a month, 27 per 9,000 orders = 3 per 1,000.
    // After: (2 + 4) / 2 = 3 a month, 6 per 4,000 orders = 1.5 per 1,000.
    expect(actionEffect([...history], '2026-08', '2026-10')).toEqual({
      beforePerMonth: 9,
      afterPerMonth: 3,
      beforePerThousandOrders: 3,
      afterPerThousandOrders: 1.5,
    });
  });

  it('has no "after" in the month the item started, and no rate per order when a month’s orders are unknown', () => {
    const unknownOrders = history.map((entry) => (entry.month === '2026-06' ? { ...entry, orders: null } : entry));
    expect(actionEffect(unknownOrders, '2026-08', '2026-08')).toEqual({
      beforePerMonth: 9,
      afterPerMonth: null,
      beforePerThousandOrders: null,
      afterPerThousandOrders: null,
    });
  });

  it('counts a month without complaints as zero', () => {
    expect(actionEffect([{ month: '2026-07', complaints: 3, orders: null }], '2026-08', '2026-09')).toMatchObject({
      beforePerMonth: 1,
      afterPerMonth: 0,
    });
  });

  it('averages "after" over the latest 120 months at most, so a far report month costs no more', () => {
    const started = Date.now();
    const effect = actionEffect([{ month: '9999-11', complaints: 240, orders: null }], '2026-08', '9999-12');
    expect(Date.now() - started).toBeLessThan(50);
    expect(effect.afterPerMonth).toBe(240 / MAX_MONTHS_AFTER_ACTION);
  });
});
