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
  let caseId: string;

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
    caseId = await aNewCase().withText('说好的杯套没送').openIn(web.app);
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

  it('has the lead write and publish a quiz that an agent fails, retries after the wait and passes', async () => {
    // Sessions end 12 hours after sign-in: the lead signs in again on the campaign's day.
    lead = await web.signIn('lead', PASSWORD, DURING);
    await openCampaign(lead);
    const quiz = lead.getByTestId('quiz-section');
    await quiz.getByText('规则小测验', { exact: true }).waitFor();
    const publish = quiz.getByRole('button', { name: '发布测验' });
    // The publish button is held back by the domain's own rule, in its words.
    expect(await publish.isDisabled()).toBe(true);
    await quiz
      .getByTestId('quiz-publish-refusal')
      .getByText(/^第1题不完整/)
      .waitFor();
    await quiz
      .getByRole('row', { name: /李晓雨/ })
      .getByText('未作答')
      .waitFor();

    await quiz.getByLabel('第 1 题题目').fill('“实付满300元”按什么金额计算？');
    await quiz.getByLabel('第 1 题选项 A').fill('付款后的实付金额');
    await quiz.getByLabel('第 1 题选项 B').fill('商品标价');
    // A choice may run to 100 characters: its field spans most of the question's width, not a fixed 320 px.
    const field = await quiz.getByLabel('第 1 题选项 A').boundingBox();
    const card = await quiz.getByTestId('quiz-question').first().boundingBox();
    expect(field!.width).toBeGreaterThan(card!.width * 0.6);
    await quiz
      .getByRole('radiogroup', { name: '第 1 题的正确答案' })
      .getByRole('radio', { name: '正确答案 A' })
      .check();
    await quiz.getByRole('button', { name: '添加题目' }).click();
    await quiz.getByLabel('第 2 题题目').fill('前100名以什么为准？');
    await quiz.getByLabel('第 2 题选项 A').fill('下单时间');
    await quiz.getByLabel('第 2 题选项 B').fill('付款时间');
    await quiz.getByRole('button', { name: '添加选项' }).nth(1).click();
    await quiz.getByLabel('第 2 题选项 C').fill('收货时间');
    // Keyboard: from the marked-less group, focus the first radio and move the mark with the arrows.
    await quiz
      .getByRole('radiogroup', { name: '第 2 题的正确答案' })
      .getByRole('radio', { name: '正确答案 A' })
      .focus();
    await lead.keyboard.press('Space');
    await lead.keyboard.press('ArrowDown');
    expect(
      await quiz
        .getByRole('radiogroup', { name: '第 2 题的正确答案' })
        .getByRole('radio', { name: '正确答案 B' })
        .isChecked(),
    ).toBe(true);
    await quiz.getByTestId('quiz-publish-refusal').waitFor({ state: 'detached' });
    await quiz.getByRole('button', { name: '保存草稿' }).click();
    await quiz.getByText('草稿已保存').waitFor();
    await expectNoSeriousA11yViolations(lead);
    await saveScreenshot(lead, 'campaign-quiz-editor');
    await publish.click();
    await quiz.getByText(/^发布于 2026-11-11 11:00$/).waitFor();
    await quiz.getByText(/正确答案: B\. 付款时间/).waitFor();

    const page = await web.signIn('agent', PASSWORD, DURING);
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('campaign-rules').getByRole('link', { name: '双11 保温杯专场：规则小测验' }).click();
    const taking = page.getByTestId('quiz-section');
    const answer = (number: number, choice: RegExp) =>
      taking
        .getByRole('radiogroup', { name: `第 ${number} 题的答案` })
        .getByRole('radio', { name: choice })
        .check();
    await taking.getByText('前100名以什么为准？').waitFor();
    expect(await taking.getByText('正确答案').count()).toBe(0);
    const submit = taking.getByRole('button', { name: '提交答案' });
    expect(await submit.isDisabled()).toBe(true);
    await taking.getByText('请为全部2道题各选一个选项后再提交').waitFor();
    await answer(1, /^A\. 付款后的实付金额$/);
    await answer(2, /^A\. 下单时间$/);
    await submit.click();
    await taking.getByTestId('quiz-grade').getByText('未通过 · 答对 1 / 2 题').waitFor();
    await taking.getByTestId('quiz-grade').getByText('答错的题：2').waitFor();
    const wrongCards = taking.getByTestId('quiz-take-question').filter({ hasText: '答错' });
    expect(await wrongCards.count()).toBe(1);
    await wrongCards.getByText('前100名以什么为准？').waitFor();
    await taking.getByText('还可作答 9 次').waitFor();
    // Ten seconds between attempts: the button says so, and the API refuses the same way.
    await taking.getByText('请先看清题目：10秒后可再次作答').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    const campaignId = new URL(page.url()).searchParams.get('campaign');
    const tooSoon = await web.app.post(`/api/campaigns/${campaignId}/quiz/attempts`, { answers: [0, 1] });
    expect({ status: tooSoon.status, code: tooSoon.body['code'] }).toEqual({ status: 422, code: 'quiz.too_soon' });
    await saveScreenshot(page, 'campaign-quiz-failed');
    // A reload keeps the wait: the last attempt's time comes from the server, not the page's memory.
    await page.reload();
    await taking.getByText('请先看清题目：10秒后可再次作答').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await answer(1, /^A\. 付款后的实付金额$/);
    await answer(2, /^A\. 下单时间$/);

    const later = new Date(Date.parse(DURING) + 11_000);
    web.app.clock.set(later.toISOString());
    await page.clock.setFixedTime(later);
    await taking.getByTestId('quiz-attempt-refusal').waitFor({ state: 'detached' });
    await answer(2, /^B\. 付款时间$/);
    await submit.click();
    await taking.getByTestId('quiz-grade').getByText('通过 · 答对 2 / 2 题').waitFor();
    // Passed: nothing left to hand in.
    await submit.waitFor({ state: 'detached' });
    await saveScreenshot(page, 'campaign-quiz-passed');

    await lead.reload();
    await quiz
      .getByRole('row', { name: /李晓雨/ })
      .getByText('通过')
      .waitFor();
    const row = await quiz.getByRole('row', { name: /李晓雨/ }).innerText();
    expect(row.replace(/\s+/g, ' ')).toBe('李晓雨 2 答对 2 / 2 题 通过');
  });

  it("shows the lead the server's forecast, its basis and the three-shift roster", async () => {
    interface Forecast {
      basis: { rates: string; handling: string; orders: number; linkedCases: number };
      minutesPerCase: number;
      total: number;
      peakAgents: number;
      hours: Array<{ agents: number }>;
      roster: {
        shifts: Array<{ start: string; end: string; need: number; agents: Array<{ displayName: string }> }>;
        uncovered: Array<{ hour: string; short: number }>;
      };
    }
    const campaignId = new URL(lead.url()).searchParams.get('campaign');
    const { body: forecast } = await web.app.get<Forecast>(`/api/campaigns/${campaignId}/forecast`, web.app.users.lead);
    // The test shop has no order history: the campaign's own rates (2 cases per hundred orders) carry it.
    expect(forecast.basis.rates).toBe('campaign');
    expect(forecast.basis.handling).toBe('campaign');
    const { body: campaign } = await web.app.get<{ expectedOrders: Array<{ orders: number }> }>(
      `/api/campaigns/${campaignId}`,
      web.app.users.lead,
    );
    const orders = campaign.expectedOrders.reduce((sum, hour) => sum + hour.orders, 0);
    expect(forecast.total).toBeCloseTo(orders * CASES_PER_ORDER, 6);
    expect(forecast.peakAgents).toBe(Math.max(...forecast.hours.map((hour) => hour.agents)));
    expect(forecast.peakAgents).toBeGreaterThan(0);

    const section = lead.getByTestId('forecast-section');
    await section
      .getByTestId('forecast-summary')
      .getByText(`预计差评工单 ${Math.round(forecast.total)} 个；最忙时需要 ${forecast.peakAgents} 名客服`)
      .waitFor();
    // In English the second clause goes on in lower case after the semicolon.
    await lead.evaluate(() => localStorage.setItem('locale', 'en'));
    await lead.reload();
    const agents = forecast.peakAgents === 1 ? 'agent' : 'agents';
    await section
      .getByTestId('forecast-summary')
      .getByText(
        `${Math.round(forecast.total)} negative-review cases expected; at the busiest hour ${forecast.peakAgents} ${agents} needed`,
        { exact: true },
      )
      .waitFor();
    await lead.evaluate(() => localStorage.setItem('locale', 'zh-CN'));
    await lead.reload();
    await section.getByTestId('forecast-summary').getByText('预计差评工单', { exact: false }).waitFor();
    await section
      .getByTestId('forecast-basis')
      .getByText(
        `本店近90天有 ${forecast.basis.orders} 个订单、${forecast.basis.linkedCases} 个关联的差评工单，历史不足，使用本活动设置的差评率。`,
      )
      .waitFor();
    await section
      .getByTestId('forecast-basis')
      .getByText(`每个工单处理用时 ${forecast.minutesPerCase} 分钟（活动设置：近90天可测的已结案工单不足30个）。`, {
        exact: false,
      })
      .waitFor();
    await section.getByRole('img', { name: '每小时预计差评工单与所需客服人数' }).waitFor();

    // The busiest shift, as the API planned it: its hours in China time, its need and its agents.
    const china = (iso: string) =>
      new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
    const busiest = forecast.roster.shifts.reduce((best, shift) => (shift.need > best.need ? shift : best));
    expect(busiest.need).toBe(forecast.peakAgents);
    const row = section.getByTestId('roster').getByRole('row', { name: new RegExp(`^${china(busiest.start)} `) });
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(cells.slice(0, 3)).toEqual([
      `${china(busiest.start)} – ${china(busiest.end).slice(6)}`,
      String(busiest.need),
      busiest.agents.map((agent) => agent.displayName).join('、') || '无人可排',
    ]);
    const coverage = forecast.roster.uncovered.length;
    await section
      .getByTestId('roster-coverage')
      .getByText(coverage > 0 ? `${coverage} 个小时人手不足（下表红色行）` : '所有时段都有足够的人手')
      .waitFor();
    const shortHere = forecast.roster.uncovered.filter(
      (hour) => Date.parse(hour.hour) >= Date.parse(busiest.start) && Date.parse(hour.hour) < Date.parse(busiest.end),
    );
    expect(await row.getByText(/缺 \d+ 人/).allInnerTexts()).toEqual(
      shortHere.map((hour) => `${china(hour.hour).slice(6)} 缺 ${hour.short} 人`),
    );
    await expectNoSeriousA11yViolations(lead);
    await saveScreenshot(lead, 'campaign-forecast-roster');
  });
});
