import { isRefusal } from '../refusals/refusal';
import { attributeComplaints, compareForecast, complaintWindow, type ForecastComparison } from './campaign-review';

function compared(input: Parameters<typeof compareForecast>[0]): ForecastComparison {
  const result = compareForecast(input);
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

describe('compareForecast', () => {
  it('sets what came beside the forecast on its hours (hand-computed)', () => {
    // 12 min a case at 85%: 5 cases = 1 agent-hour / 0.85 = 1.18 → 2; 1 case = 0.24 → 1.
    const result = compared({
      hours: [
        { hour: '2026-11-11T16:00:00.000Z', total: 6, agents: 2 },
        { hour: '2026-11-11T17:00:00.000Z', total: 0, agents: 0 },
        { hour: '2026-11-11T18:00:00.000Z', total: 4, agents: 1 },
      ],
      actual: [
        { hour: '2026-11-11T16:00:00Z', cases: 5, fromCampaignOrders: 3 },
        { hour: '2026-11-11T18:00:00Z', cases: 1, fromCampaignOrders: 0 },
        { hour: '2026-11-11T19:00:00Z', cases: 9, fromCampaignOrders: 9 },
      ],
      minutesPerCase: 12,
    });
    expect(result.hours).toEqual([
      {
        hour: '2026-11-11T16:00:00.000Z',
        forecast: 6,
        actual: 5,
        actualFromCampaignOrders: 3,
        forecastAgents: 2,
        actualAgents: 2,
      },
      {
        hour: '2026-11-11T17:00:00.000Z',
        forecast: 0,
        actual: 0,
        actualFromCampaignOrders: 0,
        forecastAgents: 0,
        actualAgents: 0,
      },
      {
        hour: '2026-11-11T18:00:00.000Z',
        forecast: 4,
        actual: 1,
        actualFromCampaignOrders: 0,
        forecastAgents: 1,
        actualAgents: 1,
      },
    ]);
    // The 19:00 hour is outside the forecast's axis.
    expect([result.forecast, result.actual, result.actualFromCampaignOrders]).toEqual([10, 6, 3]);
  });

  it('refuses minutes per case it cannot staff with', () => {
    expect(compareForecast({ hours: [], actual: [], minutesPerCase: 0 })).toMatchObject({
      code: 'forecast.invalid_handling',
    });
  });
});

describe('complaintWindow', () => {
  it("runs from the campaign's start to its end plus the longest review delay", () => {
    const window = complaintWindow(
      { startsAt: new Date('2026-11-10T12:00:00Z'), endsAt: new Date('2026-11-11T16:00:00Z') },
      [
        { afterHours: 24, share: 0.5 },
        { afterHours: 120, share: 0.5 },
      ],
    );
    expect(window).toEqual({ start: new Date('2026-11-10T12:00:00Z'), end: new Date('2026-11-16T16:00:00Z') });
  });
});

describe('attributeComplaints', () => {
  const promotions = [
    { id: 'p1', title: '满300减30' },
    { id: 'p2', title: '前100名半价' },
    { id: 'p3', title: '送' },
  ];

  it('attributes a complaint to the one promotion its words name', () => {
    const result = attributeComplaints(
      [
        { text: '满300减30没有生效，客服不认' },
        { text: '满３００减３０ 也算？' }, // full-width digits
        { text: '说好的前 100 名半价，结果原价' }, // spaces
        { text: '满300减30和前100名半价都没兑现' }, // both: ambiguous
        { text: '活动规则看不懂，赠品也没送' }, // '送' is too short to name a promotion
      ],
      promotions,
    );
    expect(result).toEqual({
      byPromotion: [
        { id: 'p1', cases: 2 },
        { id: 'p2', cases: 1 },
        { id: 'p3', cases: 0 },
      ],
      unattributed: 1,
      ambiguous: 1,
    });
  });

  it('reads a title inside a longer one as the longer one, unless the review also names it apart', () => {
    const nested = [
      { id: 'cross-shop', title: '跨店满减' },
      { id: 'shop', title: '满减' },
    ];
    const result = attributeComplaints(
      [
        { text: '跨店满减根本没减' }, // names 跨店满减 only
        { text: '满减没生效' }, // names 满减 only
        { text: '跨店满减不算，店铺满减也不算' }, // names both
      ],
      nested,
    );
    expect(result).toEqual({
      byPromotion: [
        { id: 'cross-shop', cases: 1 },
        { id: 'shop', cases: 1 },
      ],
      unattributed: 0,
      ambiguous: 1,
    });
  });

  it('counts everything as unattributed without promotions', () => {
    expect(attributeComplaints([{ text: '满300减30' }], [])).toEqual({
      byPromotion: [],
      unattributed: 1,
      ambiguous: 0,
    });
  });
});
