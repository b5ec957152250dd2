import { hashPassword, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';
import { RobotReceiver } from '../support/robot-receiver';

// The receiver listens on plain http at 127.0.0.1; only this setting lets a robot point there.
process.env['ALERTS_ALLOW_LOCAL_HTTP'] = '1';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'chat robot alerts password 2026';
const SECRET = 'SEC-feishu-web-5e6f7a8b';

/** A lead sets up a Feishu group robot, with its secret write-only, and sends a test message, in a real browser. */
describe('chat robot alerts in the web app', () => {
  let web: WebTest;
  let receiver: RobotReceiver;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    receiver = await RobotReceiver.start({ dingtalk: 'unused', feishu: SECRET, wecomKey: 'unused' }, () =>
      web.app.clock.now(),
    );
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(async () => {
    await receiver?.stop();
    await web?.stop();
  });

  it('refuses a webhook off the platform, saves one, shows the secret as set and sends a test', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await page.getByRole('banner').getByRole('link', { name: '群提醒' }).click();
    await page.getByRole('heading', { name: '群机器人提醒' }).waitFor();
    await page.getByRole('button', { name: '添加机器人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('售后群');
    await dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '平台' }) }).click();
    await page.locator('.ant-select-item-option', { hasText: '飞书' }).click();
    await dialog.getByLabel('Webhook 地址').fill('https://169.254.169.254/latest/meta-data');
    await dialog.getByLabel('加签密钥').fill(SECRET);
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog
      .getByText('飞书机器人的 Webhook 地址应以 https://open.feishu.cn/open-apis/bot/v2/hook/', { exact: false })
      .waitFor();

    await dialog.getByLabel('Webhook 地址').fill(receiver.webhook('feishu'));
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    const row = page.locator('.ant-table-row', { hasText: '售后群' });
    await row.getByText('已设置').waitFor();
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.content()).not.toContain('feishu-hook-123');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-alert-robots');

    await row.getByRole('button', { name: '发送测试消息' }).click();
    await page.getByText('测试消息已发送').waitFor();
    expect(receiver.messages).toEqual([{ platform: 'feishu', text: expect.stringContaining('这是一条测试消息') }]);
  });
});
