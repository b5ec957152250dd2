import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';
import { followScript } from '../support/case-commands';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'lead password 2026';

/** The team lead in a real browser: approves an agent's over-limit compensation, then scores a closed record. */
describe('a team lead approves and reviews in the web app', () => {
  let web: WebTest;
  let pendingCase: string;
  let closedCase: string;

  async function run(caseId: string, path: string, body: Record<string, unknown> = {}) {
    if (path === 'transitions') await followScript(web.app, caseId);
    const current = (await web.app.get<{ version: number }>(`/api/cases/${caseId}`)).body;
    const response = await web.app.post(`/api/cases/${caseId}/${path}`, { expectedVersion: current.version, ...body });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** What the agent did before the lead looks: contact, apology, cause, remedy. */
  async function workedCase(text: string): Promise<string> {
    const id = await aNewCase().withRootCause('product_quality', text).openIn(web.app);
    await run(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await run(id, 'transitions', { to: 'apologised' });
    await run(id, 'root-cause', { rootCause: 'product_quality' });
    await run(id, 'transitions', { to: 'resolving' });
    await run(id, 'remedy', { type: 'exchange', status: 'done' });
    return id;
  }

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { displayName: '王慧', passwordHash: await hashPassword(PASSWORD) });
    pendingCase = await workedCase('保温杯漏水把包里的文件都弄湿了');
    await run(pendingCase, 'transitions', { to: 'compensating' });
    await run(pendingCase, 'compensations', { type: 'cash', amountFen: 8800, note: '文件被弄湿，补偿打印和清洗费用' });

    closedCase = await workedCase('杯盖拧不紧，倒着放就漏');
    await run(closedCase, 'transitions', { to: 'compensating' });
    // The compensating script is done once a compensation is recorded and within the limit.
    await run(closedCase, 'compensations', {
      type: 'coupon',
      amountFen: 500,
      note: '杯盖问题给您添麻烦了，送您一张优惠券',
    });
    const offered = await web.app.get<{ compensations: Array<{ id: string }> }>(`/api/cases/${closedCase}`);
    await run(closedCase, `compensations/${offered.body.compensations[0]?.id}/mark-paid`);
    await run(closedCase, 'transitions', { to: 'watching' });
    await run(closedCase, 'record', {
      actionsTaken: '旺旺致歉，确认杯盖问题，换新处理',
      outcome: 'unchanged',
      specialNotes: '买家脾气急，先道歉再解释',
    });
  });
  afterAll(() => web?.stop());

  it('approves the compensation from the approval queue and scores the closed record', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);

    await page.getByRole('banner').getByRole('link', { name: '补偿审批' }).click();
    await page.getByRole('heading', { name: '补偿审批' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: '文件被弄湿' });
    await row.getByText('超出限额').waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-approvals');
    // Ant Design spaces out two-character Chinese button labels ("批 准").
    await row.getByRole('button', { name: /批\s*准/ }).click();
    await page.getByText('没有待审批的补偿').waitFor();
    const [compensation] = await web.app.dataSource.query(
      `SELECT status, decided_by FROM compensation WHERE case_id = $1`,
      [pendingCase],
    );
    expect(compensation).toEqual({ status: 'approved', decided_by: web.app.users.lead.id });

    await page.goto(`/cases/${closedCase}`);
    const review = page.getByTestId('qa-review');
    await review.waitFor();
    await review.getByText('已真诚致歉').click();
    await review.getByText('已与买家确认问题原因').click();
    await review.getByText('遵守联系、补偿与回复规则').click();
    await review.getByLabel('点评（可选）').fill('过程清楚，处理结果还应写明买家是否满意');
    await review.getByText('得分：75').waitFor();
    await review.getByTestId('qa-submit').click();
    await review.getByText('当前评分 75', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-record-review');
    const [scored] = await web.app.dataSource.query(`SELECT qa_score FROM support_case WHERE id = $1`, [closedCase]);
    expect(scored).toEqual({ qa_score: 75 });

    await page.getByRole('banner').getByRole('link', { name: '时效看板' }).click();
    await page.getByRole('heading', { name: '时效看板' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-sla-board');

    // Bulk reassignment from the queue: the open case goes back to the shop pool.
    await page.getByRole('banner').getByRole('link', { name: '工单队列' }).click();
    await page.getByRole('tab', { name: '全部工单' }).click();
    const openRow = page.locator('.ant-table-row', { hasText: '保温杯漏水把包里的文件都弄湿了' });
    await openRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: '改派选中的 1 个工单' }).click();
    await page.getByLabel('改派原因（必填）').fill('客服请假，先放回公共池');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /改\s*派/ })
      .click();
    await page.getByText('已改派 1 个，0 个未能改派').waitFor();
    const [moved] = await web.app.dataSource.query(`SELECT assignee_id FROM support_case WHERE id = $1`, [pendingCase]);
    expect(moved).toEqual({ assignee_id: null });
  });

  it('records the result of an appeal so a malicious case can close, and reopens a closed case with a reason', async () => {
    const malicious = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(web.app);
    await run(malicious, 'transitions', { to: 'appealing', maliciousKind: 'extortion', reason: '以差评要挟索要200元' });
    await run(malicious, 'appeal', { evidenceRefs: ['评价截图-0310', '旺旺聊天记录-0310'] });
    const page = await web.signIn('lead', PASSWORD, MORNING);

    await page.goto(`/cases/${malicious}`);
    await page.locator('.ant-radio-group').getByText('申诉', { exact: true }).click();
    const appeal = page.getByRole('region', { name: '申诉' });
    await appeal.getByText('申诉已提交（2 条证据）', { exact: false }).waitFor();
    await appeal.getByText('先选择申诉结果').waitFor();
    await appeal.getByText('申诉成功', { exact: true }).click();
    await appeal.getByLabel('结果说明（平台答复）').fill('平台已删除该评价');
    await appeal.getByTestId('appeal-result').click();
    await appeal.getByText('申诉结果：申诉成功', { exact: false }).waitFor();
    const [decided] = await web.app.dataSource.query(
      `SELECT a.result, c.report_outcome FROM appeal a JOIN support_case c ON c.id = a.case_id WHERE c.id = $1`,
      [malicious],
    );
    expect(decided).toEqual({ result: 'won', report_outcome: 'appeal_won' });

    await page.goto(`/cases/${closedCase}`);
    const reopenButton = page.getByTestId('reopen');
    await page.getByText('重新打开工单时请写明原因').waitFor();
    await expect(reopenButton.isDisabled()).resolves.toBe(true);
    await page.getByLabel('重新打开的原因（会记入工单历史）').fill('买家追评说杯盖又漏了，需要再跟进');
    await reopenButton.click();
    await page.locator('.ant-radio-group').getByText('联系', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const [reopened] = await web.app.dataSource.query(
      `SELECT c.stage, e.data->>'reason' AS reason FROM support_case c
         JOIN case_event e ON e.case_id = c.id AND e.type = 'case_reopened' WHERE c.id = $1`,
      [closedCase],
    );
    expect(reopened).toEqual({ stage: 'watching', reason: '买家追评说杯盖又漏了，需要再跟进' });
  });
});
