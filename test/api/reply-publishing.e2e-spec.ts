import { ReplyPublisher, TaskScheduler } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { caseCommands } from '../support/case-commands';
import {
  rates,
  SIM_APP,
  SIM_SESSION,
  simulatorConnections,
  startTopSimulator,
  type SimulatedRate,
  type TopSimulator,
} from '../support/marketplace-simulator';
import { TestApp } from '../support/test-app';

interface Reply {
  id: string;
  target: string;
  text: string;
  status: string;
  delivery: string | null;
  publishedAt: string | null;
  failure: { reason: string; platformMessage: string | null } | null;
}
interface View {
  id: string;
  version: number;
  stage: string;
  replies: Reply[];
  events: Array<{ type: string; data: Record<string, unknown> }>;
}

const DAY = 86_400_000;

/** The scenario drives the publisher itself: the instance's own timer would race its counts. */
const withoutTimer = async (instance: TestApp) => {
  await instance.app.get(TaskScheduler).onApplicationShutdown();
  return instance;
};

/**
 * Public replies sent through Taobao's TOP (the simulator: a real HTTP server that checks each
 * request's signature and session, and refuses explanations as TOP's rules say): no mock of the
 * client. A connected shop's reply is `sending` until the platform answers; busy platforms are
 * retried; a lost answer is never posted twice; refusals say why and publish nothing.
 */
describe('publishing replies through the platform', () => {
  let app: TestApp;
  let simulator: TopSimulator;
  let publisher: ReplyPublisher;
  const answers: string[] = [];
  const { command, expectRefused } = caseCommands<View>(() => app);
  const polite = '非常抱歉给您带来不好的体验，问题已经为您安排处理，欢迎随时联系我们。';

  const as = () => app.users.lead;
  const run = async (id: string, path: string, body: Record<string, unknown> = {}) => {
    const view = await command(id, path, body, as());
    answers.push(JSON.stringify(view));
    return view;
  };
  const view = async (id: string) => {
    const response = await app.get<View>(`/api/cases/${id}`, as());
    answers.push(JSON.stringify(response.body));
    return response.body;
  };
  const caseOf = async (rate: SimulatedRate) =>
    (
      await app.dataSource.query(
        `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
        [rate.oid],
      )
    )[0].id as string;
  /** The buyer cannot be reached: the case goes to a public reply, drafted and published. */
  const publish = async (id: string, text = polite) => {
    for (const outcome of ['no_answer', 'busy', 'no_answer'])
      await run(id, 'contact-attempts', { channel: 'im', outcome });
    await run(id, 'transitions', { to: 'replying' });
    const drafted = await run(id, 'replies', { target: 'review', text });
    const draft = drafted.replies.find((reply) => reply.status === 'draft');
    return run(id, `replies/${draft?.id}/publish`);
  };
  const explainCalls = (rate: SimulatedRate) =>
    simulator.callsOf('taobao.traderate.explain.add').filter((call) => call.params['oid'] === rate.oid);
  const reply = (current: View) => current.replies.find((item) => item.target === 'review') as Reply;

  let fresh: SimulatedRate[];
  let old: SimulatedRate;
  let followedUp: SimulatedRate;

  beforeAll(async () => {
    const now = new Date('2026-03-10T02:00:00Z');
    let current = () => now;
    const started = startTopSimulator(() => current());
    simulator = started.simulator;
    const connections = simulatorConnections(await started.url);
    // Far enough back to pull a review past TOP's 30-day explanation window.
    app = await TestApp.start(now.toISOString(), {
      connections: { ...connections, marketplace: { ...connections.marketplace, backfillDays: 60 } },
    });
    current = () => app.clock.now();
    await withoutTimer(app);
    publisher = app.app.get(ReplyPublisher);
    fresh = rates(6, new Date(now.getTime() - DAY), 5);
    [old] = rates(1, new Date(now.getTime() - 40 * DAY), 1, 100) as [SimulatedRate];
    [followedUp] = rates(1, new Date(now.getTime() - 2 * DAY), 1, 200).map((rate) => ({
      ...rate,
      followUp: { content: '用了一周又坏了', at: new Date(now.getTime() - DAY) },
    })) as [SimulatedRate];
    simulator.addRates(...fresh, old, followedUp);
    const connected = await app.request<{ id: string }>('POST', `/api/shops/${app.shops.taobao.id}/connection`, {
      body: { appKey: SIM_APP.appKey, appSecret: SIM_APP.appSecret, sessionKey: SIM_SESSION },
      as: app.users.lead,
    });
    const pulled = await app.request<{ outcome: string }>('POST', `/api/connections/${connected.body.id}/pull`, {
      as: app.users.lead,
    });
    expect(pulled.body.outcome).toBe('pulled');
  });

  afterAll(async () => {
    await app.stop();
    await simulator.stop();
  });

  it('sends the reply with taobao.traderate.explain.add, signed, and records the answer as an event', async () => {
    const rate = fresh[0] as SimulatedRate;
    const id = await caseOf(rate);
    const sending = await publish(id);
    expect(reply(sending)).toMatchObject({ status: 'sending', delivery: 'platform', publishedAt: null });
    expect(sending.events.map((event) => event.type)).toContain('reply_sending');
    // Until the platform answers, the case cannot move on and nothing else goes out.
    await expectRefused(id, 'transitions', { to: 'watching' }, { status: 422, code: 'reply.not_published', as: as() });
    await expectRefused(
      id,
      'replies',
      { target: 'review', text: polite },
      { status: 422, code: 'reply.sending', as: as() },
    );

    expect(await publisher.sendDue()).toBe(1);
    const published = await view(id);
    expect(reply(published)).toMatchObject({ status: 'published', delivery: 'platform', failure: null });
    const event = published.events.find((item) => item.type === 'reply_published');
    expect(event?.data).toMatchObject({ delivery: 'platform', platformRequestId: expect.any(String), text: polite });
    const calls = explainCalls(rate);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params).toMatchObject({ oid: rate.oid, reply: polite, session: SIM_SESSION });
    expect(simulator.rates.find((item) => item.oid === rate.oid)?.reply).toBe(polite);
    // The one-reply rule still holds, and the case moves on.
    await expectRefused(
      id,
      'replies',
      { target: 'review', text: polite },
      { status: 422, code: 'reply.already_published', as: as() },
    );
    expect((await run(id, 'transitions', { to: 'watching' })).stage).toBe('watching');
    expect(await publisher.sendDue()).toBe(0);
  });

  it('waits out a busy platform with growing pauses and posts once', async () => {
    const rate = fresh[1] as SimulatedRate;
    const id = await caseOf(rate);
    await publish(id);
    simulator.limitNextCalls(2);
    expect(await publisher.sendDue()).toBe(1);
    expect(reply(await view(id)).status).toBe('sending');
    expect(await publisher.sendDue()).toBe(0); // not due yet: it backs off
    app.clock.advanceMinutes(0.5);
    expect(await publisher.sendDue()).toBe(1);
    expect(reply(await view(id)).status).toBe('sending');
    app.clock.advanceMinutes(0.5);
    expect(await publisher.sendDue()).toBe(0); // the second pause is twice the first
    app.clock.advanceMinutes(0.5);
    expect(await publisher.sendDue()).toBe(1);
    expect(reply(await view(id))).toMatchObject({ status: 'published', delivery: 'platform' });
    expect(explainCalls(rate)).toHaveLength(1);
  });

  it('never posts twice when an answer is lost mid-call: the retry finds the reply on the platform', async () => {
    const rate = fresh[2] as SimulatedRate;
    const id = await caseOf(rate);
    await publish(id);
    simulator.dropNextExplainAnswers(1);
    expect(await publisher.sendDue()).toBe(1);
    // The platform took it, but we never heard: still sending, and a retry is scheduled.
    expect(simulator.rates.find((item) => item.oid === rate.oid)?.reply).toBe(polite);
    expect(reply(await view(id)).status).toBe('sending');
    // Another instance picks the retry up (as after a restart): it looks before it posts.
    const second = await withoutTimer(await app.another());
    try {
      app.clock.advanceMinutes(1);
      expect(await second.app.get(ReplyPublisher).sendDue()).toBe(1);
    } finally {
      await second.app.close();
    }
    expect(reply(await view(id))).toMatchObject({ status: 'published', delivery: 'platform' });
    expect(explainCalls(rate)).toHaveLength(1);
    expect(
      simulator.requests.filter(
        (call) => call.method === 'taobao.traderate.explain.add' && call.params['oid'] === rate.oid,
      ),
    ).toHaveLength(1);
  });

  it('sends a reply once however many instances look for due replies', async () => {
    const rate = fresh[3] as SimulatedRate;
    const id = await caseOf(rate);
    // Started first: a starting instance runs its due tasks at once.
    const second = await withoutTimer(await app.another());
    try {
      await publish(id);
      const tried = await Promise.all(
        [app, second, app, second].map((instance) => instance.app.get(ReplyPublisher).sendDue()),
      );
      expect(tried.reduce((sum, count) => sum + count, 0)).toBe(1);
    } finally {
      await second.app.close();
    }
    expect(explainCalls(rate)).toHaveLength(1);
    expect(reply(await view(id)).status).toBe('published');
  });

  it('shows the refusal in words when the review is past the 30-day window, and publishes nothing', async () => {
    const id = await caseOf(old);
    await publish(id);
    expect(await publisher.sendDue()).toBe(1);
    const refused = await view(id);
    expect(reply(refused)).toMatchObject({
      status: 'refused',
      publishedAt: null,
      failure: { reason: 'window_closed' },
    });
    expect(refused.events.find((item) => item.type === 'reply_refused')?.data).toMatchObject({
      reason: 'window_closed',
    });
    expect(refused.events.some((item) => item.type === 'reply_published')).toBe(false);
    expect(simulator.rates.find((item) => item.oid === old.oid)?.reply).toBe('');
    await expectRefused(id, 'transitions', { to: 'watching' }, { status: 422, code: 'reply.not_published', as: as() });
    // The refused reply is the draft again: it can be changed (and the platform asked again).
    const redrafted = await run(id, 'replies', { target: 'review', text: '感谢反馈，问题已处理。' });
    expect(redrafted.replies).toHaveLength(1);
    expect(reply(redrafted)).toMatchObject({ status: 'draft', failure: null });
  });

  it('says why after a follow-up review, and the same text is not posted', async () => {
    const id = await caseOf(followedUp);
    await publish(id);
    expect(await publisher.sendDue()).toBe(1);
    expect(reply(await view(id))).toMatchObject({ status: 'refused', failure: { reason: 'after_follow_up' } });
    expect(simulator.rates.find((item) => item.oid === followedUp.oid)?.reply).toBe('');
  });

  it('marks a reply of a shop without a connection "post by hand" at once', async () => {
    const tmallId = await aNewCase().onPlatform('tmall').openIn(app);
    const before = simulator.requests.length;
    const published = await publish(tmallId);
    expect(reply(published)).toMatchObject({ status: 'published', delivery: 'by_hand' });
    expect(published.events.find((item) => item.type === 'reply_published')?.data).toMatchObject({
      delivery: 'by_hand',
    });
    expect(await publisher.sendDue()).toBe(0);
    expect(simulator.requests.length).toBe(before);
  });

  it('gives the reply back with the reason when the shop authorisation has expired, without retrying', async () => {
    const rate = fresh[4] as SimulatedRate;
    const id = await caseOf(rate);
    simulator.expireSession(SIM_SESSION);
    await publish(id);
    expect(await publisher.sendDue()).toBe(1);
    expect(reply(await view(id))).toMatchObject({ status: 'refused', failure: { reason: 'authorisation' } });
    app.clock.advanceMinutes(60);
    expect(await publisher.sendDue()).toBe(0);
    expect(explainCalls(rate)).toHaveLength(0);
  });

  it('never lets a credential out in a case answer', () => {
    for (const secret of [SIM_APP.appSecret, SIM_SESSION]) {
      expect(answers.filter((text) => text.includes(secret))).toEqual([]);
    }
  });
});
