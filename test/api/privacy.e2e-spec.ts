import { PrivacyService, UserEntity, UserShopEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  buyer: { phone: string | null; address: string | null };
  events: Array<{ type: string; actorId: string; data: Record<string, unknown> }>;
}

describe('personal data: masked, revealed with a logged reason, erased after retention', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  it('masks the buyer in the case view and reveals one field with a reason, logged on the case', async () => {
    const id = await aNewCase().withBuyer({ phone: '13912345678', address: '上海市浦东新区世纪大道100号' }).openIn(app);
    const view = await app.get<CaseView>(`/api/cases/${id}`);
    expect(view.body.buyer).toMatchObject({ phone: '139****5678', address: '上海市****' });
    expect(JSON.stringify(view.body)).not.toContain('13912345678');

    const noReason = await app.post<{ code: string }>(`/api/cases/${id}/personal-data/reveal`, {
      field: 'phone',
      reason: '看',
    });
    expect(noReason).toMatchObject({ status: 422, body: { code: 'privacy.reason_required' } });

    const revealed = await app.post<{ value: string }>(`/api/cases/${id}/personal-data/reveal`, {
      field: 'phone',
      reason: '买家要求电话回访，旺旺不在线',
    });
    expect(revealed).toMatchObject({ status: 200, body: { field: 'phone', value: '13912345678' } });
    const after = await app.get<CaseView>(`/api/cases/${id}`);
    expect(after.body.events.at(-1)).toMatchObject({
      type: 'personal_data_revealed',
      actorId: app.users.agent.id,
      data: { field: 'phone', reason: '买家要求电话回访，旺旺不在线' },
    });
  });

  it("refuses to reveal another agent's buyer", async () => {
    const id = await aNewCase().openIn(app);
    const other = await app.dataSource
      .getRepository(UserEntity)
      .save({ username: 'nosy', displayName: '好奇的同事', role: 'agent', onShift: true });
    await app.dataSource.getRepository(UserShopEntity).save({ userId: other.id, shopId: app.shops.taobao.id });
    const response = await app.post<{ code: string }>(
      `/api/cases/${id}/personal-data/reveal`,
      { field: 'address', reason: '我想看看他住哪里' },
      other,
    );
    expect(response).toMatchObject({ status: 403, body: { code: 'access.case_forbidden' } });
    const [row] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'personal_data_revealed'`,
      [id],
    );
    expect(row).toEqual({ n: 0 });
  });

  it('shows an agent the buyer of a pool case only once they have taken the case; a lead at once', async () => {
    const id = await aNewCase().withBuyer({ phone: '13912340000' }).openIn(app);
    await app.dataSource.query(`UPDATE support_case SET assignee_id = NULL WHERE id = $1`, [id]);
    const reveal = (as = app.users.agent) =>
      app.post<{ code: string; value: string }>(
        `/api/cases/${id}/personal-data/reveal`,
        { field: 'phone', reason: '买家要求电话回访，旺旺不在线' },
        as,
      );
    expect(await reveal()).toMatchObject({ status: 403, body: { code: 'privacy.not_assigned' } });
    expect(await reveal(app.users.lead)).toMatchObject({ status: 200, body: { value: '13912340000' } });
  });

  it('erases phone, address and name once every case of the buyer has been closed for the retention period', async () => {
    const closedLongAgo = await aNewCase().withBuyer({ platformBuyerId: 'retired', phone: '13700000001' }).openIn(app);
    const stillOpen = await aNewCase().withBuyer({ platformBuyerId: 'active', phone: '13700000002' }).openIn(app);
    const closedRecently = await aNewCase().withBuyer({ platformBuyerId: 'recent', phone: '13700000003' }).openIn(app);
    const close = (id: string, closedAt: string) =>
      app.dataSource.query(
        `UPDATE support_case SET stage = 'recorded', closed_at = $2,
           record = '{"productModel":"杯","rootCause":"other","actionsTaken":"已处理完毕的记录","outcome":"unchanged","specialNotes":"无","recordedAt":"2025-01-01T00:00:00Z"}'
         WHERE id = $1`,
        [id, closedAt],
      );
    await close(closedLongAgo, '2025-08-01T00:00:00Z'); // > 180 days before 2026-03-10
    await close(closedRecently, '2026-02-01T00:00:00Z');

    const purged = await app.app.get(PrivacyService).purgeExpired();
    expect(purged).toBe(1);
    const rows: Array<{ platform_buyer_id: string; phone: string | null; purged: boolean }> =
      await app.dataSource.query(
        `SELECT platform_buyer_id, phone, personal_data_purged_at IS NOT NULL AS purged FROM buyer
        WHERE platform_buyer_id IN ('retired', 'active', 'recent') ORDER BY platform_buyer_id`,
      );
    expect(rows).toEqual([
      { platform_buyer_id: 'active', phone: '13700000002', purged: false },
      { platform_buyer_id: 'recent', phone: '13700000003', purged: false },
      { platform_buyer_id: 'retired', phone: null, purged: true },
    ]);
    // The buyer with an open case keeps their data: the case still shows it (masked).
    const open = await app.get<CaseView>(`/api/cases/${stillOpen}`);
    expect(open.body.buyer.phone).toBe('137****0002');
    expect(await app.app.get(PrivacyService).purgeExpired()).toBe(0);
  });
});
