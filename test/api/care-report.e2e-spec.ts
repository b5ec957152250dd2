import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface CareMonth {
  month: string;
  ordersCared: number;
  problemsFound: number;
  caredNegativeRate: number | null;
  comparableUncaredOrders: number;
  comparableUncaredNegativeRate: number | null;
  negativeReviewsAvoided: number;
  minutesSaved: number;
}

type Kind = { reasons: string[]; task: 'fine' | 'problem_found' | 'no_answer' | null; review: boolean };

/**
 * The care report on orders whose answer is worked out by hand: October has five cared orders (one
 * review) against four uncared high-value ones (two reviews), September one cared order and nothing
 * to compare it with.
 */
describe('the care report', () => {
  let app: TestApp;
  let shopId: string;

  const october: Record<string, Kind> = {
    c1: { reasons: ['high_value'], task: 'fine', review: true },
    c2: { reasons: ['high_value'], task: 'fine', review: false },
    c3: { reasons: ['high_value'], task: 'problem_found', review: false },
    c4: { reasons: ['high_value'], task: 'fine', review: false },
    c5: { reasons: ['late_delivery'], task: 'fine', review: false },
    u1: { reasons: ['high_value'], task: 'no_answer', review: true },
    u2: { reasons: ['high_value'], task: 'no_answer', review: true },
    u3: { reasons: ['high_value'], task: 'no_answer', review: false },
    u4: { reasons: ['high_value'], task: null, review: false },
    n1: { reasons: [], task: null, review: true },
  };
  const september: Record<string, Kind> = { s1: { reasons: ['first_time_buyer'], task: 'fine', review: false } };

  async function seed(month: string, kinds: Record<string, Kind>) {
    const orders = Object.keys(kinds).map((key) => ({
      orderId: `care-report-${key}`,
      buyerId: `care-report-buyer-${key}`,
      buyerNickname: `买家${key}`,
      productId: 'sku-kettle',
      productTitle: '电热水壶 1.5L',
      amountFen: 89_900,
      orderedAt: `${month}-10T02:00:00Z`,
      deliveredAt: `${month}-14T02:00:00Z`,
    }));
    expect((await app.post(`/api/care/orders?shopId=${shopId}`, { orders })).status).toBe(200);
    for (const [key, kind] of Object.entries(kinds)) {
      const [order] = await app.dataSource.query(
        `UPDATE trade_order SET care_reasons = $2, care_decided_at = delivered_at
          WHERE shop_id = $3 AND platform_order_id = $1 RETURNING id, buyer_id`,
        [`care-report-${key}`, kind.reasons, shopId],
      );
      const { id, buyer_id } = order[0];
      if (kind.task)
        await app.dataSource.query(
          `INSERT INTO care_task (shop_id, order_id, buyer_id, day, due_at, reasons, status, created_at)
           VALUES ($1, $2, $3, 1, now(), $4, $5, now())`,
          [shopId, id, buyer_id, kind.reasons, kind.task],
        );
      if (kind.review) {
        const caseId = await aNewCase().onPlatform('jd').openIn(app);
        await app.dataSource.query(
          `UPDATE review SET order_id = $2 WHERE id = (SELECT review_id FROM support_case WHERE id = $1)`,
          [caseId, id],
        );
      }
    }
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-11-15T04:00:00Z');
    shopId = app.shops.jd.id;
    await seed('2026-09', september);
    await seed('2026-10', october);
  });
  afterAll(() => app?.stop());

  const report = (query: string, as = app.users.lead) =>
    app.get<{ months: CareMonth[]; minutesPerReviewCase: number; minutesPerCaredOrder: number; code?: string }>(
      `/api/care/report?shopId=${shopId}&${query}`,
      as,
    );

  it('compares cared orders with uncared ones chosen for the same reasons, month by month', async () => {
    const { status, body } = await report('from=2026-09&to=2026-11');
    expect(status).toBe(200);
    expect(body.minutesPerReviewCase).toBe(20);
    expect(body.minutesPerCaredOrder).toBe(3);
    const [sep, oct] = body.months;
    expect(body.months).toHaveLength(2);
    expect(sep).toEqual({
      month: '2026-09',
      ordersCared: 1,
      problemsFound: 0,
      caredNegativeRate: 0,
      comparableUncaredOrders: 0,
      comparableUncaredNegativeRate: null,
      negativeReviewsAvoided: 0,
      minutesSaved: -3,
    });
    // Cared: c1–c5, one review → 0.2. Comparable: the four high-value uncared orders, two reviews → 0.5
    // (c5's late-delivery profile has no uncared order to compare with). Avoided (0.5 − 0.2) × 5 = 1.5
    // reviews, 1.5 × 20 min − 5 × 3 min = 15 minutes.
    expect(oct?.month).toBe('2026-10');
    expect(oct?.ordersCared).toBe(5);
    expect(oct?.problemsFound).toBe(1);
    expect(oct?.caredNegativeRate).toBeCloseTo(0.2, 10);
    expect(oct?.comparableUncaredOrders).toBe(4);
    expect(oct?.comparableUncaredNegativeRate).toBeCloseTo(0.5, 10);
    expect(oct?.negativeReviewsAvoided).toBeCloseTo(1.5, 10);
    expect(oct?.minutesSaved).toBeCloseTo(15, 10);

    const measured = await report('from=2026-10&to=2026-10&minutesPerReviewCase=40&minutesPerCaredOrder=0');
    expect(measured.body.months.map((month) => month.minutesSaved)).toEqual([60]);
  });

  it('is for the leads of the shop, and says what is wrong with a range', async () => {
    expect((await report('from=2026-09&to=2026-10', app.users.agent)).status).toBe(403);
    const other = await app.createUser({ username: 'care-report-lead', password: 'lead password 2026', role: 'lead' });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id = $2`, [other.id, shopId]);
    expect((await report('from=2026-09&to=2026-10', other)).status).toBe(403);
    for (const bad of [
      'from=2026-10&to=2026-09',
      'from=2024-01&to=2026-10',
      'from=2026-13&to=2026-10',
      'from=2026-09',
    ]) {
      const answer = await report(bad);
      expect({ bad, status: answer.status }).toEqual({ bad, status: 400 });
    }
    expect((await report('from=2026-09&to=2026-10&minutesPerReviewCase=0')).status).toBe(400);
  });
});
