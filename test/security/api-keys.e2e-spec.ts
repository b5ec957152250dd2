import { apiKeyDigest, UserEntity } from '@chaping/api/testing';

import { TestApp } from '../support/test-app';

describe('intake API keys', () => {
  let app: TestApp;
  let root: UserEntity;
  beforeAll(async () => {
    app = await TestApp.start();
    root = await app.createUser({ username: 'root', password: 'a long admin secret', role: 'admin' });
  });
  afterAll(() => app.stop());

  const triage = async (key: string) =>
    (
      await app.app.inject({
        method: 'POST',
        url: '/api/triage',
        headers: { 'x-api-key': key },
        payload: { text: '快递太慢了', rating: 'negative' },
      })
    ).statusCode;

  it('are created, used, rotated and revoked by admins; only their hash is stored', async () => {
    const shopId = app.shops.jd.id;
    expect((await app.post(`/api/shops/${shopId}/api-keys`, { name: 'ERP' }, app.users.lead)).status).toBe(403);
    expect((await app.post(`/api/shops/${shopId}/api-keys`, { name: '   ' }, root)).status).toBe(400);

    const created = await app.post<{ id: string; key: string; prefix: string }>(
      `/api/shops/${shopId}/api-keys`,
      { name: 'ERP 同步' },
      root,
    );
    expect(created).toMatchObject({ status: 201, body: { name: 'ERP 同步', shopId, revokedAt: null } });
    const { id, key, prefix } = created.body;
    expect(key).toMatch(/^chp_[\w-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const [stored] = await app.dataSource.query(`SELECT * FROM api_key WHERE id = $1`, [id]);
    expect(stored.key_hash).toBe(apiKeyDigest(key));
    expect(JSON.stringify(stored)).not.toContain(key);

    expect(await triage(key)).toBe(200);
    const listed = await app.get<Array<Record<string, unknown>>>(`/api/shops/${shopId}/api-keys`, root);
    expect(listed.body).toEqual([expect.objectContaining({ id, lastUsedAt: app.clock.now().toISOString() })]);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const rotated = await app.post<{ id: string; key: string }>(`/api/api-keys/${id}/rotate`, {}, root);
    expect(rotated).toMatchObject({ status: 201, body: { name: 'ERP 同步', shopId } });
    expect(rotated.body.key).not.toBe(key);
    expect(await triage(key)).toBe(401);
    expect(await triage(rotated.body.key)).toBe(200);

    const revoked = await app.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${rotated.body.id}`,
      headers: { cookie: await app.sessionCookie(root) },
    });
    expect(revoked.statusCode).toBe(204);
    expect(await triage(rotated.body.key)).toBe(401);
    const after = await app.get<Array<{ revokedAt: string | null }>>(`/api/shops/${shopId}/api-keys`, root);
    expect(after.body.map((row) => row.revokedAt)).toEqual([expect.any(String), expect.any(String)]);
  });

  it('starts from a shop the admin adds (a fresh installation has none)', async () => {
    const shop = { platform: 'taobao', name: '新店', platformShopId: 'tb-new-1' };
    expect((await app.post('/api/shops', shop, app.users.lead)).status).toBe(403);
    const added = await app.post<{ id: string }>('/api/shops', shop, root);
    expect(added).toMatchObject({ status: 201, body: { name: '新店', platform: 'taobao' } });
    expect(await app.post('/api/shops', { ...shop, name: '同一家店' }, root)).toMatchObject({
      status: 409,
      body: { code: 'conflict.duplicate' },
    });
    expect((await app.post('/api/shops', { ...shop, platform: 'ebay' }, root)).status).toBe(400);
    const key = await app.post<{ key: string }>(`/api/shops/${added.body.id}/api-keys`, { name: 'ERP' }, root);
    expect(key.status).toBe(201);
    expect(await triage(key.body.key)).toBe(200);
  });

  it('answers 404 for a key or shop that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await app.post(`/api/api-keys/${missing}/rotate`, {}, root)).toMatchObject({
      status: 404,
      body: { code: 'api_key.not_found' },
    });
    expect(await app.post(`/api/shops/${missing}/api-keys`, { name: 'x' }, root)).toMatchObject({
      status: 404,
      body: { code: 'shop.not_found' },
    });
  });
});
