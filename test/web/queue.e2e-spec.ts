import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'agent password 1';
const LONG_TEXT = `${'杯子外观不错，但是用了三天就开始漏水，'.repeat(5)}客服一直不回复`;

/** The agent's queue in a real browser: its columns, its keys, its URL and its archive. */
describe('the queue, by keyboard and by link', () => {
  let web: WebTest;
  const open: string[] = [];
  let closed: string;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash: await hashPassword(PASSWORD) });
    // Same severity, reviewed a day apart: the queue lists them oldest (most urgent) first.
    open.push(
      await aNewCase().withSeverity('medium').reviewedOn('2026-03-07T02:00:00Z').withText(LONG_TEXT).openIn(web.app),
    );
    open.push(
      await aNewCase()
        .withSeverity('medium')
        .onPlatform('jd')
        .reviewedOn('2026-03-08T02:00:00Z')
        .withText('快递盒子压扁了')
        .openIn(web.app),
    );
    open.push(
      await aNewCase()
        .withSeverity('medium')
        .reviewedOn('2026-03-09T02:00:00Z')
        .withText('颜色和图片不一样')
        .openIn(web.app),
    );
    closed = await aNewCase().withText('去年的保温杯盖子坏了').openIn(web.app);
    await web.app.dataSource.query(
      `UPDATE support_case SET stage = 'recorded', record = $2, closed_at = now() WHERE id = $1`,
      [
        closed,
        {
          productModel: '保温杯',
          rootCause: 'product_quality',
          actionsTaken: '换货',
          outcome: 'unchanged',
          specialNotes: '',
          recordedAt: '2026-02-01T02:00:00Z',
        },
      ],
    );
  });
  afterAll(() => web?.stop());

  it('shows rating, platform, review age and which deadline counts down; long texts stay on one line', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    const header = page.locator('.ant-table-thead');
    for (const title of ['时限', '评价', '平台', '评价于']) await header.getByText(title, { exact: true }).waitFor();
    const second = page.locator(`[data-row-key="${open[1]}"]`);
    await second.getByText('首次联系').waitFor();
    await second.getByText('京东').waitFor();
    await second.getByText('差评').waitFor();
    await second.getByText('2天0时前').waitFor();
    // The long review is cut with an ellipsis in one line and read whole in a tooltip.
    const long = page.locator(`[data-row-key="${open[0]}"] .ant-table-cell-ellipsis a`);
    const box = await long.boundingBox();
    expect(box?.height).toBeLessThan(30);
    await long.hover();
    await page.getByRole('tooltip').getByText('客服一直不回复').waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'queue-columns');
  });

  it('walks the queue with j/k, opens a case with Enter and lists the keys with ?', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    const current = page.getByTestId('queue-current-row');
    await current.and(page.locator(`[data-row-key="${open[0]}"]`)).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await current.and(page.locator(`[data-row-key="${open[2]}"]`)).waitFor();
    await page.keyboard.press('k');
    await current.and(page.locator(`[data-row-key="${open[1]}"]`)).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
    await dialog.getByText('下一个工单').waitFor();
    await dialog.getByText('打开所选工单').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${open[1]}`);
  });

  it('keeps search and filters in the URL and brings them back on return from a case', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await page.getByLabel('搜索买家、订单号或评价内容').fill('压扁');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=%E5%8E%8B%E6%89%81/);
    await page
      .locator('.ant-table-row')
      .first()
      .and(page.locator(`[data-row-key="${open[1]}"]`))
      .waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cases/${open[1]}`);
    // Back through the navigation, not the browser: the queue restores the search it was left with.
    await page.getByRole('banner').getByRole('link', { name: '工单队列' }).click();
    await page.waitForFunction(() => window.location.search.includes('q='));
    await page.waitForFunction(
      () =>
        (document.querySelector('input[aria-label="搜索买家、订单号或评价内容"]') as HTMLInputElement)?.value ===
        '压扁',
    );
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    // A link to the list opens the same list in a new tab (same session, nothing remembered there).
    const shared = await page.context().newPage();
    await shared.goto(page.url());
    await shared.locator(`[data-row-key="${open[1]}"]`).waitFor();
    expect(await shared.locator('.ant-table-row').count()).toBe(1);
  });

  it('finds closed cases in the archive and by search', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await page.getByLabel('状态', { exact: true }).first().click();
    await page.getByTitle('已结案（归档）').click();
    await page.waitForURL(/status=closed/);
    await page.locator(`[data-row-key="${closed}"]`).getByText('已结案').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await page.getByLabel('状态', { exact: true }).first().click();
    await page.getByTitle('处理中').click();
    await page.getByLabel('搜索买家、订单号或评价内容').fill('保温杯盖子');
    await page.keyboard.press('Enter');
    await page.locator(`[data-row-key="${closed}"]`).waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
