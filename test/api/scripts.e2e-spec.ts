import { TestApp } from '../support/test-app';

interface Version {
  template: Template;
  savedByName: string | null;
  savedAt: string | null;
  note: string | null;
}

interface Template {
  id: string;
  version: number;
  stage: string;
  steps: Array<{ lines: Array<{ 'zh-CN': string; en: string }> }>;
}

describe('call scripts as versioned data', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  const shopId = () => app.shops.taobao.id;
  const save = (template: unknown, as = app.users.lead, scope: { shopId?: string } = { shopId: shopId() }) =>
    app.post<Template & { code?: string; details?: Array<{ field: string; messages: string[] }> }>(
      `/api/scripts/contacting.generic/versions`,
      { template, note: '开场白更简短', ...scope },
      as,
    );
  const versionsUrl = () => `/api/scripts/contacting.generic/versions?shopId=${shopId()}`;

  it('lists the scripts in use and saves a lead’s edit as the next version, keeping the old one', async () => {
    const latest = await app.get<Template[]>('/api/scripts');
    expect(latest.status).toBe(200);
    const generic = latest.body.find((template) => template.id === 'contacting.generic');
    expect(generic?.version).toBe(1);
    const edited = structuredClone(generic) as Template;
    const firstLine = edited.steps[0]?.lines[0];
    if (!firstLine) throw new Error('the template has no line');
    firstLine['zh-CN'] = '{称呼}好，我是{店铺}的客服{客服}，关于您买的{商品}，想跟您了解一下情况，现在方便吗？';
    firstLine.en = 'Hello {称呼}, this is {客服} from {店铺} about the {商品} you bought. Is now a good time?';

    expect((await save(edited, app.users.agent)).body.code).toBe('role.lead_required');
    // The organisation's library is the admins': a lead edits the library of a shop they work.
    expect((await save(edited, app.users.lead, {})).body.code).toBe('role.admin_required');
    const saved = await save(edited);
    expect(saved.status).toBe(201);
    expect(saved.body.version).toBe(2);
    const versions = await app.get<Version[]>(versionsUrl());
    expect(versions.body.map((entry) => entry.template.version)).toEqual([1, 2]);
    expect(versions.body.map(({ savedByName, note }) => ({ savedByName, note }))).toEqual([
      { savedByName: null, note: null },
      { savedByName: app.users.lead.displayName, note: '开场白更简短' },
    ]);
    expect(Date.parse(versions.body[1]?.savedAt ?? '')).not.toBeNaN();
    const inUse = async (query: string) =>
      (await app.get<Template[]>(`/api/scripts${query}`)).body.find((t) => t.id === 'contacting.generic')?.version;
    expect(await inUse(`?shopId=${shopId()}`)).toBe(2);
    // The shop's edit is the shop's: the organisation's library and the other shops keep version 1.
    expect(await inUse('')).toBe(1);
    expect(await inUse(`?shopId=${app.shops.jd.id}`)).toBe(1);
  });

  it('refuses a line that ties a benefit to the review, a malformed template, and an unknown script', async () => {
    const generic = (await app.get<Version[]>(versionsUrl())).body[0]?.template as Template;
    const tied = structuredClone(generic);
    const line = tied.steps[0]?.lines[0];
    if (!line) throw new Error('the template has no line');
    line['zh-CN'] = '给个好评就返现5元';
    line.en = 'Leave a good review and get 5 yuan back';
    const refused = await save(tied);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toMatch(/review/i);

    expect((await save({ ...generic, steps: 'none' })).status).toBe(400);
    expect((await save({ ...generic, stage: 'watching' })).status).toBe(400);
    expect((await app.get('/api/scripts/no.such.script/versions')).status).toBe(404);
    const versions = await app.get<Version[]>(versionsUrl());
    expect(versions.body.map((entry) => entry.template.version)).toEqual([1, 2]);
  });

  it("selects the script a case follows, with the latest version saved for the case's shop", async () => {
    const select = (shop: string) =>
      app.get<{ template: Template | null }>(
        `/api/scripts/select?stage=contacting&rootCause=product_quality&buyerType=new_buyer&shopId=${shop}`,
      );
    expect((await select(shopId())).body.template).toMatchObject({ id: 'contacting.generic', version: 2 });
    expect((await select(app.shops.jd.id)).body.template).toMatchObject({ id: 'contacting.generic', version: 1 });
    expect((await app.get('/api/scripts/select?stage=nowhere')).status).toBe(400);
  });
});
