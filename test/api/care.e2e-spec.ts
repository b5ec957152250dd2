import { TaskScheduler } from '@chaping/api/testing';

import { TestApp } from '../support/test-app';

interface CareTask {
  id: string;
  day: number;
  status: string;
  reasons: string[];
  platformOrderId: string;
  caseId: string | null;
}

/**
 * Care follow-ups (issue 18): delivered orders in, tasks on day 1 and day 7 for the orders the
 * shop's rules choose, worked under the contact rules and the 24-hour cap, and a problem found
 * opening a case that the buyer's later review joins.
 */
describe('care follow-ups', () => {
  let app: TestApp;
  let shopId: string;
  const order = (id: string, over: Record<string, unknown> = {}) => ({
    orderId: id,
    buyerId: `buyer-${id}`,
    buyerNickname: `买家${id}`,
    productId: 'sku-kettle',
    productTitle: '电热水壶 1.5L',
    amountFen: 12_900,
    orderedAt: '2026-02-20T02:00:00Z',
    deliveredAt: '2026-03-01T02:00:00Z',
    ...over,
  });
  // The buyer of 700002 ordered before: not a first-time buyer. 700003 is a second order of 700001's buyer.
  const orders = [
    order('700001', { amountFen: 89_900 }),
    order('700002', { buyerId: 'buyer-regular', orderedAt: '2026-02-21T02:00:00Z' }),
    order('690000', {
      buyerId: 'buyer-regular',
      orderedAt: '2025-12-01T02:00:00Z',
      deliveredAt: '2025-12-05T02:00:00Z',
    }),
    order('700003', { buyerId: 'buyer-700001', orderedAt: '2026-02-22T02:00:00Z' }),
    order('700004', {
      buyerId: 'buyer-regular',
      orderedAt: '2026-02-23T02:00:00Z',
      promisedBy: '2026-02-27T16:00:00Z',
    }),
  ];
  const tick = () => app.app.get(TaskScheduler).tick();
  const queue = async () => (await app.get<CareTask[]>(`/api/care/tasks?shopId=${shopId}`)).body;
  const taskOf = async (orderId: string) => (await queue()).find((task) => task.platformOrderId === orderId);

  beforeAll(async () => {
    app = await TestApp.start('2026-03-01T12:00:00Z');
    shopId = app.shops.jd.id;
  });
  afterAll(() => app.stop());

  it('takes delivered orders by API payload, and a re-import doubles nothing', async () => {
    const first = await app.post(`/api/care/orders?shopId=${shopId}`, { orders });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 5, imported: 5, updated: 0 });
    const again = await app.post(`/api/care/orders?shopId=${shopId}`, { orders });
    expect(again.body).toEqual({ received: 5, imported: 0, updated: 5 });
    const [counts] = await app.dataSource.query(
      `SELECT count(*)::int AS orders FROM trade_order WHERE shop_id = $1 AND platform_order_id LIKE '7000%'`,
      [shopId],
    );
    expect(counts.orders).toBe(4);
  });

  it('refuses a bad order with what to fix, and stores nothing of the batch', async () => {
    const response = await app.post(`/api/care/orders?shopId=${shopId}`, {
      orders: [order('700009'), { ...order('700010'), deliveredAt: 'yesterday' }],
    });
    expect(response.status).toBe(400);
    const [row] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM trade_order WHERE platform_order_id = '700009'`,
    );
    expect(row.n).toBe(0);
  });

  it('creates tasks on schedule for the chosen orders only, once even with two instances', async () => {
    // Only first-time buyers, orders above 500 yuan and late deliveries (the default SKU rule has no data here).
    expect((await queue()).length).toBe(0);
    app.clock.set('2026-03-02T02:30:00Z'); // day 1 after delivery, 10:30 in Beijing
    const second = await app.another();
    await Promise.all([tick(), second.app.get(TaskScheduler).tick()]);
    await second.app.close();
    const tasks = await queue();
    expect(tasks.map((task) => [task.platformOrderId, task.day, task.reasons]).sort()).toEqual([
      ['700001', 1, ['first_time_buyer', 'high_value']],
      ['700004', 1, ['late_delivery']],
    ]);
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM care_task`);
    expect(row.n).toBe(2);
  });

  it('refuses a care message that mentions a review, in words, and sends nothing', async () => {
    const task = await taskOf('700001');
    const response = await app.post(`/api/care/tasks/${task?.id}/work`, {
      outcome: 'contacted',
      channel: 'im',
      message: '亲，水壶收到了吗？用着满意的话帮忙晒个图哦',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'care.text_not_allowed' });
    expect(String(response.body['message'])).toContain('晒个图');
    expect(String(response.body['message'])).not.toMatch(/care\.mentions_review/);
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM care_contact`);
    expect(row.n).toBe(0);
  });

  it('caps proactive messages at one per buyer per 24 hours, across care tasks', async () => {
    // A second order of the same buyer gets a task of its own (late delivery) and falls due the same day.
    await app.post(`/api/care/orders?shopId=${shopId}`, {
      orders: [
        order('700005', {
          buyerId: 'buyer-700001',
          promisedBy: '2026-02-28T00:00:00Z',
          orderedAt: '2026-02-25T02:00:00Z',
        }),
      ],
    });
    app.clock.advanceMinutes(11); // the next run of the periodic task
    await tick();
    const [first, second] = [await taskOf('700001'), await taskOf('700005')];
    expect(second?.reasons).toEqual(['late_delivery']);
    // The default care settings leave the phone out: a care message does not ring the buyer.
    const rung = await app.post(`/api/care/tasks/${first?.id}/work`, {
      outcome: 'contacted',
      channel: 'phone',
      message: '您好，水壶收到了吗？',
    });
    expect(rung.status).toBe(422);
    expect(rung.body).toMatchObject({ code: 'care.channel_not_allowed' });
    const sent = await app.post(`/api/care/tasks/${first?.id}/work`, {
      outcome: 'contacted',
      channel: 'im',
      message: '亲，水壶收到了吗？外观有没有磕碰？',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'awaiting_reply' });
    const capped = await app.post(`/api/care/tasks/${second?.id}/work`, {
      outcome: 'contacted',
      channel: 'im',
      message: '亲，这单路上耽误了，东西收到还好吗？',
    });
    expect(capped.status).toBe(422);
    expect(capped.body).toMatchObject({ code: 'care.frequency_cap' });
    expect(String(capped.body['message'])).toContain('每24小时最多主动联系一次');
  });

  it('opens a case at once when care finds a problem; the later review joins it', async () => {
    const task = await taskOf('700001');
    app.clock.advanceMinutes(60);
    const found = await app.post<CareTask>(`/api/care/tasks/${task?.id}/work`, {
      outcome: 'problem_found',
      channel: 'im',
      note: '买家说水壶底座漏水，烧水时桌上有水',
    });
    expect(found.status).toBe(200);
    expect(found.body.status).toBe('problem_found');
    const caseId = found.body.caseId;
    expect(caseId).toEqual(expect.any(String));
    const view = await app.get(`/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ stage: 'new' });
    const [opened] = await app.dataSource.query(
      `SELECT source, review_id, root_cause FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(opened).toMatchObject({ source: 'care', review_id: null, root_cause: 'product_quality' });
    expect((await queue()).map((each) => each.platformOrderId)).not.toContain('700001');

    // The buyer's review of that order arrives a few days later, through the ordinary intake.
    app.clock.set('2026-03-05T02:00:00Z');
    const review = await app.post(`/api/intake/jd.getVenderCommentsForJos?shopId=${shopId}`, [
      {
        commentId: '99700001',
        content: '水壶漏水，用了两次底座就渗水',
        creationTime: '2026-03-05 09:00:00',
        score: 1,
        orderId: '700001',
        pin: 'buyer-700001',
      },
    ]);
    expect(review.status).toBe(200);
    const cases = await app.dataSource.query(
      `SELECT c.id, c.rating, r.platform_review_id FROM support_case c JOIN trade_order o ON o.id = c.order_id
         LEFT JOIN review r ON r.id = c.review_id WHERE o.platform_order_id = '700001'`,
    );
    expect(cases).toEqual([{ id: caseId, rating: 'negative', platform_review_id: '99700001' }]);
    const [event] = await app.dataSource.query(
      `SELECT type, data->>'platformReviewId' AS review FROM case_event WHERE case_id = $1 AND type = 'review_joined'`,
      [caseId],
    );
    expect(event).toEqual({ type: 'review_joined', review: '99700001' });
  });

  it('lets a lead change the schedule, and refuses a schedule that is not a follow-up', async () => {
    const bad = await app.put(
      `/api/care/settings?shopId=${shopId}`,
      {
        enabled: true,
        firstTimeBuyers: true,
        highValueAboveFen: null,
        skuNegativeRateAbove: null,
        lateDeliveries: true,
        scheduleDays: [0, 45],
        channels: ['im'],
      },
      app.users.lead,
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'care.invalid_schedule' });
    const good = await app.put(
      `/api/care/settings?shopId=${shopId}`,
      {
        enabled: true,
        firstTimeBuyers: false,
        highValueAboveFen: null,
        skuNegativeRateAbove: null,
        lateDeliveries: true,
        scheduleDays: [2],
        channels: ['im', 'phone'],
      },
      app.users.lead,
    );
    expect(good.status).toBe(200);
    expect((await app.get(`/api/care/settings?shopId=${shopId}`)).body).toMatchObject({
      scheduleDays: [2],
      channels: ['im', 'phone'],
    });
    const noChannel = await app.put(
      `/api/care/settings?shopId=${shopId}`,
      { ...good.body, channels: [] },
      app.users.lead,
    );
    expect(noChannel.status).toBe(422);
    expect(noChannel.body).toMatchObject({ code: 'care.invalid_channels', message: '请至少选择一个回访渠道' });
    expect((await app.put(`/api/care/settings?shopId=${shopId}`, good.body)).status).toBe(403);
  });
});
