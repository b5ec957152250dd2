import { isRefusal } from '../refusals/refusal';
import {
  countedOrders,
  DEFAULT_REVIEW_DELAY,
  delayFromHistory,
  forecastBasis,
  historyWindow,
  MIN_HISTORY_CASES,
  ratesFromHistory,
  type ForecastBasis,
  type ShopHistory,
} from './forecast-history';

const thirtyCases: ShopHistory = {
  orders: 200,
  casesByCause: { product_quality: 20, logistics_delay: 10 },
  delayHours: [
    { hours: 23, cases: 15 },
    { hours: 50, cases: 15 },
  ],
};

function basis(input: Parameters<typeof forecastBasis>[0]): ForecastBasis {
  const result = forecastBasis(input);
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

describe('historyWindow', () => {
  it('is the 90 days before the campaign, or before now once it has started', () => {
    // 2026-11-01 − 90 days: − 31 (October) → 10-01, − 30 (September) → 09-01, − 29 → 08-03.
    const before = historyWindow(new Date('2026-11-10T12:00:00Z'), new Date('2026-11-01T02:00:00Z'));
    expect(before).toEqual({ start: new Date('2026-08-03T02:00:00Z'), end: new Date('2026-11-01T02:00:00Z') });
    const started = historyWindow(new Date('2026-10-20T00:00:00Z'), new Date('2026-11-01T02:00:00Z'));
    expect(started).toEqual({ start: new Date('2026-07-22T00:00:00Z'), end: new Date('2026-10-20T00:00:00Z') });
  });
});

describe('ratesFromHistory', () => {
  it('divides each cause by the orders of the window and leaves causes without cases out', () => {
    // 10 / 200 = 0.05, 4 / 200 = 0.02.
    expect(
      ratesFromHistory({ orders: 200, casesByCause: { product_quality: 10, logistics_delay: 4, other: 0 } }),
    ).toEqual({ product_quality: 0.05, logistics_delay: 0.02 });
    expect(ratesFromHistory({ orders: 0, casesByCause: { product_quality: 3 } })).toEqual({});
  });
});

describe('delayFromHistory', () => {
  it('clips each delay and counts it to the nearest whole day (hand-computed)', () => {
    // 11 h → day 0, 12 h → day 1 (half rounds up), 30 h → day 1, 36 h → day 2, −5 h → 0 → day 0,
    // 800 h → 720 h (the review window). Ten cases: 0 h 2, 24 h 5, 48 h 2, 720 h 1.
    expect(
      delayFromHistory([
        { hours: 30, cases: 3 },
        { hours: 11, cases: 1 },
        { hours: 12, cases: 2 },
        { hours: 36, cases: 2 },
        { hours: -5, cases: 1 },
        { hours: 800, cases: 1 },
      ]),
    ).toEqual([
      { afterHours: 0, share: 0.2 },
      { afterHours: 24, share: 0.5 },
      { afterHours: 48, share: 0.2 },
      { afterHours: 720, share: 0.1 },
    ]);
    expect(delayFromHistory([])).toEqual([]);
  });
});

describe('forecastBasis', () => {
  it(`uses the shop's own rates and delay from ${MIN_HISTORY_CASES} linked cases`, () => {
    // 20 / 200 = 0.1 and 10 / 200 = 0.05; 23 h → 24 h and 50 h → 48 h, 15 cases each.
    expect(basis({ history: thirtyCases, campaignRates: { product_quality: 0.5 } })).toEqual({
      rates: 'history',
      delay: 'history',
      linkedCases: 30,
      ordersCounted: 200,
      negativeRateByCause: { product_quality: 0.1, logistics_delay: 0.05 },
      reviewDelay: [
        { afterHours: 24, share: 0.5 },
        { afterHours: 48, share: 0.5 },
      ],
    });
    expect(basis({ history: thirtyCases, campaignRates: null }).rates).toBe('history');
  });

  it("falls back to the campaign's rates and the default delay below the minimum", () => {
    const thin: ShopHistory = {
      orders: 200,
      casesByCause: { product_quality: 19, logistics_delay: 10 },
      delayHours: [
        { hours: 23, cases: 14 },
        { hours: 50, cases: 15 },
      ],
    };
    expect(basis({ history: thin, campaignRates: { product_quality: 0.03 } })).toEqual({
      rates: 'campaign',
      delay: 'default',
      linkedCases: 29,
      ordersCounted: 200,
      negativeRateByCause: { product_quality: 0.03 },
      reviewDelay: DEFAULT_REVIEW_DELAY,
    });
    expect(forecastBasis({ history: thin, campaignRates: null })).toEqual({
      code: 'forecast.no_rates',
      params: { minCases: 30, linkedCases: 29, days: 90 },
    });
  });

  it('does not take more cases of a cause than orders for a rate: the order history is incomplete', () => {
    // 25 orders with an order time, 30 quality cases on them (parent orders with several items reviewed, or
    // orders reviewed before their export was imported): 1.2 cases an order is no share of orders.
    const partial: ShopHistory = {
      orders: 25,
      casesByCause: { product_quality: 30 },
      delayHours: [{ hours: 30, cases: 30 }],
    };
    expect(basis({ history: partial, campaignRates: { product_quality: 0.03 } })).toMatchObject({
      rates: 'campaign',
      delay: 'history',
      negativeRateByCause: { product_quality: 0.03 },
    });
    expect(forecastBasis({ history: partial, campaignRates: null })).toEqual({
      code: 'forecast.history_incomplete',
      params: { orders: 25, linkedCases: 30, days: 90 },
    });
  });

  it("counts the last days' orders only as far as their reviews can have arrived", () => {
    // Delays 24 h and 48 h, half each (from thirtyCases). Of the 200 orders, 20 are 30 hours old at the
    // window's end (half their reviews are due: they count 10), 10 are 10 hours old (none due: 0) and 5
    // are 60 hours old (all due: 5). Counted: 200 − 10 − 10 = 180; rates 20 / 180 and 10 / 180.
    const recent: ShopHistory = {
      ...thirtyCases,
      youngOrders: [
        { ageHours: 30, orders: 20 },
        { ageHours: 10, orders: 10 },
        { ageHours: 60, orders: 5 },
      ],
    };
    const result = basis({ history: recent, campaignRates: null });
    expect(result.ordersCounted).toBe(180);
    expect(result.negativeRateByCause.product_quality).toBeCloseTo(20 / 180, 12);
    expect(result.negativeRateByCause.logistics_delay).toBeCloseTo(10 / 180, 12);
  });

  it('counts no order below zero, and young orders against the default delay when the history is thin', () => {
    // DEFAULT_REVIEW_DELAY: 30% within 24 h. 10 orders, all 30 hours old: 10 × 0.7 = 7 not yet due → 3 counted.
    expect(
      countedOrders({ orders: 10, youngOrders: [{ ageHours: 30, orders: 10 }] }, DEFAULT_REVIEW_DELAY),
    ).toBeCloseTo(3, 12);
    // More young orders than orders (a history read at two moments): never fewer than none.
    expect(countedOrders({ orders: 5, youngOrders: [{ ageHours: 1, orders: 10 }] }, DEFAULT_REVIEW_DELAY)).toBe(0);
    expect(countedOrders({ orders: 7 }, DEFAULT_REVIEW_DELAY)).toBe(7);
  });

  it('says the orders are too few, not the cases, when the counted orders fall short', () => {
    // 40 cases, but all 40 orders are an hour old: none of their reviews is due by the delay, so none counts.
    const allRecent: ShopHistory = {
      orders: 40,
      casesByCause: { product_quality: 40 },
      delayHours: [{ hours: 24, cases: 40 }],
      youngOrders: [{ ageHours: 1, orders: 40 }],
    };
    expect(forecastBasis({ history: allRecent, campaignRates: null })).toEqual({
      code: 'forecast.history_incomplete',
      params: { orders: 0, linkedCases: 40, days: 90 },
    });
    expect(basis({ history: allRecent, campaignRates: { product_quality: 0.02 } })).toMatchObject({
      rates: 'campaign',
      ordersCounted: 0,
    });
  });

  it('keeps the default delay shares summing to one', () => {
    expect(DEFAULT_REVIEW_DELAY.reduce((sum, delay) => sum + delay.share, 0)).toBeCloseTo(1, 12);
  });
});
