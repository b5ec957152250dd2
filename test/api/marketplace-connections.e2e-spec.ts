import { Logger } from '@nestjs/common';

import { AlertsPort, ReviewPuller, TaskScheduler } from '@chaping/api/testing';

import {
  rates,
  SIM_APP,
  SIM_SESSION,
  simulatorConnections,
  startTopSimulator,
  type TopSimulator,
} from '../support/marketplace-simulator';
import { TestApp } from '../support/test-app';

interface Connection {
  id: string;
  status: string;
  appKey: string;
  reviewsPulled: number;
  pulledUpTo: string;
  lastSuccessAt: string | null;
  nextPullAt: string | null;
  lastError: { code: string; message: string } | null;
}

/**
 * Shop connections end to end against the TOP simulator (a real HTTP server checking signatures
 * and sessions): no mock of the client. One shop's story, in order: connect, pull, rate limits,
 * a re-pull, the 1,500 cap, two instances, an expired session.
 */
describe('marketplace connections', () => {
  let app: TestApp;
  let simulator: TopSimulator;
  let connection: Connection;
  const answers: string[] = [];
  const logged: string[] = [];
  const NEW_SESSION = 'sim-session-renewed-77c1d0';

  const request = async <T>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await app.request<T>(method, url, { body, as: app.users.lead });
    answers.push(JSON.stringify(response.body));
    return response;
  };
  const pullNow = (id = connection.id) =>
    request<{ outcome: string; connection: Connection }>('POST', `/api/connections/${id}/pull`);
  const reviewCount = async () =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM review WHERE shop_id = $1`, [app.shops.taobao.id]))[0]
      .n as number;
  const caseCount = async () =>
    (
      await app.dataSource.query(`SELECT count(*)::int AS n FROM support_case WHERE shop_id = $1`, [
        app.shops.taobao.id,
      ])
    )[0].n as number;

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
    }
    const now = new Date('2026-03-10T02:00:00Z');
    let current = () => now;
    const started = startTopSimulator(() => current());
    simulator = started.simulator;
    app = await TestApp.start(now.toISOString(), { connections: simulatorConnections(await started.url) });
    current = () => app.clock.now();
    // The scenario drives pulls itself: the instance's own timer would race them ('not_claimed').
    await app.app.get(TaskScheduler).onApplicationShutdown();
    simulator.addRates(...rates(60, now, 20));
  });

  afterAll(async () => {
    await app.stop();
    await simulator.stop();
    jest.restoreAllMocks();
  });

  it('connects a shop for its lead only, and never answers with the secret or session key', async () => {
    const denied = await app.request('POST', `/api/shops/${app.shops.taobao.id}/connection`, {
      body: { appKey: SIM_APP.appKey, appSecret: SIM_APP.appSecret, sessionKey: SIM_SESSION },
      as: app.users.agent,
    });
    expect(denied.status).toBe(403);
    const created = await request<Connection>('POST', `/api/shops/${app.shops.taobao.id}/connection`, {
      appKey: SIM_APP.appKey,
      appSecret: SIM_APP.appSecret,
      sessionKey: SIM_SESSION,
      signMethod: 'md5',
      pullEverySeconds: 300,
    });
    expect(created.status).toBe(200);
    connection = created.body;
    expect(connection).toMatchObject({ status: 'active', appKey: SIM_APP.appKey, reviewsPulled: 0, lastError: null });
    const [row] = await app.dataSource.query(`SELECT * FROM shop_connection WHERE id = $1`, [connection.id]);
    expect(JSON.stringify(row)).not.toContain(SIM_APP.appSecret);
    expect(JSON.stringify(row)).not.toContain(SIM_SESSION);
  });

  it('refuses a connection whose signature the platform rejects, in words, and changes nothing', async () => {
    const wrong = await request<Connection>('POST', `/api/shops/${app.shops.tmall.id}/connection`, {
      appKey: SIM_APP.appKey,
      appSecret: 'not-the-app-secret',
      sessionKey: SIM_SESSION,
    });
    const alerted = jest.spyOn(app.app.get(AlertsPort), 'connectorFailed');
    const pulled = await pullNow(wrong.body.id);
    expect(pulled.body.outcome).toBe('failed');
    expect(alerted).toHaveBeenCalledWith({ shopId: app.shops.tmall.id, message: expect.stringContaining('签名') });
    expect(pulled.body.connection.lastError?.code).toBe('signature_rejected');
    expect(pulled.body.connection.lastError?.message).toContain('签名');
    expect(pulled.body.connection.pulledUpTo).toBe(wrong.body.pulledUpTo);
    expect(new Date(pulled.body.connection.nextPullAt ?? 0).getTime()).toBeGreaterThan(app.clock.now().getTime());
    expect(simulator.requests.at(-1)?.answer).toBe('25');
    const english = await app.request<Connection[]>('GET', '/api/connections', { as: app.users.lead, language: 'en' });
    expect(english.body.find((item) => item.id === wrong.body.id)?.lastError?.message).toMatch(/signature/);

    const deleted = await app.app.inject({
      method: 'DELETE',
      url: `/api/connections/${wrong.body.id}`,
      headers: { cookie: await app.sessionCookie(app.users.lead) },
    });
    expect(deleted.statusCode).toBe(204);
    const [row] = await app.dataSource.query(
      `SELECT status, credentials_ciphertext FROM shop_connection WHERE id = $1`,
      [wrong.body.id],
    );
    expect(row).toEqual({ status: 'revoked', credentials_ciphertext: null });
    expect((await pullNow(wrong.body.id)).status).toBe(422);
  });

  it('pulls the neutral and negative reviews into cases, ids exact, and shows the status', async () => {
    const pulled = await pullNow();
    expect(pulled.body.outcome).toBe('pulled');
    expect(pulled.body.connection).toMatchObject({
      reviewsPulled: 60,
      lastError: null,
      lastSuccessAt: app.clock.now().toISOString(),
      pulledUpTo: app.clock.now().toISOString(),
    });
    expect(await caseCount()).toBe(60);
    const ids: Array<{ platform_review_id: string }> = await app.dataSource.query(
      `SELECT platform_review_id FROM review WHERE shop_id = $1 ORDER BY platform_review_id LIMIT 1`,
      [app.shops.taobao.id],
    );
    expect(ids[0]?.platform_review_id).toBe('3781452290200000000');
    const calls = simulator.callsOf('taobao.traderates.get');
    expect(new Set(calls.map((call) => call.params['result']))).toEqual(new Set(['neutral', 'bad']));
    expect(calls.every((call) => call.params['sign_method'] === 'md5' && call.params['role'] === 'buyer')).toBe(true);
  });

  it('waits out a rate limit without losing a page, and keeps the cursor when it lasts', async () => {
    app.clock.advanceMinutes(60);
    simulator.addRates(...rates(200, app.clock.now(), 0.04, 1000));
    simulator.limitNextCalls(2); // within the client's retries
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await reviewCount()).toBe(260);

    app.clock.advanceMinutes(60);
    simulator.addRates(...rates(200, app.clock.now(), 0.04, 2000));
    const before = (await pullNow()).body.connection;
    expect(before.reviewsPulled).toBe(460);
    app.clock.advanceMinutes(60);
    simulator.addRates(...rates(10, app.clock.now(), 0.01, 3000));
    simulator.limitNextCalls(10); // longer than the retries
    const limited = await pullNow();
    expect(limited.body.outcome).toBe('failed');
    expect(limited.body.connection.lastError?.code).toBe('rate_limited');
    expect(limited.body.connection.pulledUpTo).toBe(before.pulledUpTo);
    simulator.limitNextCalls(0);
    simulator.requests.length = 0;
    const retried = await pullNow();
    expect(retried.body.outcome).toBe('pulled');
    expect(await reviewCount()).toBe(470);
    expect(retried.body.connection.lastError).toBeNull();
  });

  it('re-pulls a window already pulled without doubling anything', async () => {
    const cases = await caseCount();
    await app.dataSource.query(`UPDATE shop_connection SET cursor_at = $2 WHERE id = $1`, [
      connection.id,
      new Date(app.clock.now().getTime() - 25 * 86_400_000),
    ]);
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await caseCount()).toBe(cases);
    expect(await reviewCount()).toBe(cases);
  });

  it('splits a window past the 1,500-result cap and reads every page', async () => {
    app.clock.advanceMinutes(24 * 60);
    const before = await reviewCount();
    // All negative: one rating's window holds more than TOP answers for.
    simulator.addRates(
      ...rates(1600, app.clock.now(), 0.5, 10_000).map((rate) => ({ ...rate, result: 'bad' as const })),
    );
    simulator.requests.length = 0;
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await reviewCount()).toBe(before + 1600);
    const calls = simulator.callsOf('taobao.traderates.get');
    const windows = new Set(calls.map((call) => `${call.params['result']} ${call.params['start_date']}`));
    expect(calls.some((call) => call.params['page_no'] === '1' && call.answer === 'ok')).toBe(true);
    expect(windows.size).toBeGreaterThan(2);
  }, 120_000);

  it('pulls each window once however many instances look for due pulls', async () => {
    const second = await app.another();
    // Its own timer ticks once at start: let that tick end before the pull is due, so only the
    // calls below race for it.
    await second.app.get(TaskScheduler).onApplicationShutdown();
    try {
      app.clock.advanceMinutes(10);
      simulator.addRates(...rates(20, app.clock.now(), 0.005, 20_000));
      const before = await caseCount();
      simulator.requests.length = 0;
      const pulled = await Promise.all(
        [app, second, app, second].map((instance) => instance.app.get(ReviewPuller).pullDue()),
      );
      expect(pulled.reduce((sum, count) => sum + count, 0)).toBe(1);
      const calls = simulator.callsOf('taobao.traderates.get');
      const keys = calls.map(
        (call) => `${call.params['result']} ${call.params['start_date']} ${call.params['page_no']}`,
      );
      expect(new Set(keys).size).toBe(keys.length);
      expect(calls).toHaveLength(2);
      expect(await caseCount()).toBe(before + 20);
    } finally {
      await second.app.close();
    }
  });

  it('stops at an expired session, keeps the cursor, and resumes with a new session key', async () => {
    simulator.expireSession(SIM_SESSION);
    app.clock.advanceMinutes(10);
    simulator.addRates(...rates(5, app.clock.now(), 0.002, 30_000));
    const before = (await request<Connection[]>('GET', '/api/connections')).body.find(
      (item) => item.id === connection.id,
    );
    const expired = await pullNow();
    expect(expired.body.outcome).toBe('failed');
    expect(expired.body.connection).toMatchObject({ status: 'token_expired', nextPullAt: null });
    expect(expired.body.connection.lastError?.message).toContain('授权');
    expect(expired.body.connection.pulledUpTo).toBe(before?.pulledUpTo);

    app.clock.advanceMinutes(60);
    simulator.requests.length = 0;
    expect(await app.app.get(ReviewPuller).pullDue()).toBe(0);
    expect(simulator.requests).toHaveLength(0);

    simulator.renewSession(NEW_SESSION, SIM_APP.appKey);
    const renewed = await request<Connection>('POST', `/api/connections/${connection.id}/session`, {
      sessionKey: NEW_SESSION,
    });
    expect(renewed.body.status).toBe('active');
    const cases = await caseCount();
    expect((await pullNow()).body.outcome).toBe('pulled');
    expect(await caseCount()).toBe(cases + 5);
  });

  it('never lets a credential out: not in any answer, log line, request to the platform or the API document', async () => {
    answers.push(JSON.stringify((await request('GET', '/api/connections')).body));
    const docs = await app.app.inject({ method: 'GET', url: '/api/docs-json' });
    const outputs = [...answers, ...logged, docs.body];
    for (const secret of [SIM_APP.appSecret, SIM_SESSION, NEW_SESSION, 'not-the-app-secret']) {
      expect(outputs.filter((text) => text.includes(secret))).toEqual([]);
    }
    expect(simulator.requests.some((call) => JSON.stringify(call.params).includes(SIM_APP.appSecret))).toBe(false);
    const rows = await app.dataSource.query(`SELECT * FROM shop_connection`);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${SIM_APP.appSecret}|${SIM_SESSION}|${NEW_SESSION}`));
  });
});
