import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { josResponseKey } from '../../marketplace/jos-client';
import { MarketplaceError } from '../../marketplace/marketplace-call';
import { JD_LIST_METHOD, JD_MAX_PAGES, jdAdapter } from './jd-adapter';
import type { ConnectedShop } from './marketplace-adapter';

const NOW = new Date('2026-03-10T02:00:00Z');

/** The JD connector against a gateway that answers whatever the test says (signature unchecked). */
describe('JD connector against an odd gateway', () => {
  let answer: (page: number) => Record<string, unknown> = () => ({});
  const pages: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const business = JSON.parse(new URLSearchParams(body).get('360buy_param_json') ?? '{}') as { page?: number };
      pages.push(Number(business.page));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ [josResponseKey(JD_LIST_METHOD)]: answer(Number(business.page)) }));
    });
  });
  let shop: ConnectedShop;
  const window = { from: new Date(NOW.getTime() - 86_400_000), to: NOW };
  const comment = (n: number) => ({
    commentId: String(n),
    content: '差',
    score: 1,
    creationTime: '2026-03-09 10:00:00',
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/routerjson`;
    shop = jdAdapter.connect(
      { appKey: 'jd-app', appSecret: 'jd-secret-for-spec', sessionKey: 'jd-token', signMethod: 'md5' },
      { gatewayUrl, now: () => NOW, retry: { attempts: 1, baseDelayMs: 0 } },
    );
  });
  beforeEach(() => (pages.length = 0));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it(`gives up after ${JD_MAX_PAGES} pages of one score when every page is full and no total ends them`, async () => {
    answer = () => ({ resultCode: '1', totalItem: 'many', comments: Array.from({ length: 50 }, (_, n) => comment(n)) });
    const failed = await shop.pullWindow(window, async () => undefined).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(MarketplaceError);
    expect(failed).toMatchObject({ failure: 'platform_error' });
    expect(pages).toHaveLength(JD_MAX_PAGES);
  });

  it('reads a seller reply on the platform however isVenderReply is written, as intake does', async () => {
    const reply = { platformReviewId: '88', platformOrderId: '3001', text: '抱歉，已为您补发' };
    const answered = (isVenderReply: unknown) => () => ({
      resultCode: '1',
      totalItem: 1,
      comments: [
        {
          ...comment(88),
          isVenderReply,
          replies: [{ content: '您好，已为您登记售后', nickName: '某某旗舰店', parentReply: null }],
        },
      ],
    });
    for (const marked of [true, 'true']) {
      answer = answered(marked);
      await expect(shop.replyOnPlatform(reply)).resolves.toBe('您好，已为您登记售后');
    }
    answer = answered(false);
    await expect(shop.replyOnPlatform(reply)).resolves.toBeNull();
  });
});
