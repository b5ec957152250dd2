import { Logger } from '@nestjs/common';

import { ReplyPublisher, ReviewPuller, TaskScheduler } from '@chaping/api/testing';

import { caseCommands } from '../support/case-commands';
import {
  douyinComments,
  douyinExampleComments,
  DY_APP,
  DY_TOKEN,
  simulatorConnections,
  startDoudianSimulator,
  startTopSimulator,
  type DoudianSimulator,
  type SimulatedDouyinComment,
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
  id: string;
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

const LIST = 'comment.list';
const REPLY = 'comment.reply';
const business = (call: { params: Record<string, string> }) =>
  JSON.parse(call.params['param_json'] || '{}') as Record<string, unknown>;

/**
 * A Douyin 抖店 shop end to end against the 抖店 simulator (a real HTTP server checking the path,
 * the signature over param_json and the access token): no mock of the client. Connect, pull
 * (paging from 0, rate limits, a re-pull, two instances, an expired token), then publish replies
 * through comment.reply (once, even when an answer is lost; refusals in words; ≤ 100 characters).
 */
describe('Douyin connection', () => {
  let app: TestApp;
  let doudian: DoudianSimulator;
  let top: TopSimulator;
  let connection: Connection;
  const answers: string[] = [];
  const logged: string[] = [];
  const RENEWED = 'dy-sim-access-token-renewed-51c0';
  const WRONG_SECRET = 'not-the-douyin-app-secret';
  const polite = '非常抱歉给您带来不好的体验，问题已经为您安排处理，欢迎随时联系我们。';
  const { command, expectRefused, toReplying } = caseCommands<View>(() => app);

  const request = async <T>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await app.request<T>(method, url, { body, as: app.users.lead });
    answers.push(JSON.stringify(response.body));
    return response;
  };
  const connect = (body: Record<string, unknown>) =>
    request<Connection & { code?: string; message?: string }>(
      'POST',
      `/api/shops/${app.shops.douyin.id}/connection`,
      body,
    );
  const pullNow = (id = connection.id) =>
    request<{ outcome: string; connection: Connection }>('POST', `/api/connections/${id}/pull`);
  const connectionNow = async () =>
    (await request<Connection[]>('GET', '/api/connections')).body.find((item) => item.id === connection.id);
  const count = async (table: 'review' | 'support_case') =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE shop_id = $1`, [app.shops.douyin.id]))[0]
      .n as number;
  const caseOf = async (comment: SimulatedDouyinComment) =>
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
    await toReplying(id);
    const drafted = await run(id, 'replies', { target: 'review', text });
    const draft = drafted.replies.find((item) => item.status === 'draft') as Reply;
    return run(id, `replies/${draft.id}/publish`);
  };
  const replyOf = async (id: string) => {
    const response = await app.get<View>(`/api/cases/${id}`, app.users.lead);
    answers.push(JSON.stringify(response.body));
    return response.body.replies.find((item) => item.target === 'review') as Reply;
  };
  const repliesTo = (comment: SimulatedDouyinComment) =>
    doudian.callsOf(REPLY).filter((call) => business(call)['comment_id'] === comment.commentId);
  /** 差评 the shop has not answered on the platform, in the order they were added. */
  const unanswered = () =>
    doudian.comments.filter((item) => item.rate === 1 && !item.isReply && !item.refuseRepliesWith);
  /** Comments the simulator holds that a pull asks for (差评 and 中评). */
  const pullable = () => doudian.comments.filter((comment) => comment.rate !== 3).length;

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
    }
    const now = new Date('2026-03-10T02:00:00Z');
    let current = () => now;
    const startedTop = startTopSimulator(() => current());
    const startedDoudian = startDoudianSimulator(() => current());
    top = startedTop.simulator;
    doudian = startedDoudian.simulator;
    app = await TestApp.start(now.toISOString(), {
      connections: simulatorConnections(await startedTop.url, { doudianGatewayUrl: await startedDoudian.url }),
    });
    current = () => app.clock.now();
    // The scenario drives pulls itself: the instance's own timer would race its counts.
    await app.app.get(TaskScheduler).onApplicationShutdown();
    doudian.addComments(...douyinExampleComments(now), ...douyinComments(90, now, 20));
  });

  afterAll(async () => {
    await app.stop();
    await doudian.stop();
    await top.stop();
    jest.restoreAllMocks();
  });

  it('refuses credentials 抖店 cannot take, and a signature it rejects, in words', async () => {
    const shortKey = await connect({ appKey: '12345678', appSecret: DY_APP.appSecret, sessionKey: DY_TOKEN });
    expect(shortKey.status).toBe(422);
    expect(shortKey.body).toMatchObject({ code: 'connection.app_key_invalid' });
    expect(shortKey.body.message).toContain('19');
    const hmacMd5 = await connect({ ...DY_APP, sessionKey: DY_TOKEN, signMethod: 'hmac' });
    expect(hmacMd5.status).toBe(422);
    expect(hmacMd5.body.code).toBe('connection.sign_method_unsupported');
    const spaced = await connect({ ...DY_APP, sessionKey: 'dy token with spaces' });
    expect(spaced.status).toBe(400);
    expect(await app.dataSource.query(`SELECT id FROM shop_connection`)).toEqual([]);

    const wrong = await connect({ appKey: DY_APP.appKey, appSecret: WRONG_SECRET, sessionKey: DY_TOKEN });
    expect(wrong.status).toBe(200);
    expect(wrong.body.signMethod).toBe('hmac-sha256');
    const pulled = await pullNow(wrong.body.id);
    expect(pulled.body.outcome).toBe('failed');
    expect(pulled.body.connection.lastError).toMatchObject({ code: 'signature_rejected' });
    expect(pulled.body.connection.lastError?.message).toContain('签名');
    expect(pulled.body.connection.pulledUpTo).toBe(wrong.body.pulledUpTo);
    expect(doudian.requests.at(-1)?.answer).toBe('err_no 11');
    const revoked = await app.app.inject({
      method: 'DELETE',
      url: `/api/connections/${wrong.body.id}`,
      headers: { cookie: await app.sessionCookie(app.users.lead) },
    });
    expect(revoked.statusCode).toBe(204);
  });

  it('connects with the access token sealed, and pulls 差评 and 中评 into cases with exact ids', async () => {
    const created = await connect({ ...DY_APP, sessionKey: DY_TOKEN, pullEverySeconds: 300 });
    expect(created.status).toBe(200);
    connection = created.body;
    const [row] = await app.dataSource.query(`SELECT * FROM shop_connection WHERE id = $1`, [connection.id]);
    expect(JSON.stringify(row)).not.toMatch(new RegExp(`${DY_APP.appSecret}|${DY_TOKEN}`));

    doudian.requests.length = 0;
    const pulled = await pullNow();
    expect(pulled.body.outcome).toBe('pulled');
    expect(pulled.body.connection).toMatchObject({
      reviewsPulled: pullable(),
      lastError: null,
      pulledUpTo: app.clock.now().toISOString(),
    });
    expect(await count('support_case')).toBe(pullable());

    // The shared data's comments, ids exact beyond 2^53, the follow-up and the seller's reply kept.
    const [example] = await app.dataSource.query(
      `SELECT r.platform_review_id, o.platform_order_id, r.rating, r.follow_up_text, r.seller_reply
         FROM review r JOIN trade_order o ON o.id = r.order_id WHERE r.platform_review_id = '7358123456789019999'`,
    );
    expect(example).toMatchObject({
      platform_review_id: '7358123456789019999',
      platform_order_id: '6921234567890129999',
      rating: 'negative',
      follow_up_text: '联系客服说补发一个泵头，到现在还没收到',
      seller_reply: expect.stringContaining('已为您登记补发泵头'),
    });
    const [neutral] = await app.dataSource.query(
      `SELECT rating FROM review WHERE platform_review_id = '7358123456789015555'`,
    );
    expect(neutral).toEqual({ rating: 'neutral' });

    const calls = doudian.callsOf(LIST);
    expect(new Set(calls.map((call) => business(call)['rate']))).toEqual(new Set([1, 2]));
    expect(calls.every((call) => business(call)['size'] === 100)).toBe(true);
    expect(calls.some((call) => business(call)['page'] === 0)).toBe(true);
    expect(
      calls.every(
        (call) =>
          call.params['access_token'] === DY_TOKEN &&
          call.params['v'] === '2' &&
          call.params['sign_method'] === 'hmac-sha256' &&
          call.params['path'] === '/comment/list',
      ),
    ).toBe(true);
  });

  it('reads every page, waits out a rate limit, and keeps the cursor when the limit lasts', async () => {
    app.clock.advanceMinutes(60);
    // All 差评 in one window: three pages of 100.
    doudian.addComments(
      ...douyinComments(250, app.clock.now(), 0.04, 1000).map((comment) => ({ ...comment, rate: 1 as const })),
    );
    doudian.limitNextCalls(2); // within the client's retries
    doudian.requests.length = 0;
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await count('review')).toBe(pullable());
    const pages = doudian
      .callsOf(LIST)
      .map(business)
      .filter((item) => item['rate'] === 1)
      .map((item) => item['page']);
    expect(pages).toEqual([0, 1, 2]);
    expect(doudian.requests.filter((call) => call.answer === 'err_no 9')).toHaveLength(2);

    app.clock.advanceMinutes(60);
    doudian.addComments(...douyinComments(12, app.clock.now(), 0.01, 2000));
    const before = await connectionNow();
    doudian.limitNextCalls(10); // longer than the retries
    const limited = await pullNow();
    expect(limited.body.outcome).toBe('failed');
    expect(limited.body.connection.lastError?.code).toBe('rate_limited');
    expect(limited.body.connection.lastError?.message).toContain('限流');
    expect(limited.body.connection.pulledUpTo).toBe(before?.pulledUpTo);
    expect(new Date(limited.body.connection.nextPullAt ?? 0).getTime()).toBeGreaterThan(app.clock.now().getTime());
    doudian.limitNextCalls(0);
    const retried = await pullNow();
    expect(retried.body.outcome).toBe('pulled');
    expect(retried.body.connection.pulledUpTo).toBe(app.clock.now().toISOString());
    expect(await count('review')).toBe(pullable());
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
      doudian.addComments(...douyinComments(12, app.clock.now(), 0.005, 3000));
      const before = await count('support_case');
      doudian.requests.length = 0;
      const pulled = await Promise.all(
        [app, second, app, second].map((instance) => instance.app.get(ReviewPuller).pullDue()),
      );
      expect(pulled.reduce((sum, item) => sum + item, 0)).toBe(1);
      expect(doudian.callsOf(LIST)).toHaveLength(2);
      expect(await count('support_case')).toBe(before + 8);
    } finally {
      await second.app.close();
    }
  });

  it('publishes through comment.reply once, even when the answer is lost, and records the answer', async () => {
    const [comment] = unanswered() as [SimulatedDouyinComment];
    const id = await caseOf(comment);
    const publisher = app.app.get(ReplyPublisher);
    const sending = await publish(id);
    expect(sending.replies.find((item) => item.target === 'review')).toMatchObject({
      status: 'sending',
      delivery: 'platform',
    });
    doudian.dropNextReplyAnswers(1);
    expect(await publisher.sendDue()).toBe(1);
    expect(comment).toMatchObject({ isReply: true, replyContent: polite });
    expect((await replyOf(id)).status).toBe('sending');
    app.clock.advanceMinutes(1);
    expect(await publisher.sendDue()).toBe(1);
    expect(await replyOf(id)).toMatchObject({ status: 'published', delivery: 'platform', failure: null });
    expect(repliesTo(comment)).toHaveLength(1);
    // The retry looked the comment up by its sub-order before posting anything.
    expect(business(doudian.callsOf(LIST).at(-1) ?? { params: {} })).toMatchObject({ order_id: comment.orderId });
    const view = (await app.get<View>(`/api/cases/${id}`, app.users.lead)).body;
    expect(view.events.find((event) => event.type === 'reply_published')?.data).toMatchObject({
      text: polite,
      delivery: 'platform',
    });
    expect(business(repliesTo(comment)[0] ?? { params: {} })).toEqual({
      comment_id: comment.commentId,
      content: polite,
    });
  });

  it('shows a reply 抖店 refuses in words, and publishes nothing', async () => {
    const [comment] = unanswered() as [SimulatedDouyinComment];
    comment.refuseRepliesWith = '该评价已超过可回复期限，不能回复';
    const id = await caseOf(comment);
    await publish(id);
    expect(await app.app.get(ReplyPublisher).sendDue()).toBe(1);
    expect(await replyOf(id)).toMatchObject({
      status: 'refused',
      failure: { reason: 'window_closed', platformMessage: '该评价已超过可回复期限，不能回复' },
    });
    const view = (await app.get<View>(`/api/cases/${id}`, app.users.lead)).body;
    expect(view.events.some((event) => event.type === 'reply_published')).toBe(false);
    expect(view.events.find((event) => event.type === 'reply_refused')?.data).toMatchObject({
      reason: 'window_closed',
    });
    expect(comment).toMatchObject({ isReply: false, replyContent: '' });
  });

  it("refuses a reply over 抖店's 100 characters before sending anything, and sends one of 100", async () => {
    const [comment] = unanswered() as [SimulatedDouyinComment];
    const id = await caseOf(comment);
    await toReplying(id);
    const calls = doudian.requests.length;
    const tooLong = await expectRefused(
      id,
      'replies',
      { target: 'review', text: '好'.repeat(101) },
      { status: 422, code: 'reply.invalid_length', as: app.users.lead },
    );
    expect(tooLong.message).toContain('100');
    expect(doudian.requests).toHaveLength(calls);

    const longest = [...polite.repeat(3)].slice(0, 100).join('');
    const drafted = await run(id, 'replies', { target: 'review', text: longest });
    const draft = drafted.replies.find((item) => item.status === 'draft') as Reply;
    await run(id, `replies/${draft.id}/publish`);
    expect(await app.app.get(ReplyPublisher).sendDue()).toBe(1);
    expect(await replyOf(id)).toMatchObject({ status: 'published', delivery: 'platform' });
    expect(comment.replyContent).toBe(longest);
  });

  it('stops at an expired access token, keeps the cursor, says so in words, and resumes with a new one', async () => {
    doudian.expireToken(DY_TOKEN);
    app.clock.advanceMinutes(10);
    doudian.addComments(...douyinComments(6, app.clock.now(), 0.002, 4000));
    const before = await connectionNow();
    const expired = await pullNow();
    expect(expired.body.outcome).toBe('failed');
    expect(expired.body.connection).toMatchObject({ status: 'token_expired', nextPullAt: null });
    expect(expired.body.connection.lastError?.message).toContain('授权');
    expect(expired.body.connection.lastError?.message).toContain('access_token已过期');
    expect(expired.body.connection.pulledUpTo).toBe(before?.pulledUpTo);
    app.clock.advanceMinutes(60);
    doudian.requests.length = 0;
    expect(await app.app.get(ReviewPuller).pullDue()).toBe(0);
    expect(doudian.requests).toHaveLength(0);

    doudian.renewToken(RENEWED, DY_APP.appKey);
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
    for (const secret of [DY_APP.appSecret, DY_TOKEN, RENEWED, WRONG_SECRET]) {
      expect([...answers, ...logged].filter((text) => text.includes(secret))).toEqual([]);
    }
    expect(doudian.requests.some((call) => JSON.stringify(call.params).includes(DY_APP.appSecret))).toBe(false);
    const rows = await app.dataSource.query(`SELECT * FROM shop_connection`);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${DY_APP.appSecret}|${DY_TOKEN}|${RENEWED}`));
  });
});
