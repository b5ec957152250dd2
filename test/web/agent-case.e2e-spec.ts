import type { Page } from 'playwright-core';

import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

/** 10:00 in Shanghai on a Tuesday: outside quiet hours and the lunch rest, for the server and the browser alike. */
const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'agent password 1';

/**
 * The agent's day in a real browser, through the UI only: sign in, open the most urgent case,
 * follow the script from first contact to the record, and meet a refusal with its reason.
 */
describe('an agent works cases in the web app', () => {
  let web: WebTest;
  let worked: string;
  let unreachable: string;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash: await hashPassword(PASSWORD) });
    // Reviewed earliest: the most urgent case, first in the queue.
    worked = await aNewCase()
      .reviewedOn('2026-03-09T01:00:00Z')
      .withRootCause('product_quality', '保温杯用了三天就漏水，杯盖拧紧了还是往外渗')
      .openIn(web.app);
    unreachable = await aNewCase()
      .reviewedOn('2026-03-09T06:00:00Z')
      .withRootCause('logistics_delay', '快递太慢了，一个星期才到')
      .openIn(web.app);
  });
  afterAll(() => web?.stop());

  const signIn = (): Promise<Page> => web.signIn('agent', PASSWORD, MORNING);

  const stageTag = (page: Page) => page.getByTestId('case-stage');

  /**
   * Ticks the check-offs left to the agent (those an action proved are ticked and locked), then
   * takes the stage the script offers.
   */
  async function followScript(page: Page, nextStage: string) {
    const panel = page.getByTestId('script-panel');
    const boxes = panel.getByRole('checkbox');
    await boxes.first().waitFor();
    const count = await boxes.count();
    for (let index = 0; index < count; index++) {
      const box = boxes.nth(index);
      if (await box.isEnabled()) await box.check();
    }
    await panel.getByTestId('script-next').click();
    await page.getByTestId('case-stage').filter({ hasText: nextStage }).waitFor();
  }

  async function openTab(page: Page, name: string) {
    await page.locator('.ant-radio-group').getByText(name, { exact: true }).click();
  }

  async function chooseOption(page: Page, label: string, option: string) {
    // A short list is a row of choices: one click.
    const choices = page.getByRole('radiogroup', { name: label, exact: true });
    if (await choices.count()) {
      await choices.getByText(option, { exact: true }).click();
      return;
    }
    // antd draws the select over its (transparent) search input: open it from the keyboard.
    await page.getByRole('combobox', { name: label, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  it('opens the most urgent case and takes it from new to recorded, guided by the script', async () => {
    const page = await signIn();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'agent-queue');

    const firstRow = page.locator('.ant-table-row').first();
    await firstRow.getByRole('link').click();
    await page.waitForURL(`**/cases/${worked}`);
    await stageTag(page).filter({ hasText: '新建' }).waitFor();
    // The triage evidence is marked in the review text.
    await page.locator('mark.evidence').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'agent-case');

    await followScript(page, '联系中');

    await openTab(page, '联系');
    await chooseOption(page, '渠道', '旺旺/飞鸽');
    await chooseOption(page, '结果', '已联系上');
    await page.getByTestId('log-contact').click();
    await page.getByText('联系记录', { exact: false }).first().waitFor();
    await followScript(page, '已致歉');

    await openTab(page, '原因');
    await page.getByTestId('confirm-root-cause').click();
    await page.getByText('已确认', { exact: true }).waitFor();
    await followScript(page, '处理中');

    await openTab(page, '解决');
    await chooseOption(page, '进度', '已完成');
    await page.getByTestId('record-remedy').click();
    await page.locator('.ant-timeline').getByText('解决方案').waitFor();
    await followScript(page, '补偿中');

    await openTab(page, '补偿');
    await page.getByLabel('金额', { exact: true }).fill('10');
    await page.getByText('在限额内，无需审批').waitFor();
    await page.getByLabel('说明（写给买家的致歉理由）').fill('杯子漏水给您添麻烦了，送您一张优惠券表示歉意');
    await page.getByTestId('propose-compensation').click();
    await page.getByText('已批准', { exact: true }).waitFor();
    // Paid within three business days (the deadline card counts them down); the record cannot
    // close on an unpaid promise.
    await page.getByTestId('payout-due').getByText('剩余', { exact: false }).waitFor();
    await page.getByRole('button', { name: '标记已发放' }).click();
    await page.getByText('已发放', { exact: true }).waitFor();
    expect(await page.getByTestId('payout-due').count()).toBe(0);
    await followScript(page, '观察中');

    await openTab(page, '归档');
    await page.getByLabel('处理过程与沟通内容').fill('旺旺联系上买家并致歉，确认杯盖密封圈问题，已换新并送10元优惠券');
    await chooseOption(page, '处理结果', '未变化');
    await page.getByLabel('特别备注（买家性格、方便联系的时间）').fill('买家说话直接，晚上八点后方便');
    await page.getByTestId('record-close').click();
    await stageTag(page).filter({ hasText: '已归档' }).waitFor();

    const [row] = await web.app.dataSource.query(`SELECT stage, record FROM support_case WHERE id = $1`, [worked]);
    expect(row).toMatchObject({ stage: 'recorded', record: { outcome: 'unchanged', rootCause: 'product_quality' } });
    // Each stage the script offered records the script version the agent followed.
    const scripts: Array<{ script: string | null }> = await web.app.dataSource.query(
      `SELECT data->>'script' AS script FROM case_event WHERE case_id = $1 AND type = 'stage_changed' ORDER BY id`,
      [worked],
    );
    expect(scripts[0]?.script).toMatch(/^new\.[a-z_]+@\d+$/);
  });

  it('shows why a fourth call is refused', async () => {
    const page = await signIn();
    await page.goto(`/cases/${unreachable}`);
    await followScript(page, '联系中');
    await openTab(page, '联系');
    const guidance = page.getByTestId('contact-guidance');
    await guidance.getByText('电话已打 0/3 次 · 买家当地时间 10:00 · 建议致电时间 20:00', { exact: false }).waitFor();
    for (let call = 1; call <= 3; call++) {
      if (call > 1) {
        // Calls are kept two hours apart and out of the 12:00–13:30 rest: both clocks move on 3.5 h.
        web.app.clock.advanceMinutes(210);
        await page.clock.setFixedTime(web.app.clock.now());
        // The page re-checks the time-bound rules every few seconds: wait until the call is allowed.
        await page.getByTestId('log-no-answer').and(page.locator(':enabled')).waitFor();
      }
      if (call === 2) await page.keyboard.press('Alt+n');
      else await page.getByTestId('log-no-answer').click();
      await page
        .locator('.ant-timeline')
        .getByText('未接通')
        .nth(call - 1)
        .waitFor();
    }
    web.app.clock.advanceMinutes(125);
    await page.clock.setFixedTime(web.app.clock.now());
    await page.reload();
    await openTab(page, '联系');
    const noAnswer = page.getByTestId('log-no-answer');
    await noAnswer.waitFor();
    expect(await noAnswer.isDisabled()).toBe(true);
    await page.getByText('第4次电话超出上限(3次)', { exact: false }).first().waitFor();
    await guidance.getByText('电话已打 3/3 次', { exact: false }).waitFor();
    await saveScreenshot(page, 'agent-fourth-call-refused');
    const [row] = await web.app.dataSource.query(
      `SELECT count(*)::int AS calls FROM contact_attempt WHERE case_id = $1 AND channel = 'phone'`,
      [unreachable],
    );
    expect(row).toEqual({ calls: 3 });
  });

  it("shows the buyer's phone only with a reason kept on the case, corrects triage, and stops all contact when the buyer asks", async () => {
    const id = await aNewCase()
      .withBuyer({ phone: '13912348888' })
      .withRootCause('product_quality', '盖子拧不紧，一倒就洒')
      .openIn(web.app);
    await web.app.dataSource.query(`UPDATE support_case SET assignee_id = $2 WHERE id = $1`, [
      id,
      web.app.users.agent.id,
    ]);
    const page = await signIn();
    await page.goto(`/cases/${id}`);

    await page.getByRole('button', { name: '查看完整手机号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('查看买家个人信息需写明与本工单相关的原因', { exact: false }).waitFor();
    expect(await dialog.getByTestId('reveal').isDisabled()).toBe(true);
    await dialog.getByLabel('为什么需要查看（与本工单相关，会记入工单历史）').fill('买家要求电话回访，旺旺不在线');
    await dialog.getByTestId('reveal').click();
    await page.getByTestId('revealed-phone').filter({ hasText: '13912348888' }).waitFor();
    const [revealed] = await web.app.dataSource.query(
      `SELECT actor_id, data FROM case_event WHERE case_id = $1 AND type = 'personal_data_revealed'`,
      [id],
    );
    expect(revealed).toEqual({
      actor_id: web.app.users.agent.id,
      data: { field: 'phone', reason: '买家要求电话回访，旺旺不在线' },
    });

    // The agent corrects triage's severity once the buyer tells more, with the reason.
    await openTab(page, '分诊');
    await chooseOption(page, '严重程度', '紧急');
    await page.getByText('修改系统判断时请写明原因，便于改进分诊规则').first().waitFor();
    await page.getByLabel('为什么分诊判断错了（用于改进自动分诊）').fill('买家说洒出的热水烫到了孩子');
    await page.getByTestId('triage-override').click();
    await page.locator('.ant-timeline').getByText('修正分诊').waitFor();
    const [corrected] = await web.app.dataSource.query(`SELECT severity FROM support_case WHERE id = $1`, [id]);
    expect(corrected).toEqual({ severity: 'critical' });

    await page.getByRole('button', { name: '买家要求不再联系' }).click();
    await page.getByRole('dialog').getByLabel('买家是怎么说的（会记入工单历史）').fill('买家在旺旺里说不要再打电话了');
    await page.getByRole('dialog').getByTestId('do-not-contact').click();
    await page.getByText('买家要求勿扰').waitFor();
    await openTab(page, '联系');
    expect(await page.getByTestId('log-no-answer').isDisabled()).toBe(true);
    await page.getByText('买家已要求不再联系，所有外呼渠道已停止').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    const [buyer] = await web.app.dataSource.query(
      `SELECT b.do_not_contact FROM buyer b JOIN support_case c ON c.buyer_id = b.id WHERE c.id = $1`,
      [id],
    );
    expect(buyer).toEqual({ do_not_contact: true });
  });

  it('shows a tick at once and holds the stage move until the ticks are saved, on a slow network', async () => {
    const id = await aNewCase()
      .reviewedOn('2026-03-09T08:00:00Z')
      .withRootCause('product_quality', '杯盖的密封圈装歪了，倒水会漏')
      .openIn(web.app);
    const page = await signIn();
    // Every tick takes 1.5 s to leave the browser: a stage move sent at once would reach the API
    // first and be refused as not following the script.
    await page.route('**/script-ticks', async (route) => {
      if (route.request().method() === 'POST') await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(new URL(request.url()).pathname.split('/').pop() ?? '');
    });
    await page.goto(`/cases/${id}`);
    await stageTag(page).filter({ hasText: '新建' }).waitFor();

    await followScript(page, '联系中');
    expect(sent.filter((path) => path === 'script-ticks').length).toBeGreaterThan(0);
    expect(sent.indexOf('transitions')).toBeGreaterThan(sent.lastIndexOf('script-ticks'));
    expect(await page.locator('.ant-message-error').count()).toBe(0);
    const [row] = await web.app.dataSource.query(`SELECT stage FROM support_case WHERE id = $1`, [id]);
    expect(row).toEqual({ stage: 'contacting' });
  });
});
