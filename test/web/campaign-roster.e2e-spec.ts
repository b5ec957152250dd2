import type { Page } from 'playwright-core';

import { hashPassword, TaskScheduler, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { expectNoSeriousA11yViolations, saveScreenshot, WebTest } from '../support/browser';

/** 11-11 20:00 in China: the campaign runs, the roster's first shift (11-12 00:00–08:00 China time) is to come. */
const EVENING = '2026-11-11T12:00:00Z';
/** Half an hour into the first shift. */
const FIRST_SHIFT = '2026-11-11T16:30:00Z';
/** After the roster's last shift (11-16 00:00–08:00 China time) ended. */
const ALL_OVER = '2026-11-16T01:00:00Z';
const PASSWORD = 'roster password 1';

interface AdoptedRoster {
  shifts: Array<{
    id: string;
    start: string;
    end: string;
    agent: { displayName: string };
    startedAt: string | null;
    endedAt: string | null;
  }>;
}

interface Review {
  complete: boolean;
  forecastTotal: number;
  actualTotal: number;
  actualFromCampaignOrdersTotal: number;
  hours: Array<{
    hour: string;
    forecast: number;
    actual: number;
    actualFromCampaignOrders: number;
    forecastAgents: number;
    actualAgents: number;
  }>;
  promotionComplaints: {
    total: number;
    promotions: Array<{ title: string; cases: number }>;
    unattributed: number;
    ambiguous: number;
    notExamined: number;
  };
}

/** "MM-DD HH:mm" in China time, as the campaign page shows shifts. */
const china = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
const span = (start: string, end: string) => `${china(start)} – ${china(end).slice(6)}`;

/**
 * Campaign readiness after the forecast (issue 18 part 2): a lead adopts the forecast's roster, the periodic job
 * puts the first shift's agent on shift, agents read the roster, and after the campaign the review compares the
 * forecast with the cases that came and counts promotion-rule complaints per promotion named in the review.
 */
describe('an adopted roster and the campaign review in the browser', () => {
  let web: WebTest;
  let shopId: string;
  let campaignId: string;
  let lead: Page;

  const campaignPath = () => `/campaigns?shopId=${shopId}&campaign=${campaignId}`;
  const rosterRows = (page: Page) => page.getByTestId('adopted-shifts').locator('tbody tr.ant-table-row');
  const rowCells = async (page: Page) => {
    const rows = rosterRows(page);
    const all: string[][] = [];
    for (let index = 0; index < (await rows.count()); index++) {
      all.push((await rows.nth(index).getByRole('cell').allInnerTexts()).map((text) => text.trim()));
    }
    return all;
  };
  const adopted = async () =>
    (await web.app.get<AdoptedRoster>(`/api/campaigns/${campaignId}/roster`, web.app.users.lead)).body;

  async function openCampaign(page: Page) {
    await page.goto(campaignPath());
    await page.getByRole('heading', { name: '双11 大促' }).waitFor();
    await page.getByTestId('forecast-summary').waitFor();
  }

  beforeAll(async () => {
    web = await WebTest.start(EVENING);
    const users = web.app.dataSource.getRepository(UserEntity);
    const passwordHash = await hashPassword(PASSWORD);
    await users.update(web.app.users.agent.id, { displayName: '李晓雨', passwordHash });
    await users.update(web.app.users.lead.id, { displayName: '王慧', passwordHash });
    await web.app.createUser({ username: 'zhou', password: PASSWORD, role: 'agent', displayName: '周宁' });
    shopId = web.app.shops.taobao.id;
    // 1,000 orders at 11-11 00:00 China time, 1% product_quality: with the default review delay 3, 3, 2 and 2 cases
    // at 00:00 China time on 11-12, 11-13, 11-14 and 11-16, one agent each, in the 00–08 shift of those days.
    const created = await web.app.post<{ id: string }>(
      '/api/campaigns',
      {
        shopId,
        name: '双11 大促',
        startsAt: '2026-11-10T20:00:00+08:00',
        endsAt: '2026-11-12T00:00:00+08:00',
        peakStartsAt: '2026-11-11T00:00:00+08:00',
        peakEndsAt: '2026-11-11T02:00:00+08:00',
        expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1000 }],
        minutesPerCase: 15,
        negativeRateByCause: { product_quality: 0.01 },
      },
      web.app.users.lead,
    );
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    for (const promotion of [
      { title: '满300减50', wording: '实付满300元减50元，每单限一次' },
      { title: '前100名送杯套', wording: '前100名下单送保温杯套，以订单支付时间为准' },
    ]) {
      const added = await web.app.post(`/api/campaigns/${campaignId}/promotions`, promotion, web.app.users.lead);
      expect(added.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => web?.stop());

  it("lets a lead adopt the forecast's roster after saying what it will do", async () => {
    lead = await web.signIn('lead', PASSWORD, EVENING);
    await openCampaign(lead);
    const section = lead.getByTestId('adopted-roster');
    await section.getByText('还没有采用排班').waitFor();

    await section.getByRole('button', { name: '采用排班' }).click();
    await lead
      .getByText('采用后，系统会在每个班次开始时自动让排到的客服上班、在结束时自动下班', { exact: false })
      .waitFor();
    await lead.getByRole('button', { name: /^采\s*用$/ }).click();
    await section.getByRole('button', { name: '重新采用排班' }).waitFor();

    const roster = await adopted();
    expect(roster.shifts.map((shift) => span(shift.start, shift.end))).toEqual([
      '11-12 00:00 – 08:00',
      '11-13 00:00 – 08:00',
      '11-14 00:00 – 08:00',
      '11-16 00:00 – 08:00',
    ]);
    expect(await rowCells(lead)).toEqual(
      roster.shifts.map((shift) => [span(shift.start, shift.end), shift.agent.displayName, '待开始']),
    );
    expect(new Set(roster.shifts.map((shift) => shift.agent.displayName))).toEqual(new Set(['李晓雨', '周宁']));
    await expectNoSeriousA11yViolations(lead);
  });

  it('shows the first shift on shift once the periodic job started it', async () => {
    web.app.clock.set(FIRST_SHIFT);
    await web.app.app.get(TaskScheduler).tick();
    const roster = await adopted();
    expect(roster.shifts[0]?.startedAt).toBe(new Date(FIRST_SHIFT).toISOString());

    await lead.clock.setFixedTime(new Date(FIRST_SHIFT));
    await lead.reload();
    await lead.getByTestId('adopted-shifts').getByText('在班').waitFor();
    expect((await rowCells(lead)).map((cells) => cells[2])).toEqual(['在班', '待开始', '待开始', '待开始']);
    await saveScreenshot(lead, 'campaign-adopted-roster');
  });

  it('lets agents read the adopted roster without adopting', async () => {
    const agent = await web.signIn('agent', PASSWORD, FIRST_SHIFT);
    await openCampaign(agent);
    await agent.getByTestId('adopted-shifts').getByText('在班').waitFor();
    expect(await rowCells(agent)).toHaveLength(4);
    expect(await agent.getByTestId('adopted-roster').getByRole('button').count()).toBe(0);
    expect(await agent.getByTestId('peak-kpis').count()).toBe(0);
  });

  it('compares the forecast with the cases that came and counts complaints for the promotion they name', async () => {
    const complaint = (text: string, at: string) =>
      aNewCase().withRootCause('promotion_rules', text).reviewedOn(at).openIn(web.app);
    await complaint('满300减50根本用不了，付款时没有减', '2026-11-11T16:05:00Z');
    await complaint('活动规则写得不清不楚，客服也说不明白', '2026-11-11T16:10:00Z');
    await complaint('满300减50和前100名送杯套一个都没兑现', '2026-11-11T16:15:00Z');
    await aNewCase().reviewedOn('2026-11-11T16:20:00Z').openIn(web.app);
    const { body: review } = await web.app.get<Review>(`/api/campaigns/${campaignId}/review`, web.app.users.lead);
    // 1,000 orders × 1%: 10 cases forecast, 3 of them in the hour of 11-12 00:00 China time (one agent); four came in
    // that hour, which needed two agents (4 × 15 / 60 / 0.85 = 1.18 → 2).
    expect(review.forecastTotal).toBeCloseTo(10, 6);
    expect(review).toMatchObject({
      complete: false,
      actualTotal: 4,
      promotionComplaints: {
        total: 3,
        unattributed: 1,
        ambiguous: 1,
        notExamined: 0,
      },
    });

    const perPromotion = review.promotionComplaints.promotions.map(({ title, cases }) => [title, cases]);
    expect(Object.fromEntries(perPromotion)).toEqual({ 满300减50: 1, 前100名送杯套: 0 });

    await lead.reload();
    const section = lead.getByTestId('review-section');
    await section.getByText('活动复盘', { exact: true }).waitFor();
    await section.getByText('活动还没有完全结束（截至 11-12 00:30），实际数字还会增加。').waitFor();
    await section
      .getByTestId('review-totals')
      .getByText(
        `预计差评工单 ${Math.round(review.forecastTotal * 10) / 10} 个，实际 ${review.actualTotal} 个（其中 ${review.actualFromCampaignOrdersTotal} 个来自活动期间的订单）`,
      )
      .waitFor();
    const peak = (pick: (hour: Review['hours'][number]) => number) => Math.max(...review.hours.map(pick));
    await section
      .getByTestId('review-agents')
      .getByText(
        `最忙时预计需要 ${peak((hour) => hour.forecastAgents)} 名客服，按实际工单需要 ${peak((hour) => hour.actualAgents)} 名`,
      )
      .waitFor();
    await section.getByRole('img', { name: '每小时预计与实际差评工单、预计与实际需要的客服人数' }).waitFor();
    const busiest = review.hours.find((hour) => hour.hour === '2026-11-11T16:00:00.000Z');
    expect(busiest).toMatchObject({ actual: 4, forecastAgents: 1, actualAgents: 2 });
    const hourCells = await section
      .getByTestId('review-hours')
      .getByRole('row', { name: /^11-12 00:00 / })
      .getByRole('cell')
      .allInnerTexts();
    expect(hourCells.map((text) => text.trim())).toEqual([
      '11-12 00:00',
      String(Math.round((busiest?.forecast ?? 0) * 10) / 10),
      '4',
      String(busiest?.actualFromCampaignOrders),
      '1',
      '2（少排 1 人）',
    ]);

    const complaints = section.getByTestId('promotion-complaints');
    const cells = async (title: string) =>
      (
        await complaints
          .getByRole('row', { name: new RegExp(`^${title} `) })
          .getByRole('cell')
          .allInnerTexts()
      ).map((text) => text.trim());
    expect(await cells('满300减50')).toEqual(['满300减50', '1']);
    expect(await cells('前100名送杯套')).toEqual(['前100名送杯套', '0']);
    await complaints.getByText('1 个投诉没有提到任何一条活动规则的名称，未归到具体规则。').waitFor();
    await complaints.getByText('1 个投诉同时提到多条活动规则，无法确定是哪一条，未计入任何规则。').waitFor();
    expect(await complaints.getByText('没有逐条查看', { exact: false }).count()).toBe(0);
    await lead.getByTestId('adopted-shifts').getByText('在班').waitFor();
    await lead.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(lead);
    await saveScreenshot(lead, 'campaign-review');
  });

  it("links the roster to the peak day's by-hour KPI view of the campaign's shop", async () => {
    await lead.getByTestId('peak-kpis').getByText('查看高峰日（2026-11-11）的分时段指标').click();
    await lead.waitForURL(`/kpis?day=2026-11-11&shopId=${shopId}`);
    expect(await lead.getByLabel('日期', { exact: true }).inputValue()).toBe('2026-11-11');
    await lead.getByText(`分时段（大促日）· ${web.app.shops.taobao.name}`).waitFor();
    // The lead's way back to every shop's hours keeps the day.
    await lead.getByTestId('kpi-all-shops').click();
    await lead.waitForURL('/kpis?day=2026-11-11');
    await lead.getByText('分时段（大促日）', { exact: true }).waitFor();
    // An impossible day in a hand-edited link falls back to today instead of rolling over into March.
    await lead.clock.setFixedTime(new Date('2026-11-13T04:00:00Z'));
    await lead.goto('/kpis?day=2026-02-31');
    await lead.getByLabel('日期', { exact: true }).waitFor();
    expect(await lead.getByLabel('日期', { exact: true }).inputValue()).toBe('2026-11-13');
    await lead.clock.setFixedTime(new Date(EVENING));
  });

  it('disables adopting, with the reason, once every shift is over', async () => {
    web.app.clock.set(ALL_OVER);
    const refused = await web.app.request<{ code: string }>('POST', `/api/campaigns/${campaignId}/roster`, {
      as: web.app.users.lead,
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'roster.campaign_over' } });

    const late = await web.signIn('lead', PASSWORD, ALL_OVER);
    await openCampaign(late);
    const section = late.getByTestId('adopted-roster');
    await section.getByText('该活动排班的所有班次都已结束，无法再采用：请为下一场活动新建排班').waitFor();
    expect(await section.getByRole('button', { name: '重新采用排班' }).isDisabled()).toBe(true);
  });

  it('keeps the adopted roster in sight when the forecast is refused', async () => {
    // Without the campaign's own rates and with too little history, the forecast is refused (forecast.no_rates).
    await web.app.dataSource.query(`UPDATE campaign SET negative_rate_by_cause = NULL WHERE id = $1`, [campaignId]);
    const page = await web.signIn('lead', PASSWORD, ALL_OVER);
    await page.goto(campaignPath());
    const section = page.getByTestId('forecast-section');
    await section.getByText('且活动未填写各原因差评率', { exact: false }).waitFor();
    expect(await page.getByTestId('forecast-summary').count()).toBe(0);
    await rosterRows(page).first().waitFor();
    expect(await rosterRows(page).count()).toBe((await adopted()).shifts.length);
  });
});
