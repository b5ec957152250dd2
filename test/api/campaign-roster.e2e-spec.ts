import { TaskScheduler, UserEntity, UserShopEntity } from '@chaping/api/testing';

import { TestApp } from '../support/test-app';

interface AdoptedRoster {
  shifts: Array<{
    id: string;
    start: string;
    end: string;
    agent: { id: string; displayName: string };
    startedAt: string | null;
    endedAt: string | null;
  }>;
  code?: string;
  message?: string;
}

/**
 * A lead adopts the campaign forecast's roster and the roster then feeds auto-assignment: its agents go on shift as
 * each shift starts and off as it ends (issue 18). The roster is worked out by hand below.
 */
describe('an adopted campaign roster', () => {
  let app: TestApp;
  let pinduoduo: string;
  let ivy: UserEntity;
  let jon: UserEntity;
  let jdLead: UserEntity;
  let campaignId: string;

  // One hour of 1,000 orders at 00:00 on 11-11 China time (16:00Z on 11-10), 1% product_quality, the default delay
  // (30% after 24 h, 30% after 48 h, 20% after 72 h, 20% after 120 h): 3, 3, 2 and 2 cases at 16:00Z on 11-11,
  // 11-12, 11-13 and 11-15. At 15 minutes a case and 85% occupancy each of those hours needs one agent
  // (3 × 15 / 60 / 0.85 = 0.88 → 1), so the 16:00Z–00:00Z shift (00–08 China time) of those days gets one agent:
  // the one with the fewest hours, ties broken by name — ivy, jon, ivy (8 h each), jon.
  const expected = [
    ['ivy', '2026-11-11T16:00:00.000Z', '2026-11-12T00:00:00.000Z'],
    ['jon', '2026-11-12T16:00:00.000Z', '2026-11-13T00:00:00.000Z'],
    ['ivy', '2026-11-13T16:00:00.000Z', '2026-11-14T00:00:00.000Z'],
    ['jon', '2026-11-15T16:00:00.000Z', '2026-11-16T00:00:00.000Z'],
  ];

  const adopt = (as: UserEntity = app.users.lead) =>
    app.request<AdoptedRoster>('POST', `/api/campaigns/${campaignId}/roster`, { as });
  const adopted = (as: UserEntity = app.users.lead) =>
    app.get<AdoptedRoster>(`/api/campaigns/${campaignId}/roster`, as);
  const onShift = async (user: UserEntity): Promise<boolean> =>
    (await app.dataSource.query(`SELECT on_shift FROM app_user WHERE id = $1`, [user.id]))[0].on_shift;
  const tickAt = async (iso: string) => {
    app.clock.set(iso);
    await app.app.get(TaskScheduler).tick();
  };
  const summary = (roster: AdoptedRoster) =>
    roster.shifts.map((shift) => [shift.agent.displayName, shift.start, shift.end]);

  async function newCaseAssignee(reviewId: string): Promise<string | null> {
    const response = await app.postRaw(
      `/api/intake/pdd.mms.reviews.list?shopId=${pinduoduo}`,
      JSON.stringify({
        reviewId,
        comment: '质量太差了',
        createTime: 1772990000,
        descScore: 1,
        orderSn: `o-${reviewId}`,
      }),
      { 'content-type': 'application/json' },
      app.users.lead,
    );
    expect(response.status).toBeLessThan(300);
    const [row] = await app.dataSource.query(
      `SELECT c.assignee_id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
      [reviewId],
    );
    return row.assignee_id;
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-11-01T02:00:00Z');
    pinduoduo = app.shops.pinduoduo.id;
    const users = app.dataSource.getRepository(UserEntity);
    const user = (username: string, role: 'agent' | 'lead') =>
      users.save({ username, displayName: username, role, onShift: false });
    ivy = await user('ivy', 'agent');
    jon = await user('jon', 'agent');
    jdLead = await user('jd-lead', 'lead');
    await app.dataSource.getRepository(UserShopEntity).save([
      { userId: ivy.id, shopId: pinduoduo },
      { userId: jon.id, shopId: pinduoduo },
      { userId: jdLead.id, shopId: app.shops.jd.id },
    ]);
    // The shared test agent works every shop; here only ivy and jon work Pinduoduo.
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id = $2`, [
      app.users.agent.id,
      pinduoduo,
    ]);
    const created = await app.post<{ id: string }>(
      '/api/campaigns',
      {
        shopId: pinduoduo,
        name: '双11 大促',
        startsAt: '2026-11-10T20:00:00+08:00',
        endsAt: '2026-11-12T00:00:00+08:00',
        peakStartsAt: '2026-11-11T00:00:00+08:00',
        peakEndsAt: '2026-11-11T02:00:00+08:00',
        expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1000 }],
        minutesPerCase: 15,
        negativeRateByCause: { product_quality: 0.01 },
      },
      app.users.lead,
    );
    expect(created.status).toBe(201);
    campaignId = created.body.id;
  });
  afterAll(() => app?.stop());

  it("adopts the forecast's roster for leads of the shop only, once however many adopt at once", async () => {
    expect(await adopt(ivy)).toMatchObject({ status: 403, body: { code: 'role.lead_required' } });
    expect(await adopt(jdLead)).toMatchObject({ status: 403, body: { code: 'auth.shop_forbidden' } });
    expect((await adopted()).body.shifts).toEqual([]);

    const [first, second] = await Promise.all([adopt(), adopt()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(summary(second.body)).toEqual(expected);
    expect(second.body.shifts.every((shift) => shift.startedAt === null && shift.endedAt === null)).toBe(true);
    const rows = await app.dataSource.query(`SELECT count(*)::int AS n FROM campaign_roster_shift`);
    expect(rows[0].n).toBe(4);
    // Agents of the shop may read who is rostered when.
    expect(summary((await adopted(ivy)).body)).toEqual(expected);
  });

  it('puts each agent on shift at the start and off at the end, and new cases follow the roster', async () => {
    await tickAt('2026-11-11T15:59:00Z');
    expect([await onShift(ivy), await onShift(jon)]).toEqual([false, false]);
    expect(await newCaseAssignee('roster-before')).toBeNull();

    await tickAt('2026-11-11T16:00:30Z');
    expect([await onShift(ivy), await onShift(jon)]).toEqual([true, false]);
    expect(await newCaseAssignee('roster-during')).toBe(ivy.id);
    // Ticks within the shift change nothing, even after ivy went off shift by hand.
    await app.put(`/api/users/${ivy.id}/on-shift`, { onShift: false }, ivy);
    await tickAt('2026-11-11T18:00:00Z');
    expect(await onShift(ivy)).toBe(false);
    await app.put(`/api/users/${ivy.id}/on-shift`, { onShift: true }, ivy);

    await tickAt('2026-11-12T00:00:10Z');
    expect([await onShift(ivy), await onShift(jon)]).toEqual([false, false]);
    expect(await newCaseAssignee('roster-after')).toBeNull();
    const [shift] = (await adopted()).body.shifts;
    expect(shift).toMatchObject({ startedAt: '2026-11-11T16:00:30.000Z', endedAt: '2026-11-12T00:00:10.000Z' });
  });

  it('adopting again keeps the shifts that began and replaces the rest, without duplicates', async () => {
    await tickAt('2026-11-12T17:00:00Z');
    expect(await onShift(jon)).toBe(true);
    const before = (await adopted()).body.shifts;
    const again = await adopt();
    expect(again.status).toBe(200);
    expect(summary(again.body)).toEqual(expected);
    expect(again.body.shifts.slice(0, 2).map((shift) => shift.id)).toEqual(before.slice(0, 2).map((shift) => shift.id));
    expect(again.body.shifts[1]).toMatchObject({ startedAt: '2026-11-12T17:00:00.000Z', endedAt: null });
  });

  it('neither puts on nor takes off shift an agent removed from the shop after the roster was adopted', async () => {
    await tickAt('2026-11-13T00:00:30Z');
    expect(await onShift(jon)).toBe(false);
    // Ivy moves from Pinduoduo to JD an hour before her Pinduoduo shift, and works JD's cases by hand.
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id = $2`, [ivy.id, pinduoduo]);
    await app.dataSource.getRepository(UserShopEntity).save({ userId: ivy.id, shopId: app.shops.jd.id });
    await tickAt('2026-11-13T16:00:30Z');
    expect(await onShift(ivy)).toBe(false);
    await app.put(`/api/users/${ivy.id}/on-shift`, { onShift: true }, ivy);
    // The end of a Pinduoduo shift she was never put on leaves her JD work alone.
    await tickAt('2026-11-14T00:00:30Z');
    expect(await onShift(ivy)).toBe(true);
    const shift = (await adopted()).body.shifts.find((each) => each.start === '2026-11-13T16:00:00.000Z');
    expect(shift).toMatchObject({ startedAt: null, endedAt: '2026-11-14T00:00:30.000Z' });
    await app.put(`/api/users/${ivy.id}/on-shift`, { onShift: false }, ivy);
    await app.dataSource.getRepository(UserShopEntity).save({ userId: ivy.id, shopId: pinduoduo });
  });

  it('refuses to adopt once every shift is over, changing nothing', async () => {
    await tickAt('2026-11-16T00:01:00Z');
    const before = (await adopted()).body;
    const late = await adopt();
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('roster.campaign_over');
    expect(late.body.message).toMatch(/排班/);
    expect((await adopted()).body).toEqual(before);
    expect(before.shifts.every((shift) => shift.endedAt !== null)).toBe(true);
  });
});
