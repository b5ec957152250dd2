import type { UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { followScript } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  stage: string;
  compensations: Array<{ id: string; status: string }>;
  qaReview: { score: number; comment: string | null } | null;
}

/** The team lead's tools: approval queue, record review, accounts. */
describe('lead tools', () => {
  let app: TestApp;
  let admin: UserEntity;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    admin = await app.createUser({ username: 'boss', password: 'a long admin password', role: 'admin' });
  });
  afterAll(() => app.stop());

  /** Sends a command at the current version; a stage move after following the stage's script. */
  async function run(caseId: string, path: string, body: Record<string, unknown> = {}, as?: UserEntity) {
    if (path === 'transitions') await followScript(app, caseId, as);
    const current = (await app.get<CaseView>(`/api/cases/${caseId}`)).body;
    const response = await app.post<CaseView & { code?: string }>(
      `/api/cases/${caseId}/${path}`,
      { expectedVersion: current.version, ...body },
      as,
    );
    return response;
  }

  async function caseInCompensating(): Promise<string> {
    const id = await aNewCase().openIn(app);
    await run(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await run(id, 'transitions', { to: 'apologised' });
    await run(id, 'root-cause', { rootCause: 'product_quality' });
    await run(id, 'transitions', { to: 'resolving' });
    await run(id, 'remedy', { type: 'exchange', status: 'done' });
    await run(id, 'transitions', { to: 'compensating' });
    return id;
  }

  it("lists compensations over the limit for the lead's shops, and the lead approves one", async () => {
    const id = await caseInCompensating();
    const proposed = await run(id, 'compensations', {
      type: 'cash',
      amountFen: 8800,
      note: '漏水弄湿了买家的包，赔偿清洗费',
    });
    expect(proposed.body.compensations[0]?.status).toBe('pending_approval');

    expect((await app.get('/api/compensations/pending')).status).toBe(403);
    const queue = await app.request<
      Array<{ id: string; caseId: string; caseVersion: number; approvalReasons: string[] }>
    >('GET', '/api/compensations/pending', { as: app.users.lead });
    expect(queue.status).toBe(200);
    const pending = queue.body.find((item) => item.caseId === id);
    expect(pending?.approvalReasons).toEqual(['over_limit']);

    const approved = await app.post<CaseView>(
      `/api/cases/${id}/compensations/${pending?.id}/approve`,
      { expectedVersion: pending?.caseVersion, note: '情况属实，同意' },
      app.users.lead,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.compensations[0]?.status).toBe('approved');
    const after = await app.request<unknown[]>('GET', '/api/compensations/pending', { as: app.users.lead });
    expect(after.body).toEqual([]);
  });

  it('lets a lead score a closed record and refuses agents and open cases', async () => {
    const id = await aNewCase().openIn(app);
    await run(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await run(id, 'transitions', { to: 'apologised' });
    await run(id, 'root-cause', { rootCause: 'product_quality' });
    await run(id, 'transitions', { to: 'resolving' });
    await run(id, 'remedy', { type: 'usage_guidance', status: 'done' });
    await run(id, 'transitions', { to: 'replying' });
    await run(id, 'replies', { target: 'review', text: '感谢反馈，已指导您正确使用杯盖，给您带来不便非常抱歉。' });
    const draft = (await app.get<{ replies: Array<{ id: string }> }>(`/api/cases/${id}`)).body.replies[0];
    await run(id, `replies/${draft?.id}/publish`);
    await run(id, 'transitions', { to: 'watching' });
    const checks = { apologised: true, rootCauseConfirmed: true, policyFollowed: true, recordComplete: false };

    const early = await run(id, 'qa-review', checks, app.users.lead);
    expect(early.body.code).toBe('stage.wrong_stage');
    await run(id, 'record', {
      actionsTaken: '电话致歉并指导使用，公开回复说明',
      outcome: 'unchanged',
      specialNotes: '买家很客气',
    });

    expect((await run(id, 'qa-review', checks)).body.code).toBe('role.lead_required');
    const reviewed = await run(id, 'qa-review', { ...checks, comment: '备注写得太简单' }, app.users.lead);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.qaReview).toMatchObject({ score: 75, comment: '备注写得太简单' });
    const [row] = await app.dataSource.query(`SELECT qa_score FROM support_case WHERE id = $1`, [id]);
    expect(row).toEqual({ qa_score: 75 });
  });

  it('lets an admin create accounts and set their shops, and nobody else', async () => {
    const body = {
      username: 'agent9',
      displayName: '新客服',
      role: 'agent',
      password: 'first password 2026',
      shopIds: [app.shops.jd.id],
    };
    expect((await app.post<{ code: string }>('/api/users', body, app.users.lead)).body.code).toBe(
      'role.admin_required',
    );
    const created = await app.post<{ id: string; shopIds: string[] }>('/api/users', body, admin);
    expect(created.status).toBe(201);
    expect(created.body.shopIds).toEqual([app.shops.jd.id]);
    expect((await app.post<{ code: string }>('/api/users', body, admin)).body.code).toBe('user.username_taken');
    expect(
      (await app.post<{ code: string }>('/api/users', { ...body, username: 'agent10', password: 'short' }, admin)).body
        .code,
    ).toBe('auth.too_short');

    const moved = await app.app.inject({
      method: 'PUT',
      url: `/api/users/${created.body.id}/shops`,
      headers: { cookie: await app.sessionCookie(admin), 'content-type': 'application/json' },
      payload: { shopIds: [app.shops.taobao.id, app.shops.douyin.id] },
    });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as { shopIds: string[] }).shopIds.sort()).toEqual(
      [app.shops.taobao.id, app.shops.douyin.id].sort(),
    );

    const signIn = await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent9', password: 'first password 2026' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('shows the SLA board per agent to leads only', async () => {
    await app.dataSource.query(
      `UPDATE support_case SET stage = 'recorded' WHERE stage <> 'recorded' AND record IS NOT NULL`,
    );
    app.clock.set('2026-03-10T02:00:00Z');
    const overdue = await aNewCase().reviewedOn('2026-03-08T01:00:00Z').openIn(app);
    // Medium severity: first contact within 24 h of the review, so due at 10:00 UTC today.
    const dueSoon = await aNewCase().withSeverity('medium').reviewedOn('2026-03-09T10:00:00Z').openIn(app);
    expect((await app.get('/api/sla/board')).status).toBe(403);
    const board = await app.request<{
      agents: Array<{ agentId: string | null; overdueFirstContact: number; dueWithin24h: number; open: number }>;
      overdue: Array<{ id: string; deadline: string }>;
    }>('GET', '/api/sla/board', { as: app.users.lead });
    expect(board.status).toBe(200);
    const agent = board.body.agents.find((row) => row.agentId === app.users.agent.id);
    expect(agent?.overdueFirstContact).toBeGreaterThanOrEqual(1);
    expect(agent?.dueWithin24h).toBeGreaterThanOrEqual(1);
    expect(board.body.overdue.map((row) => row.id)).toContain(overdue);
    expect(board.body.overdue.find((row) => row.id === overdue)?.deadline).toBe('first_contact');
    expect(board.body.overdue.map((row) => row.id)).not.toContain(dueSoon);
  });

  it('reassigns many cases at once, reporting the ones that cannot move', async () => {
    const taobaoAgent = await app.createUser({ username: 'tb-only', password: 'another long password' });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id <> $2`, [
      taobaoAgent.id,
      app.shops.taobao.id,
    ]);
    const first = await aNewCase().onPlatform('taobao').openIn(app);
    const second = await aNewCase().onPlatform('taobao').openIn(app);
    const elsewhere = await aNewCase().onPlatform('jd').openIn(app);
    const body = { caseIds: [first, second, elsewhere], assigneeId: taobaoAgent.id, reason: '原客服休假，集中改派' };

    expect((await app.post<{ code: string }>('/api/cases/assignment', body)).body.code).toBe('role.lead_required');
    const result = await app.post<{ moved: string[]; refused: Array<{ caseId: string; code: string }> }>(
      '/api/cases/assignment',
      body,
      app.users.lead,
    );
    expect(result.status).toBe(200);
    expect(result.body.moved.sort()).toEqual([first, second].sort());
    expect(result.body.refused).toEqual([{ caseId: elsewhere, code: 'assignment.no_shop_access' }]);
    const rows: Array<{ id: string; assignee_id: string }> = await app.dataSource.query(
      `SELECT id, assignee_id FROM support_case WHERE id = ANY($1)`,
      [[first, second, elsewhere]],
    );
    expect(rows.find((row) => row.id === elsewhere)?.assignee_id).toBe(app.users.agent.id);
    expect(rows.filter((row) => row.assignee_id === taobaoAgent.id)).toHaveLength(2);
  });

  it("lets an admin change the organisation's policy within the legal lines, keeping every version with who and why", async () => {
    const current = (
      await app.get<{
        contact: { maxPhoneCallsPerCase: number };
        compensation: { limitsFen: { cash: { medium: number } } };
      }>('/api/policy')
    ).body;
    const raised = structuredClone(current);
    raised.compensation.limitsFen.cash.medium = 1500;
    const put = async (policy: unknown, as: UserEntity = app.users.agent) =>
      app.app.inject({
        method: 'PUT',
        url: '/api/policy',
        headers: { 'content-type': 'application/json', cookie: await app.sessionCookie(as) },
        payload: { policy, note: '双11期间提高现金补偿额度' },
      });

    expect((await put(raised)).statusCode).toBe(403);
    // The organisation's default is the admins': a lead sets the values of their own shops.
    expect((await put(raised, app.users.lead)).statusCode).toBe(403);
    const tooManyCalls = structuredClone(raised);
    tooManyCalls.contact.maxPhoneCallsPerCase = 5;
    const refused = await put(tooManyCalls, admin);
    // Well-formed but over a legal line: 422, with the line it crosses.
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'policy.legal_line' });
    expect(JSON.stringify(refused.json())).toContain('contact.maxPhoneCallsPerCase');

    expect((await put(raised, admin)).statusCode).toBe(200);
    expect((await app.get<typeof current>('/api/policy')).body.compensation.limitsFen.cash.medium).toBe(1500);
    const history = await app.request<Array<{ note: string; changedBy: string }>>('GET', '/api/policy/history', {
      as: app.users.lead,
    });
    expect(history.body[0]).toMatchObject({ note: '双11期间提高现金补偿额度', changedBy: admin.id });
  });
});
