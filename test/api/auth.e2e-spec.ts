import { ADDRESS_FAILURE_LIMIT, hashPassword, PAIR_FREE_FAILURES, UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { followScript } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  cookie: string | null;
  setCookie: string | null;
  retryAfter: string | null;
}

describe('sign-in, sessions and passwords', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    await app.dataSource.getRepository(UserEntity).save({
      username: 'ana',
      displayName: '安娜',
      role: 'agent',
      onShift: true,
      passwordHash: await hashPassword('correct horse battery'),
    });
  });
  afterAll(() => app.stop());

  async function call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    url: string,
    options: { body?: unknown; cookie?: string | null; ip?: string } = {},
  ): Promise<Answer<T>> {
    const response = await app.app.inject({
      method,
      url,
      remoteAddress: options.ip ?? '10.0.0.1',
      headers: options.cookie ? { cookie: options.cookie } : {},
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? (setCookie[0] ?? null) : (setCookie ?? null);
    return {
      status: response.statusCode,
      body: (response.body ? response.json() : {}) as T,
      setCookie: first,
      cookie: first ? (first.split(';')[0] ?? null) : null,
      retryAfter: (response.headers['retry-after'] as string | undefined) ?? null,
    };
  }

  const login = (password: string, ip?: string, username = 'ana') =>
    call<{ username?: string; code?: string; details?: { retryAfterSeconds: number } }>('POST', '/api/auth/login', {
      body: { username, password },
      ip,
    });

  it('signs in with an httpOnly, SameSite=Strict session cookie and knows who is signed in', async () => {
    const signedIn = await login('correct horse battery');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ username: 'ana', role: 'agent' });
    expect(signedIn.setCookie).toMatch(/^chaping_session=[\w-]{40,};/);
    expect(signedIn.setCookie).toMatch(/HttpOnly/);
    expect(signedIn.setCookie).toMatch(/SameSite=Strict/);
    const me = await call<{ username: string }>('GET', '/api/auth/me', { cookie: signedIn.cookie });
    expect(me).toMatchObject({ status: 200, body: { username: 'ana', displayName: '安娜' } });
  });

  it('gives a wrong password and an unknown user the same answer, with no cookie', async () => {
    const wrong = await login('wrong horse', '10.0.0.2');
    const unknown = await login('whatever', '10.0.0.2', 'nobody');
    for (const answer of [wrong, unknown]) {
      expect(answer).toMatchObject({ status: 401, body: { code: 'auth.bad_credentials' }, setCookie: null });
    }
    // Ana's failure count starts again after a good sign-in.
    expect((await login('correct horse battery', '10.0.0.2')).status).toBe(200);
  });

  it(`slows a guesser after ${PAIR_FREE_FAILURES} failures from one address, while the owner elsewhere signs in`, async () => {
    for (let attempt = 0; attempt < PAIR_FREE_FAILURES; attempt++) {
      expect((await login('nope', '10.0.0.3')).status).toBe(401);
    }
    const slowed = await login('correct horse battery', '10.0.0.3');
    expect(slowed).toMatchObject({ status: 429, body: { code: 'auth.throttled', details: { retryAfterSeconds: 2 } } });
    expect(slowed.retryAfter).toBe('2');
    // The owner at another address is not slowed, and after the delay the right password works here too.
    expect((await login('correct horse battery', '10.0.0.4')).status).toBe(200);
    app.clock.advanceMinutes(1);
    expect((await login('correct horse battery', '10.0.0.3')).status).toBe(200);
  });

  it('turns away an address that keeps failing, but not the accounts that sign in from it', async () => {
    expect((await login('correct horse battery', '10.0.0.9')).status).toBe(200);
    // Most of the sprayer's failures written straight to the table (each sign-in costs an argon2 hash).
    await app.dataSource.query(
      `INSERT INTO login_attempt (username, ip, at, succeeded)
       SELECT 'user' || n, '10.0.0.9', $1, false FROM generate_series(1, $2) n`,
      [app.clock.now(), ADDRESS_FAILURE_LIMIT - 5],
    );
    for (let attempt = 0; attempt < 5; attempt++) await login('spray', '10.0.0.9', `sprayer${attempt}`);
    expect(await login('spray', '10.0.0.9', 'newcomer')).toMatchObject({
      status: 429,
      body: { code: 'auth.rate_limited' },
    });
    expect((await login('correct horse battery', '10.0.0.9')).status).toBe(200);
    expect((await login('correct horse battery', '10.0.0.10')).status).toBe(200);
  });

  it('ends the session on sign-out and after 12 hours', async () => {
    const { cookie } = await login('correct horse battery');
    const out = await call('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/chaping_session=;/);
    expect(await call('GET', '/api/auth/me', { cookie })).toMatchObject({
      status: 401,
      body: { code: 'auth.session_expired' },
    });

    const later = await login('correct horse battery');
    app.clock.advanceMinutes(12 * 60 + 1);
    expect(await call('GET', '/api/auth/me', { cookie: later.cookie })).toMatchObject({
      status: 401,
      body: { code: 'auth.session_expired' },
    });
    expect(await call('GET', '/api/auth/me', { cookie: 'chaping_session=forged' })).toMatchObject({
      status: 401,
      body: { code: 'auth.unknown_actor' },
    });
  });

  it('checks the session in the same statement on the routes that read it with the case', async () => {
    const caseId = await aNewCase().openIn(app);
    await followScript(app, caseId);
    const missing = '00000000-0000-4000-8000-000000000000';
    const versionOfCase = async () =>
      (await app.dataSource.query(`SELECT version FROM support_case WHERE id = $1`, [caseId]))[0].version as number;
    const agentCookie = await app.sessionCookie(app.users.agent);
    const moveOn = (cookie: string | null) =>
      call('POST', `/api/cases/${caseId}/transitions`, { cookie, body: { expectedVersion: 1, to: 'contacting' } });

    const { cookie: anasCookie } = await login('correct horse battery');
    // Ana works no shop: her session is good, the case is not hers.
    expect(await call('GET', `/api/cases/${caseId}`, { cookie: anasCookie })).toMatchObject({
      status: 403,
      body: { code: 'access.case_forbidden' },
    });
    expect(await call('GET', `/api/cases/${missing}`, { cookie: anasCookie })).toMatchObject({
      status: 404,
      body: { code: 'case.not_found' },
    });
    await call('POST', '/api/auth/logout', { cookie: anasCookie });
    for (const cookie of [anasCookie, 'chaping_session=forged']) {
      expect((await call('GET', `/api/cases/${caseId}`, { cookie })).status).toBe(401);
      expect((await moveOn(cookie)).status).toBe(401);
    }
    expect((await moveOn(anasCookie)).body).toMatchObject({ code: 'auth.session_expired' });
    expect((await moveOn('chaping_session=forged')).body).toMatchObject({ code: 'auth.unknown_actor' });
    expect(await versionOfCase()).toBe(1);

    // A disabled account's session ends at once, on these routes too.
    await app.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [app.users.agent.id]);
    expect((await moveOn(agentCookie)).body).toMatchObject({ code: 'auth.account_disabled' });
    expect(await versionOfCase()).toBe(1);
    await app.dataSource.query(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [app.users.agent.id]);

    // Who asks is checked before whether the case exists.
    expect(await call('GET', `/api/cases/${missing}`, { cookie: anasCookie })).toMatchObject({
      status: 401,
      body: { code: 'auth.session_expired' },
    });

    // A session used after a while is marked as seen, as on every other route.
    app.clock.advanceMinutes(6);
    const moved = await moveOn(agentCookie);
    expect(moved).toMatchObject({ status: 200, body: { stage: 'contacting', version: 2 } });
    const [seen] = await app.dataSource.query(
      `SELECT last_seen_at FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE u.id = $1 ORDER BY last_seen_at DESC LIMIT 1`,
      [app.users.agent.id],
    );
    expect((seen.last_seen_at as Date).toISOString()).toBe(app.clock.now().toISOString());

    // And it ends 12 hours after sign-in here too.
    app.clock.advanceMinutes(12 * 60);
    for (const answer of [
      await call('GET', `/api/cases/${missing}`, { cookie: agentCookie }),
      await moveOn(agentCookie),
    ]) {
      expect(answer).toMatchObject({ status: 401, body: { code: 'auth.session_expired' } });
    }
  });

  it('changes the password only with the current one and a strong new one, and ends the other sessions', async () => {
    const phone = await login('correct horse battery');
    const laptop = await login('correct horse battery');
    const change = (currentPassword: string, newPassword: string) =>
      call<{ code?: string }>('POST', '/api/auth/password', {
        cookie: laptop.cookie,
        body: { currentPassword, newPassword },
      });

    expect((await change('not it', 'a much longer secret')).body.code).toBe('auth.wrong_current_password');
    expect((await change('correct horse battery', 'short')).body.code).toBe('auth.too_short');
    expect((await change('correct horse battery', ' '.repeat(10))).body.code).toBe('auth.too_short');
    expect((await change('correct horse battery', 'qwertyuiop')).body.code).toBe('auth.too_common');
    expect((await change('correct horse battery', 'ana-is-my-name-2026')).body.code).toBe('auth.like_username');
    expect((await change('correct horse battery', 'a much longer secret')).status).toBe(204);

    expect((await call('GET', '/api/auth/me', { cookie: phone.cookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { cookie: laptop.cookie })).status).toBe(200);
    expect((await login('correct horse battery')).status).toBe(401);
    expect((await login('a much longer secret')).status).toBe(200);
  });

  it('keeps the data behind sign-in', async () => {
    for (const url of ['/api/cases', '/api/policy', '/api/imports', '/api/triage/overrides']) {
      expect({ url, status: (await call('GET', url)).status }).toEqual({ url, status: 401 });
    }
    expect((await call('GET', '/api/health')).status).toBe(200);
  });
});
