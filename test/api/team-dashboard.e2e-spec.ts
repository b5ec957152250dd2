import { randomUUID } from 'node:crypto';

import { reportOutcome } from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface Facts {
  assignee: 'agent' | 'agent2' | null;
  stage: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  reviewedAt: string;
  createdAt?: string;
  firstContactAt?: string;
  firstContactDueAt?: string;
  resolutionDueAt?: string;
  closedAt?: string;
  reviewOutcome?: string;
  replied?: boolean;
  qaScore?: number;
}

/**
 * A team on 11 November 2026 at 12:00 China time (04:00 UTC), worked out by hand:
 * open O1–O4, closed K1–K3 in the first ten days of November, and K4 on the day itself.
 */
describe('team dashboard, agent KPIs and the by-hour view', () => {
  let app: TestApp;
  let agent2Id: string;
  const ids: Record<string, string> = {};

  async function seed(key: string, facts: Facts) {
    const id = await aNewCase().reviewedOn(facts.reviewedAt).openIn(app);
    ids[key] = id;
    const assignee = facts.assignee === 'agent' ? app.users.agent.id : facts.assignee === 'agent2' ? agent2Id : null;
    await app.dataSource.query(
      `UPDATE support_case SET assignee_id = $2, stage = $3, severity = $4, created_at = $5, first_contact_at = $6,
              first_contact_due_at = $7, resolution_due_at = $8, closed_at = $9, review_outcome = $10, qa_score = $11,
              record = CASE WHEN $3 = 'recorded' THEN '{}'::jsonb ELSE record END, report_outcome = $12
        WHERE id = $1`,
      [
        id,
        assignee,
        facts.stage,
        facts.severity,
        facts.createdAt ?? facts.reviewedAt,
        facts.firstContactAt ?? null,
        facts.firstContactDueAt ?? '2026-11-30T00:00:00Z',
        facts.resolutionDueAt ?? '2026-11-30T00:00:00Z',
        facts.closedAt ?? null,
        facts.reviewOutcome ?? null,
        facts.qaScore ?? null,
        reportOutcome({
          reviewOutcome: facts.reviewOutcome ?? null,
          appealWon: false,
          replyPublished: facts.replied ?? false,
        }),
      ],
    );
  }

  async function compensation(key: string, type: string, amountFen: number, status: string) {
    await app.dataSource.query(
      `INSERT INTO compensation (id, case_id, shop_id, buyer_id, type, amount_fen, note, status, proposed_at, proposed_by)
       SELECT $1, c.id, c.shop_id, c.buyer_id, $3, $4, '致歉补偿', $5, '2026-11-04T00:00:00Z', 'agent'
         FROM support_case c WHERE c.id = $2`,
      [randomUUID(), ids[key], type, amountFen, status],
    );
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-11-11T04:00:00Z');
    agent2Id = (await app.createUser({ username: 'agent2', password: 'x'.repeat(12) })).id;
    await seed('O1', {
      assignee: 'agent',
      stage: 'new',
      severity: 'high',
      reviewedAt: '2026-11-11T01:00:00Z',
      createdAt: '2026-11-11T01:05:00Z',
      firstContactDueAt: '2026-11-11T03:00:00Z',
    });
    await seed('O2', {
      assignee: 'agent',
      stage: 'contacting',
      severity: 'medium',
      reviewedAt: '2026-11-09T04:00:00Z',
      firstContactAt: '2026-11-09T10:00:00Z',
      resolutionDueAt: '2026-11-10T00:00:00Z',
    });
    await seed('O3', { assignee: null, stage: 'new', severity: 'low', reviewedAt: '2026-11-01T04:00:00Z' });
    await seed('O4', {
      assignee: 'agent2',
      stage: 'resolving',
      severity: 'critical',
      reviewedAt: '2026-11-06T04:00:00Z',
      firstContactAt: '2026-11-06T12:00:00Z',
    });
    const closed = { stage: 'recorded', severity: 'medium' } as const;
    await seed('K1', {
      ...closed,
      assignee: 'agent',
      reviewedAt: '2026-11-03T00:00:00Z',
      firstContactAt: '2026-11-03T02:00:00Z',
      closedAt: '2026-11-05T02:00:00Z',
      reviewOutcome: 'revised_positive',
      qaScore: 90,
    });
    await seed('K2', {
      ...closed,
      assignee: 'agent',
      reviewedAt: '2026-11-04T00:00:00Z',
      firstContactAt: '2026-11-04T04:00:00Z',
      closedAt: '2026-11-06T02:00:00Z',
      reviewOutcome: 'unchanged',
      replied: true,
      qaScore: 70,
    });
    await seed('K3', {
      ...closed,
      assignee: 'agent2',
      reviewedAt: '2026-11-05T00:00:00Z',
      firstContactAt: '2026-11-05T06:00:00Z',
      closedAt: '2026-11-07T02:00:00Z',
      reviewOutcome: 'unchanged',
    });
    await seed('K4', {
      ...closed,
      assignee: 'agent2',
      reviewedAt: '2026-11-10T20:00:00Z',
      firstContactAt: '2026-11-11T02:30:00Z',
      closedAt: '2026-11-11T03:10:00Z',
      reviewOutcome: 'deleted',
    });
    // A review from October imported today (a backfill): neither today's intake nor this hour's.
    await seed('B1', {
      ...closed,
      assignee: 'agent2',
      reviewedAt: '2026-10-20T04:00:00Z',
      createdAt: '2026-11-11T03:00:00Z',
      closedAt: '2026-10-25T00:00:00Z',
      reviewOutcome: 'unchanged',
    });
    await app.dataSource.query(
      `INSERT INTO public_reply (id, case_id, shop_id, target, text, status, drafted_at, published_at)
       SELECT $1, id, shop_id, 'review', '感谢反馈，已为您处理', 'published', '2026-11-05T00:00:00Z', '2026-11-05T00:00:00Z'
         FROM support_case WHERE id = $2`,
      [randomUUID(), ids['K2']],
    );
    await compensation('K1', 'cash', 500, 'paid');
    await compensation('K2', 'coupon', 1000, 'approved');
    await compensation('K3', 'gift', 2000, 'rejected');
  });
  afterAll(() => app.stop());

  it('shows open cases by stage and age, SLA breaches, load per agent and today’s intake', async () => {
    const { status, body } = await app.get<Record<string, unknown>>('/api/dashboard', app.users.lead);
    expect(status).toBe(200);
    const byStage = Object.fromEntries(
      (body['byStageAndAge'] as Array<Record<string, number | string>>).map(({ stage, ...ages }) => [stage, ages]),
    );
    expect(byStage).toEqual({
      new: { underOneDay: 1, oneToThreeDays: 0, threeToSevenDays: 0, overSevenDays: 1 },
      contacting: { underOneDay: 0, oneToThreeDays: 1, threeToSevenDays: 0, overSevenDays: 0 },
      resolving: { underOneDay: 0, oneToThreeDays: 0, threeToSevenDays: 1, overSevenDays: 0 },
    });
    expect([body['open'], body['overdueFirstContact'], body['overdueResolution']]).toEqual([4, 1, 1]);
    // Severity weights low 1, medium 2, high 3, critical 5: agent 3 + 2, agent2 5, the pool 1.
    expect(body['load']).toEqual([
      { agentId: app.users.agent.id, agentName: 'agent', open: 2, weightedLoad: 5 },
      { agentId: agent2Id, agentName: 'agent2', open: 1, weightedLoad: 5 },
      { agentId: null, agentName: null, open: 1, weightedLoad: 1 },
    ]);
    // Reviews posted today in China: O1 at 09:00 and K4 at 04:00 (20:00 UTC the day before); B1, imported
    // today but reviewed in October, is not today's.
    expect(body['todayIntake']).toBe(2);
    expect(body['todayByPlatform']).toEqual([{ platform: 'taobao', cases: 2 }]);
  });

  it('lists the cases behind each number the dashboard shows', async () => {
    const { body } = await app.get<Record<string, number>>('/api/dashboard', app.users.lead);
    const listed = async (query: string) => {
      const page = await app.get<{ items: Array<{ id: string }> }>(`/api/cases?${query}`, app.users.lead);
      expect(page.status).toBe(200);
      return page.body.items.map((item) => item.id).sort();
    };
    const keys = (...names: string[]) => names.map((name) => ids[name]).sort();
    expect(await listed('overdue=first_contact')).toEqual(keys('O1'));
    expect(await listed('overdue=resolution')).toHaveLength(body['overdueResolution'] ?? -1);
    expect(await listed('overdue=first_contact')).toHaveLength(body['overdueFirstContact'] ?? -1);
    // Today's reviews, closed ones included, and not the October review imported today.
    expect(await listed('status=all&reviewedOn=2026-11-11')).toEqual(keys('O1', 'K4'));
    for (const bad of ['overdue=soon', 'reviewedOn=2026-02-30', 'reviewedOn=11/11/2026']) {
      const answer = await app.get<{ message: string }>(`/api/cases?${bad}`, app.users.lead);
      expect({ bad, status: answer.status }).toEqual({ bad, status: 400 });
    }
  });

  it('scores each agent over a period with the policy weights', async () => {
    const { status, body } = await app.get<{
      weights: Record<string, number>;
      agents: Array<Record<string, unknown> & { scores: Record<string, number> }>;
    }>('/api/kpis?from=2026-11-01&to=2026-11-10', app.users.lead);
    expect(status).toBe(200);
    const [first, second] = body.agents;
    // agent: K1, K2 closed (revised; replied) → resolution 1, revised 0.5, QA 80, ¥15 / 2 cases;
    // first contacts after 2 h (K1), 4 h (K2), 6 h (O2) → median 4.
    expect(first).toMatchObject({
      agentId: app.users.agent.id,
      casesClosed: 2,
      firstContactHours: 4,
      resolutionRate: 1,
      revisedRate: 0.5,
      compensationPerCaseFen: 750,
      qaScore: 80,
    });
    // agent2: K3 closed unresolved, no QA, nothing given (the gift was rejected); contacts after 6 h and 8 h → 7.
    expect(second).toMatchObject({
      agentId: agent2Id,
      casesClosed: 1,
      firstContactHours: 7,
      resolutionRate: 0,
      revisedRate: 0,
      compensationPerCaseFen: 0,
      qaScore: null,
    });
    // Team means: 5.5 h and ¥3.75 a case. agent: 100, 100·(1 − 4/11), 100, 50, 0, 80 → 73.7;
    // agent2: 50, 100·(1 − 7/11), 0, 0, 100, and no QA (its weight left out) → 2727.3 / 80 = 34.1.
    expect(first?.scores['firstContactHours']).toBeCloseTo(63.636, 2);
    expect([first?.composite, second?.composite]).toEqual([73.7, 34.1]);
    // Two and one closed cases: below the minimum sample, so neither is ranked against the other.
    expect([first?.ranked, second?.ranked]).toEqual([false, false]);
    expect(body.weights).toEqual({
      casesClosed: 20,
      firstContactHours: 20,
      resolutionRate: 20,
      revisedRate: 10,
      compensationPerCaseFen: 10,
      qaScore: 20,
    });
  });

  it("uses the weights an admin puts in the organisation's policy (KPIs score agents across shops)", async () => {
    const admin = await app.createUser({ username: 'kpi-admin', password: 'x'.repeat(12), role: 'admin' });
    const policy = (await app.get<Record<string, Record<string, unknown>>>('/api/policy', app.users.lead)).body;
    const onlyQa = {
      casesClosed: 0,
      firstContactHours: 0,
      resolutionRate: 0,
      revisedRate: 0,
      compensationPerCaseFen: 0,
      qaScore: 1,
    };
    const saved = await app.request('PUT', '/api/policy', {
      as: admin,
      body: { policy: { ...policy, kpi: { weights: onlyQa } }, note: '本月只看质检分' },
    });
    expect(saved.status).toBe(200);
    const { body } = await app.get<{ agents: Array<{ agentId: string; composite: number | null }> }>(
      '/api/kpis?from=2026-11-01&to=2026-11-10',
      app.users.lead,
    );
    expect(body.agents.map((row) => row.composite)).toEqual([80, null]);
  });

  it('counts a campaign day by hour, China time', async () => {
    const { body } = await app.get<{
      hours: Array<{ hour: number; intake: number; firstContacts: number; closed: number }>;
      agents: Array<{ agentId: string; firstContacts: number[]; closed: number[] }>;
    }>('/api/kpis/hourly?date=2026-11-11', app.users.lead);
    const busy = body.hours.filter((slot) => slot.intake + slot.firstContacts + slot.closed > 0);
    expect(busy).toEqual([
      { hour: 4, intake: 1, firstContacts: 0, closed: 0 },
      { hour: 9, intake: 1, firstContacts: 0, closed: 0 },
      { hour: 10, intake: 0, firstContacts: 1, closed: 0 },
      { hour: 11, intake: 0, firstContacts: 0, closed: 1 },
    ]);
    expect(body.agents).toHaveLength(1);
    expect(body.agents[0]?.agentId).toBe(agent2Id);
    expect(body.agents[0]?.firstContacts[10]).toBe(1);
    expect(body.agents[0]?.closed[11]).toBe(1);
    expect(body.agents[0]?.closed.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("narrows the by-hour view to one shop, a campaign's, and only to a shop the lead works", async () => {
    type Hourly = { hours: Array<{ intake: number; firstContacts: number; closed: number }> };
    const total = (body: Hourly) =>
      body.hours.reduce((sum, slot) => sum + slot.intake + slot.firstContacts + slot.closed, 0);
    const hourly = (shopId: string, as = app.users.lead) =>
      app.get<Hourly & { code?: string }>(`/api/kpis/hourly?date=2026-11-11&shopId=${shopId}`, as);
    // Every case above is the taobao shop's: its hours are the whole day's four, jd's none.
    expect(total((await hourly(app.shops.taobao.id)).body)).toBe(4);
    expect(total((await hourly(app.shops.jd.id)).body)).toBe(0);
    const jdLead = await app.createUser({ username: 'jd-hourly-lead', password: 'x'.repeat(12), role: 'lead' });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id <> $2`, [
      jdLead.id,
      app.shops.jd.id,
    ]);
    expect(await hourly(app.shops.taobao.id, jdLead)).toMatchObject({
      status: 403,
      body: { code: 'auth.shop_forbidden' },
    });
    const bad = await hourly('not-a-shop');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('shopId must be a shop id');
  });

  it('is for leads, with readable errors for bad dates', async () => {
    expect((await app.get('/api/dashboard', app.users.agent)).status).toBe(403);
    expect((await app.get('/api/kpis?from=2026-11-01&to=2026-11-10', app.users.agent)).status).toBe(403);
    const bad = await app.get('/api/kpis?from=yesterday&to=2026-11-10', app.users.lead);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('YYYY-MM-DD');
  });
});
