import { readFile } from 'node:fs/promises';

import { hashPassword, UserEntity } from '@chaping/api/testing';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';
import { exportCsv } from '../support/imports';
import { sampleReviews } from '../support/shared-data';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'imports password 2026';

/** An agent brings a back-office review export in through the web: progress, counts, rejected rows. */
describe('importing reviews in the web app', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(() => web?.stop());

  it('imports a CSV export into the chosen shop and lists the row it could not import, with the reason', async () => {
    const rows = sampleReviews().slice(0, 600);
    // The export as the back office writes it, plus one row whose rating nobody can read.
    const file = Buffer.concat([
      exportCsv(rows),
      Buffer.from(
        'web-import-bad-1,4100000000000009999,600123456789,示例商品,买家x,很差劲,杯子漏水,2026-03-02 10:20:00\n',
      ),
    ]);
    const page = await web.signIn('agent', PASSWORD, MORNING);

    await page.getByRole('banner').getByRole('link', { name: '导入评价' }).click();
    await page.getByRole('heading', { name: '导入评价' }).waitFor();
    await expect(page.getByRole('button', { name: /开始导入/ }).isDisabled()).resolves.toBe(true);
    const shop = page.getByRole('combobox', { name: '店铺' });
    await shop.focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').getByTitle('jd 测试店 · 京东', { exact: true }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '京东评价导出.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: /开始导入/ }).click();

    const progress = page.locator('.ant-card', { hasText: '京东评价导出.csv' }).first();
    await progress.getByText('导入完成').waitFor({ timeout: 60_000 });
    await progress.getByText(`共读取 ${(rows.length + 1).toLocaleString('zh-CN')} 行`, { exact: false }).waitFor();
    const count = async (title: string) =>
      Number(
        (await progress.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content').innerText())
          .replace(/,/g, '')
          .trim(),
      );
    const [stored] = await web.app.dataSource.query(
      `SELECT count(*)::int AS cases FROM support_case c JOIN review r ON r.id = c.review_id
        WHERE c.shop_id = $1 AND r.platform_review_id = ANY($2)`,
      [web.app.shops.jd.id, rows.map((row) => row.id)],
    );
    expect(stored.cases).toBeGreaterThan(0);
    expect(await count('新开工单')).toBe(stored.cases);
    expect(await count('未导入')).toBe(1);

    const rejected = progress.locator('.ant-table-row', { hasText: '评价等级' });
    await rejected.getByText('评价等级无法识别', { exact: false }).waitFor();
    expect(await rejected.locator('td').first().innerText()).toBe(String(rows.length + 2));
    await expect(rejected.getByText('很差劲').isVisible()).resolves.toBe(true);

    // The same rows as a file to fix in Excel: UTF-8 with a BOM, the row numbers as the spreadsheet shows them.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      progress.getByRole('link', { name: '下载被拒的行 (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('京东评价导出-未导入的行.csv');
    const downloaded = await readFile(await download.path());
    expect(downloaded.toString('utf8')).toBe(
      `\ufeff行号,列,原因,内容\n${rows.length + 2},评价等级,评价等级无法识别（应为好评、中评、差评或 1–5 星）,很差劲\n`,
    );

    // The recent imports list has it too.
    await page.locator('.ant-card', { hasText: '最近的导入' }).getByText('京东评价导出.csv').waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'imports');

    // The cases it opened, one click away: the queue filtered by this import, the filter named and removable.
    const listed = page.waitForResponse((response) => /\/api\/cases\?.*importId=/.test(response.url()));
    await progress.getByRole('link', { name: `查看本次导入的工单（${stored.cases} 个）` }).click();
    const answer = (await (await listed).json()) as { items: Array<{ id: string }> };
    const importId = new URL(page.url()).searchParams.get('importId');
    const [tied] = await web.app.dataSource.query(
      `SELECT array_agg(id::text) AS ids FROM support_case WHERE import_job_id = $1`,
      [importId],
    );
    expect(tied.ids).toHaveLength(stored.cases);
    expect(answer.items).toHaveLength(Math.min(50, stored.cases));
    expect(tied.ids).toEqual(expect.arrayContaining(answer.items.map((item) => item.id)));
    await page.getByTestId('drill-filters').getByText('导入“京东评价导出.csv”开的工单').waitFor();
    await page.getByRole('button', { name: '取消筛选：导入“京东评价导出.csv”开的工单' }).click();
    await page.waitForURL((url) => !url.searchParams.has('importId'));
  });

  it('says which limit a failed import crossed, with the limit, in words', async () => {
    const limited = await WebTest.start(MORNING, { importLimits: { maxRows: 300 } });
    try {
      await limited.app.dataSource
        .getRepository(UserEntity)
        .update(limited.app.users.agent.id, { passwordHash: await hashPassword(PASSWORD) });
      const page = await limited.signIn('agent', PASSWORD, MORNING);
      await page.getByRole('banner').getByRole('link', { name: '导入评价' }).click();
      await page.getByRole('heading', { name: '导入评价' }).waitFor();
      const shop = page.getByRole('combobox', { name: '店铺' });
      await shop.focus();
      await page.keyboard.press('Enter');
      await page.locator('.ant-select-dropdown:visible').getByTitle('jd 测试店 · 京东', { exact: true }).click();
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '太长.csv', mimeType: 'text/csv', buffer: exportCsv(sampleReviews().slice(0, 400)) });
      await page.getByRole('button', { name: /开始导入/ }).click();

      const progress = page.locator('.ant-card', { hasText: '太长.csv' }).first();
      await progress.getByText('文件行数过多（最多 300 行，含表头）', { exact: false }).waitFor({ timeout: 30_000 });
    } finally {
      await limited.stop();
    }
  });

  it('brings delivered orders in for care follow-ups through the same import, with their own counts', async () => {
    const orders = Buffer.from(
      '\ufeff订单编号,买家ID,宝贝标题,实付金额,确认收货时间\n' +
        '930001,buyer-930001,电热水壶,129.00,2026-03-09 10:00:00\n' +
        '930002,buyer-930002,电热水壶,129.00,\n' +
        '930003,buyer-930003,电热水壶,一百,2026-03-09 11:00:00\n',
    );
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('link', { name: '导入评价' }).click();
    await page.getByRole('heading', { name: '导入评价' }).waitFor();
    const shop = page.getByRole('combobox', { name: '店铺' });
    await shop.focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').getByTitle('jd 测试店 · 京东', { exact: true }).click();
    await page.getByRole('radio', { name: '已签收订单（售后回访）' }).check();
    await page.getByText('订单报表文件').waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '订单报表.csv', mimeType: 'text/csv', buffer: orders });
    await page.getByRole('button', { name: /开始导入/ }).click();

    const progress = page.locator('.ant-card', { hasText: '订单报表.csv' }).first();
    await progress.getByText('导入完成').waitFor({ timeout: 30_000 });
    const count = async (title: string) =>
      (
        await progress.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content').innerText()
      ).trim();
    expect(await count('新订单')).toBe('1');
    expect(await count('尚未签收')).toBe('1');
    expect(await count('未导入')).toBe('1');
    await progress.locator('.ant-table-row', { hasText: '订单金额' }).getByText('金额无法识别').waitFor();
    const [stored] = await web.app.dataSource.query(
      `SELECT count(*)::int AS n FROM trade_order WHERE platform_order_id LIKE '93000%' AND delivered_at IS NOT NULL`,
    );
    expect(stored.n).toBe(1);
    await page.locator('.ant-card', { hasText: '最近的导入' }).getByText('已签收订单（售后回访）').first().waitFor();
  });
});
