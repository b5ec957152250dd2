import { hashPassword, TaskScheduler, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const DAY_ONE = '2026-03-02T02:30:00Z';
const PASSWORD = 'agent password 1';

/** An agent works a care follow-up in the browser: the script, the check before sending, a problem → a case. */
describe('the care queue', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start('2026-03-01T12:00:00Z');
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash: await hashPassword(PASSWORD) });
    const shopId = web.app.shops.taobao.id;
    const imported = await web.app.post(`/api/care/orders?shopId=${shopId}`, {
      orders: [
        {
          orderId: '810001',
          buyerId: 'care-buyer-1',
          buyerNickname: '小林',
          productId: 'kettle',
          productTitle: '电热水壶',
          amountFen: 12_900,
          deliveredAt: '2026-03-01T02:00:00Z',
        },
      ],
    });
    expect(imported.status).toBe(200);
    web.app.clock.set(DAY_ONE);
    await web.app.app.get(TaskScheduler).tick();
  });
  afterAll(() => web?.stop());

  it('shows the script, refuses a message about reviews, and opens a case for a problem found', async () => {
    const page = await web.signIn('agent', PASSWORD, DAY_ONE);
    await page.getByRole('link', { name: '售后回访' }).click();
    await page.getByRole('heading', { name: '售后回访' }).waitFor();
    await page.getByText('首次购买').waitFor();
    await page.getByRole('button', { name: '小林' }).click();
    await page.getByRole('heading', { name: /回访话术/ }).waitFor();
    const message = page.getByLabel('发送给买家的内容');
    expect(await message.inputValue()).toContain('电热水壶');
    await page.getByText('合规检查通过').waitFor();

    await message.fill('亲，水壶收到了吗？满意的话记得晒个图哦');
    await page.getByText('合规检查未通过，不能发送').waitFor();
    await page
      .getByText(/晒个图/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '一切正常' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'care-check-refused');

    await message.fill('亲，水壶收到了吗？包装和壶身都完好吗？');
    await page.getByText('合规检查通过').waitFor();
    await page.getByLabel('买家反映的问题').fill('买家说水壶底座漏水，烧水时桌上有水');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '发现问题（立即开工单）' }).click();
    await page.getByText('已为该问题开立工单').waitFor();
    await page.getByRole('link', { name: '查看工单' }).click();
    await page.getByText('买家说水壶底座漏水').first().waitFor();

    const [opened] = await web.app.dataSource.query(
      `SELECT c.source, c.stage FROM support_case c JOIN care_task t ON t.case_id = c.id`,
    );
    expect(opened).toEqual({ source: 'care', stage: 'new' });
  });
});
