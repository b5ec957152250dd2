import type { Page } from 'playwright-core';

import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { WebTest } from '../support/browser';
import { caseCommands } from '../support/case-commands';

/** 10:00 in Shanghai on a Tuesday. */
const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'agent password 1';

/**
 * The case view disables what the domain refuses and says why, with the same functions the API
 * enforces (issue 13): no compensation on a malicious case, one public reply per review.
 */
describe('the case view explains the workflow rules', () => {
  let web: WebTest;
  const { command, toCompensating, toReplying } = caseCommands<{ version: number }>(() => web.app);

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(() => web?.stop());

  async function openTab(page: Page, caseId: string, name: string) {
    await page.goto(`/cases/${caseId}`);
    await page.locator('.ant-radio-group').getByText(name, { exact: true }).click();
  }

  it('disables the compensation once the cause is confirmed malicious, with the way out', async () => {
    const id = await aNewCase().openIn(web.app);
    await toCompensating(id);
    await command(id, 'root-cause', { rootCause: 'malicious' });

    const page = await web.signIn('agent', PASSWORD, MORNING);
    await openTab(page, id, '补偿');
    const propose = page.getByTestId('propose-compensation');
    await propose.waitFor();
    expect(await propose.isDisabled()).toBe(true);
    await page.getByText('不能给予任何补偿', { exact: false }).first().waitFor();
    await page.getByText('请在「分诊」中更正问题原因', { exact: false }).first().waitFor();

    // The way out of a wrong flag: correct the cause under Triage, and the compensation is open again.
    await openTab(page, id, '分诊');
    await page.getByRole('radio', { name: '问题原因', exact: true }).check();
    // From the keyboard: malicious is the 10th cause of the list, product quality the 1st.
    // The pointer goes out of the way first: Chromium hovers whatever option scrolls under it, and antd makes
    // the hovered option the active one, so a resting pointer could undo the walk.
    await page.mouse.move(0, 0);
    await page.getByRole('combobox', { name: '问题原因', exact: true }).focus();
    await page.keyboard.press('Enter');
    // Keys pressed before the list has opened are lost on a busy machine: wait for it, then walk up.
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .waitFor();
    // One key at a time, each waited for: a key pressed before the last one's move shows could walk past the cause.
    const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
    const activeTitle = () => page.locator(`${open} .ant-select-item-option-active`).getAttribute('title');
    for (let step = 0; step < 20 && (await activeTitle()) !== '商品质量'; step++) {
      const before = await activeTitle();
      await page.keyboard.press('ArrowUp');
      await page.locator(`${open} .ant-select-item-option-active:not([title="${before}"])`).waitFor();
    }
    expect(await activeTitle()).toBe('商品质量');
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-selection-item[title="商品质量"]').waitFor();
    await page.getByLabel('为什么分诊判断错了（用于改进自动分诊）').fill('与买家核实，确是杯盖密封圈质量问题');
    await page.getByTestId('triage-override').click();
    await page.getByText('已保存').first().waitFor();
    await openTab(page, id, '补偿');
    await propose.waitFor();
    expect(await page.getByText('不能给予任何补偿', { exact: false }).count()).toBe(0);
  });

  it("disables a second public reply when the review already carries the seller's reply", async () => {
    const id = await aNewCase().openIn(web.app);
    await toReplying(id);
    // What the next import of the review brings: the seller already answered on the platform.
    await web.app.dataSource.query(
      `UPDATE review SET seller_reply = '亲，已为您补发配件' WHERE id = (SELECT review_id FROM support_case WHERE id = $1)`,
      [id],
    );

    const page = await web.signIn('agent', PASSWORD, MORNING);
    await openTab(page, id, '公开回复');
    const draft = page.getByTestId('draft-reply');
    await draft.waitFor();
    expect(await draft.isDisabled()).toBe(true);
    await page.getByText('平台只允许回复一次', { exact: false }).first().waitFor();
    await openTab(page, id, '阶段');
    const toWatching = page.getByTestId('move-watching');
    await toWatching.waitFor();
    expect(await toWatching.isEnabled()).toBe(true);
  });

  it('refuses, as the agent types, the wordings the API refuses: a benefit for a review, a full-width phone, abuse', async () => {
    const compensating = await aNewCase().openIn(web.app);
    await toCompensating(compensating);
    const replying = await aNewCase().openIn(web.app);
    await toReplying(replying);
    const page = await web.signIn('agent', PASSWORD, MORNING);

    await openTab(page, compensating, '补偿');
    const propose = page.getByTestId('propose-compensation');
    await page.getByLabel('金额', { exact: true }).fill('5');
    const note = page.getByLabel('说明（写给买家的致歉理由）', { exact: true });
    await note.fill('您删除差评后我们返您5元');
    await page.getByText('补偿说明把利益与评价挂钩', { exact: false }).first().waitFor();
    expect(await propose.isDisabled()).toBe(true);
    await note.fill('杯盖漏水给您添麻烦了，这是我们的歉意');
    await propose.and(page.locator(':enabled')).waitFor();

    await openTab(page, replying, '公开回复');
    const draft = page.getByTestId('draft-reply');
    const text = page.getByLabel('回复内容', { exact: true });
    for (const [typed, said] of [
      ['亲，删除差评后返您5元', '《网络交易监督管理办法》第十四条'],
      ['您的电话１３８１２３４５６７８已登记', '手机号'],
      ['邮件已发到 buyer.li@example.com', '电子邮箱'],
      ['垃圾买家，滚', '不当用语'],
    ] as const) {
      await text.fill(typed);
      await page.getByTestId('reply-problem').getByText(said, { exact: false }).waitFor();
      expect(await draft.isDisabled()).toBe(true);
    }
    await text.fill('非常抱歉给您带来不便，我们已排查杯盖密封圈。');
    await draft.and(page.locator(':enabled')).waitFor();
    expect(await page.getByTestId('reply-problem').count()).toBe(0);
  });

  it("counts a Douyin reply against 抖店's 100 characters and refuses a longer one before sending", async () => {
    const id = await aNewCase().onPlatform('douyin').openIn(web.app);
    await toReplying(id);
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await openTab(page, id, '公开回复');
    const draft = page.getByTestId('draft-reply');
    const text = page.getByLabel('回复内容', { exact: true });
    await text.fill('好'.repeat(101));
    // Not cut: the whole text stays, the count shows the platform's limit and the domain's refusal.
    expect(await text.inputValue()).toHaveLength(101);
    await page.getByText('101 / 100').waitFor();
    await page.getByTestId('reply-problem').getByText('回复需为1–100个字').waitFor();
    expect(await draft.isDisabled()).toBe(true);
    await text.fill('好'.repeat(100));
    await draft.and(page.locator(':enabled')).waitFor();
    expect(await page.getByTestId('reply-problem').count()).toBe(0);
  });
});
