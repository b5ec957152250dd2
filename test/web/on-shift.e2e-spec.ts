import { hashPassword, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'shift switch 2026';

/** An agent goes off and on shift from the header; a lead switches the team's agents on the SLA board. */
describe('on and off shift in the web app', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    const users = web.app.dataSource.getRepository(UserEntity);
    const passwordHash = await hashPassword(PASSWORD);
    await users.update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash });
    await users.update(web.app.users.lead.id, { displayName: '王慧', passwordHash });
  });
  afterAll(() => web?.stop());

  const onShift = async (id: string): Promise<boolean> =>
    (await web.app.dataSource.query(`SELECT on_shift FROM app_user WHERE id = $1`, [id]))[0]?.on_shift;

  it('lets an agent go off shift and back from the header', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    const mine = page.getByRole('switch', { name: '在班状态' });
    await mine.waitFor();
    expect(await mine.getAttribute('aria-checked')).toBe('true');
    await mine.click();
    await page.getByText('李晓雨 现在下班').waitFor();
    expect(await onShift(web.app.users.agent.id)).toBe(false);
    // Kept by the server: a reload shows the agent still off shift.
    await page.reload();
    await page.getByRole('switch', { name: '在班状态' }).and(page.locator('[aria-checked="false"]')).waitFor();
    await page.getByRole('switch', { name: '在班状态' }).click();
    await page.getByText('李晓雨 现在在班').waitFor();
    expect(await onShift(web.app.users.agent.id)).toBe(true);
  });

  it('lets a lead switch an agent of their shops on the SLA board, and not their own', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.goto('/sla');
    const agentSwitch = page.getByRole('switch', { name: '在班状态：李晓雨' });
    await agentSwitch.waitFor();
    // Leads have no shift: no switch of their own in the header, none in the team list.
    expect(await page.getByRole('switch', { name: '在班状态', exact: true }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: '在班状态：王慧' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await agentSwitch.click();
    await page.getByText('李晓雨 现在下班').waitFor();
    expect(await onShift(web.app.users.agent.id)).toBe(false);
    await agentSwitch.click();
    await page.getByText('李晓雨 现在在班').waitFor();
    expect(await onShift(web.app.users.agent.id)).toBe(true);
  });
});
