import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { MarketplaceError, MAX_ANSWER_BYTES, requestJson } from './marketplace-call';

/** requestJson against a gateway that answers as the test says: slow, endless, huge or deep. */
describe('requestJson against an odd gateway', () => {
  let respond: (response: ServerResponse) => void = (response) => response.end('{}');
  const server = createServer((_request, response) => respond(response));
  let url = '';
  const options = (timeoutMs = 500) => ({ gatewayUrl: url, now: () => new Date(), timeoutMs });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up on an answer that never ends, as unreachable', async () => {
    respond = (response) => response.write('{"err_no":0,"data":{"comments":[');
    const started = Date.now();
    const failed = await failureOf(requestJson(options(), { url, method: 'POST', body: '{}' }));
    expect(failed).toBeInstanceOf(MarketplaceError);
    expect(failed).toMatchObject({ failure: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading an answer larger than MAX_ANSWER_BYTES, whether or not it says its length', async () => {
    const filler = 'x'.repeat(1 << 20);
    const huge = (response: ServerResponse) => {
      response.write('{"err_no":0,"message":"');
      for (let mb = 0; mb * (1 << 20) <= MAX_ANSWER_BYTES; mb++) response.write(filler);
      response.end('"}');
    };
    respond = huge;
    // 16 MiB through a loaded CI machine can take longer than the short timeout the other cases use.
    const streamed = await failureOf(requestJson(options(30_000), { url, method: 'POST', body: '{}' }));
    expect(streamed).toMatchObject({ failure: 'platform_error', platformMessage: expect.stringMatching(/MB/) });
    respond = (response) => {
      response.setHeader('content-length', String(MAX_ANSWER_BYTES + 1));
      response.end('{}');
    };
    const declared = await failureOf(requestJson(options(), { url, method: 'POST', body: '{}' }));
    expect(declared).toMatchObject({ failure: 'platform_error', platformMessage: expect.stringMatching(/MB/) });
  });

  it('reads an answer nested 10,000 deep as an error, not a crash', async () => {
    respond = (response) => response.end(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const failed = await failureOf(requestJson(options(), { url, method: 'POST', body: '{}' }));
    expect(failed).toMatchObject({ failure: 'platform_error' });
  });
});
