import { apiKeyDigest } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'accounts password 2026';
/** antd puts a space between the two characters of a two-character Chinese button label. */
const TWO = (label: string) => new RegExp(`^${label[0]}\\s?${label[1]}$`);

/** An admin ends an agent's access and manages a shop's intake API keys in a real browser. */
describe('accounts and API keys in the web app', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.createUser({ username: 'root', password: PASSWORD, role: 'admin', displayName: '管理员' });
    await web.app.createUser({ username: 'leaver', password: PASSWORD, displayName: '离职客服' });
  });
  afterAll(() => web?.stop());

  it('disables an account and enables it again; the own row has no disable button', async () => {
    const page = await web.signIn('root', PASSWORD, MORNING);
    await page.goto('/settings/users');
    const row = page.locator('.ant-table-row', { hasText: '离职客服' });
    await row.getByText('正常').waitFor();
    expect(
      await page
        .locator('.ant-table-row', { hasText: '管理员' })
        .getByRole('button', { name: TWO('停用') })
        .count(),
    ).toBe(0);

    await row.getByRole('button', { name: TWO('停用') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: TWO('停用') })
      .click();
    await row.getByText('已停用').waitFor();
    const [user] = await web.app.dataSource.query(`SELECT disabled_at FROM app_user WHERE username = 'leaver'`);
    expect(user.disabled_at).not.toBeNull();

    await row.getByRole('button', { name: TWO('启用') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: TWO('启用') })
      .click();
    await row.getByText('正常').waitFor();
  });

  it('adds a shop, which the shop lists then offer', async () => {
    const page = await web.signIn('root', PASSWORD, MORNING);
    await page.goto('/settings/users');
    await page.getByRole('button', { name: '新建店铺' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '平台' }).click();
    await page.locator('.ant-select-item-option', { hasText: '京东' }).click();
    await dialog.getByLabel('店铺名称').fill('京东新开店');
    await dialog.getByLabel('平台店铺 ID').fill('jd-new-001');
    await dialog.getByRole('button', { name: '添加店铺' }).click();
    await page.getByText('已添加店铺：京东新开店').waitFor();
    await page.getByTestId('api-keys').getByRole('combobox', { name: '店铺' }).click();
    await page.locator('.ant-select-item-option', { hasText: '京东新开店' }).waitFor();
    const [shop] = await web.app.dataSource.query(`SELECT platform FROM shop WHERE platform_shop_id = 'jd-new-001'`);
    expect(shop).toEqual({ platform: 'jd' });
  });

  it('creates a shop key shown once, then revokes it', async () => {
    const page = await web.signIn('root', PASSWORD, MORNING);
    await page.goto('/settings/users');
    const section = page.getByTestId('api-keys');
    await section.getByRole('combobox', { name: '店铺' }).click();
    await page.locator('.ant-select-item-option', { hasText: web.app.shops.jd.name }).click();
    await section.getByRole('button', { name: '新建密钥' }).click();
    await page.getByLabel('用途').fill('ERP 同步');
    await page.getByRole('button', { name: '生成密钥' }).click();

    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.innerText()).trim();
    expect(key).toMatch(/^chp_/);
    const [stored] = await web.app.dataSource.query(`SELECT key_hash FROM api_key WHERE name = 'ERP 同步'`);
    expect(stored.key_hash).toBe(apiKeyDigest(key));
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'admin-api-key-shown-once');
    await page.getByRole('button', { name: '已保存，关闭' }).click();

    const keyRow = section.locator('.ant-table-row', { hasText: 'ERP 同步' });
    await keyRow.getByText('有效').waitFor();
    expect(await section.innerText()).not.toContain(key);
    await keyRow.getByRole('button', { name: TWO('停用') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: TWO('停用') })
      .click();
    await keyRow.getByText('已停用', { exact: false }).waitFor();
  });
});
