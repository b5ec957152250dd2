import { aNewCase } from '../factories/case-factory';
import { followScript } from '../support/case-commands';
import { expectConsistentHistory } from '../support/case-history';
import { TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  stage: string;
  version: number;
  rootCause: string | null;
  rootCauseConfirmed: boolean;
  maliciousKind: string | null;
  buyer: { phone: string | null; address: string | null; doNotContact: boolean };
  order: { platformOrderId: string } | null;
  product: { platformProductId: string } | null;
  compensations: Array<{
    id: string;
    status: string;
    amountFen: number;
    approvalReasons: string[];
    payoutDueAt: string | null;
  }>;
  replies: Array<{ id: string; status: string; target: string }>;
  appeal: { result: string | null; evidenceRefs: string[] } | null;
  record: { outcome: string; specialNotes: string } | null;
  contactAttempts: Array<{ channel: string; outcome: string }>;
  events: Array<{ type: string; caseVersion: number; data: Record<string, unknown> }>;
  deadlines: { firstContactAt: string | null; resolutionPaused: boolean };
}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

describe('the case workflow through the API, on PostgreSQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Tuesday 2026-03-10, 10:00 in Shanghai.
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });

  afterAll(async () => {
    await app.stop();
  });

  /**
   * Runs one command and expects it to be accepted; returns the case view it answers with. A stage
   * move follows the stage's script first, as the case view asks the agent to.
   */
  async function command(caseId: string, path: string, body: Record<string, unknown>, as = app.users.agent) {
    if (path === 'transitions') await followScript(app, caseId, as);
    const current = await app.get<CaseView>(`/api/cases/${caseId}`);
    const response = await app.post<CaseView>(
      `/api/cases/${caseId}/${path}`,
      { expectedVersion: current.body.version, ...body },
      as,
    );
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    expect(response.body.version).toBe(current.body.version + 1);
    return response.body;
  }

  /** What the monthly report counts the case under, as CaseRepository.save stored it. */
  async function storedReportOutcome(caseId: string): Promise<string> {
    const [row] = await app.dataSource.query(`SELECT report_outcome FROM support_case WHERE id = $1`, [caseId]);
    return row.report_outcome;
  }

  /** Sends a command that must be refused, and proves the case is exactly as it was. */
  async function expectRefused(
    caseId: string,
    path: string,
    body: Record<string, unknown>,
    status: number,
    code: string,
    as = app.users.agent,
  ) {
    const before = await app.get<CaseView>(`/api/cases/${caseId}`);
    const counts = await Promise.all(
      ['contact_attempt', 'compensation', 'public_reply', 'case_event'].map((table) => app.count(table, caseId)),
    );
    const response = await app.post<ErrorBody>(
      `/api/cases/${caseId}/${path}`,
      { expectedVersion: before.body.version, ...body },
      as,
    );
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.body.message.length).toBeGreaterThan(3);
    expect(response.body.requestId).toEqual(expect.any(String));
    const after = await app.get<CaseView>(`/api/cases/${caseId}`);
    expect(after.body).toEqual(before.body);
    expect(
      await Promise.all(
        ['contact_attempt', 'compensation', 'public_reply', 'case_event'].map((table) => app.count(table, caseId)),
      ),
    ).toEqual(counts);
    return response.body;
  }

  it('takes a case from new to recorded: contact, apology, remedy, compensation within limit, record', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await aNewCase().openIn(app);

    let view = await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached', note: '买家在线，愿意沟通' });
    expect(view.stage).toBe('contacting');
    expect(view.deadlines.firstContactAt).toBe('2026-03-10T02:00:00.000Z');
    view = await command(id, 'transitions', { to: 'apologised' });
    view = await command(id, 'root-cause', { rootCause: 'product_quality', subCause: 'defect' });
    expect(view).toMatchObject({ rootCause: 'product_quality', rootCauseConfirmed: true });
    view = await command(id, 'transitions', { to: 'resolving' });
    view = await command(id, 'remedy', { type: 'exchange', status: 'awaiting_return', note: '买家寄回旧杯' });
    expect(view.deadlines.resolutionPaused).toBe(true);
    app.clock.advanceMinutes(60 * 24);
    view = await command(id, 'remedy', { type: 'exchange', status: 'done', note: '新杯已签收' });
    expect(view.deadlines.resolutionPaused).toBe(false);
    view = await command(id, 'transitions', { to: 'compensating' });
    view = await command(id, 'compensations', {
      type: 'coupon',
      amountFen: 1500,
      note: '杯子漏水给您添麻烦了，送一张15元券',
    });
    const [compensation] = view.compensations;
    expect(compensation).toMatchObject({ status: 'approved', amountFen: 1500, approvalReasons: [] });
    expect(compensation?.payoutDueAt).toEqual(expect.any(String));
    view = await command(id, `compensations/${compensation?.id}/mark-paid`, {});
    expect(view.compensations[0]?.status).toBe('paid');
    view = await command(id, 'transitions', { to: 'watching' });
    view = await command(id, 'review-outcome', { outcome: 'revised_positive' });
    expect(await storedReportOutcome(id)).toBe('revised');
    view = await command(id, 'record', {
      actionsTaken: '旺旺致歉，确认杯盖密封圈缺陷，换新并补偿15元券',
      specialNotes: '买家讲道理，喜欢文字沟通',
    });

    expect(view.stage).toBe('recorded');
    expect(view.record).toMatchObject({ outcome: 'revised_positive', specialNotes: '买家讲道理，喜欢文字沟通' });
    const stages = view.events
      .filter((event) => event.type === 'stage_changed')
      .map((event) => `${event.data['from']}→${event.data['to']}`);
    expect(stages).toEqual([
      'new→contacting',
      'contacting→apologised',
      'apologised→resolving',
      'resolving→compensating',
      'compensating→watching',
      'watching→recorded',
    ]);
    expect(view.events[0]?.type).toBe('case_opened');
    expectConsistentHistory(view);
  });

  it('takes a malicious review through an appeal to the record', async () => {
    app.clock.set('2026-03-10T03:00:00Z');
    const id = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(app);
    let view = await command(id, 'transitions', {
      to: 'appealing',
      maliciousKind: 'extortion',
      reason: '以差评要挟索要200元',
    });
    expect(view).toMatchObject({ stage: 'appealing', maliciousKind: 'extortion', rootCause: 'malicious' });
    view = await command(id, 'appeal', {
      evidenceRefs: ['评价截图-0310', '旺旺聊天记录-0310'],
      note: '买家要求退200元否则差评',
    });
    view = await command(id, 'appeal/result', { result: 'won', note: '平台已删除该评价' });
    expect(await storedReportOutcome(id)).toBe('appeal_won');
    view = await command(id, 'record', {
      actionsTaken: '收集买家索要赔偿的聊天记录并向平台申诉，申诉成功',
      outcome: 'deleted',
      specialNotes: '该买家有索赔史，谨慎沟通',
    });
    expect(view.stage).toBe('recorded');
    expect(view.appeal).toMatchObject({ result: 'won', evidenceRefs: ['评价截图-0310', '旺旺聊天记录-0310'] });
  });

  it('takes an unreachable buyer to a public reply', async () => {
    app.clock.set('2026-03-10T02:00:00Z'); // 10:00 Shanghai
    const id = await aNewCase().openIn(app);
    await command(id, 'contact-attempts', { channel: 'phone', outcome: 'no_answer' });
    app.clock.set('2026-03-10T06:00:00Z'); // 14:00
    await command(id, 'contact-attempts', { channel: 'phone', outcome: 'busy' });
    app.clock.set('2026-03-10T10:00:00Z'); // 18:00
    await command(id, 'contact-attempts', { channel: 'phone', outcome: 'no_answer' });
    let view = await command(id, 'transitions', { to: 'replying', reason: '三次电话未接通' });
    view = await command(id, 'replies', {
      target: 'review',
      text: '非常抱歉给您带来不好的体验，我们已联系仓库排查密封圈问题，欢迎随时通过旺旺联系我们处理。',
    });
    const draft = view.replies[0];
    view = await command(id, `replies/${draft?.id}/publish`, {});
    expect(view.replies).toEqual([expect.objectContaining({ status: 'published', target: 'review' })]);
    // The monthly report counts the case as answered publicly from now on.
    expect(await storedReportOutcome(id)).toBe('replied');
    view = await command(id, 'transitions', { to: 'watching' });
    view = await command(id, 'record', {
      actionsTaken: '三次电话未接通，发布公开解释，说明已排查问题',
      rootCause: 'product_quality',
      outcome: 'unchanged',
      specialNotes: '白天不接电话，下次先发旺旺',
    });
    expect(view.stage).toBe('recorded');
  });

  describe('refusals change nothing', () => {
    it('refuses a 4th phone call with the limit in the message', async () => {
      app.clock.set('2026-03-10T02:00:00Z');
      const id = await aNewCase().openIn(app);
      for (const utc of ['02:00', '05:30', '09:00']) {
        app.clock.set(`2026-03-10T${utc}:00Z`);
        await command(id, 'contact-attempts', { channel: 'phone', outcome: 'no_answer' });
      }
      app.clock.set('2026-03-11T02:00:00Z');
      const error = await expectRefused(
        id,
        'contact-attempts',
        { channel: 'phone', outcome: 'reached' },
        422,
        'contact.phone_limit_reached',
      );
      expect(error.message).toBe('第4次电话超出上限(3次)');
      expect(error.details).toEqual({ attempt: 4, max: 3 });
    });

    it('refuses a call in quiet hours in the buyer time zone, and explains in English when asked', async () => {
      app.clock.set('2026-03-10T14:30:00Z'); // 22:30 in Shanghai
      const id = await aNewCase().openIn(app);
      const error = await expectRefused(
        id,
        'contact-attempts',
        { channel: 'phone', outcome: 'reached' },
        422,
        'contact.quiet_hours',
      );
      expect(error.message).toContain('22:30');
      const current = await app.get<CaseView>(`/api/cases/${id}`);
      const english = await app.request<ErrorBody>('POST', `/api/cases/${id}/contact-attempts`, {
        body: { expectedVersion: current.body.version, channel: 'sms', outcome: 'reached' },
        language: 'en-US,en;q=0.9',
      });
      expect(english.body.message).toBe(
        'It is 22:30 for the buyer, inside quiet hours (21:00–09:00); contact them later',
      );
    });

    it('holds a compensation over the limit for a lead: paying it first is refused', async () => {
      app.clock.set('2026-03-10T02:00:00Z');
      const id = await aNewCase().withSeverity('low').openIn(app);
      await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
      await command(id, 'transitions', { to: 'apologised' });
      await command(id, 'root-cause', { rootCause: 'product_quality' });
      await command(id, 'transitions', { to: 'resolving' });
      await command(id, 'remedy', { type: 'partial_refund', status: 'done' });
      await command(id, 'transitions', { to: 'compensating' });
      const view = await command(id, 'compensations', {
        type: 'cash',
        amountFen: 5000,
        note: '杯子漏水弄湿了包，补偿50元红包',
      });
      const compensation = view.compensations[0];
      expect(compensation).toMatchObject({
        status: 'pending_approval',
        approvalReasons: ['over_limit'],
        payoutDueAt: null,
      });

      const error = await expectRefused(
        id,
        `compensations/${compensation?.id}/mark-paid`,
        {},
        422,
        'compensation.approval_required',
      );
      expect(error.message).toBe('该补偿需主管审批后才能发放(超出限额)');
      await expectRefused(id, `compensations/${compensation?.id}/approve`, {}, 403, 'role.lead_required');
      await expectRefused(id, 'transitions', { to: 'watching' }, 422, 'compensation.awaiting_decision');

      const approved = await command(
        id,
        `compensations/${compensation?.id}/approve`,
        { note: '情况属实，同意' },
        app.users.lead,
      );
      expect(approved.compensations[0]?.status).toBe('approved');
      const paid = await command(id, `compensations/${compensation?.id}/mark-paid`, {});
      expect(paid.compensations[0]?.status).toBe('paid');
      await expectRefused(id, `compensations/${compensation?.id}/mark-paid`, {}, 422, 'compensation.already_paid');
    });

    it('refuses compensation on a malicious case and text that ties money to a rating', async () => {
      app.clock.set('2026-03-10T02:00:00Z');
      const malicious = await aNewCase().openIn(app);
      await command(malicious, 'transitions', { to: 'appealing', maliciousKind: 'competitor' });
      const error = await expectRefused(
        malicious,
        'compensations',
        { type: 'coupon', amountFen: 500, note: '补偿一张券' },
        422,
        'compensation.malicious_case',
      );
      expect(error.message).toContain('恶意评价');

      const id = await aNewCase().openIn(app);
      await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
      await command(id, 'transitions', { to: 'apologised' });
      await command(id, 'root-cause', { rootCause: 'product_quality' });
      await command(id, 'transitions', { to: 'resolving' });
      await command(id, 'remedy', { type: 'exchange', status: 'done' });
      await command(id, 'transitions', { to: 'compensating' });
      const tied = await expectRefused(
        id,
        'compensations',
        { type: 'cash', amountFen: 500, note: '改成好评后返5元红包' },
        422,
        'compensation.tied_to_review',
      );
      // The refusal cites the rule it enforces.
      expect(tied.message).toContain('《网络交易监督管理办法》第十四条');
      // issue 13: worded differently from the old phrase list, these were approved.
      for (const note of ['您删除差评后我们返您5元', '修改差评后返5元']) {
        await expectRefused(
          id,
          'compensations',
          { type: 'cash', amountFen: 500, note },
          422,
          'compensation.tied_to_review',
        );
      }
    });

    it('refuses a second public reply and a reply containing a phone number', async () => {
      app.clock.set('2026-03-10T02:00:00Z');
      const id = await aNewCase().openIn(app);
      await command(id, 'contact-attempts', { channel: 'im', outcome: 'refused', note: '买家不想沟通' });
      await command(id, 'transitions', { to: 'replying' });
      await expectRefused(
        id,
        'replies',
        { target: 'review', text: '有问题请拨打 138-1234-5678 联系我们' },
        422,
        'reply.personal_data',
      );
      // Cash back for a changed review, even said in public, is what the platforms penalise.
      await expectRefused(
        id,
        'replies',
        { target: 'review', text: '亲，联系客服改好评返5元' },
        422,
        'reply.tied_to_review',
      );
      // issue 13: each of these was published.
      for (const [text, code] of [
        ['亲，删除差评后返您5元', 'reply.tied_to_review'],
        ['您的电话１３８１２３４５６７８已登记', 'reply.personal_data'],
        ['邮件已发到 buyer.li@example.com', 'reply.personal_data'],
      ] as const) {
        await expectRefused(id, 'replies', { target: 'review', text }, 422, code);
      }
      await expectRefused(id, 'replies', { target: 'review', text: '垃圾买家，滚' }, 422, 'reply.abusive');
      const drafted = await command(id, 'replies', { target: 'review', text: '感谢您的反馈，我们已经在改进包装。' });
      await command(id, `replies/${drafted.replies[0]?.id}/publish`, {});
      await expectRefused(
        id,
        'replies',
        { target: 'review', text: '再补充说明一下。' },
        422,
        'reply.already_published',
      );
      const published = await app.get<CaseView>(`/api/cases/${id}`);
      await expectRefused(id, `replies/${published.body.replies[0]?.id}/publish`, {}, 422, 'reply.already_published');
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      app.clock.set('2026-03-10T02:00:00Z');
      const id = await aNewCase().openIn(app);
      await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
      const before = await app.get<CaseView>(`/api/cases/${id}`);
      const stale = await app.post<ErrorBody>(`/api/cases/${id}/transitions`, {
        expectedVersion: before.body.version - 1,
        to: 'apologised',
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'case.version_conflict',
        details: { expectedVersion: 1, currentVersion: 2 },
      });
      expect((await app.get<CaseView>(`/api/cases/${id}`)).body).toEqual(before.body);
    });

    it('answers an unknown field with 400 naming the field, and changes nothing', async () => {
      const id = await aNewCase().openIn(app);
      const error = await expectRefused(id, 'transitions', { to: 'contacting', bonusFen: 500 }, 400, 'request.invalid');
      expect(error.details).toEqual({
        fields: [{ field: 'bonusFen', messages: ['property bonusFen should not exist'] }],
      });
    });

    it('answers a lost actor with 401 and an unknown case with 404', async () => {
      const id = await aNewCase().openIn(app);
      const anonymous = await app.request<ErrorBody>('POST', `/api/cases/${id}/transitions`, {
        body: { expectedVersion: 1, to: 'contacting' },
        as: null,
      });
      expect(anonymous).toMatchObject({ status: 401, body: { code: 'auth.missing_actor' } });
      const missing = await app.post<ErrorBody>('/api/cases/00000000-0000-4000-8000-000000000000/transitions', {
        expectedVersion: 1,
        to: 'contacting',
      });
      expect(missing).toMatchObject({ status: 404, body: { code: 'case.not_found' } });
    });
  });

  it('shows personal data masked and platform ids intact', async () => {
    const id = await aNewCase().withBuyer({ phone: '13987654321', address: '上海市浦东新区张江路88号' }).openIn(app);
    const view = await app.get<CaseView>(`/api/cases/${id}`);
    expect(view.body.buyer).toMatchObject({ phone: '139****4321', address: '上海市****' });
    expect(JSON.stringify(view.body)).not.toContain('13987654321');
    expect(view.body.order?.platformOrderId).toMatch(/^30123456789012345\d\d$/);
    expect(BigInt(view.body.product?.platformProductId ?? 0)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });
});
