import { hashPassword, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'lead password 2026';

/** A lead sets which orders get care, when and on which channels; the page refuses what the API would. */
describe('the care settings page', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(() => web?.stop());

  it('lets a lead choose orders, days and channels, with the domain check before saving', async () => {
    const shopId = web.app.shops.taobao.id;
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('link', { name: '售后回访' }).click();
    await page.getByRole('main').getByRole('link', { name: '回访设置' }).click();
    await page.getByRole('heading', { name: '回访设置' }).waitFor();
    const shop = page.getByRole('combobox', { name: '店铺' });
    await shop.focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').getByTitle('taobao 测试店', { exact: true }).click();
    await page.getByRole('checkbox', { name: '首次购买' }).waitFor();
    const save = page.getByRole('button', { name: '保存回访设置' });
    expect(await save.isDisabled()).toBe(true);

    // A fourth care day is one too many: the same sentence the API would answer, and no saving.
    const days = page.getByRole('combobox', { name: '签收后第几天回访（最多 3 次）' });
    await days.focus();
    await days.pressSequentially('3');
    await page.keyboard.press('Enter');
    await days.pressSequentially('14');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const warning = page.getByRole('alert').filter({ hasText: '最多3次' });
    await warning.waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page
      .locator('.ant-select-selection-item', { hasText: '签收后第14天' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await warning.waitFor({ state: 'detached' });

    // No channel at all is refused too; the phone is then chosen as the only one.
    for (const channel of ['旺旺/飞鸽', '短信', '平台消息'])
      await page.getByRole('checkbox', { name: channel }).uncheck();
    await page.getByRole('alert').filter({ hasText: '请至少选择一个回访渠道' }).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '电话' }).check();

    await page.getByRole('checkbox', { name: '首次购买' }).uncheck();
    await page.getByLabel('金额门槛（元）').fill('300');
    await page.getByLabel('金额门槛（元）').blur();
    expect(await save.isDisabled()).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'care-settings');
    await save.click();
    await page.getByText('已保存，新的设置对之后签收的订单生效').waitFor();

    const { body } = await web.app.get(`/api/care/settings?shopId=${shopId}`);
    expect(body).toEqual({
      enabled: true,
      firstTimeBuyers: false,
      highValueAboveFen: 30_000,
      skuNegativeRateAbove: 0.05,
      lateDeliveries: true,
      scheduleDays: [1, 3, 7],
      channels: ['phone'],
    });
    // Reloaded, the page shows what was saved.
    await page.reload();
    await page.getByRole('checkbox', { name: '首次购买' }).waitFor();
    expect(await page.getByRole('checkbox', { name: '电话' }).isChecked()).toBe(true);
    expect(await page.getByLabel('金额门槛（元）').inputValue()).toBe('300.00');
  });

  it("shows what care did, month by month, under the shop's settings", async () => {
    const shopId = web.app.shops.taobao.id;
    const order = (orderId: string) => ({
      orderId,
      buyerId: `buyer-${orderId}`,
      buyerNickname: `买家${orderId}`,
      productId: 'sku-kettle',
      productTitle: '电热水壶 1.5L',
      amountFen: 89_900,
      orderedAt: '2026-02-10T02:00:00Z',
      deliveredAt: '2026-02-14T02:00:00Z',
    });
    await web.app.post(`/api/care/orders?shopId=${shopId}`, { orders: [order('880001'), order('880002')] });
    await web.app.dataSource.query(
      `UPDATE trade_order SET care_reasons = '{high_value}', care_decided_at = delivered_at
        WHERE shop_id = $1 AND platform_order_id IN ('880001', '880002')`,
      [shopId],
    );
    await web.app.dataSource.query(
      `INSERT INTO care_task (shop_id, order_id, buyer_id, day, due_at, reasons, status, created_at)
       SELECT shop_id, id, buyer_id, 1, delivered_at, '{high_value}', 'fine', delivered_at
         FROM trade_order WHERE shop_id = $1 AND platform_order_id = '880001'`,
      [shopId],
    );
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.goto(`/settings/care?shopId=${shopId}`);
    const row = page.getByTestId('care-report').locator('.ant-table-row', { hasText: '2026-02' });
    await row.waitFor();
    // One order cared for, no review; its comparable order (same reason, care never reached) had none either.
    expect((await row.locator('td').allInnerTexts()).slice(0, 5)).toEqual(['2026-02', '1', '0', '0.0%', '0.0%（1）']);
    await expectNoSeriousA11yViolations(page);
  });
});
