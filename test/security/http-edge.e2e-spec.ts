import net from 'node:net';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

/** `{"a":{"a":…}}` nested `depth` levels. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The one error body, whoever answered (the router, the body parser, the validator, a service). */
const expectErrorBody = (body: ErrorBody, status: number, code: string) => {
  expect({ statusCode: body.statusCode, code: body.code }).toEqual({ statusCode: status, code });
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(3);
  expect(body.message).not.toMatch(/\{\w+\}/); // every placeholder filled in
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  if (body.details !== undefined) expect(typeof body.details === 'object' && !Array.isArray(body.details)).toBe(true);
};

/** Sends raw bytes over a socket and collects the whole answer until the server closes it. */
function rawExchange(
  port: number,
  send: (socket: net.Socket) => void,
): Promise<{ head: string; body: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => send(socket));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ head, body, elapsedMs: Date.now() - started });
    });
  });
}

describe('the HTTP edge: every bad request answers in the one error body and the server stays up', () => {
  let app: TestApp;
  let caseId: string;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    caseId = await aNewCase().openIn(app);
  });
  afterAll(() => app.stop());

  type Sent = { method: 'GET' | 'POST' | 'DELETE' | 'PATCH'; url: string; type?: string; body?: string };
  const send = async ({ method, url, type, body }: Sent, signedIn: boolean) => {
    const response = await app.app.inject({
      method,
      url,
      headers: {
        ...(signedIn ? { cookie: await app.sessionCookie(app.users.lead) } : {}),
        ...(type ? { 'content-type': type } : {}),
      },
      ...(body === undefined ? {} : { payload: body }),
    });
    return { status: response.statusCode, body: response.json() as ErrorBody, headers: response.headers };
  };

  const contact = () => `/api/cases/${caseId}/contact-attempts`;
  const json = 'application/json';
  const boundary = '----chaping';
  const multipart = (parts: string) => `--${boundary}\r\n${parts}`;

  it.each<[string, () => Sent, boolean, number, string]>([
    ['a bad URL encoding', () => ({ method: 'GET', url: '/api/cases/%E0%A4%A' }), true, 400, 'request.bad_url'],
    [
      'an over-long path parameter',
      () => ({ method: 'GET', url: `/api/cases/${'a'.repeat(500)}` }),
      true,
      414,
      'request.param_too_long',
    ],
    ['an unknown route', () => ({ method: 'GET', url: '/api/no-such-thing' }), true, 404, 'route.not_found'],
    ['a method the route does not have', () => ({ method: 'DELETE', url: '/api/cases' }), true, 404, 'route.not_found'],
    [
      'malformed JSON',
      () => ({ method: 'POST', url: '/api/auth/login', type: json, body: '{"username":' }),
      false,
      400,
      'request.malformed',
    ],
    [
      'a body that is not JSON',
      () => ({ method: 'POST', url: '/api/auth/login', type: 'text/plain', body: 'hi' }),
      false,
      415,
      'request.unsupported_media_type',
    ],
    [
      'JSON nested 10,000 deep, signed out',
      () => ({ method: 'POST', url: '/api/auth/login', type: json, body: nested(10_000) }),
      false,
      400,
      'body.too_deep',
    ],
    [
      'JSON nested 3,000 deep, signed in',
      () => ({ method: 'POST', url: contact(), type: json, body: nested(3_000) }),
      true,
      400,
      'body.too_deep',
    ],
    [
      'JSON arrays nested 33 deep',
      () => ({ method: 'POST', url: contact(), type: json, body: `${'['.repeat(33)}${']'.repeat(33)}` }),
      true,
      400,
      'body.too_deep',
    ],
    [
      'a version beyond int4',
      () => ({
        method: 'POST',
        url: contact(),
        type: json,
        body: '{"expectedVersion":2147483648,"channel":"im","outcome":"reached","note":"x"}',
      }),
      true,
      400,
      'request.invalid',
    ],
    [
      'afterRow beyond int4',
      () => ({ method: 'GET', url: `/api/imports/${caseId}/rejections?afterRow=2147483648` }),
      true,
      400,
      'request.invalid',
    ],
    [
      'month 0000-01',
      () => ({ method: 'GET', url: '/api/reports/monthly?month=0000-01' }),
      true,
      400,
      'request.invalid',
    ],
    [
      'month 9999-12',
      () => ({ method: 'GET', url: '/api/reports/monthly?month=9999-12' }),
      true,
      400,
      'request.invalid',
    ],
    [
      'KPIs from 2026-02-30',
      () => ({ method: 'GET', url: '/api/kpis?from=2026-02-30&to=2026-03-01' }),
      true,
      400,
      'request.invalid',
    ],
    [
      'dueOn 2026-02-31',
      () => ({
        method: 'POST',
        url: '/api/action-items',
        type: json,
        body: JSON.stringify({
          shopId: app.shops.jd.id,
          rootCause: 'quality',
          title: '更换杯盖密封圈',
          dueOn: '2026-02-31',
        }),
      }),
      true,
      400,
      'request.invalid',
    ],
    [
      'agreedAt 2026-02-31',
      () => ({
        method: 'POST',
        url: `/api/cases/${caseId}/revision-request`,
        type: json,
        body: JSON.stringify({ expectedVersion: 1, agreedAt: '2026-02-31T10:00:00Z', method: '旺旺', note: '' }),
      }),
      true,
      400,
      'request.invalid',
    ],
    [
      'multipart without a boundary',
      () => ({
        method: 'POST',
        url: `/api/imports?shopId=${app.shops.jd.id}`,
        type: 'multipart/form-data',
        body: 'id,text\r\n1,a\r\n',
      }),
      true,
      400,
      'request.bad_multipart',
    ],
    [
      'multipart cut mid-part',
      () => ({
        method: 'POST',
        url: `/api/imports?shopId=${app.shops.jd.id}`,
        type: `multipart/form-data; boundary=${boundary}`,
        body: multipart(
          'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nid,text\r\n1,',
        ),
      }),
      true,
      400,
      'request.bad_multipart',
    ],
  ])('%s → %#: the one error body', async (_name, request, signedIn, status, code) => {
    const answer = await send(request(), signedIn);
    expectErrorBody(answer.body, status, code);
    expect(answer.status).toBe(status);
  });

  it('names the depth limit, and answers the next request after a 10,000-deep body', async () => {
    const deep = await send({ method: 'POST', url: '/api/auth/login', type: json, body: nested(10_000) }, false);
    expect(deep.body.details).toEqual({ maxDepth: 32 });
    expect(deep.body.message).toContain('32');
    const next = await app.get(`/api/cases/${caseId}`, app.users.lead);
    expect(next.status).toBe(200);
    // 32 levels are still accepted as far as the parser goes (the validator then judges the shape).
    const atLimit = await send({ method: 'POST', url: contact(), type: json, body: nested(32) }, true);
    expect(atLimit.body.code).toBe('request.invalid');
  });

  it('answers a report for a far month at once instead of building decades of history', async () => {
    const started = Date.now();
    const far = await send({ method: 'GET', url: '/api/reports/monthly?month=2099-12' }, true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(far.body.details).toEqual({
      fields: [{ field: 'month', messages: ['month must be from 2000-01 to 2026-04'] }],
    });
    const next = await send({ method: 'GET', url: '/api/reports/monthly?month=2026-04' }, true);
    expect(next.status).toBe(200);
  });

  it('says a missing field is required instead of listing every rule it fails', async () => {
    const answer = await send(
      { method: 'POST', url: `/api/cases/${caseId}/record`, type: json, body: '{"expectedVersion":1}' },
      true,
    );
    expectErrorBody(answer.body, 400, 'request.invalid');
    expect(answer.body.details).toMatchObject({
      fields: expect.arrayContaining([{ field: 'actionsTaken', messages: ['actionsTaken is required'] }]),
    });
  });

  it('keeps a refusal about a million columns short', async () => {
    const header = `${'评价内容,'.repeat(3)}${','.repeat(1_000_000)}\n`;
    const form = new FormData();
    form.append('file', new Blob([header]), 'wide.csv');
    const encoded = new Request('http://upload.local', { method: 'POST', body: form });
    const response = await app.app.inject({
      method: 'POST',
      url: `/api/imports?shopId=${app.shops.jd.id}`,
      headers: {
        cookie: await app.sessionCookie(app.users.lead),
        'content-type': encoded.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body.length).toBeLessThan(10_000);
    expectErrorBody(response.json() as ErrorBody, response.statusCode, (response.json() as ErrorBody).code);
  });

  it('marks every API answer no-store, the errors included', async () => {
    const view = await send({ method: 'GET', url: `/api/cases/${caseId}` }, true);
    expect(view.status).toBe(200);
    expect(view.headers['cache-control']).toBe('no-store');
    const missing = await send({ method: 'GET', url: '/api/no-such-thing' }, true);
    expect(missing.headers['cache-control']).toBe('no-store');
    const badUrl = await send({ method: 'GET', url: '/api/cases/%E0%A4%A' }, true);
    expect(badUrl.headers['cache-control']).toBe('no-store');
  });
});

describe('the HTTP edge over a real socket', () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z', { edge: { requestTimeoutMs: 2_000 } });
    port = Number(new URL(await app.listen()).port);
  });
  afterAll(() => app.stop());

  const parse = (body: string) => JSON.parse(body) as ErrorBody;

  it.each<[string, string, number, string]>([
    [
      'a 20 kB header',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'request.headers_too_large',
    ],
    ['bytes that are not HTTP', 'HELLO THERE\r\n\r\n', 400, 'request.client_error'],
  ])('%s → the one error body from the socket', async (_name, bytes, status, code) => {
    const answer = await rawExchange(port, (socket) => socket.write(bytes));
    expect(answer.head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expectErrorBody(parse(answer.body), status, code);
  });

  it('cuts off a body trickled a byte at a time once the request timeout has passed', async () => {
    const answer = await rawExchange(port, (socket) => {
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      );
      const trickle = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(trickle)), 500);
      socket.on('close', () => clearInterval(trickle));
    });
    expect(answer.elapsedMs).toBeLessThan(6_000);
    expect(answer.head).toMatch(/^HTTP\/1.1 408 /);
    expectErrorBody(parse(answer.body), 408, 'request.timeout');
    // The server still answers.
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBeLessThan(500);
  });
});

describe('behind a proxy', () => {
  const signIn = async (app: TestApp, headers: Record<string, string>, remoteAddress: string) => {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ username: 'tls-user', password: 'correct horse battery' }),
    });
    expect(response.statusCode).toBe(200);
    const [session] = await app.dataSource.query(`SELECT ip FROM user_session ORDER BY created_at DESC LIMIT 1`);
    return { cookie: String(response.headers['set-cookie']), ip: (session as { ip: string }).ip };
  };

  const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

  // The session records the client's address, which sign-in throttling also counts by.
  it.each<[string, Parameters<typeof TestApp.start>[1], string, Record<string, string>, boolean, string]>([
    ['no proxy trusted: forwarded headers ignored', {}, '127.0.0.1', https, false, '127.0.0.1'],
    ['a trusted proxy says https', { edge: { trustProxy: ['loopback'] } }, '127.0.0.1', https, true, '203.0.113.7'],
    [
      'an untrusted address says https',
      { edge: { trustProxy: ['10.0.0.0/8'] } },
      '192.168.1.9',
      https,
      false,
      '192.168.1.9',
    ],
    [
      'one trusted hop says http',
      { edge: { trustProxy: 1 } },
      '127.0.0.1',
      { ...https, 'x-forwarded-proto': 'http' },
      false,
      '203.0.113.7',
    ],
    ['Secure always', { edge: { secureCookies: 'always' } }, '127.0.0.1', {}, true, '127.0.0.1'],
  ])('%s', async (_name, options, remoteAddress, headers, secure, clientIp) => {
    const app = await TestApp.start('2026-03-10T02:00:00Z', options);
    try {
      await app.createUser({ username: 'tls-user', password: 'correct horse battery' });
      const { cookie, ip } = await signIn(app, headers, remoteAddress);
      expect({ secure: /;\s*Secure/i.test(cookie), ip }).toEqual({ secure, ip: clientIp });
    } finally {
      await app.stop();
    }
  });
});
