import { isRefusal } from '../refusals/refusal';
import { campaignForecast, type CampaignForecast, type CampaignForecastInput } from './campaign-forecast';

// Local midnight of 11-11 in China: 16:00 UTC the day before, where the 00–08 local shift begins.
const base: CampaignForecastInput = {
  ordersByHour: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1000 }],
  history: {
    orders: 200,
    casesByCause: { product_quality: 20, logistics_delay: 10 },
    delayHours: [
      { hours: 23, cases: 15 },
      { hours: 50, cases: 15 },
    ],
  },
  campaignRates: { product_quality: 0.5 },
  minutesPerCase: 12,
  measuredHandling: null,
  agentIds: ['a', 'b'],
};

function plan(input: CampaignForecastInput): CampaignForecast {
  const result = campaignForecast(input);
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

describe('campaignForecast', () => {
  it('forecasts from the history, staffs each hour and rosters the shifts (hand-computed)', () => {
    // Rates 20/200 = 0.1 and 10/200 = 0.05 → 1,000 orders give 150 cases, half a day later (23 h → 24 h)
    // and half two days later (50 h → 48 h): 75 each (50 quality + 25 logistics). 75 × 12 min / 60 = 15
    // agent-hours, / 0.85 occupancy = 17.6 → 18 agents at hours 24 and 48, none elsewhere.
    const result = plan(base);
    expect(result.basis).toEqual({
      rates: 'history',
      delay: 'history',
      handling: 'campaign',
      measuredCases: 0,
      orders: 200,
      ordersCounted: 200,
      linkedCases: 30,
    });
    expect(result.minutesPerCase).toBe(12);
    expect(result.hours).toHaveLength(49);
    expect(result.hours[24]?.hour).toBe('2026-11-11T16:00:00.000Z');
    expect(result.hours[24]?.byCause.product_quality).toBeCloseTo(50, 9);
    expect(result.hours[24]?.byCause.logistics_delay).toBeCloseTo(25, 9);
    expect(result.hours[24]?.total).toBeCloseTo(75, 9);
    expect(result.hours[48]?.total).toBeCloseTo(75, 9);
    expect(result.total).toBeCloseTo(150, 9);
    expect(result.hours.map((hour) => hour.agents).filter((agents) => agents > 0)).toEqual([18, 18]);
    expect(result.hours[24]?.agents).toBe(18);
    expect(result.peakAgents).toBe(18);
    // Seven shifts from 11-10 16:00 UTC to the last hour (11-12 16:00 UTC); the two busy hours open the
    // 00–08 local shifts of 11-12 and 11-13; both agents work each (a day's rest between), 16 short.
    expect(result.roster.shifts.map((shift) => [shift.start, shift.need, shift.agentIds])).toEqual([
      ['2026-11-10T16:00:00.000Z', 0, []],
      ['2026-11-11T00:00:00.000Z', 0, []],
      ['2026-11-11T08:00:00.000Z', 0, []],
      ['2026-11-11T16:00:00.000Z', 18, ['a', 'b']],
      ['2026-11-12T00:00:00.000Z', 0, []],
      ['2026-11-12T08:00:00.000Z', 0, []],
      ['2026-11-12T16:00:00.000Z', 18, ['a', 'b']],
    ]);
    expect(result.roster.uncovered).toEqual([
      { hour: '2026-11-11T16:00:00.000Z', short: 16 },
      { hour: '2026-11-12T16:00:00.000Z', short: 16 },
    ]);
  });

  it("uses the campaign's rates and the default delay when the history is thin", () => {
    // 100 orders × 10% = 10 cases: 3 at +24 h, 3 at +48 h, 2 at +72 h, 2 at +120 h. 30 min a case:
    // 3 cases = 1.5 agent-hours / 0.85 = 1.76 → 2; 2 cases = 1 / 0.85 = 1.18 → 2.
    const result = plan({
      ...base,
      ordersByHour: [{ hour: '2026-11-11T00:00:00+08:00', orders: 100 }],
      history: { orders: 50, casesByCause: { other: 3 }, delayHours: [{ hours: 5, cases: 3 }] },
      campaignRates: { product_quality: 0.1 },
      minutesPerCase: 30,
    });
    expect(result.basis).toEqual({
      rates: 'campaign',
      delay: 'default',
      handling: 'campaign',
      measuredCases: 0,
      orders: 50,
      ordersCounted: 50,
      linkedCases: 3,
    });
    expect(result.negativeRateByCause).toEqual({ product_quality: 0.1 });
    expect(result.hours).toHaveLength(121);
    const busy = result.hours.flatMap((hour, index) => (hour.total > 0 ? [[index, hour.total, hour.agents]] : []));
    expect(busy.map(([index]) => index)).toEqual([24, 48, 72, 120]);
    busy.forEach(([, total], index) => expect(total).toBeCloseTo([3, 3, 2, 2][index]!, 9));
    expect(busy.map(([, , agents]) => agents)).toEqual([2, 2, 2, 2]);
    expect(result.total).toBeCloseTo(10, 9);
  });

  it("staffs on the shop's measured minutes per case once enough cases were measured", () => {
    // The same 75 cases at hours 24 and 48 as above, at 6.8 measured minutes instead of the campaign's 12:
    // 75 × 6.8 / 60 = 8.5 agent-hours, / 0.85 = 10 agents exactly.
    const result = plan({ ...base, measuredHandling: { minutesPerCase: 6.8, cases: 40 } });
    expect(result.basis).toMatchObject({ handling: 'measured', measuredCases: 40 });
    expect(result.minutesPerCase).toBe(6.8);
    expect(result.hours[24]?.agents).toBe(10);
    expect(result.peakAgents).toBe(10);
  });

  it('answers an empty forecast for no orders and passes refusals on', () => {
    const empty = plan({ ...base, ordersByHour: [] });
    expect(empty.hours).toEqual([]);
    expect(empty.peakAgents).toBe(0);
    expect(empty.roster).toEqual({ shifts: [], uncovered: [] });
    const thin = { orders: 10, casesByCause: {}, delayHours: [] };
    expect(campaignForecast({ ...base, history: thin, campaignRates: null })).toMatchObject({
      code: 'forecast.no_rates',
    });
    expect(campaignForecast({ ...base, minutesPerCase: 0 })).toMatchObject({ code: 'forecast.invalid_handling' });
  });
});
