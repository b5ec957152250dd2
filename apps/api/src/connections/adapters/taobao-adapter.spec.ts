import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ConnectedShop } from './marketplace-adapter';
import { taobaoAdapter } from './taobao-adapter';

/** The Taobao connector against a TOP gateway that answers whatever the test says (signature unchecked). */
describe('Taobao connector against an odd gateway', () => {
  let answer: unknown = {};
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer));
    });
  });
  let shop: ConnectedShop;
  const reply = { platformReviewId: '920002', platformOrderId: '820002', text: '抱歉' };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
    shop = taobaoAdapter.connect(
      { appKey: 'top-app', appSecret: 'top-secret-for-spec', sessionKey: 'top-session', signMethod: 'hmac-sha256' },
      { gatewayUrl, now: () => new Date('2026-03-10T02:00:00Z'), retry: { attempts: 1, baseDelayMs: 0 } },
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds the seller explanation among odd trade_rate entries, and reads a lone or missing list as none', async () => {
    const explained = { oid: 920002, reply: '已为您换新' };
    answer = { traderates_get_response: { trade_rates: { trade_rate: [null, 5, explained] } } };
    await expect(shop.replyOnPlatform(reply)).resolves.toBe('已为您换新');
    for (const tradeRate of [explained, 'x', null]) {
      answer = { traderates_get_response: { trade_rates: { trade_rate: tradeRate } } };
      await expect(shop.replyOnPlatform(reply)).resolves.toBeNull();
    }
  });
});
