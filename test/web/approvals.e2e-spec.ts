import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';
import { followScript } from '../support/case-commands';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'lead password 2026';

/** The lead decides with the limit, the case and the buyer's history in view; never approves on a malicious case. */
describe('the approval queue in the web app', () => {
  let web: WebTest;
  let repeatBuyerCase: string;
  let maliciousCase: string;

  async function run(caseId: string, path: string, body: Record<string, unknown> = {}) {
    // A stage move waits for the stage's script, as in the case view.
    if (path === 'transitions') await followScript(web.app, caseId);
    const current = (await web.app.get<{ version: number }>(`/api/cases/${caseId}`)).body;
    const response = await web.app.post<{ compensations: Array<{ id: string }> }>(`/api/cases/${caseId}/${path}`, {
      expectedVersion: current.version,
      ...body,
    });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function toCompensating(id: string) {
    await run(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await run(id, 'transitions', { to: 'apologised' });
    await run(id, 'root-cause', { rootCause: 'product_quality' });
    await run(id, 'transitions', { to: 'resolving' });
    await run(id, 'remedy', { type: 'exchange', status: 'done' });
    await run(id, 'transitions', { to: 'compensating' });
  }

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { passwordHash: await hashPassword(PASSWORD) });
    const buyer = { platformBuyerId: 'approvals-web-buyer', nickname: 'm**n' };
    const earlier = await aNewCase().withBuyer(buyer).withText('杯盖有划痕，看着很旧').openIn(web.app);
    await toCompensating(earlier);
    const coupon = await run(earlier, 'compensations', { type: 'coupon', amountFen: 1000, note: '划痕，送券致歉' });
    await run(earlier, `compensations/${coupon.compensations[0]?.id}/mark-paid`);

    repeatBuyerCase = await aNewCase()
      .withBuyer(buyer)
      .withSeverity('high')
      .withText('保温杯漏水弄湿了电脑')
      .openIn(web.app);
    await toCompensating(repeatBuyerCase);
    await run(repeatBuyerCase, 'compensations', { type: 'cash', amountFen: 8800, note: '电脑进水，补偿检修费' });

    maliciousCase = await aNewCase().withText('不给我退两百块我就天天来差评').openIn(web.app);
    await toCompensating(maliciousCase);
    await run(maliciousCase, 'compensations', { type: 'cash', amountFen: 5000, note: '买家要求补偿' });
    await run(maliciousCase, 'root-cause', { rootCause: 'malicious' });
  });
  afterAll(() => web?.stop());

  it('shows the limit, severity, cause and history, and disables approve on a malicious case with the reason', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.goto('/approvals');
    await page.getByRole('heading', { name: '补偿审批' }).waitFor();

    const repeat = page.locator('.ant-table-row', { hasText: '电脑进水' });
    await repeat.getByText('现金红包 ¥88.00').waitFor();
    await repeat.getByText('限额 ¥20.00').waitFor();
    await repeat.getByText('严重度：高').waitFor();
    await repeat.getByText('商品质量').waitFor();
    await repeat.getByText(/优惠券 ¥10\.00 · 已发放/).waitFor();
    expect(await repeat.getByRole('button', { name: /批\s*准/ }).isEnabled()).toBe(true);

    const malicious = page.locator('.ant-table-row', { hasText: '买家要求补偿' });
    await malicious.getByText('恶意评价').first().waitFor();
    await malicious.getByText('此前没有补偿', { exact: false }).waitFor();
    expect(await malicious.getByRole('button', { name: /批\s*准/ }).isDisabled()).toBe(true);
    await malicious.locator('.refusal-reason').getByText('恶意', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-approvals-context');

    // The lead withdraws the payout on the malicious case with a reason the agent will read.
    await malicious.getByRole('button', { name: /驳\s*回/ }).click();
    await page.getByLabel('驳回原因（会告知客服）').fill('恶意差评，不予补偿');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /驳\s*回/ })
      .click();
    await malicious.waitFor({ state: 'detached' });
    const [rejected] = await web.app.dataSource.query(
      `SELECT status, decision_note FROM compensation WHERE case_id = $1`,
      [maliciousCase],
    );
    expect(rejected).toEqual({ status: 'rejected', decision_note: '恶意差评，不予补偿' });

    await repeat.getByRole('button', { name: /批\s*准/ }).click();
    await page.getByText('没有待审批的补偿').waitFor();
    const [approved] = await web.app.dataSource.query(`SELECT status FROM compensation WHERE case_id = $1`, [
      repeatBuyerCase,
    ]);
    expect(approved).toEqual({ status: 'approved' });
  });
});
