import { connectDemoShop, startDemoMarketplace, TaskScheduler } from '@chaping/api/testing';

import { simulatorConnections } from '../support/marketplace-simulator';
import { TestApp } from '../support/test-app';

interface Connection {
  id: string;
  shopId: string;
  status: string;
  appKey: string;
  reviewsPulled: number;
}

/**
 * `DEMO_MARKETPLACE=1 npm start` (README): the simulated Taobao gateway is started, the first Taobao
 * shop is connected to it as the first admin, and its reviews arrive as cases — once each.
 */
describe('the demo marketplace', () => {
  let demo: Awaited<ReturnType<typeof startDemoMarketplace>>;
  let app: TestApp;

  beforeAll(async () => {
    demo = await startDemoMarketplace();
    // The demo gateway stamps its reviews with the real time, so the app's clock starts there too.
    app = await TestApp.start(new Date().toISOString(), { connections: simulatorConnections(demo.gatewayUrl) });
    await app.app.get(TaskScheduler).onApplicationShutdown();
  });
  afterAll(async () => {
    await app?.stop();
    await demo?.stop();
  });

  it('connects nothing while there is no admin to connect it as', async () => {
    expect(await connectDemoShop(app.app)).toBeNull();
    expect(await app.dataSource.query(`SELECT id FROM shop_connection`)).toEqual([]);
  });

  it("connects the first Taobao shop, and the gateway's reviews arrive as cases once each", async () => {
    const admin = await app.createUser({ username: 'demo-admin', password: 'demo admin password 2026', role: 'admin' });
    expect(await connectDemoShop(app.app)).toBe(app.shops.taobao.id);
    const listed = await app.get<Connection[]>('/api/connections', admin);
    const connection = listed.body.find((item) => item.shopId === app.shops.taobao.id);
    expect(connection).toMatchObject({ status: 'active', appKey: 'demo-app-key', reviewsPulled: 0 });

    const pull = () =>
      app.post<{ outcome: string; connection: Connection }>(`/api/connections/${connection!.id}/pull`, {}, admin);
    const first = await pull();
    expect(first.body.outcome).toBe('pulled');
    // The gateway starts with one to three new neutral or bad reviews.
    const cases = async () =>
      (await app.dataSource.query(
        `SELECT c.id, r.platform_review_id, r.text FROM support_case c JOIN review r ON r.id = c.review_id
            WHERE c.shop_id = $1 ORDER BY r.platform_review_id`,
        [app.shops.taobao.id],
      )) as Array<{ id: string; platform_review_id: string; text: string }>;
    const arrived = await cases();
    expect(arrived.length).toBeGreaterThanOrEqual(1);
    expect(arrived.length).toBeLessThanOrEqual(3);
    expect(first.body.connection.reviewsPulled).toBe(arrived.length);
    for (const item of arrived) {
      // 19 digits, as Taobao's ids are: kept exactly, never through a float.
      expect(item.platform_review_id).toMatch(/^4\d{18}$/);
      expect(item.text.length).toBeGreaterThan(0);
    }

    // A second start replaces the connection (the gateway's keys are new each time); pulling again doubles nothing.
    expect(await connectDemoShop(app.app)).toBe(app.shops.taobao.id);
    const connections = (await app.get<Connection[]>('/api/connections', admin)).body.filter(
      (item) => item.shopId === app.shops.taobao.id,
    );
    expect(connections.map((item) => [item.id === connection!.id, item.status]).sort()).toEqual([
      [false, 'active'],
      [true, 'revoked'],
    ]);
    const again = connections.find((item) => item.status === 'active');
    const second = await app.post<{ outcome: string }>(`/api/connections/${again!.id}/pull`, {}, admin);
    expect(second.body.outcome).toBe('pulled');
    expect((await cases()).map((item) => item.id)).toEqual(arrived.map((item) => item.id));
  });
});
