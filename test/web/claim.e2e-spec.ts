import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'agent password 1';

/** An agent takes pool cases from the queue, by key and by button, and is told when someone was quicker. */
describe('claiming pool cases in the queue', () => {
  let web: WebTest;
  let byKey: string;
  let byButton: string;
  let contested: string;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash: await hashPassword(PASSWORD) });
    byKey = await aNewCase().inPool().reviewedOn('2026-03-07T02:00:00Z').withText('杯盖裂了一条缝').openIn(web.app);
    byButton = await aNewCase().inPool().reviewedOn('2026-03-08T02:00:00Z').withText('快递盒子压扁了').openIn(web.app);
    contested = await aNewCase()
      .inPool()
      .reviewedOn('2026-03-09T02:00:00Z')
      .withText('颜色和图片不一样')
      .openIn(web.app);
  });
  afterAll(() => web?.stop());

  const assignee = async (caseId: string) =>
    (await web.app.dataSource.query(`SELECT assignee_id FROM support_case WHERE id = $1`, [caseId]))[0]?.assignee_id;

  it('takes the selected case with c, another with its button, and explains a lost race', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await page.goto('/?scope=none');
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: '杯盖裂了一条缝' }).waitFor();
    expect(await rows.count()).toBe(3);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'queue-pool-claim');

    // The oldest review is first and selected: c takes it.
    await page.getByTestId('queue-current-row').getByText('杯盖裂了一条缝').waitFor();
    await page.keyboard.press('c');
    await page.getByText('已领取，工单已在“我的工单”中').waitFor();
    await rows.filter({ hasText: '杯盖裂了一条缝' }).waitFor({ state: 'detached' });
    expect(await assignee(byKey)).toBe(web.app.users.agent.id);

    await rows
      .filter({ hasText: '快递盒子压扁了' })
      .getByRole('button', { name: /领\s*取/ })
      .click();
    await rows.filter({ hasText: '快递盒子压扁了' }).waitFor({ state: 'detached' });
    expect(await assignee(byButton)).toBe(web.app.users.agent.id);

    // Another agent takes the last one while the list still shows it in the pool.
    const other = await web.app.createUser({ username: 'chen', password: 'agent password 2', role: 'agent' });
    const taken = await web.app.request('POST', `/api/cases/${contested}/claim`, { as: other });
    expect(taken.status).toBe(200);
    await rows
      .filter({ hasText: '颜色和图片不一样' })
      .getByRole('button', { name: /领\s*取/ })
      .click();
    await page.getByText('这个工单刚被其他客服领取了，请从公共池另选一个').waitFor();
    await rows.filter({ hasText: '颜色和图片不一样' }).waitFor({ state: 'detached' });
    expect(await assignee(contested)).toBe(other.id);

    await page.goto('/?scope=me');
    await page.locator('.ant-table-row', { hasText: '杯盖裂了一条缝' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '快递盒子压扁了' }).waitFor();
  });
});
