import { UserEntity, UserShopEntity } from '@chaping/api/testing';

import { TestApp } from '../support/test-app';

interface Answer {
  status: number;
  body: { onShift?: boolean; code?: string; message?: string };
}

/** Agents go on and off shift (themselves, or by their lead): assignment gives new cases only to agents on shift. */
describe('on and off shift', () => {
  let app: TestApp;
  let early: UserEntity;
  let late: UserEntity;
  let otherLead: UserEntity;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    const users = app.dataSource.getRepository(UserEntity);
    const shopOnly = async (username: string, role: 'agent' | 'lead', shopId: string) => {
      const user = await users.save({ username, displayName: username, role, onShift: true });
      await app.dataSource.getRepository(UserShopEntity).save({ userId: user.id, shopId });
      return user;
    };
    early = await shopOnly('shift-early', 'agent', app.shops.pinduoduo.id);
    late = await shopOnly('shift-late', 'agent', app.shops.pinduoduo.id);
    otherLead = await shopOnly('shift-jd-lead', 'lead', app.shops.jd.id);
    // The shared test agent works every shop; off shift, it leaves the Pinduoduo cases to the two above.
    await app.put(`/api/users/${app.users.agent.id}/on-shift`, { onShift: false });
  });
  afterAll(() => app?.stop());

  const setShift = (user: UserEntity, onShift: unknown, as: UserEntity): Promise<Answer> =>
    app.request('PUT', `/api/users/${user.id}/on-shift`, { body: { onShift }, as });
  const onShift = async (user: UserEntity): Promise<boolean> =>
    (await app.dataSource.query(`SELECT on_shift FROM app_user WHERE id = $1`, [user.id]))[0]?.on_shift;

  async function newPinduoduoCase(reviewId: string): Promise<string | null> {
    await app.postRaw(
      `/api/intake/pdd.mms.reviews.list?shopId=${app.shops.pinduoduo.id}`,
      JSON.stringify({
        reviewId,
        comment: '质量太差了',
        createTime: 1772990000,
        descScore: 1,
        orderSn: `o-${reviewId}`,
      }),
      { 'content-type': 'application/json' },
    );
    const [row] = await app.dataSource.query(
      `SELECT c.assignee_id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
      [reviewId],
    );
    return row.assignee_id;
  }

  it('lets an agent go off shift, and new cases then go to the agents still on shift', async () => {
    expect(await setShift(early, false, early)).toMatchObject({ status: 200, body: { onShift: false } });
    expect((await app.get<{ onShift: boolean }>('/api/auth/me', early)).body.onShift).toBe(false);
    for (const id of ['shift-1', 'shift-2', 'shift-3']) expect(await newPinduoduoCase(id)).toBe(late.id);

    expect(await setShift(early, true, early)).toMatchObject({ status: 200, body: { onShift: true } });
    const assignees = [await newPinduoduoCase('shift-4'), await newPinduoduoCase('shift-5')];
    expect(assignees).toContain(early.id);
  });

  it("lets a lead change the shift of their shops' agents, and with nobody on shift the case waits in the pool", async () => {
    expect(await setShift(early, false, app.users.lead)).toMatchObject({ status: 200, body: { onShift: false } });
    expect(await setShift(late, false, app.users.lead)).toMatchObject({ status: 200, body: { onShift: false } });
    expect(await newPinduoduoCase('shift-pool')).toBeNull();
    await setShift(early, true, app.users.lead);
    await setShift(late, true, app.users.lead);
  });

  it('refuses anyone else, leads and admins, and a malformed body, changing nothing', async () => {
    const refusals: Array<[string, Promise<Answer>, number, string]> = [
      ["a colleague's shift", setShift(late, false, early), 403, 'shift.not_your_agent'],
      ['a lead of another shop', setShift(early, false, otherLead), 403, 'shift.not_your_agent'],
      ['a lead going off shift', setShift(app.users.lead, false, app.users.lead), 422, 'shift.agents_only'],
    ];
    for (const [what, answer, status, code] of refusals) {
      const { status: got, body } = await answer;
      expect({ what, status: got, code: body.code }).toEqual({ what, status, code });
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await setShift(early, 'yes', early)).toMatchObject({ status: 400 });
    const unknown = await app.request('PUT', '/api/users/00000000-0000-4000-8000-000000000000/on-shift', {
      body: { onShift: false },
      as: app.users.lead,
    });
    expect(unknown.status).toBe(404);
    expect([await onShift(early), await onShift(late)]).toEqual([true, true]);
  });
});
