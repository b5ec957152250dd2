import type { Page } from 'playwright-core';

import { hashPassword, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'second suggestion 1';
/** The phrases name a colour that differs from the pictures; the model reads the rude service more. */
const DISPUTED = '颜色和图片不一样，客服态度也很差';

/**
 * Triage's second suggestion in a real browser: the queue flags a cause the lexicon and the model disagree on,
 * the case view says so to the agent, and one click (or one key) takes the second suggestion.
 */
describe('the agent takes triage’s second suggestion', () => {
  let web: WebTest;
  let clicked: string;
  let keyed: string;

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    await web.app.dataSource
      .getRepository(UserEntity)
      .update(web.app.users.agent.id, { passwordHash: await hashPassword(PASSWORD) });
    clicked = await aNewCase()
      .reviewedOn('2026-03-09T01:00:00Z')
      .withRootCause('not_as_described', DISPUTED)
      .openIn(web.app);
    keyed = await aNewCase()
      .reviewedOn('2026-03-09T02:00:00Z')
      .withRootCause('not_as_described', `${DISPUTED}！`)
      .openIn(web.app);
  });
  afterAll(() => web?.stop());

  const suggestion = (page: Page) => page.getByTestId('second-suggestion');
  /** The cause that stands now, in the review card beside triage's suggestions. */
  const causeLine = (page: Page) =>
    page
      .locator('.ant-card')
      .filter({ has: page.getByTestId('second-suggestion') })
      .locator('.ant-descriptions-item')
      .filter({ hasText: '问题原因' });

  it('flags the disputed cause in the queue and takes the second suggestion in one click', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    const row = page.locator('.ant-table-row').filter({ hasText: DISPUTED }).first();
    await row.getByTestId('queue-cause-flag').filter({ hasText: '原因待核对' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/cases/${clicked}`);
    await page.getByTestId('case-cause-flag').filter({ hasText: '原因待核对' }).waitFor();
    await page.getByTestId('cause-disagreement').filter({ hasText: '两种判断不一致，请核对原因' }).waitFor();
    await suggestion(page).filter({ hasText: '服务态度' }).waitFor();
    expect(await causeLine(page).innerText()).toContain('与描述不符');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'case-second-suggestion');

    await page.getByTestId('take-second').click();
    await causeLine(page).filter({ hasText: '服务态度' }).waitFor();
    await page.getByTestId('cause-disagreement').waitFor({ state: 'detached' });
    await page.getByTestId('case-cause-flag').waitFor({ state: 'detached' });
    await page.getByTestId('take-second').waitFor({ state: 'detached' });
    // The history names the correction as the second suggestion taken.
    await page.getByText('已采用第二建议').first().waitFor();

    const events = await web.app.dataSource.query(
      `SELECT data FROM case_event WHERE case_id = $1 AND type = 'triage_overridden'`,
      [clicked],
    );
    expect(events).toEqual([
      {
        data: expect.objectContaining({
          before: 'not_as_described',
          after: 'service_attitude',
          via: 'second_suggestion',
        }),
      },
    ]);
  });

  it('takes it with the S key, listed under ?', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    await page.goto(`/cases/${keyed}`);
    await suggestion(page).filter({ hasText: '服务态度' }).waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-list').filter({ hasText: '采用第二建议（服务态度）' }).waitFor();
    await page.locator('.ant-modal-close').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await page.keyboard.press('s');
    await causeLine(page).filter({ hasText: '服务态度' }).waitFor();
    await page.getByTestId('cause-disagreement').waitFor({ state: 'detached' });
  });
});
