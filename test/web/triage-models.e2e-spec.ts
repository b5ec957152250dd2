import { hashPassword, UserEntity } from '@chaping/api/testing';
import { MODEL_VERSION, SHIPPED_MODEL } from '@chaping/domain';

import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'triage models password 2026';

/** A lead reads a shop's triage-model history and rolls back to the shipped model, in a real browser. */
describe('triage model history in the web app', () => {
  let web: WebTest;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.lead.id, { passwordHash: await hashPassword(PASSWORD) });
    // Two trainings of the first shop's model: the first went live, the second was worse and kept out.
    const shopId = web.app.shops.taobao.id;
    for (const [version, at, active, decision, reason, correct] of [
      [`${MODEL_VERSION}-r1`, '2026-03-08T02:00:00Z', true, 'promoted', 'better', 14],
      [`${MODEL_VERSION}-r2`, '2026-03-09T02:00:00Z', false, 'kept', 'worse', 11],
    ] as const) {
      await web.app.dataSource.query(
        `INSERT INTO triage_model (shop_id, version, base_version, trained_at, label_count, corrections_seen,
                                   frozen_count, frozen_correct, previous_correct, weights, active, decision, reason)
         VALUES ($1, $2, $3, $4, 80, 100, 20, $5, 12, $6, $7, $8, $9)`,
        [shopId, version, MODEL_VERSION, at, correct, SHIPPED_MODEL, active, decision, reason],
      );
    }
  });
  afterAll(() => web?.stop());

  it('shows each version with its frozen-slice accuracy and decision, and rolls back after a confirm', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await page.getByRole('banner').getByRole('link', { name: '分诊模型' }).click();
    await page.getByRole('heading', { name: '分诊模型' }).waitFor();
    await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '店铺' }) }).click();
    await page.locator('.ant-select-item-option', { hasText: web.app.shops.taobao.name }).click();
    const kept = page.locator('.ant-table-row', { hasText: `${MODEL_VERSION}-r2` });
    await kept.getByText('55.0%（共 20 条）').waitFor();
    await kept.getByText('未启用，保留原模型（比原模型差）').waitFor();
    const live = page.locator('.ant-table-row', { hasText: `${MODEL_VERSION}-r1` });
    await live.getByText('使用中').waitFor();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'lead-triage-models');

    const shipped = page.locator('.ant-table-row', { hasText: '出厂模型' });
    await shipped.getByRole('button', { name: '恢复此版本' }).click();
    await page.getByText(`新导入的评价将按版本 ${MODEL_VERSION} 分诊`, { exact: false }).waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复此版本' }).click();
    await page.getByText(`已恢复版本 ${MODEL_VERSION}`).waitFor();
    await shipped.getByText('使用中').waitFor();
    await live.getByRole('button', { name: '恢复此版本' }).waitFor();
    const [active] = await web.app.dataSource.query('SELECT count(*)::int AS n FROM triage_model WHERE active');
    expect(active).toEqual({ n: 0 });
  });
});
