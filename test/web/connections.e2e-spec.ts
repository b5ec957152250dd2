import { hashPassword, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';
import {
  rates,
  SIM_APP,
  SIM_SESSION,
  simulatorConnections,
  startTopSimulator,
  type TopSimulator,
} from '../support/marketplace-simulator';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'shop connections password 2026';

/**
 * A lead connects the Taobao shop to the TOP simulator in a real browser, pulls now, sees an
 * expired authorisation in words, and revokes: the secret and session key never come back.
 */
describe('shop connections in the web app', () => {
  let web: WebTest;
  let simulator: TopSimulator;

  beforeAll(async () => {
    let now = () => new Date(MORNING);
    const started = startTopSimulator(() => now());
    simulator = started.simulator;
    web = await WebTest.start(MORNING, { connections: simulatorConnections(await started.url) });
    now = () => web.app.clock.now();
    simulator.addRates(...rates(7, new Date(MORNING), 3));
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(async () => {
    await web?.stop();
    await simulator?.stop();
  });

  it('connects a shop write-only, pulls now, shows an expired authorisation in words, and revokes', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await page.getByRole('banner').getByRole('link', { name: '平台连接' }).click();
    await page.getByRole('heading', { name: '店铺平台连接' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: web.app.shops.taobao.name });
    await row.getByTestId('connection-status').getByText('未连接').waitFor();
    await page
      .locator('.ant-table-row', { hasText: web.app.shops.pinduoduo.name })
      .getByText('该平台暂不支持接口连接', { exact: false })
      .waitFor();

    await row.getByRole('button', { name: /^连\s?接$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('App Key').fill(SIM_APP.appKey);
    await dialog.getByLabel('App Secret').fill(SIM_APP.appSecret);
    await dialog.getByLabel('店铺授权 SessionKey').fill(SIM_SESSION);
    await dialog.getByRole('button', { name: '保存连接' }).click();
    await row.getByTestId('connection-status').getByText('正常').waitFor();
    await row.getByText('从未').waitFor();
    expect(await page.content()).not.toContain(SIM_APP.appSecret);
    expect(await page.content()).not.toContain(SIM_SESSION);

    await row.getByRole('button', { name: '立即拉取' }).click();
    await page.getByText('拉取完成').waitFor();
    await row.getByTestId('reviews-pulled').getByText('7', { exact: true }).waitFor();
    expect(await row.getByText('从未').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-shop-connections');

    simulator.expireSession(SIM_SESSION);
    web.app.clock.advanceMinutes(10); // something new to pull
    await row.getByRole('button', { name: '立即拉取' }).click();
    await page.getByText('拉取失败').waitFor();
    await row.getByTestId('connection-status').getByText('授权已过期').waitFor();
    await row.getByTestId('connection-error').getByText('SessionKey', { exact: false }).waitFor();
    expect(await row.getByTestId('connection-error').textContent()).toContain('授权');

    await row.getByRole('button', { name: '撤销连接' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销连接' }).click();
    await row.getByTestId('connection-status').getByText('已撤销').waitFor();
    expect(await row.getByRole('button', { name: '立即拉取' }).count()).toBe(0);
    expect(await page.content()).not.toContain(SIM_APP.appSecret);
  });
});
