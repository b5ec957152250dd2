import { UserEntity, UserShopEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout']);
const SOME_ID = '00000000-0000-4000-8000-000000000001';

/** Who may do what: every route is behind sign-in, and each role reaches only its own cases. */
describe('access to every route, by role', () => {
  let app: TestApp;
  let colleague: UserEntity;
  let otherLead: UserEntity;
  let admin: UserEntity;
  let ownCase: string;
  let poolCase: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const users = app.dataSource.getRepository(UserEntity);
    colleague = await users.save({ username: 'colleague', displayName: '同事', role: 'agent', onShift: true });
    otherLead = await users.save({ username: 'other-lead', displayName: '别店主管', role: 'lead', onShift: true });
    admin = await users.save({ username: 'root', displayName: '管理员', role: 'admin', onShift: true });
    await app.dataSource.getRepository(UserShopEntity).save([
      { userId: colleague.id, shopId: app.shops.taobao.id },
      { userId: otherLead.id, shopId: app.shops.jd.id },
    ]);
    // TestApp's lead works every shop; make this lead a lead of taobao only for the matrix.
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id <> $2`, [
      app.users.lead.id,
      app.shops.taobao.id,
    ]);
    ownCase = await aNewCase().onPlatform('taobao').openIn(app);
    poolCase = await aNewCase().onPlatform('taobao').openIn(app);
    await app.dataSource.query(`UPDATE support_case SET assignee_id = NULL WHERE id = $1`, [poolCase]);
  });
  afterAll(() => app.stop());

  it('answers every route of the API document with 401 without a session, except sign-in and health', async () => {
    const document = (await app.get<OpenApi>('/api/docs-json')).body;
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(/\{format\}/, 'taobao.traderates.get').replace(/\{[^}]+\}/g, SOME_ID);
      const response = await app.app.inject({
        method: route.method as 'GET' | 'POST',
        url,
        ...(route.method === 'POST' ? { payload: {} } : {}),
      });
      const key = `${route.method} ${route.path}`;
      const expected = PUBLIC_ROUTES.has(key) ? 'not 401' : 401;
      const actual = response.statusCode === 401 ? 401 : 'not 401';
      if (actual !== expected) answers.push(`${key} → ${response.statusCode}`);
    }
    expect(answers).toEqual([]);
  });

  it.each([
    ['the assigned agent', 'agent', 200],
    ['another agent of the shop', 'colleague', 403],
    ['the lead of the shop', 'lead', 200],
    ['the lead of another shop', 'other-lead', 403],
    ['an admin', 'root', 200],
  ])('lets %s see a case: %p', async (_, username, status) => {
    const user = await app.dataSource.getRepository(UserEntity).findOneByOrFail({ username });
    const response = await app.request<{ code?: string }>('GET', `/api/cases/${ownCase}`, { as: user });
    expect(response.status).toBe(status);
    if (status === 403) expect(response.body.code).toBe('access.case_forbidden');
  });

  it("refuses another agent's command on a case and changes nothing, but lets them take the shop pool", async () => {
    const refused = await app.post<{ code: string }>(
      `/api/cases/${ownCase}/transitions`,
      { expectedVersion: 1, to: 'contacting' },
      colleague,
    );
    expect(refused).toMatchObject({ status: 403, body: { code: 'access.case_forbidden' } });
    const [row] = await app.dataSource.query(`SELECT stage, version FROM support_case WHERE id = $1`, [ownCase]);
    expect(row).toEqual({ stage: 'new', version: 1 });

    const pool = await app.request('GET', `/api/cases/${poolCase}`, { as: colleague });
    expect(pool.status).toBe(200);
  });

  it('shows each user only the cases they may work in the queue', async () => {
    const ids = async (user: UserEntity) =>
      (await app.request<{ items: Array<{ id: string }> }>('GET', '/api/cases?limit=100', { as: user })).body.items
        .map((item) => item.id)
        .sort();
    expect(await ids(app.users.agent)).toEqual([ownCase, poolCase].sort());
    expect(await ids(colleague)).toEqual([poolCase]);
    expect(await ids(otherLead)).toEqual([]);
    expect(await ids(admin)).toEqual([ownCase, poolCase].sort());
  });

  it('keeps lead-only routes from agents', async () => {
    const stats = await app.request<{ code: string }>('GET', '/api/triage/overrides');
    expect(stats).toMatchObject({ status: 403, body: { code: 'role.lead_required' } });
    const approve = await app.post<{ code: string }>(`/api/cases/${ownCase}/compensations/${SOME_ID}/approve`, {
      expectedVersion: 1,
    });
    expect(approve).toMatchObject({ status: 403, body: { code: 'role.lead_required' } });
    expect((await app.request('GET', '/api/triage/overrides', { as: app.users.lead })).status).toBe(200);
  });
});
