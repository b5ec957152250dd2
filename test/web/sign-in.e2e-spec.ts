import type { Page } from 'playwright-core';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

describe('signing in through the web app, in a real browser', () => {
  let web: WebTest;
  const password = 'correct horse battery';

  beforeAll(async () => {
    web = await WebTest.start();
    const ana = await web.app.createUser({ username: 'ana', displayName: '安娜', password });
    await aNewCase().withSeverity('high').openIn(web.app);
    await aNewCase().onPlatform('jd').openIn(web.app);
    // The queue opens on the signed-in agent's own cases.
    await web.app.dataSource.query(`UPDATE support_case SET assignee_id = $1`, [ana.id]);
  });
  afterAll(() => web?.stop());

  const fillCredentials = async (page: Page, username: string, secret: string) => {
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(secret);
  };

  it('sends a visitor to /login, signs them in with the form and shows the queue', async () => {
    const page = await web.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'login');

    await page.getByLabel('用户名', { exact: true }).click();
    await page.keyboard.type('ana');
    await page.getByLabel('密码', { exact: true }).click();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('banner').getByText('安娜', { exact: true }).waitFor();
    await page.getByText('保温杯用了三天就漏水', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'queue');
  });

  it('runs under the Content-Security-Policy the server sends', async () => {
    const context = await web.browser.newContext({ baseURL: web.baseUrl, locale: 'zh-CN' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await fillCredentials(page, 'ana', password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('shows the API’s message for a wrong password and stays on /login', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await fillCredentials(page, 'ana', 'wrong horse battery');
    await page.keyboard.press('Enter');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await saveScreenshot(page, 'login-wrong-password');
  });
});
