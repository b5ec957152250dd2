import fc from 'fast-check';

import { isRefusal } from '../refusals/refusal';
import { ROOT_CAUSES } from '../shared/vocabulary';
import { agentsNeeded, forecastCases, HOUR_MS, type CaseForecast, type ForecastInput } from './forecast';

const oneDay = [
  { afterHours: 24, share: 0.5 },
  { afterHours: 48, share: 0.5 },
];
const base: ForecastInput = {
  ordersByHour: [{ hour: '2026-11-11T10:00:00+08:00', orders: 1000 }],
  negativeRateByCause: { product_quality: 0.02, logistics_delay: 0.01 },
  reviewDelay: oneDay,
};

function forecast(input: ForecastInput): CaseForecast {
  const result = forecastCases(input);
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

describe('forecastCases', () => {
  it('spreads orders × rate over the review delay (hand-computed)', () => {
    // 1,000 orders at 10:00 (02:00 UTC) × (2% quality + 1% logistics) = 30 cases, half 24 h later and
    // half 48 h later: 15 at 11-12 10:00 (10 quality + 5 logistics) and 15 at 11-13 10:00, nothing between.
    const result = forecast(base);
    expect(result.hours).toHaveLength(1 + 48);
    expect(result.hours[0]).toEqual({
      hour: '2026-11-11T02:00:00.000Z',
      byCause: { product_quality: 0, logistics_delay: 0 },
      total: 0,
    });
    expect(result.hours[24]).toEqual({
      hour: '2026-11-12T02:00:00.000Z',
      byCause: { product_quality: 10, logistics_delay: 5 },
      total: 15,
    });
    expect(result.hours[48]?.hour).toBe('2026-11-13T02:00:00.000Z');
    expect(result.hours[48]?.total).toBeCloseTo(15, 12);
    expect(result.hours.filter((hour) => hour.total > 0)).toHaveLength(2);
    expect(result.total).toBeCloseTo(30, 12);
  });

  it('adds overlapping tails from several order hours and fills gaps with zero orders', () => {
    // 100 orders at 00:00 and 300 at 02:00 UTC, 10% quality, 60% at +0 h and 40% at +1 h:
    // 00:00 → 6, 01:00 → 4, 02:00 → 18, 03:00 → 12 (hour 01:00 had no orders of its own).
    const result = forecast({
      ordersByHour: [
        { hour: '2026-06-18T02:00:00Z', orders: 300 },
        { hour: '2026-06-18T00:00:00Z', orders: 100 },
      ],
      negativeRateByCause: { product_quality: 0.1 },
      reviewDelay: [
        { afterHours: 0, share: 0.6 },
        { afterHours: 1, share: 0.4 },
      ],
    });
    expect(result.hours.map((hour) => hour.hour)).toEqual([
      '2026-06-18T00:00:00.000Z',
      '2026-06-18T01:00:00.000Z',
      '2026-06-18T02:00:00.000Z',
      '2026-06-18T03:00:00.000Z',
    ]);
    result.hours.forEach((hour, index) => expect(hour.total).toBeCloseTo([6, 4, 18, 12][index]!, 9));
  });

  it('returns no hours for no orders and zero cases for zero rates', () => {
    expect(forecast({ ...base, ordersByHour: [] })).toEqual({ hours: [], total: 0 });
    const zero = forecast({ ...base, negativeRateByCause: { product_quality: 0 } });
    expect(zero.total).toBe(0);
    expect(zero.hours.every((hour) => hour.total === 0 && hour.byCause.product_quality === 0)).toBe(true);
    expect(forecast({ ...base, negativeRateByCause: {} }).total).toBe(0);
  });

  it('accepts the limits themselves', () => {
    const start = Date.parse('2026-10-01T00:00:00Z');
    const lastHour = new Date(start + (24 * 31 - 1) * HOUR_MS).toISOString();
    const result = forecast({
      ordersByHour: [
        { hour: '2026-10-01T00:00:00Z', orders: 10_000_000 },
        { hour: lastHour, orders: 0 },
      ],
      negativeRateByCause: { product_quality: 1 },
      reviewDelay: [
        { afterHours: 24 * 30, share: 0.5 + 1e-10 },
        { afterHours: 0, share: 0.5 },
      ],
    });
    expect(result.hours).toHaveLength(24 * 31 + 24 * 30);
    expect(result.total).toBeCloseTo(10_000_000, 0);
  });

  it.each([
    ['a half hour', { ordersByHour: [{ hour: '2026-11-11T10:30:00Z', orders: 1 }] }, 'forecast.invalid_hour'],
    ['an unreadable hour', { ordersByHour: [{ hour: 'eleven', orders: 1 }] }, 'forecast.invalid_hour'],
    [
      'the same hour twice',
      {
        ordersByHour: [
          { hour: '2026-11-11T10:00:00+08:00', orders: 1 },
          { hour: '2026-11-11T02:00:00Z', orders: 1 },
        ],
      },
      'forecast.invalid_hour',
    ],
    [
      '31 days and one hour',
      {
        ordersByHour: [
          { hour: '2026-10-01T00:00:00Z', orders: 1 },
          { hour: '2026-11-01T00:00:00Z', orders: 1 },
        ],
      },
      'forecast.too_many_hours',
    ],
    ['negative orders', { ordersByHour: [{ hour: '2026-11-11T10:00:00Z', orders: -1 }] }, 'forecast.invalid_orders'],
    [
      'more than ten million orders',
      { ordersByHour: [{ hour: '2026-11-11T10:00:00Z', orders: 10_000_001 }] },
      'forecast.invalid_orders',
    ],
    ['NaN orders', { ordersByHour: [{ hour: '2026-11-11T10:00:00Z', orders: NaN }] }, 'forecast.invalid_orders'],
    ['a rate above 1', { negativeRateByCause: { product_quality: 1.01 } }, 'forecast.invalid_rate'],
    ['a negative rate', { negativeRateByCause: { size_fit: -0.1 } }, 'forecast.invalid_rate'],
    ['an unknown cause', { negativeRateByCause: { weather: 0.1 } }, 'forecast.invalid_rate'],
    ['shares summing to 0.9', { reviewDelay: [{ afterHours: 1, share: 0.9 }] }, 'forecast.invalid_delay'],
    ['shares summing to 1 + 1e-8', { reviewDelay: [{ afterHours: 1, share: 1 + 1e-8 }] }, 'forecast.invalid_delay'],
    ['no delay at all', { reviewDelay: [] }, 'forecast.invalid_delay'],
    ['a delay over 30 days', { reviewDelay: [{ afterHours: 24 * 30 + 1, share: 1 }] }, 'forecast.invalid_delay'],
    ['a fractional delay', { reviewDelay: [{ afterHours: 1.5, share: 1 }] }, 'forecast.invalid_delay'],
    [
      'a negative share',
      {
        reviewDelay: [
          { afterHours: 1, share: -0.5 },
          { afterHours: 2, share: 1.5 },
        ],
      },
      'forecast.invalid_delay',
    ],
  ])('refuses %s', (_name, change, code) => {
    const result = forecastCases({ ...base, ...(change as Partial<ForecastInput>) });
    expect(isRefusal(result) && result.code).toBe(code);
  });

  it('forecasts Σ orders × Σ rates cases in total, whatever the delay', () => {
    const start = Date.parse('2026-11-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            offset: fc.integer({ min: 0, max: 24 * 31 - 1 }),
            orders: fc.integer({ min: 0, max: 10_000_000 }),
          }),
          { selector: (entry) => entry.offset, maxLength: 20 },
        ),
        fc.dictionary(fc.constantFrom(...ROOT_CAUSES), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.uniqueArray(
          fc.record({ afterHours: fc.integer({ min: 0, max: 24 * 30 }), weight: fc.integer({ min: 1, max: 100 }) }),
          { selector: (entry) => entry.afterHours, minLength: 1, maxLength: 8 },
        ),
        (orders, rates, delays) => {
          const weights = delays.reduce((sum, delay) => sum + delay.weight, 0);
          const result = forecast({
            ordersByHour: orders.map((entry) => ({
              hour: new Date(start + entry.offset * HOUR_MS).toISOString(),
              orders: entry.orders,
            })),
            negativeRateByCause: rates,
            reviewDelay: delays.map((delay) => ({ afterHours: delay.afterHours, share: delay.weight / weights })),
          });
          const expected =
            orders.reduce((sum, entry) => sum + entry.orders, 0) *
            Object.values(rates).reduce((sum, rate) => sum + rate, 0);
          expect(Math.abs(result.total - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('agentsNeeded', () => {
  it('rounds case minutes over occupancy up to whole agents (hand-computed)', () => {
    // 15 cases × 12 min = 180 min = 3 agent-hours; at 85% occupancy 3 / 0.85 = 3.53 → 4 agents;
    // at 100% exactly 3 (no float rounding up to 4); 1 case × 12 min / 0.85 = 0.24 → 1; 0 → 0.
    expect(agentsNeeded([15, 1, 0], 12)).toEqual([4, 1, 0]);
    expect(agentsNeeded([15], 12, 1)).toEqual([3]);
    expect(agentsNeeded([], 12)).toEqual([]);
  });

  it.each([
    [[1], 0, 0.85, 'forecast.invalid_handling'],
    [[1], 481, 0.85, 'forecast.invalid_handling'],
    [[1], 12, 0, 'forecast.invalid_handling'],
    [[1], 12, 1.2, 'forecast.invalid_handling'],
    [[-1], 12, 0.85, 'forecast.invalid_orders'],
    [[Infinity], 12, 0.85, 'forecast.invalid_orders'],
  ])('refuses cases %p at %p minutes and occupancy %p', (cases, minutes, occupancy, code) => {
    const result = agentsNeeded(cases, minutes, occupancy);
    expect(isRefusal(result) && result.code).toBe(code);
  });
});
