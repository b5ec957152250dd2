import { UserEntity, UserShopEntity } from '@chaping/api/testing';
import type { Platform, RootCause } from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface Review {
  basis: { rates: string; delay: string; orders: number; linkedCases: number };
  asOf: string;
  complete: boolean;
  hours: Array<{
    hour: string;
    forecast: number;
    actual: number;
    actualFromCampaignOrders: number;
    forecastAgents: number;
    actualAgents: number;
  }>;
  forecastTotal: number;
  actualTotal: number;
  actualFromCampaignOrdersTotal: number;
  promotionComplaints: {
    windowStart: string;
    windowEnd: string;
    total: number;
    attribution: string;
    promotions: Array<{ promotionId: string; title: string; cases: number }>;
    unattributed: number;
    ambiguous: number;
    notExamined: number;
  };
}

/**
 * After the campaign (issue 18 part 2): the forecast beside what came, hour by hour, and promotion-rule
 * complaints per promotion, on cases placed by hand. The campaign runs 11-10 12:00 → 11-11 16:00 UTC
 * with 100 orders at 11-10 16:00 UTC; every figure is worked out in the comments.
 */
describe('the campaign review', () => {
  let app: TestApp;
  let tmall: string;
  let campaignId: string;
  let outsider: UserEntity;
  const promotionIds: string[] = [];

  async function reviewCase(
    platform: Platform,
    cause: RootCause,
    text: string,
    times: { reviewedAt: string; orderedAt?: string },
  ) {
    const caseId = await aNewCase()
      .onPlatform(platform)
      .withRootCause(cause, text)
      .reviewedOn(times.reviewedAt)
      .openIn(app);
    if (times.orderedAt)
      await app.dataSource.query(
        `UPDATE trade_order SET ordered_at = $2, delivered_at = $2::timestamptz + interval '2 days'
          WHERE id = (SELECT order_id FROM support_case WHERE id = $1)`,
        [caseId, times.orderedAt],
      );
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-11-20T00:00:00Z');
    tmall = app.shops.tmall.id;
    outsider = await app.dataSource
      .getRepository(UserEntity)
      .save({ username: 'jd-agent', displayName: 'jd-agent', role: 'agent', onShift: true });
    await app.dataSource.getRepository(UserShopEntity).save({ userId: outsider.id, shopId: app.shops.jd.id });

    const created = await app.post<{ id: string }>(
      '/api/campaigns',
      {
        shopId: tmall,
        name: '双11',
        startsAt: '2026-11-10T20:00:00+08:00',
        endsAt: '2026-11-12T00:00:00+08:00',
        peakStartsAt: '2026-11-11T00:00:00+08:00',
        peakEndsAt: '2026-11-11T02:00:00+08:00',
        expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 100 }],
        minutesPerCase: 12,
        negativeRateByCause: { promotion_rules: 0.1, product_quality: 0.1 },
      },
      app.users.lead,
    );
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    for (const title of ['满300减30', '前100名半价', '送']) {
      const added = await app.post<{ id: string }>(
        `/api/campaigns/${campaignId}/promotions`,
        { title, wording: `${title}，以实付金额为准` },
        app.users.lead,
      );
      expect(added.status).toBe(201);
      promotionIds.push(added.body.id);
    }

    // Hour 11-11 16:00: five cases, three of orders placed in the campaign.
    const peak = '2026-11-11T16:20:00Z';
    await reviewCase('tmall', 'promotion_rules', '满300减30没有生效，客服不认', {
      reviewedAt: peak,
      orderedAt: '2026-11-10T16:30:00Z',
    });
    await reviewCase('tmall', 'promotion_rules', '说好的前100名半价，结果原价', {
      reviewedAt: peak,
      orderedAt: '2026-11-10T17:00:00Z',
    });
    await reviewCase('tmall', 'promotion_rules', '满300减30和前100名半价都没兑现', {
      reviewedAt: peak,
      orderedAt: '2026-11-10T18:00:00Z',
    });
    await reviewCase('tmall', 'promotion_rules', '活动规则看不懂，赠品也没送', {
      reviewedAt: '2026-11-11T16:50:00Z',
      orderedAt: '2026-11-01T00:00:00Z',
    });
    await reviewCase('tmall', 'product_quality', '满300减30买的杯子漏水', {
      reviewedAt: '2026-11-11T16:50:00Z',
      orderedAt: '2026-11-01T01:00:00Z',
    });
    // Hour 11-12 03:00 and hour 11-13 16:00: one case each, of campaign orders.
    await reviewCase('tmall', 'promotion_rules', '满３００减３０ 也算？', {
      reviewedAt: '2026-11-12T03:10:00Z',
      orderedAt: '2026-11-11T03:00:00Z',
    });
    await reviewCase('tmall', 'product_quality', '杯子漏水', {
      reviewedAt: '2026-11-13T16:00:00Z',
      orderedAt: '2026-11-11T10:00:00Z',
    });
    // Outside the forecast's hours (10 16:00 → 15 17:00): one before, one after (a complaint in the tail).
    await reviewCase('tmall', 'product_quality', '杯子漏水', { reviewedAt: '2026-11-10T15:59:00Z' });
    await reviewCase('tmall', 'promotion_rules', '前100名半价没给', { reviewedAt: '2026-11-15T17:00:00Z' });
    // Outside the complaint window (→ 11-16 16:00), and another shop's.
    await reviewCase('tmall', 'promotion_rules', '满300减30', { reviewedAt: '2026-11-17T00:00:00Z' });
    await reviewCase('jd', 'promotion_rules', '满300减30', { reviewedAt: '2026-11-11T16:30:00Z' });
  });
  afterAll(() => app?.stop());

  const review = (as: UserEntity = app.users.lead) => app.get<Review>(`/api/campaigns/${campaignId}/review`, as);

  it('sets the forecast beside the cases that came, hour by hour (hand-computed)', async () => {
    const { status, body } = await review();
    expect(status).toBe(200);
    // History window 08-12 12:00 → 11-10 12:00: two orders (11-01) whose reviews came after the start, so
    // no history the forecast had at the start: the campaign's rates and the default delay.
    expect(body.basis).toMatchObject({ rates: 'campaign', delay: 'default', orders: 2, linkedCases: 0 });
    expect(body.asOf).toBe('2026-11-20T00:00:00.000Z');
    expect(body.complete).toBe(true);
    // 100 orders × 20% = 20 cases: 6 at +24 h, 6 at +48 h, 4 at +72 h, 4 at +120 h; 121 hours.
    // 12 min a case at 85%: 6 → 1.41 → 2 agents, 4 → 0.94 → 1; actual 5 → 1.18 → 2, 1 → 0.24 → 1.
    expect(body.hours).toHaveLength(121);
    const shown = body.hours.flatMap((hour, index) =>
      hour.forecast > 0 || hour.actual > 0 ? [{ index, ...hour }] : [],
    );
    expect(
      shown.map(({ index, actual, actualFromCampaignOrders, forecastAgents, actualAgents }) => [
        index,
        actual,
        actualFromCampaignOrders,
        forecastAgents,
        actualAgents,
      ]),
    ).toEqual([
      [24, 5, 3, 2, 2],
      [35, 1, 1, 0, 1],
      [48, 0, 0, 2, 0],
      [72, 1, 1, 1, 1],
      [120, 0, 0, 1, 0],
    ]);
    expect(shown[0]!.hour).toBe('2026-11-11T16:00:00.000Z');
    expect(shown[1]!.hour).toBe('2026-11-12T03:00:00.000Z');
    shown.forEach((hour, index) => expect(hour.forecast).toBeCloseTo([6, 0, 6, 4, 4][index]!, 9));
    expect(body.forecastTotal).toBeCloseTo(20, 9);
    expect(body.actualTotal).toBe(7);
    expect(body.actualFromCampaignOrdersTotal).toBe(5);
  });

  it('counts the cases on whole UTC hours whatever time zone the database session is in', async () => {
    // Every pooled connection (at most 20) set to a zone half an hour off UTC, then back.
    const everyConnection = (sql: string) =>
      Promise.all(Array.from({ length: 20 }, () => app.dataSource.query(`SELECT pg_sleep(0.2); ${sql}`)));
    await everyConnection(`SET TIME ZONE 'Asia/Kolkata'`);
    try {
      const { body } = await review();
      expect(body.actualTotal).toBe(7);
      expect(body.hours.find((hour) => hour.actual > 0)?.hour).toBe('2026-11-11T16:00:00.000Z');
    } finally {
      await everyConnection('SET TIME ZONE DEFAULT');
    }
  });

  it('attributes promotion-rule complaints to the promotion the review names, and says so', async () => {
    const { body } = await review();
    // Window 11-10 12:00 → 11-11 16:00 + 120 h = 11-16 16:00. Six tmall promotion-rule complaints in it:
    // 满300减30 (peak, and full-width on 11-12), 前100名半价 (peak, and the tail on 11-15), both
    // (ambiguous), neither ('送' is too short to name a promotion).
    const { promotions, ...counts } = body.promotionComplaints;
    expect(counts).toEqual({
      windowStart: '2026-11-10T12:00:00.000Z',
      windowEnd: '2026-11-16T16:00:00.000Z',
      total: 6,
      attribution: 'title_in_review_text',
      unattributed: 1,
      ambiguous: 1,
      notExamined: 0,
    });
    // In the campaign detail's order (added at the same instant here, so by id).
    const detail = await app.get<{ promotions: Array<{ id: string }> }>(`/api/campaigns/${campaignId}`);
    expect(promotions.map((promotion) => promotion.promotionId)).toEqual(detail.body.promotions.map((each) => each.id));
    expect(
      promotions.map(({ promotionId, title, cases }) => [promotionIds.indexOf(promotionId), title, cases]),
    ).toEqual(
      expect.arrayContaining([
        [0, '满300减30', 2],
        [1, '前100名半价', 2],
        [2, '送', 0],
      ]),
    );
    expect(promotions).toHaveLength(3);
  });

  it('says the figures may still grow before the last forecast hour has ended', async () => {
    app.clock.set('2026-11-14T00:00:00Z');
    try {
      const { body } = await review();
      expect(body.complete).toBe(false);
      expect(body.basis).toMatchObject({ orders: 2, linkedCases: 0 });
    } finally {
      app.clock.set('2026-11-20T00:00:00Z');
    }
  });

  it('is read like the campaign: people of its shop only', async () => {
    expect((await review(app.users.agent)).status).toBe(200);
    expect(await review(outsider)).toMatchObject({ status: 403, body: { code: 'auth.shop_forbidden' } });
    const missing = await app.get('/api/campaigns/00000000-0000-4000-8000-000000000001/review');
    expect(missing).toMatchObject({ status: 404, body: { code: 'campaign.not_found' } });
    expect((await app.get('/api/campaigns/not-a-uuid/review')).status).toBe(400);
  });
});
