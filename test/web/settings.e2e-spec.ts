import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { closeSelectLists, expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'settings password 2026';
const IM_LINE = '平台IM首条消息（旺旺/飞鸽） 话术 1';

/** Team lead and admin settings in a real browser: a call-script version, a policy change, an account. */
describe('settings pages in the web app', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    const users = web.app.dataSource.getRepository(UserEntity);
    await users.update(web.app.users.lead.id, { displayName: '王慧', passwordHash: await hashPassword(PASSWORD) });
    await web.app.createUser({ username: 'root', password: PASSWORD, role: 'admin', displayName: '管理员' });
    await aNewCase().openIn(web.app);
  });
  afterAll(() => web?.stop());

  it('edits a call script with a live preview, refuses a benefit tied to the review, saves a new version', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    // The settings pages sit behind one button in the header, reached by keyboard alone.
    const settings = page.getByRole('banner').getByRole('button', { name: '设置' });
    await settings.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('banner').getByRole('link', { name: '话术' }).waitFor();
    expect(await settings.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('话术');
    await page.keyboard.press('Enter');
    await page.getByRole('banner').getByRole('link', { name: '话术' }).waitFor({ state: 'hidden' });
    // A lead edits the library of a shop they work; the organisation's is the admins'.
    await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '话术库' }) }).click();
    await page.locator('.ant-select-item-option', { hasText: web.app.shops.taobao.name }).click();
    const picker = page.getByRole('combobox', { name: '选择话术模板（可输入搜索）' });
    await picker.click();
    await picker.fill('先IM');
    await page.keyboard.press('Enter');

    // The preview fills the placeholders from the sample case (the shop and product of the factory case).
    const preview = page.getByTestId('script-preview');
    await preview.getByText('购买的真空保温杯 500ml不太满意', { exact: false }).first().waitFor();
    // The shop's library loads after the shop is chosen and may open the list again: close it.
    await closeSelectLists(page);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-script-editor');

    const line = page.getByLabel(`${IM_LINE} 中文`);
    await line.fill('亲，给个好评就返现5元，麻烦把差评改一下。');
    await page.getByTestId('script-problems').getByText('把利益与评价挂钩', { exact: false }).first().waitFor();
    const save = page.getByRole('button', { name: '保存为 v2' });
    expect(await save.isDisabled()).toBe(true);

    await line.fill('亲，您好，我是{店铺}的售后{客服}，您买的{商品}让您失望了，非常抱歉。');
    // The English line still names the order date: both languages must use the same placeholders.
    await page.getByTestId('script-problems').getByText('中文和英文用到的变量不一致', { exact: false }).waitFor();
    await page
      .getByLabel(`${IM_LINE} English`)
      .fill("Hello, this is {客服} at {店铺}. The {商品} let you down, and I'm very sorry.");
    await page.getByTestId('script-problems').waitFor({ state: 'detached' });
    await preview.getByText('的售后王慧，您买的真空保温杯 500ml让您失望了', { exact: false }).first().waitFor();
    await page.getByLabel('修改说明').fill('首条消息先致歉，更简短');
    await save.click();
    await page.getByText('已保存为 v2', { exact: false }).waitFor();
    const [saved] = await web.app.dataSource.query(
      `SELECT version, note, shop_id, template->'steps'->0->'lines'->0->>'zh-CN' AS line FROM script_template WHERE id = 'contacting.generic'`,
    );
    expect(saved).toEqual({
      version: 2,
      shop_id: web.app.shops.taobao.id,
      note: '首条消息先致歉，更简短',
      line: '亲，您好，我是{店铺}的售后{客服}，您买的{商品}让您失望了，非常抱歉。',
    });
    await page.locator('.ant-table-row', { hasText: '王慧' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '系统预置' }).waitFor();
  });

  it("changes a shop's policy values with the legal lines enforced as you type, marked and resettable, kept in the history", async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await page.getByRole('banner').getByRole('link', { name: '政策' }).click();
    await page.getByRole('heading', { name: '处理政策' }).waitFor();
    // A lead sets the values of a shop they work, over the organisation's default.
    await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '适用范围' }) }).click();
    expect(await page.locator('.ant-select-item-option', { hasText: '组织默认' }).count()).toBe(0);
    await page.locator('.ant-select-item-option', { hasText: web.app.shops.jd.name }).click();
    await page.getByTestId('policy-level').getByText('本店单独设置了 0 项', { exact: false }).waitFor();
    // Taobao forbids asking for a revision: the switch is locked, by the same rule the API applies.
    expect(await page.getByLabel('淘宝 可请求改评').isDisabled()).toBe(true);

    const calls = page.getByLabel('每单最多电话次数', { exact: true });
    await calls.fill('5');
    await page.getByTestId('policy-problems').getByText('反复致电买家属于骚扰', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /生\s*效/ }).isDisabled()).toBe(true);
    await calls.fill('2');
    // Quiet hours are a legal line too: a lead may widen them, never switch them off (issue 13).
    const quietFrom = page.getByLabel('免打扰开始', { exact: true });
    const quietTo = page.getByLabel('免打扰结束', { exact: true });
    const [from, to] = [await quietFrom.inputValue(), await quietTo.inputValue()];
    await quietFrom.fill('00:00');
    await quietTo.fill('00:00');
    await page.getByTestId('policy-problems').getByText('免打扰时段只能延长，不能缩短', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /生\s*效/ }).isDisabled()).toBe(true);
    await quietFrom.fill(from);
    await quietTo.fill(to);
    await page.getByLabel('现金红包 高', { exact: true }).fill('25');
    await page.getByLabel('公开回复最多字数', { exact: true }).fill('400');
    await page.getByTestId('policy-level').getByText('本店单独设置了 3 项', { exact: false }).waitFor();
    await page.getByRole('button', { name: '恢复继承 公开回复最多字数' }).click();
    await page.getByTestId('policy-level').getByText('本店单独设置了 2 项', { exact: false }).waitFor();
    expect(await page.getByLabel('公开回复最多字数', { exact: true }).inputValue()).toBe('500');
    // Retention is the organisation's (admins): read-only on a shop's page.
    expect(await page.getByLabel('结案后保留买家信息（天）', { exact: true }).isDisabled()).toBe(true);
    await page.getByTestId('policy-changes').getByText('每单最多电话次数: 3 → 2').waitFor();
    await page
      .getByTestId('policy-changes')
      .getByText('补偿限额（客服无需审批） · 现金红包 · 高: ¥20.00 → ¥25.00')
      .waitFor();
    await page.getByLabel('修改原因').fill('双11前收紧电话次数');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-policy');
    await page.getByRole('button', { name: /生\s*效/ }).click();
    await page.getByText('新政策已生效').waitFor();
    await page.locator('.ant-table-row', { hasText: '双11前收紧电话次数' }).waitFor();

    const [change] = await web.app.dataSource.query(
      `SELECT shop_id, policy, note FROM policy_change ORDER BY id DESC LIMIT 1`,
    );
    // Only the shop's own values are saved; everything else stays inherited.
    expect(change).toEqual({
      shop_id: web.app.shops.jd.id,
      policy: { contact: { maxPhoneCallsPerCase: 2 }, compensation: { limitsFen: { cash: { high: 2500 } } } },
      note: '双11前收紧电话次数',
    });
  });

  it('lets an admin create an account with its shops; a lead sees the accounts but cannot create one', async () => {
    const lead = await web.signIn('lead', PASSWORD, MORNING);
    await lead.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await lead.getByRole('banner').getByRole('link', { name: '账号' }).click();
    await lead.locator('.ant-table-row', { hasText: '王慧' }).waitFor();
    expect(await lead.getByRole('button', { name: '新建账号' }).count()).toBe(0);

    const admin = await web.signIn('root', PASSWORD, MORNING);
    await admin.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await admin.getByRole('banner').getByRole('link', { name: '账号' }).click();
    await admin.getByRole('button', { name: '新建账号' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('agent3');
    await dialog.getByLabel('姓名').fill('赵晓');
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('至少 10 位', { exact: false }).first().waitFor();
    await dialog.getByLabel('初始密码').fill('a first password 2026');
    const shops = dialog.getByLabel('负责店铺');
    await shops.click();
    await shops.fill(web.app.shops.jd.name);
    await admin.keyboard.press('Enter');
    await admin.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await admin.getByText('已创建账号：赵晓').waitFor();
    await admin.locator('.ant-table-row', { hasText: 'agent3' }).waitFor();
    await expectNoSeriousA11yViolations(admin);
    await saveScreenshot(admin, 'admin-accounts');

    const [created] = await web.app.dataSource.query(
      `SELECT u.role, array_agg(s.shop_id) AS shops FROM app_user u JOIN user_shop s ON s.user_id = u.id
        WHERE u.username = 'agent3' GROUP BY u.role`,
    );
    expect(created).toEqual({ role: 'agent', shops: [web.app.shops.jd.id] });
  });

  it("fits a lead's header on one line at 1280 px, in Chinese and in English", async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    const banner = page.getByRole('banner');
    const oneLine = async () => {
      const boxes = await banner
        .locator(':scope > *')
        .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).filter((box) => box.width > 0));
      const header = await banner.evaluate((node) => node.getBoundingClientRect());
      return {
        height: header.height,
        inside: boxes.every((box) => box.top >= header.top && box.bottom <= header.bottom && box.right <= header.right),
      };
    };
    expect(await oneLine()).toEqual({ height: 64, inside: true });
    await banner.getByRole('button', { name: 'English' }).click();
    await banner.getByRole('button', { name: 'Settings' }).waitFor();
    expect(await oneLine()).toEqual({ height: 64, inside: true });
    // Escape closes the group and gives the focus back to its button.
    await banner.getByRole('button', { name: 'Settings' }).click();
    await banner.getByRole('link', { name: 'Policy' }).waitFor();
    await saveScreenshot(page, 'header-1280-en');
    await page.keyboard.press('Escape');
    await banner.getByRole('link', { name: 'Policy' }).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Settings ▾');
  });
});
