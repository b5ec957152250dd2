import { Logger } from '@nestjs/common';

import { ReplyPublisher, ReviewPuller, TaskScheduler } from '@chaping/api/testing';

import { caseCommands } from '../support/case-commands';
import {
  JD_APP,
  JD_TOKEN,
  jdComments,
  simulatorConnections,
  startJosSimulator,
  startTopSimulator,
  type JosSimulator,
  type SimulatedJdComment,
  type TopSimulator,
} from '../support/marketplace-simulator';
import { TestApp } from '../support/test-app';

interface Connection {
  id: string;
  status: string;
  signMethod: string;
  reviewsPulled: number;
  pulledUpTo: string;
  nextPullAt: string | null;
  lastError: { code: string; message: string } | null;
}
interface Reply {
  target: string;
  status: string;
  delivery: string | null;
  failure: { reason: string; platformMessage: string | null } | null;
}
interface View {
  id: string;
  version: number;
  replies: Reply[];
  events: Array<{ type: string; data: Record<string, unknown> }>;
}

const LIST = 'jingdong.pop.PopCommentJsfService.getVenderCommentsForJos';
const REPLY = 'jingdong.pop.PopCommentJsfService.saveReply';

/**
 * A JD shop end to end against the JOS simulator (a real HTTP server checking the md5 signature
 * and the access token): no mock of the client. Connect, pull (paging, rate limits, a re-pull, two
 * instances, an expired token), then publish replies through saveReply (once, even when an
 * answer is lost; refusals in words).
 */
describe('JD connection', () => {
  let app: TestApp;
  let jos: JosSimulator;
  let top: TopSimulator;
  let connection: Connection;
  const answers: string[] = [];
  const logged: string[] = [];
  const RENEWED = 'jd-sim-access-token-renewed-3b7e';
  const polite = '非常抱歉给您带来不好的体验，问题已经为您安排处理，欢迎随时联系我们。';
  const { command } = caseCommands<View>(() => app);

  const request = async <T>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await app.request<T>(method, url, { body, as: app.users.lead });
    answers.push(JSON.stringify(response.body));
    return response;
  };
  const pullNow = (id = connection.id) =>
    request<{ outcome: string; connection: Connection }>('POST', `/api/connections/${id}/pull`);
  const count = async (table: 'review' | 'support_case') =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE shop_id = $1`, [app.shops.jd.id]))[0]
      .n as number;
  const caseOf = async (comment: SimulatedJdComment) =>
    (
      await app.dataSource.query(
        `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
        [comment.commentId],
      )
    )[0].id as string;
  const run = async (id: string, path: string, body: Record<string, unknown> = {}) => {
    const view = await command(id, path, body, app.users.lead);
    answers.push(JSON.stringify(view));
    return view;
  };
  const publish = async (id: string, text = polite) => {
    for (const outcome of ['no_answer', 'busy', 'no_answer'])
      await run(id, 'contact-attempts', { channel: 'im', outcome });
    await run(id, 'transitions', { to: 'replying' });
    const drafted = await run(id, 'replies', { target: 'review', text });
    const draft = drafted.replies.find((item) => item.status === 'draft') as Reply & { id: string };
    return run(id, `replies/${draft.id}/publish`);
  };
  const replyOf = async (id: string) => {
    const response = await app.get<View>(`/api/cases/${id}`, app.users.lead);
    answers.push(JSON.stringify(response.body));
    return response.body.replies.find((item) => item.target === 'review') as Reply;
  };
  const repliesTo = (comment: SimulatedJdComment) =>
    jos.callsOf(REPLY).filter((call) => call.params['360buy_param_json']?.includes(`"${comment.commentId}"`));

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
    }
    const now = new Date('2026-03-10T02:00:00Z');
    let current = () => now;
    const startedTop = startTopSimulator(() => current());
    const startedJos = startJosSimulator(() => current());
    top = startedTop.simulator;
    jos = startedJos.simulator;
    app = await TestApp.start(now.toISOString(), {
      connections: simulatorConnections(await startedTop.url, { josGatewayUrl: await startedJos.url }),
    });
    current = () => app.clock.now();
    // The scenario drives pulls and sends itself: the instance's own timer would race its counts.
    await app.app.get(TaskScheduler).onApplicationShutdown();
    jos.addComments(...jdComments(60, now, 20));
  });

  afterAll(async () => {
    await app.stop();
    await jos.stop();
    await top.stop();
    jest.restoreAllMocks();
  });

  it('refuses a sign method JOS does not take, and a signature JOS rejects, in words', async () => {
    const hmac = await request<{ code: string }>('POST', `/api/shops/${app.shops.jd.id}/connection`, {
      appKey: JD_APP.appKey,
      appSecret: JD_APP.appSecret,
      sessionKey: JD_TOKEN,
      signMethod: 'hmac-sha256',
    });
    expect(hmac.status).toBe(422);
    expect(hmac.body.code).toBe('connection.sign_method_unsupported');

    const wrong = await request<Connection>('POST', `/api/shops/${app.shops.jd.id}/connection`, {
      appKey: JD_APP.appKey,
      appSecret: 'not-the-jd-app-secret',
      sessionKey: JD_TOKEN,
    });
    expect(wrong.body.signMethod).toBe('md5');
    const pulled = await pullNow(wrong.body.id);
    expect(pulled.body.outcome).toBe('failed');
    expect(pulled.body.connection.lastError).toMatchObject({ code: 'signature_rejected' });
    expect(pulled.body.connection.lastError?.message).toContain('签名');
    expect(pulled.body.connection.pulledUpTo).toBe(wrong.body.pulledUpTo);
    expect(jos.requests.at(-1)?.answer).toBe('sign_invalid');
    const revoked = await app.app.inject({
      method: 'DELETE',
      url: `/api/connections/${wrong.body.id}`,
      headers: { cookie: await app.sessionCookie(app.users.lead) },
    });
    expect(revoked.statusCode).toBe(204);
  });

  it('connects with the access token sealed, and pulls 差评 and 中评 into cases with exact ids', async () => {
    const created = await request<Connection>('POST', `/api/shops/${app.shops.jd.id}/connection`, {
      appKey: JD_APP.appKey,
      appSecret: JD_APP.appSecret,
      sessionKey: JD_TOKEN,
      pullEverySeconds: 300,
    });
    expect(created.status).toBe(200);
    connection = created.body;
    const [row] = await app.dataSource.query(`SELECT * FROM shop_connection WHERE id = $1`, [connection.id]);
    expect(JSON.stringify(row)).not.toMatch(new RegExp(`${JD_APP.appSecret}|${JD_TOKEN}`));

    const pulled = await pullNow();
    expect(pulled.body.outcome).toBe('pulled');
    expect(pulled.body.connection).toMatchObject({
      reviewsPulled: 60,
      lastError: null,
      pulledUpTo: app.clock.now().toISOString(),
    });
    expect(await count('support_case')).toBe(60);
    const [first] = await app.dataSource.query(
      `SELECT r.platform_review_id, o.platform_order_id FROM review r JOIN trade_order o ON o.id = r.order_id
        WHERE r.shop_id = $1 ORDER BY r.platform_review_id LIMIT 1`,
      [app.shops.jd.id],
    );
    expect(first).toEqual({ platform_review_id: '15728800000000', platform_order_id: '285100000000' });
    const calls = jos.callsOf(LIST);
    const business = calls.map(
      (call) => JSON.parse(call.params['360buy_param_json'] ?? '{}') as Record<string, unknown>,
    );
    expect(new Set(business.map((item) => item['score']))).toEqual(new Set([1, 2]));
    expect(business.every((item) => item['pageSize'] === 50)).toBe(true);
    expect(calls.every((call) => call.params['access_token'] === JD_TOKEN && call.params['v'] === '2.0')).toBe(true);
  });

  it('reads every page, waits out a rate limit, and keeps the cursor when the limit lasts', async () => {
    app.clock.advanceMinutes(60);
    jos.addComments(...jdComments(180, app.clock.now(), 0.04, 1000));
    jos.limitNextCalls(2); // within the client's retries
    jos.requests.length = 0;
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await count('review')).toBe(240);
    // 120 中评 in one window: three pages of 50.
    const pages = jos
      .callsOf(LIST)
      .map((call) => JSON.parse(call.params['360buy_param_json'] ?? '{}') as { score: number; page: number })
      .filter((item) => item.score === 2)
      .map((item) => item.page);
    expect(pages).toContain(3);

    app.clock.advanceMinutes(60);
    jos.addComments(...jdComments(10, app.clock.now(), 0.01, 2000));
    const before = (await request<Connection[]>('GET', '/api/connections')).body.find(
      (item) => item.id === connection.id,
    );
    jos.limitNextCalls(10); // longer than the retries
    const limited = await pullNow();
    expect(limited.body.outcome).toBe('failed');
    expect(limited.body.connection.lastError?.code).toBe('rate_limited');
    expect(limited.body.connection.lastError?.message).toContain('限流');
    expect(limited.body.connection.pulledUpTo).toBe(before?.pulledUpTo);
    expect(new Date(limited.body.connection.nextPullAt ?? 0).getTime()).toBeGreaterThan(app.clock.now().getTime());
    jos.limitNextCalls(0);
    const retried = await pullNow();
    expect(retried.body.outcome).toBe('pulled');
    expect(retried.body.connection.pulledUpTo).toBe(app.clock.now().toISOString());
    expect(await count('review')).toBe(250);
  });

  it('re-pulls a window already pulled without doubling anything', async () => {
    const cases = await count('support_case');
    await app.dataSource.query(`UPDATE shop_connection SET cursor_at = $2 WHERE id = $1`, [
      connection.id,
      new Date(app.clock.now().getTime() - 25 * 86_400_000),
    ]);
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await count('support_case')).toBe(cases);
    expect(await count('review')).toBe(cases);
  });

  it('pulls each window once however many instances look for due pulls', async () => {
    const second = await app.another();
    // Its own timer ticks once at start: let that tick end before the pull is due, so only the
    // calls below race for it.
    await second.app.get(TaskScheduler).onApplicationShutdown();
    try {
      app.clock.advanceMinutes(10);
      jos.addComments(...jdComments(12, app.clock.now(), 0.005, 3000));
      const before = await count('support_case');
      jos.requests.length = 0;
      const pulled = await Promise.all(
        [app, second, app, second].map((instance) => instance.app.get(ReviewPuller).pullDue()),
      );
      expect(pulled.reduce((sum, item) => sum + item, 0)).toBe(1);
      expect(jos.callsOf(LIST)).toHaveLength(2);
      expect(await count('support_case')).toBe(before + 12);
    } finally {
      await second.app.close();
    }
  });

  it('publishes through saveReply once, even when the answer is lost, and records the answer', async () => {
    const [comment] = jos.comments.filter((item) => item.score === 1) as [SimulatedJdComment];
    const id = await caseOf(comment);
    const publisher = app.app.get(ReplyPublisher);
    const sending = await publish(id);
    expect(sending.replies.find((item) => item.target === 'review')).toMatchObject({
      status: 'sending',
      delivery: 'platform',
    });
    jos.dropNextReplyAnswers(1);
    expect(await publisher.sendDue()).toBe(1);
    expect(comment.replies.map((item) => item.content)).toEqual([polite]);
    expect((await replyOf(id)).status).toBe('sending');
    app.clock.advanceMinutes(1);
    expect(await publisher.sendDue()).toBe(1);
    expect(await replyOf(id)).toMatchObject({ status: 'published', delivery: 'platform', failure: null });
    expect(repliesTo(comment)).toHaveLength(1);
    expect(comment.replies).toHaveLength(1);
    // The retry looked the comment up by its order before posting anything.
    const lookup = jos.callsOf(LIST).at(-1);
    expect(JSON.parse(lookup?.params['360buy_param_json'] ?? '{}')).toMatchObject({ orderIds: comment.orderId });
  });

  it('shows a reply JD refuses in words, and publishes nothing', async () => {
    const [, comment] = jos.comments.filter((item) => item.score === 1) as [SimulatedJdComment, SimulatedJdComment];
    comment.refuseRepliesWith = '该评价已超过可回复期限，不能回复';
    const id = await caseOf(comment);
    await publish(id);
    expect(await app.app.get(ReplyPublisher).sendDue()).toBe(1);
    expect(await replyOf(id)).toMatchObject({
      status: 'refused',
      failure: { reason: 'window_closed', platformMessage: '该评价已超过可回复期限，不能回复' },
    });
    expect(comment.replies).toEqual([]);
  });

  it('stops at an expired access token, keeps the cursor, says so in words, and resumes with a new one', async () => {
    jos.expireToken(JD_TOKEN);
    app.clock.advanceMinutes(10);
    jos.addComments(...jdComments(4, app.clock.now(), 0.002, 4000));
    const before = (await request<Connection[]>('GET', '/api/connections')).body.find(
      (item) => item.id === connection.id,
    );
    const expired = await pullNow();
    expect(expired.body.outcome).toBe('failed');
    expect(expired.body.connection).toMatchObject({ status: 'token_expired', nextPullAt: null });
    expect(expired.body.connection.lastError?.message).toContain('授权');
    expect(expired.body.connection.pulledUpTo).toBe(before?.pulledUpTo);
    app.clock.advanceMinutes(60);
    jos.requests.length = 0;
    expect(await app.app.get(ReviewPuller).pullDue()).toBe(0);
    expect(jos.requests).toHaveLength(0);

    jos.renewToken(RENEWED, JD_APP.appKey);
    const renewed = await request<Connection>('POST', `/api/connections/${connection.id}/session`, {
      sessionKey: RENEWED,
    });
    expect(renewed.body.status).toBe('active');
    const cases = await count('support_case');
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await count('support_case')).toBe(cases + 4);
  });

  it('never lets a credential out: not in any answer, log line or the stored row', async () => {
    answers.push(JSON.stringify((await request('GET', '/api/connections')).body));
    for (const secret of [JD_APP.appSecret, JD_TOKEN, RENEWED, 'not-the-jd-app-secret']) {
      expect([...answers, ...logged].filter((text) => text.includes(secret))).toEqual([]);
    }
    expect(jos.requests.some((call) => JSON.stringify(call.params).includes(JD_APP.appSecret))).toBe(false);
    const rows = await app.dataSource.query(`SELECT * FROM shop_connection`);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${JD_APP.appSecret}|${JD_TOKEN}|${RENEWED}`));
  });
});
