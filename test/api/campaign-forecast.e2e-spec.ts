import { UserEntity, UserShopEntity } from '@chaping/api/testing';
import type { Platform, RootCause } from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { caseCommands } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface Person {
  id: string;
  displayName: string;
}
interface Forecast {
  basis: {
    rates: string;
    delay: string;
    handling: string;
    measuredCases: number;
    windowStart: string;
    windowEnd: string;
    orders: number;
    ordersCounted: number;
    linkedCases: number;
  };
  negativeRateByCause: Record<string, number>;
  reviewDelay: Array<{ afterHours: number; share: number }>;
  minutesPerCase: number;
  hours: Array<{ hour: string; byCause: Record<string, number>; total: number; agents: number }>;
  total: number;
  peakAgents: number;
  roster: {
    shifts: Array<{ start: string; end: string; need: number; agents: Person[] }>;
    uncovered: Array<{ hour: string; short: number }>;
  };
  code?: string;
}

const HOUR_MS = 3_600_000;
const at = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/**
 * The campaign forecast from the shop's own history (issue 18 part 2), on a history written by hand:
 * the tmall shop has 200 orders in the 90 days before now, 40 of them with a review case, and every
 * figure below is worked out in the comments, not with the functions under test.
 */
describe('the campaign forecast', () => {
  let app: TestApp;
  let tmall: string;
  let ana: UserEntity;
  let bo: UserEntity;
  let outsider: UserEntity;

  /**
   * A review case `delayHours` after its order; the order is moved to `orderedAt` and delivered two days later, as
   * the shop's order export gives it. Returns the case id.
   */
  async function linkedCase(platform: Platform, cause: RootCause, orderedAt: string, delayHours: number) {
    const caseId = await aNewCase()
      .onPlatform(platform)
      .withRootCause(cause)
      .reviewedOn(at(orderedAt, delayHours))
      .openIn(app);
    await app.dataSource.query(
      `UPDATE trade_order SET ordered_at = $2, delivered_at = $2::timestamptz + interval '2 days'
        WHERE id = (SELECT order_id FROM support_case WHERE id = $1)`,
      [caseId, orderedAt],
    );
    return caseId;
  }

  async function plainOrders(shopId: string, count: number, from: string) {
    const [buyer] = await app.dataSource.query(
      `INSERT INTO buyer (shop_id, platform, platform_buyer_id, nickname) VALUES ($1, (SELECT platform FROM shop WHERE id = $1), $2, '安静的买家') RETURNING id`,
      [shopId, `forecast-buyer-${shopId}`],
    );
    await app.dataSource.query(
      `INSERT INTO trade_order (shop_id, platform_order_id, buyer_id, ordered_at, delivered_at)
       SELECT $1, 'forecast-plain-' || g, $2, $3::timestamptz + g * interval '1 hour',
              $3::timestamptz + g * interval '1 hour' + interval '2 days'
         FROM generate_series(1, $4) g`,
      [shopId, buyer.id, from, count],
    );
  }

  const campaign = (shopId: string, over: Record<string, unknown> = {}) => ({
    shopId,
    name: '双11 大促',
    startsAt: '2026-11-10T20:00:00+08:00',
    endsAt: '2026-11-12T00:00:00+08:00',
    peakStartsAt: '2026-11-11T00:00:00+08:00',
    peakEndsAt: '2026-11-11T02:00:00+08:00',
    expectedOrders: [
      { hour: '2026-11-11T00:00:00+08:00', orders: 1000 },
      { hour: '2026-11-11T01:00:00+08:00', orders: 500 },
    ],
    minutesPerCase: 15,
    negativeRateByCause: { product_quality: 0.01 },
    ...over,
  });

  async function created(body: Record<string, unknown>): Promise<string> {
    const response = await app.post<{ id: string }>('/api/campaigns', body, app.users.lead);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const forecast = (id: string, as: UserEntity = app.users.lead) =>
    app.get<Forecast>(`/api/campaigns/${id}/forecast`, as);

  beforeAll(async () => {
    app = await TestApp.start('2026-11-01T02:00:00Z');
    tmall = app.shops.tmall.id;
    const users = app.dataSource.getRepository(UserEntity);
    const user = (username: string, role: 'agent' | 'lead', disabledAt: Date | null = null) =>
      users.save({ username, displayName: username, role, onShift: true, disabledAt });
    ana = await user('ana', 'agent');
    bo = await user('bo', 'agent');
    const retired = await user('aaron', 'agent', new Date('2026-10-01T00:00:00Z'));
    const secondLead = await user('abby', 'lead');
    outsider = await user('al', 'agent');
    await app.dataSource.getRepository(UserShopEntity).save([
      { userId: ana.id, shopId: tmall },
      { userId: bo.id, shopId: tmall },
      { userId: retired.id, shopId: tmall },
      { userId: secondLead.id, shopId: tmall },
      { userId: outsider.id, shopId: app.shops.jd.id },
    ]);

    // tmall, window 2026-08-03 02:00 → 2026-11-01 02:00 UTC: 160 orders without a review plus 40 with one.
    await plainOrders(tmall, 160, '2026-10-01T00:00:00Z');
    const day = (index: number) => at('2026-10-05T02:00:00Z', index * 24);
    // product_quality: 10 reviewed 20 h after the order and 10 after 35.5 h (floor 35 h): both the nearest day is 24 h.
    for (let index = 0; index < 10; index++) await linkedCase('tmall', 'product_quality', day(index), 20);
    for (let index = 0; index < 10; index++) await linkedCase('tmall', 'product_quality', day(index), 35.5);
    // logistics_delay: 6 after 47 h and 6 after 59 h (2.46 days): 48 h.
    for (let index = 0; index < 6; index++) await linkedCase('tmall', 'logistics_delay', day(index), 47);
    for (let index = 0; index < 6; index++) await linkedCase('tmall', 'logistics_delay', day(index), 59);
    // promotion_rules: 8 after 60 h, exactly 2.5 days: rounds up to 72 h.
    for (let index = 0; index < 8; index++) await linkedCase('tmall', 'promotion_rules', day(index), 60);
    // Left out: an order before the window, and a jd order inside it.
    await linkedCase('tmall', 'refund_dispute', '2026-07-01T00:00:00Z', 24);
    await linkedCase('jd', 'refund_dispute', '2026-10-10T00:00:00Z', 24);
    // … and an order known only from its review (not in the order export): counting it would count only reviewed orders.
    const reviewOnly = await linkedCase('tmall', 'refund_dispute', '2026-10-10T00:00:00Z', 24);
    await app.dataSource.query(
      `UPDATE trade_order SET delivered_at = NULL WHERE id = (SELECT order_id FROM support_case WHERE id = $1)`,
      [reviewOnly],
    );

    // taobao: 10 orders in the window, 5 of them reviewed: too few to learn from.
    await plainOrders(app.shops.taobao.id, 5, '2026-10-01T00:00:00Z');
    for (let index = 0; index < 5; index++) await linkedCase('taobao', 'size_fit', day(index), 100);
  });
  afterAll(() => app?.stop());
  const { command } = caseCommands<{ version: number }>(() => app);

  it("forecasts from the shop's own rates and delays, with agents and a roster (hand-computed)", async () => {
    const id = await created(campaign(tmall));
    const { status, body } = await forecast(id);
    expect(status).toBe(200);
    expect(body.basis).toEqual({
      rates: 'history',
      delay: 'history',
      handling: 'campaign',
      measuredCases: 0,
      windowStart: '2026-08-03T02:00:00.000Z',
      windowEnd: '2026-11-01T02:00:00.000Z',
      orders: 200,
      ordersCounted: 200,
      linkedCases: 40,
    });
    // 20 / 200, 12 / 200, 8 / 200; the campaign's own 1% quality rate is not used.
    expect(body.negativeRateByCause).toEqual({ product_quality: 0.1, logistics_delay: 0.06, promotion_rules: 0.04 });
    // 20, 12 and 8 of 40 cases.
    expect(body.reviewDelay).toEqual([
      { afterHours: 24, share: 0.5 },
      { afterHours: 48, share: 0.3 },
      { afterHours: 72, share: 0.2 },
    ]);
    expect(body.minutesPerCase).toBe(15);

    // 0.2 cases per order: 1,000 orders at 16:00 UTC give 200 cases, 500 at 17:00 give 100, spread
    // 50/30/20% over +24/+48/+72 h. 74 hours from 11-10 16:00 to 11-13 17:00 UTC.
    expect(body.hours).toHaveLength(74);
    expect(body.hours[0]).toEqual({
      hour: '2026-11-10T16:00:00.000Z',
      byCause: { product_quality: 0, logistics_delay: 0, promotion_rules: 0 },
      total: 0,
      agents: 0,
    });
    // Hour 24: 1,000 × 0.5 = 500 orders' worth: 50 quality, 30 logistics, 20 promotion = 100 cases.
    const peak = body.hours[24]!;
    expect(peak.hour).toBe('2026-11-11T16:00:00.000Z');
    expect(peak.byCause['product_quality']).toBeCloseTo(50, 9);
    expect(peak.byCause['logistics_delay']).toBeCloseTo(30, 9);
    expect(peak.byCause['promotion_rules']).toBeCloseTo(20, 9);
    // Cases: 100, 50 (hours 24, 25), 60, 30 (48, 49), 40, 20 (72, 73); nothing elsewhere.
    const busy = body.hours.flatMap((hour, index) => (hour.total > 0 ? [{ index, ...hour }] : []));
    expect(busy.map((hour) => hour.index)).toEqual([24, 25, 48, 49, 72, 73]);
    busy.forEach((hour, index) => expect(hour.total).toBeCloseTo([100, 50, 60, 30, 40, 20][index]!, 9));
    expect(body.total).toBeCloseTo(300, 9);
    // 15 min a case at 85% occupancy: cases / 3.4 agents, rounded up: 29.4 → 30, 14.7 → 15, 17.6 → 18,
    // 8.8 → 9, 11.8 → 12, 5.9 → 6.
    expect(busy.map((hour) => hour.agents)).toEqual([30, 15, 18, 9, 12, 6]);
    expect(body.peakAgents).toBe(30);

    // Shifts 00/08/16 China time (16/00/08 UTC) over the 74 hours: ten, three with a need. The roster
    // takes the shop's enabled agents by name — agent, ana, bo — not aaron (disabled), abby (a lead) or
    // al (a jd agent); the three work each busy shift, 16 h apart.
    const team = [
      { id: app.users.agent.id, displayName: 'agent' },
      { id: ana.id, displayName: 'ana' },
      { id: bo.id, displayName: 'bo' },
    ];
    expect(body.roster.shifts).toHaveLength(10);
    expect(body.roster.shifts.filter((shift) => shift.need > 0)).toEqual([
      { start: '2026-11-11T16:00:00.000Z', end: '2026-11-12T00:00:00.000Z', need: 30, agents: team },
      { start: '2026-11-12T16:00:00.000Z', end: '2026-11-13T00:00:00.000Z', need: 18, agents: team },
      { start: '2026-11-13T16:00:00.000Z', end: '2026-11-14T00:00:00.000Z', need: 12, agents: team },
    ]);
    expect(body.roster.shifts.filter((shift) => shift.need === 0).every((shift) => shift.agents.length === 0)).toBe(
      true,
    );
    expect(body.roster.shifts[0]).toMatchObject({ start: '2026-11-10T16:00:00.000Z', end: '2026-11-11T00:00:00.000Z' });
    // Three agents against 30/15, 18/9 and 12/6.
    expect(body.roster.uncovered).toEqual([
      { hour: '2026-11-11T16:00:00.000Z', short: 27 },
      { hour: '2026-11-11T17:00:00.000Z', short: 12 },
      { hour: '2026-11-12T16:00:00.000Z', short: 15 },
      { hour: '2026-11-12T17:00:00.000Z', short: 6 },
      { hour: '2026-11-13T16:00:00.000Z', short: 9 },
      { hour: '2026-11-13T17:00:00.000Z', short: 3 },
    ]);
  });

  it("falls back to the campaign's rates and the default delay when the history is thin", async () => {
    const id = await created(
      campaign(app.shops.taobao.id, {
        expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 100 }],
        minutesPerCase: 12,
        negativeRateByCause: { product_quality: 0.1, promotion_rules: 0.05 },
      }),
    );
    const { status, body } = await forecast(id);
    expect(status).toBe(200);
    // 5 + 5 orders, 5 cases: below the 30 linked cases needed.
    expect(body.basis).toMatchObject({ rates: 'campaign', delay: 'default', orders: 10, linkedCases: 5 });
    expect(body.negativeRateByCause).toEqual({ product_quality: 0.1, promotion_rules: 0.05 });
    expect(body.reviewDelay).toEqual([
      { afterHours: 24, share: 0.3 },
      { afterHours: 48, share: 0.3 },
      { afterHours: 72, share: 0.2 },
      { afterHours: 120, share: 0.2 },
    ]);
    // 100 orders × 15% = 15 cases: 4.5 at +24 h and +48 h (3 quality + 1.5 promotion), 3 at +72 h and
    // +120 h. 12 min a case: 4.5 × 12 / 60 / 0.85 = 1.06 → 2 agents, 3 × 12 / 60 / 0.85 = 0.71 → 1.
    expect(body.hours).toHaveLength(121);
    const busy = body.hours.flatMap((hour, index) => (hour.total > 0 ? [{ index, ...hour }] : []));
    expect(busy.map((hour) => hour.index)).toEqual([24, 48, 72, 120]);
    expect(busy[0]!.byCause['product_quality']).toBeCloseTo(3, 9);
    expect(busy[0]!.byCause['promotion_rules']).toBeCloseTo(1.5, 9);
    busy.forEach((hour, index) => expect(hour.total).toBeCloseTo([4.5, 4.5, 3, 3][index]!, 9));
    expect(busy.map((hour) => hour.agents)).toEqual([2, 2, 1, 1]);
    expect(body.total).toBeCloseTo(15, 9);
    // taobao's only agent is `agent`: one short in the two hours that need 2.
    expect(body.roster.uncovered).toEqual([
      { hour: '2026-11-11T16:00:00.000Z', short: 1 },
      { hour: '2026-11-12T16:00:00.000Z', short: 1 },
    ]);
  });

  it("counts the last hours' orders only as far as their reviews can have arrived (hand-computed)", async () => {
    // jd: one refund case (24 h after its order, 10-10) from beforeAll, 30 quality cases reviewed 24 h after orders
    // of 09-05 onwards, 100 older orders without a review, and 50 orders placed 12 hours before the window's end.
    const jd = app.shops.jd.id;
    for (let index = 0; index < 30; index++) {
      await linkedCase('jd', 'product_quality', at('2026-09-05T02:00:00Z', index * 24), 24);
    }
    await plainOrders(jd, 100, '2026-09-01T00:00:00Z');
    await app.dataSource.query(
      `INSERT INTO trade_order (shop_id, platform_order_id, buyer_id, ordered_at, delivered_at)
       SELECT $1, 'forecast-recent-' || g, (SELECT id FROM buyer WHERE shop_id = $1 LIMIT 1), $2, $2
         FROM generate_series(1, 50) g`,
      [jd, '2026-10-31T14:00:00Z'],
    );
    const id = await created(campaign(jd, { expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1310 }] }));
    const { status, body } = await forecast(id);
    expect(status).toBe(200);
    // Every delay is 24 h, so none of the 12-hour-old orders' reviews is due yet: 181 orders, 131 counted.
    expect(body.basis).toMatchObject({
      rates: 'history',
      delay: 'history',
      orders: 181,
      ordersCounted: 131,
      linkedCases: 31,
    });
    // 30 / 131 and 1 / 131 (not 30 / 181): 1,310 orders give 300 quality and 10 refund cases a day later.
    expect(body.negativeRateByCause['product_quality']).toBeCloseTo(30 / 131, 12);
    expect(body.negativeRateByCause['refund_dispute']).toBeCloseTo(1 / 131, 12);
    expect(body.total).toBeCloseTo(310, 9);
  });

  it('says what to do when there is neither history nor rates', async () => {
    const id = await created(campaign(app.shops.pinduoduo.id, { negativeRateByCause: undefined }));
    const response = await app.request('GET', `/api/campaigns/${id}/forecast`, { as: app.users.lead, language: 'en' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'forecast.no_rates' });
    expect(response.body['message']).toBe(
      'Only 0 review cases of the last 90 days are linked to orders (at least 30 needed) and the campaign gives no negative rates: create it with negative rates by cause',
    );
  });

  // After the forecasts above: it moves the clock, and with it the window they expect.
  it("staffs on the agents' measured work per recorded case (hand-computed)", async () => {
    const shop = app.shops.douyin.id;
    const agent = app.users.agent;
    const opened = async () => aNewCase().onPlatform('douyin').openIn(app);
    const long = await Promise.all(Array.from({ length: 10 }, opened));
    const short = await Promise.all(Array.from({ length: 20 }, opened));
    const stillOpen = await opened();
    const closedBeforeWindow = await opened();
    // Through the API, one case after another, 50 minutes apart: contact at minute 0, apology at 4, cause at 9;
    // the ten long ones come back after a 16-minute pause: resolving at 25, remedy at 28. While on the first
    // short case the agent also answers on the open case, at minute 2.
    const work = async (id: string, isLong: boolean, alsoAt2?: string) => {
      const start = app.clock.now().getTime();
      const atMinute = (minute: number) => app.clock.set(new Date(start + minute * 60_000).toISOString());
      await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' }, agent);
      if (alsoAt2) {
        atMinute(2);
        await command(alsoAt2, 'contact-attempts', { channel: 'im', outcome: 'reached' }, agent);
      }
      atMinute(4);
      await command(id, 'transitions', { to: 'apologised' }, agent);
      atMinute(9);
      await command(id, 'root-cause', { rootCause: 'product_quality' }, agent);
      if (isLong) {
        atMinute(25);
        await command(id, 'transitions', { to: 'resolving' }, agent);
        atMinute(28);
        await command(id, 'remedy', { type: 'exchange', status: 'done' }, agent);
      }
      atMinute(50);
    };
    for (const id of long) await work(id, true);
    await work(short[0]!, false, stillOpen);
    for (const id of short.slice(1)) await work(id, false);
    await work(closedBeforeWindow, true);
    for (const id of short.slice(0, 5)) {
      await command(
        id,
        'triage-overrides',
        { field: 'severity', severity: 'high', reason: '买家说要投诉' },
        app.users.lead,
      );
    }
    // Recording takes a lead-reviewed record; the measure reads the log, so the record is written directly.
    const close = (ids: string[], closedAt: Date) =>
      app.dataSource.query(
        `UPDATE support_case SET stage = 'recorded', closed_at = $2, record = '{}'::jsonb WHERE id = ANY($1)`,
        [ids, closedAt],
      );
    await close([...long, ...short], app.clock.now());
    await close([closedBeforeWindow], new Date('2026-07-01T00:00:00Z'));
    app.clock.advanceMinutes(1);

    const id = await created(
      campaign(shop, {
        expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1000 }],
        negativeRateByCause: { product_quality: 0.1 },
        minutesPerCase: 15,
      }),
    );
    const { status, body } = await forecast(id);
    expect(status).toBe(200);
    // Short cases: 2 of lead-in, then 4 and 5 = 11 min. Long ones: 11, then after the 16-minute pause 2 + 3 = 16.
    // The first short case lends minutes 0–2 to the open case: 2 + 2 + 5 = 9. The import's and the lead's actions
    // are not the agent's: (19 × 11 + 9 + 10 × 16) / 30 = 12.6. The open case and the one closed before the
    // window are not in the sample.
    expect(body.basis).toMatchObject({ handling: 'measured', measuredCases: 30, rates: 'campaign', delay: 'default' });
    expect(body.minutesPerCase).toBe(12.6);
    // 1,000 orders × 10% = 100 cases: 30 at +24 h and +48 h, 20 at +72 h and +120 h (the default delay).
    // 30 × 12.6 / 60 / 0.85 = 7.41 → 8 agents, 20 × 12.6 / 60 / 0.85 = 4.94 → 5 (at the campaign's 15: 9 and 6).
    const busy = body.hours.filter((hour) => hour.total > 0);
    expect(busy.map((hour) => hour.agents)).toEqual([8, 8, 5, 5]);
    expect(body.peakAgents).toBe(8);
  });

  it('is read like the campaign: people of its shop only', async () => {
    const id = await created(campaign(tmall));
    expect((await forecast(id, ana)).status).toBe(200);
    expect(await forecast(id, outsider)).toMatchObject({ status: 403, body: { code: 'auth.shop_forbidden' } });
    expect((await app.get(`/api/campaigns/${id}`, outsider)).status).toBe(403);
    const jdLead = await app.createUser({ username: 'jd-only-lead', password: 'lead password 2026', role: 'lead' });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id <> $2`, [
      jdLead.id,
      app.shops.jd.id,
    ]);
    expect((await forecast(id, jdLead)).status).toBe(403);
    const missing = await app.get('/api/campaigns/00000000-0000-4000-8000-000000000001/forecast');
    expect(missing).toMatchObject({ status: 404, body: { code: 'campaign.not_found' } });
    expect((await app.get('/api/campaigns/not-a-uuid/forecast')).status).toBe(400);
    expect((await app.request('GET', `/api/campaigns/${id}/forecast`, { as: null })).status).toBe(401);
  });
});
