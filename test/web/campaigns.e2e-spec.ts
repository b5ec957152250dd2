import type { Page } from 'playwright-core';

import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const BEFORE = '2026-11-05T02:00:00Z';
/** 11-11 11:00 in China: the campaign (11-10 20:00 to 11-12 00:00) is running. */
const DURING = '2026-11-11T03:00:00Z';
const PASSWORD = 'campaign password 1';
const TRAPPED = '全网最低价！前100名下单送保温杯套，实付满300元可参加';
const FIXED = '前100名下单送保温杯套，实付满300元可参加';
/** The form's starting rates per hundred orders: 0.8 + 0.3 + 0.5 + 0.2 + 0.2 = 2 cases per hundred orders. */
const CASES_PER_ORDER = 0.02;

/**
 * Campaign readiness in the browser against the real API: a lead creates a campaign with a forecast
 * preview, a promotion's trap is flagged and dealt with, four people sign it off, a quiz is published
 * and passed, and the forecast and roster are read; the case view then pins the signed rules.
 */
describe('campaign readiness', () => {
  let web: WebTest;
  let shopId: string;
  let lead: Page;
  let agent: Page;

  beforeAll(async () => {
    web = await WebTest.start(BEFORE);
    const users = web.app.dataSource.getRepository(UserEntity);
    const passwordHash = await hashPassword(PASSWORD);
    await users.update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash });
    await users.update(web.app.users.lead.id, { displayName: '王慧', passwordHash });
    await web.app.createUser({ username: 'zhao', password: PASSWORD, role: 'lead', displayName: '赵婷' });
    shopId = web.app.shops.taobao.id;
  }, 120_000);
  afterAll(() => web?.stop());

  async function typeHour(page: Page, label: string, value: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await page.keyboard.press('Enter');
  }

  const promotionCard = (page: Page) => page.getByTestId('promotion-card').filter({ hasText: '前100名送杯套' });

  async function openCampaign(page: Page) {
    await page.goto(`/campaigns?shopId=${shopId}`);
    await page.getByRole('button', { name: '查看双11 保温杯专场' }).click();
    await page.getByRole('heading', { name: '双11 保温杯专场' }).waitFor();
  }

  it('lets a lead create a campaign from expected orders, with a live forecast preview', async () => {
    lead = await web.signIn('lead', PASSWORD, BEFORE);
    await lead.getByRole('link', { name: '活动准备' }).click();
    await lead.getByRole('heading', { name: '活动准备', level: 2 }).waitFor();
    await lead.goto(`/campaigns?shopId=${shopId}`);
    await lead.getByText('这个店铺还没有活动').waitFor();
    await lead.getByRole('button', { name: '新建活动' }).click();

    await lead.getByLabel('活动名称').fill('双11 保温杯专场');
    await typeHour(lead, '开始时间', '2026-11-10 20:00');
    await typeHour(lead, '结束时间', '2026-11-12 00:00');
    await typeHour(lead, '高峰开始', '2026-11-11 00:00');
    await typeHour(lead, '高峰结束', '2026-11-11 02:00');
    await lead.getByText('合计 0 单，共 28 小时').waitFor();

    await lead.getByLabel('订单总数').fill('10000');
    await lead.getByRole('button', { name: '按总数填入' }).click();
    await lead.getByText('合计 10000 单，共 28 小时').waitFor();
    // The preview is the domain's forecast over the form: every order's share of cases arrives in its tail.
    await lead
      .getByTestId('forecast-preview')
      .getByText(`预计差评工单 ${10000 * CASES_PER_ORDER} 个`)
      .waitFor();

    const midnight = lead.getByLabel('11-11 00:00 预计订单');
    const before = Number(await midnight.inputValue());
    await lead.getByLabel('粘贴“时间,订单数”，每行一条').fill('2026-11-11 00:00,3000\n2026-11-13 00:00,5\n昨天,10');
    await lead.getByRole('button', { name: '填入粘贴内容' }).click();
    await lead.getByText('已填入 1 行').waitFor();
    await lead.getByText('第 2、3 行无法识别或不在活动时间内').waitFor();
    expect(await midnight.inputValue()).toBe('3000');
    const totalOrders = 10000 - before + 3000;
    await lead.getByText(`合计 ${totalOrders} 单，共 28 小时`).waitFor();
    await lead
      .getByTestId('forecast-preview')
      .getByText(`预计差评工单 ${Math.round(totalOrders * CASES_PER_ORDER)} 个`)
      .waitFor();
    await expectNoSeriousA11yViolations(lead);
    await saveScreenshot(lead, 'campaign-create');

    await lead.getByRole('button', { name: '创建活动' }).click();
    await lead.getByRole('heading', { name: '双11 保温杯专场' }).waitFor();
    const listed = await web.app.get<{ items: Array<{ name: string; startsAt: string; peakEndsAt: string }> }>(
      `/api/campaigns?shopId=${shopId}`,
      web.app.users.lead,
    );
    expect(listed.body.items.map(({ name, startsAt, peakEndsAt }) => ({ name, startsAt, peakEndsAt }))).toEqual([
      { name: '双11 保温杯专场', startsAt: '2026-11-10T12:00:00.000Z', peakEndsAt: '2026-11-10T18:00:00.000Z' },
    ]);
  });

  it('flags a trap in a promotion, refuses to sign over it, and takes a fix and a written reason', async () => {
    await lead.getByLabel('规则名称').fill('前100名送杯套');
    await lead.getByLabel('活动文案（原文）').fill(TRAPPED);
    await lead.getByText('绝对化用语（最低价、第一）').waitFor();
    await lead.getByRole('button', { name: /^保\s*存$/ }).click();

    const card = promotionCard(lead);
    await card.waitFor();
    expect(await card.locator('mark[data-trap~="promotion.absolute_claim"]').innerText()).toBe('全网最低');
    expect(await card.locator('mark[data-trap~="promotion.first_n_unverifiable"]').innerText()).toBe('前100名');
    await card.getByTestId('promotion-traps').getByText('必须修改').waitFor();
    const setter = card.getByRole('button', { name: '签字：设置人确认' });
    expect(await setter.isDisabled()).toBe(true);
    await card
      .getByText(/绝对化用语/)
      .nth(1)
      .waitFor();
    await saveScreenshot(lead, 'campaign-trap-flagged');

    await card.getByRole('button', { name: '修改文案' }).click();
    await card.getByLabel('活动文案（原文）').fill(FIXED);
    await card.getByRole('button', { name: '保存新文案（已有签字全部作废）' }).click();
    await card.getByTestId('promotion-traps').getByText('必须修改').waitFor({ state: 'detached' });
    await card.getByTestId('promotion-traps').getByText('需书面说明').waitFor();
    expect(await setter.isDisabled()).toBe(true);
    await card.getByLabel('为什么可以接受：“前N名”未说明以何为准').fill('按订单导出的付款时间核对前100名');
    await setter.click();
    await card.getByText('已说明：按订单导出的付款时间核对前100名').waitFor();
    await card.getByRole('button', { name: '签字：设置后自查' }).click();
    const teammate = card.getByRole('button', { name: '签字：同事复核' });
    await teammate.waitFor();
    // The setter may not check their own rules as the teammate: the domain's rule disables the button.
    expect(await teammate.isDisabled()).toBe(true);
  });

  it('takes the teammate check from an agent and the experience check from another lead', async () => {
    agent = await web.signIn('agent', PASSWORD, BEFORE);
    await openCampaign(agent);
    const card = promotionCard(agent);
    expect(await card.getByRole('button', { name: '修改文案' }).count()).toBe(0);
    await card.getByRole('button', { name: '签字：同事复核' }).click();
    await card.getByText(/李晓雨 ·/).waitFor();
    const experience = card.getByRole('button', { name: '签字：体验组确认' });
    expect(await experience.isDisabled()).toBe(true);

    const other = await web.signIn('zhao', PASSWORD, BEFORE);
    await openCampaign(other);
    await promotionCard(other).getByRole('button', { name: '签字：体验组确认' }).click();
    await promotionCard(other).getByText('四步核对已全部完成').waitFor();
    await promotionCard(other)
      .getByText(/赵婷 ·/)
      .waitFor();
  });

  it('pins the signed-off rules of the running campaign in the case view', async () => {
    web.app.clock.set(DURING);
    const caseId = await aNewCase().withText('说好的杯套没送').openIn(web.app);
    const active = await web.app.get<{ items: Array<{ title: string }> }>(`/api/campaigns/active?shopId=${shopId}`);
    expect(active.body.items.map((item) => item.title)).toEqual(['前100名送杯套']);
    // Sessions end 12 hours after sign-in: a week later the agent signs in again.
    const page = await web.signIn('agent', PASSWORD, DURING);
    await page.goto(`/cases/${caseId}`);
    const pin = page.getByTestId('campaign-rules');
    await pin.getByText('活动规则').waitFor();
    await pin.getByText('前100名送杯套').waitFor();
    await pin.getByText(FIXED).waitFor();
  });
});
