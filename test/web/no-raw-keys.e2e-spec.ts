import type { Page } from 'playwright-core';

import { hashPassword, ShopEntity, UserEntity } from '@chaping/api/testing';
import {
  APPEAL_RESULTS,
  BUYER_TYPES,
  COMPENSATION_STATUSES,
  COMPENSATION_TYPES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  MALICIOUS_KINDS,
  PLATFORMS,
  REMEDY_STATUSES,
  REMEDY_TYPES,
  REPLY_STATUSES,
  REVIEW_OUTCOMES,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
} from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { WebTest } from '../support/browser';
import { followScript } from '../support/case-commands';

const MORNING = '2026-03-10T02:00:00Z';
const PASSWORD = 'scan password 2026';
const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];

/** Dotted words that are not i18n keys: host names, file names and Latin abbreviations. */
const LEGIT_DOTTED = /\.(?:com|cn|net|org|io|xlsx|xls|csv|json|txt|pdf|png|jpg)$|^(?:e\.g|i\.e|a\.m|p\.m)$/;
/** Ids every language must name for people; in Chinese no enum value or stage id belongs in the text. */
const ENUM_IDS = new Set<string>([
  ...STAGES,
  ...ROOT_CAUSES,
  ...SEVERITIES,
  ...BUYER_TYPES,
  ...CONTACT_CHANNELS,
  ...CONTACT_OUTCOMES,
  ...REMEDY_TYPES,
  ...REMEDY_STATUSES,
  ...REPLY_STATUSES,
  ...REVIEW_OUTCOMES,
  ...APPEAL_RESULTS,
  ...MALICIOUS_KINDS,
  ...COMPENSATION_TYPES,
  ...COMPENSATION_STATUSES,
  ...PLATFORMS,
]);

/**
 * What a person should never read: an i18n key (`sla.view`), a snake_case id (`pending_approval`), an
 * enum id in Chinese running text, a platform id where its name belongs, or a program's placeholder.
 */
function rawTokens(text: string, locale: Locale): string[] {
  const found = new Set<string>();
  for (const [token] of text.matchAll(/\b[a-z]+(?:\.[a-z_]+)+\b/g)) if (!LEGIT_DOTTED.test(token)) found.add(token);
  for (const [token] of text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b/g)) found.add(token);
  for (const [token] of text.matchAll(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/g)) found.add(token);
  for (const [token] of text.matchAll(/\b[a-z]+\b/g)) {
    const raw = locale === 'zh-CN' ? ENUM_IDS.has(token) : (PLATFORMS as readonly string[]).includes(token);
    if (raw) found.add(token);
  }
  return [...found];
}

/**
 * Every page, signed in as agent, lead and admin, in Chinese and English: the text on screen (the
 * case pages with each action tab open) holds no raw key, id or program placeholder.
 */
describe('no raw key or id on screen', () => {
  let web: WebTest;
  const cases: Partial<Record<(typeof STAGES)[number], string>> = {};
  /** A campaign's page with its promotion, forecast, adopted roster and review. */
  let campaignPage = '';

  async function aCampaignWithAdoptedRoster(): Promise<string> {
    const shopId = web.app.shops.taobao.id;
    const created = await web.app.post<{ id: string }>(
      '/api/campaigns',
      {
        shopId,
        name: '38 女王节',
        startsAt: '2026-03-11T00:00:00+08:00',
        endsAt: '2026-03-12T00:00:00+08:00',
        peakStartsAt: '2026-03-11T00:00:00+08:00',
        peakEndsAt: '2026-03-11T02:00:00+08:00',
        expectedOrders: [{ hour: '2026-03-11T00:00:00+08:00', orders: 1000 }],
        minutesPerCase: 15,
        negativeRateByCause: { product_quality: 0.01, promotion_rules: 0.005 },
      },
      web.app.users.lead,
    );
    if (created.status !== 201) throw new Error(`campaign: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    const promotion = { title: '满300减50', wording: '实付满300元减50元' };
    await web.app.post(`/api/campaigns/${id}/promotions`, promotion, web.app.users.lead);
    const adopted = await web.app.request('POST', `/api/campaigns/${id}/roster`, { as: web.app.users.lead });
    if (adopted.status !== 200) throw new Error(`roster: ${adopted.status} ${JSON.stringify(adopted.body)}`);
    return `/campaigns?shopId=${shopId}&campaign=${id}`;
  }

  async function run(caseId: string, path: string, body: Record<string, unknown> = {}) {
    if (path === 'transitions') await followScript(web.app, caseId);
    const current = (await web.app.get<{ version: number }>(`/api/cases/${caseId}`)).body;
    const response = await web.app.post(`/api/cases/${caseId}/${path}`, { expectedVersion: current.version, ...body });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  async function contacted(text: string): Promise<string> {
    const id = await aNewCase().withRootCause('product_quality', text).openIn(web.app);
    await run(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    return id;
  }

  async function resolving(text: string): Promise<string> {
    const id = await contacted(text);
    await run(id, 'transitions', { to: 'apologised' });
    await run(id, 'root-cause', { rootCause: 'product_quality' });
    await run(id, 'transitions', { to: 'resolving' });
    await run(id, 'remedy', { type: 'exchange', status: 'done' });
    return id;
  }

  beforeAll(async () => {
    web = await WebTest.start(MORNING);
    const users = web.app.dataSource.getRepository(UserEntity);
    const passwordHash = await hashPassword(PASSWORD);
    await users.update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash });
    await users.update(web.app.users.lead.id, { displayName: '王慧', passwordHash });
    await web.app.createUser({ username: 'root', password: PASSWORD, role: 'admin', displayName: '管理员' });
    // The test shops are named after their platform ids ("taobao 测试店"), which the scan would flag.
    for (const [index, shop] of Object.values(web.app.shops).entries()) {
      await web.app.dataSource.getRepository(ShopEntity).update(shop.id, { name: `保温杯旗舰店 ${index + 1}` });
    }

    cases.new = await aNewCase().reviewedOn('2026-03-03T01:00:00Z').withText('杯子漏水，一周了没人管').openIn(web.app);
    cases.contacting = await contacted('保温效果很差，两小时就凉了');
    cases.apologised = await contacted('盖子有异味');
    await run(cases.apologised, 'transitions', { to: 'apologised' });
    cases.resolving = await resolving('杯身有划痕');
    cases.compensating = await resolving('保温杯漏水把包里的文件都弄湿了');
    await run(cases.compensating, 'transitions', { to: 'compensating' });
    await run(cases.compensating, 'compensations', { type: 'cash', amountFen: 8800, note: '补偿打印和清洗费用' });
    cases.replying = await resolving('客服回复太慢');
    await run(cases.replying, 'transitions', { to: 'replying' });
    cases.watching = await resolving('杯盖拧不紧');
    await run(cases.watching, 'transitions', { to: 'watching' });
    cases.recorded = await resolving('杯盖拧不紧，倒着放就漏');
    await run(cases.recorded, 'transitions', { to: 'watching' });
    await run(cases.recorded, 'record', {
      actionsTaken: '旺旺致歉，确认杯盖问题，换新处理',
      outcome: 'unchanged',
      specialNotes: '买家脾气急，先道歉再解释',
    });
    cases.appealing = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(web.app);
    await run(cases.appealing, 'transitions', { to: 'appealing', maliciousKind: 'extortion', reason: '以差评要挟' });
    campaignPage = await aCampaignWithAdoptedRoster();
  }, 120_000);
  afterAll(() => web?.stop());

  /** Waits until the page has fetched what it shows and no spinner or skeleton is left. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  }

  async function scan(page: Page, where: string, locale: Locale): Promise<string[]> {
    await settle(page);
    const text = await page.locator('body').innerText();
    return rawTokens(text, locale).map((token) => `${where} (${locale}): ${token}`);
  }

  /** Each page by its address, ready once its title is drawn; every case with each of its action tabs. */
  async function scanEverything(page: Page, pages: readonly string[], caseIds: readonly string[]): Promise<string[]> {
    const findings: string[] = [];
    for (const locale of LOCALES) {
      await page.evaluate((value) => localStorage.setItem('locale', value), locale);
      for (const path of pages) {
        await page.goto(path);
        await page.locator('h2').first().waitFor();
        findings.push(...(await scan(page, path, locale)));
      }
      for (const id of caseIds) {
        const path = `/cases/${id}`;
        await page.goto(path);
        await page.getByTestId('case-stage').waitFor();
        const stage = (await page.getByTestId('case-stage').innerText()).trim();
        findings.push(...(await scan(page, `${path} ${stage}`, locale)));
        const tabs = page.locator(`.ant-radio-group[aria-label="${locale === 'en' ? 'Actions' : '操作'}"] label`);
        const count = await tabs.count();
        for (let index = 0; index < count; index++) {
          const tab = tabs.nth(index);
          const name = (await tab.innerText()).trim();
          await tab.click();
          findings.push(...(await scan(page, `${path} ${stage} › ${name}`, locale)));
        }
      }
    }
    return findings;
  }

  const LEAD_PAGES = [
    '/',
    '/imports',
    '/campaigns',
    '/approvals',
    '/sla',
    '/dashboard',
    '/reports',
    '/kpis',
    '/settings/scripts',
    '/settings/policy',
    '/settings/users',
    '/settings/alerts',
    '/settings/care',
    '/settings/connections',
  ];

  it('finds the tokens it looks for', () => {
    expect(rawTokens('查看 sla.view 需在:replying/watching NaN', 'zh-CN').sort()).toEqual(
      ['NaN', 'replying', 'sla.view', 'watching'].sort(),
    );
    expect(rawTokens('Open the case on taobao: pending_approval, see example.com or e.g. cases.xlsx', 'en')).toEqual([
      'pending_approval',
      'taobao',
    ]);
    expect(rawTokens('2d 22h overdue, new case, medium severity on Taobao', 'en')).toEqual([]);
  });

  it('as an agent: the queue, imports and a case of each stage with every action tab', async () => {
    const page = await web.signIn('agent', PASSWORD, MORNING);
    const pages = ['/', '/imports', '/campaigns', campaignPage];
    expect(await scanEverything(page, pages, Object.values(cases))).toEqual([]);
  }, 600_000);

  it('as a team lead: every page and the cases waiting for a lead', async () => {
    const page = await web.signIn('lead', PASSWORD, MORNING);
    const ids = [cases.compensating, cases.appealing, cases.recorded].filter((id): id is string => id !== undefined);
    expect(await scanEverything(page, [...LEAD_PAGES, campaignPage], ids)).toEqual([]);
  }, 300_000);

  it('as an admin: every page', async () => {
    const page = await web.signIn('root', PASSWORD, MORNING);
    expect(await scanEverything(page, [...LEAD_PAGES, campaignPage], [])).toEqual([]);
  }, 300_000);
});
