import { aNewCase } from '../factories/case-factory';
import { caseCommands, type ErrorBody } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  stage: string;
  version: number;
  rootCause: string | null;
  maliciousKind: string | null;
  buyer: { id: string; doNotContact: boolean };
  review: { sellerReply: string | null };
  compensations: Array<{ id: string; status: string }>;
  replies: Array<{ id: string; status: string }>;
}

interface ImportResult {
  imported: number;
}

/** One Taobao TOP rate (taobao.traderates.get) as the platform returns it; 19-digit ids stay text. */
function taobaoRate(rate: { tid: string; nick: string; reply?: string; ouid?: string }): string {
  const item = {
    role: 'buyer',
    nick: rate.nick,
    result: 'bad',
    created: '2026-03-09 20:00:00',
    item_title: '真空保温杯 500ml',
    item_price: '89.00',
    content: '杯盖漏水，用了两天就不保温了',
    reply: rate.reply ?? '',
    num_iid: 712345678901,
    ...(rate.ouid ? { ouid: rate.ouid } : {}),
  };
  const json = JSON.stringify({
    traderates_get_response: { trade_rates: { trade_rate: [{ ...item, tid: 0, oid: 0 }] } },
  });
  return json.replaceAll('"tid":0', `"tid":${rate.tid}`).replaceAll('"oid":0', `"oid":${rate.tid}`);
}

describe('the workflow rules hold through the API (issue 13), on PostgreSQL', () => {
  let app: TestApp;
  const { command, expectRefused, toCompensating, toReplying } = caseCommands<CaseView>(() => app);

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z'); // Tuesday, 10:00 in Shanghai
  });

  afterAll(async () => {
    await app.stop();
  });

  async function importTaobao(rate: Parameters<typeof taobaoRate>[0]): Promise<string> {
    const { status, body } = await app.postRaw<ImportResult>(
      `/api/intake/taobao.traderates.get?shopId=${app.shops.taobao.id}`,
      taobaoRate(rate),
      { 'content-type': 'application/json' },
    );
    expect({ status, imported: body.imported }).toEqual({ status: 200, imported: 1 });
    const [row] = await app.dataSource.query(
      `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
      [rate.tid],
    );
    return (row as { id: string }).id;
  }

  const coupon = { type: 'coupon', amountFen: 1000, note: '杯盖漏水给您添麻烦了，这张券是我们的歉意' };

  it('refuses compensation once the agent confirmed the cause malicious, and allows it after the triage override', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await aNewCase().openIn(app);
    await toCompensating(id);
    await command(id, 'root-cause', { rootCause: 'malicious' });
    const refused = await expectRefused(id, 'compensations', coupon, {
      status: 422,
      code: 'compensation.malicious_case',
    });
    expect(refused.message).toContain('恶意');
    await command(id, 'triage-overrides', {
      field: 'rootCause',
      rootCause: 'product_quality',
      reason: '核实为质量问题',
    });
    const view = await command(id, 'compensations', coupon);
    expect(view.compensations.map((c) => c.status)).toEqual(['approved']);
  });

  it('refuses a compensating stage on a case triage found malicious', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(app);
    await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await command(id, 'transitions', { to: 'apologised' });
    await command(id, 'root-cause', { rootCause: 'malicious' });
    await command(id, 'transitions', { to: 'resolving' });
    await command(id, 'remedy', { type: 'none_needed', status: 'done' });
    await expectRefused(
      id,
      'transitions',
      { to: 'compensating' },
      { status: 422, code: 'compensation.malicious_case' },
    );
  });

  it('keeps one pending compensation per case until a lead decides it', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await aNewCase().openIn(app);
    await toCompensating(id);
    const pending = await command(id, 'compensations', { ...coupon, amountFen: 9_000 });
    expect(pending.compensations.map((c) => c.status)).toEqual(['pending_approval']);
    const refused = await expectRefused(id, 'compensations', coupon, {
      status: 422,
      code: 'compensation.awaiting_decision',
    });
    expect(refused.message).toContain('主管');
    await command(id, `compensations/${pending.compensations[0]?.id}/reject`, { note: '超出限额' }, app.users.lead);
    app.clock.advanceMinutes(5); // the case lists compensations by the time they were proposed
    const view = await command(id, 'compensations', coupon);
    expect(view.compensations.map((c) => c.status)).toEqual(['rejected', 'approved']);
  });

  it('counts a seller reply imported with the review as its one public reply', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await importTaobao({ tid: '3781452290119990001', nick: 'a**1', reply: '亲，配件已为您补发' });
    await toReplying(id);
    await expectRefused(
      id,
      'replies',
      { target: 'review', text: '非常抱歉给您带来不便，我们已安排处理。' },
      { status: 422, code: 'reply.platform_reply_exists' },
    );
    const view = await command(id, 'transitions', { to: 'watching' });
    expect(view.stage).toBe('watching');
  });

  it("fills the review's seller reply when the case publishes its reply", async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const id = await aNewCase().openIn(app);
    await toReplying(id);
    const text = '非常抱歉给您带来不便，我们已排查杯盖密封圈，欢迎随时联系客服处理。';
    const drafted = await command(id, 'replies', { target: 'review', text });
    const view = await command(id, `replies/${drafted.replies[0]?.id}/publish`, {});
    expect(view.review.sellerReply).toBe(text);
    const [review] = await app.dataSource.query(
      `SELECT r.seller_reply FROM review r JOIN support_case c ON c.review_id = r.id WHERE c.id = $1`,
      [id],
    );
    expect(review).toEqual({ seller_reply: text });
  });

  it('refuses to enter appealing past the deadline, and lets a case stuck there move on to a record', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const late = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(app);
    const stuck = await aNewCase().withRootCause('malicious', '不给我退两百块我就天天来差评').openIn(app);
    await command(stuck, 'transitions', { to: 'appealing', maliciousKind: 'extortion', reason: '索要赔偿' });

    app.clock.set('2026-04-20T02:00:00Z'); // the 30-day appeal window closed on 2026-04-09
    await expectRefused(
      late,
      'transitions',
      { to: 'appealing', maliciousKind: 'extortion' },
      { status: 422, code: 'appeal.deadline_passed' },
    );
    await expectRefused(
      stuck,
      'appeal',
      { evidenceRefs: ['聊天记录'] },
      { status: 422, code: 'appeal.deadline_passed' },
    );
    await command(stuck, 'transitions', { to: 'replying', reason: '申诉期已过' });
    const drafted = await command(stuck, 'replies', {
      target: 'review',
      text: '我们已核实订单情况，如有问题欢迎通过平台客服联系我们。',
    });
    await command(stuck, `replies/${drafted.replies[0]?.id}/publish`, {});
    await command(stuck, 'transitions', { to: 'watching' });
    const view = await command(stuck, 'record', {
      actionsTaken: '申诉期已过未能申诉，发布公开说明',
      outcome: 'unchanged',
      specialNotes: '买家以差评索要赔偿',
    });
    expect(view.stage).toBe('recorded');
  });

  it.each([
    ['00:00', '00:00'],
    ['23:58', '23:59'],
    ['22:00', '08:00'],
  ])('refuses quiet hours of %s–%s for a shop with 422: they may not shrink below 21:00–08:00', async (start, end) => {
    const url = `/api/policy/shops/${app.shops.jd.id}`;
    const before = await app.get(`/api/policy?shopId=${app.shops.jd.id}`, app.users.lead);
    const response = await app.request<ErrorBody>('PUT', url, {
      body: { policy: { contact: { quietHours: { start, end } } }, note: '想在晚上也能打电话' },
      as: app.users.lead,
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'policy.legal_line', requestId: expect.any(String) });
    expect(response.body.message).toContain('21:00–08:00');
    expect((await app.get(`/api/policy?shopId=${app.shops.jd.id}`, app.users.lead)).body).toEqual(before.body);
  });

  it('lets a lead widen quiet hours', async () => {
    const response = await app.request<{ policy: { contact: { quietHours: unknown } } }>(
      'PUT',
      `/api/policy/shops/${app.shops.jd.id}`,
      {
        body: { policy: { contact: { quietHours: { start: '20:30', end: '09:00' } } }, note: '晚上提前免打扰' },
        as: app.users.lead,
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.policy.contact.quietHours).toEqual({ start: '20:30', end: '09:00' });
  });

  it('keeps two buyers with the same masked nickname and no buyer id apart: the order identifies the buyer', async () => {
    app.clock.set('2026-03-10T02:00:00Z');
    const first = await importTaobao({ tid: '3781452290119990002', nick: 'w**7' });
    const second = await importTaobao({ tid: '3781452290119990003', nick: 'w**7' });
    const views = await Promise.all([first, second].map((id) => app.get<CaseView>(`/api/cases/${id}`)));
    expect(views[0]?.body.buyer.id).not.toBe(views[1]?.body.buyer.id);

    await command(first, 'do-not-contact', { reason: '买家在旺旺里要求不要再联系' });
    const other = await command(second, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    expect(other.buyer.doNotContact).toBe(false);
  });
});
