import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { findMarketplaceFormat, type MarketplaceFormat } from '../../intake/incoming/marketplace-formats';
import { DoudianClient, type DoudianSignMethod } from '../../marketplace/doudian-client';
import { MarketplaceError } from '../../marketplace/marketplace-call';
import { DoudianSimulator, type SimulatedDouyinComment } from '../../marketplace/simulator/doudian-simulator';
import { DoudianShop } from './doudian-adapter';
import type { ReviewItem } from './marketplace-adapter';

const APP = { appKey: '7301234567890123456', appSecret: 'spec-doudian-secret' };
const TOKEN = 'spec-doudian-token';
const NOW = new Date('2026-03-10T02:00:00Z');
const CAP = 150;
const FORMAT = findMarketplaceFormat('douyin.comment.list') as MarketplaceFormat;

const comments = (count: number, rate: 1 | 2 | 3): SimulatedDouyinComment[] =>
  Array.from({ length: count }, (_, n) => ({
    commentId: `7358${rate}${String(n).padStart(14, '0')}`,
    productId: '3651234567890123456',
    productName: '加绒加厚男士休闲裤',
    orderId: `6921${rate}${String(n).padStart(14, '0')}`,
    commentTime: new Date(NOW.getTime() - 3_600_000 + n * 8_000),
    rate,
    content: '根本不是加厚',
    appendContent: '',
    appendTime: null,
    isReply: false,
    replyContent: '',
  }));

/** The 抖店 connector against the simulator over HTTP, with a query cap small enough to reach. */
describe('抖店 connector', () => {
  const simulator = new DoudianSimulator({
    now: () => NOW,
    apps: [APP],
    tokens: [{ appKey: APP.appKey, token: TOKEN, expiresAt: null }],
    resultCap: CAP,
  });
  let gatewayUrl = '';
  const shop = (signMethod: DoudianSignMethod, appSecret = APP.appSecret) =>
    new DoudianShop(
      new DoudianClient(
        { appKey: APP.appKey, appSecret, accessToken: TOKEN, signMethod },
        { gatewayUrl, now: () => NOW, retry: { attempts: 1, baseDelayMs: 0 } },
      ),
      { resultCap: CAP },
    );
  const window = { from: new Date(NOW.getTime() - 86_400_000), to: NOW };

  beforeAll(async () => {
    gatewayUrl = await simulator.start();
    simulator.addComments(...comments(400, 1), ...comments(40, 2), ...comments(30, 3));
  });
  afterAll(() => simulator.stop());

  it('halves a window whose total reaches the cap, pages from 0, and reads every 差评 and 中评 once', async () => {
    const ids: string[] = [];
    const read = await shop('hmac-sha256').pullWindow(window, async (items: readonly ReviewItem[]) => {
      ids.push(...items.map((item) => String(item['comment_id'])));
    });
    expect(read).toBe(440);
    expect(new Set(ids).size).toBe(440);
    // 19-digit ids arrive exact (the simulator writes them as bare JSON numbers).
    expect(ids).toContain('7358100000000000399');
    const queries = simulator.callsOf('comment.list').map((call) => JSON.parse(call.params['param_json'] ?? '{}'));
    expect(new Set(queries.filter((query) => query.rate === 1).map((query) => query.start_time)).size).toBeGreaterThan(
      2,
    );
    expect(queries.every((query) => query.size === 100 && query.page >= 0)).toBe(true);
    expect(queries.some((query) => query.rate === 3)).toBe(false);
  });

  it('signs md5 as well, and reads a wrong secret as a rejected signature', async () => {
    simulator.requests.length = 0;
    await expect(shop('md5').pullWindow(window, async () => undefined)).resolves.toBe(440);
    expect(simulator.requests.every((call) => call.params['sign_method'] === 'md5' && call.answer === 'ok')).toBe(true);
    const refused = await shop('md5', 'another-secret')
      .pullWindow(window, async () => undefined)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MarketplaceError);
    expect(refused).toMatchObject({ failure: 'signature_rejected', platformCode: '11' });
  });
});

/** A gateway that answers whatever the test says, signature unchecked: the odd answers a real one may give. */
describe('抖店 connector against an odd gateway', () => {
  let answer: (page: number) => unknown = () => ({});
  const pages: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const page = Number((JSON.parse(body || '{}') as { page?: number }).page ?? 0);
      pages.push(page);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer(page)));
    });
  });
  let shop: DoudianShop;
  let gatewayUrl = '';
  const window = { from: new Date(NOW.getTime() - 3_600_000), to: NOW };
  const item = (n: number) => ({ comment_id: `7358${String(n).padStart(15, '0')}`, rate: 1, content: '差' });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    shop = shopWithCap(CAP);
  });
  const shopWithCap = (resultCap: number) =>
    new DoudianShop(
      new DoudianClient(
        { appKey: APP.appKey, appSecret: APP.appSecret, accessToken: TOKEN, signMethod: 'hmac-sha256' },
        { gatewayUrl, now: () => NOW, retry: { attempts: 1, baseDelayMs: 0 } },
      ),
      { resultCap },
    );
  beforeEach(() => (pages.length = 0));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives intake an object for every list entry, so a null among the comments stops neither pull nor reply', async () => {
    const comments = [null, 7, 'x', [], { ...item(1), order_id: '6921000000000000001' }];
    answer = () => ({ err_no: 0, data: { total: comments.length, comments } });
    const taken: ReviewItem[] = [];
    const read = await shop.pullWindow(window, async (items) => void taken.push(...items));
    expect(read).toBe(2 * comments.length);
    for (const each of taken) expect(() => FORMAT.toRaw(each, {})).not.toThrow();
    expect(taken.filter((each) => FORMAT.toRaw(each, {}).platformReviewId !== null)).toHaveLength(2);
    const reply = { platformReviewId: item(1).comment_id, platformOrderId: '6921000000000000001', text: '抱歉' };
    await expect(shop.replyOnPlatform(reply)).resolves.toBeNull();
  });

  it('stops at the cap when every page is full and the total says more, forever', async () => {
    answer = () => ({ err_no: 0, data: { total: '1e400', comments: Array.from({ length: 100 }, (_, n) => item(n)) } });
    const smallWindow = { from: new Date(NOW.getTime() - 60_000), to: NOW };
    await expect(shop.pullWindow(smallWindow, async () => undefined)).resolves.toBe(2 * 2 * 100);
    expect(Math.max(...pages)).toBe(Math.ceil(CAP / 100) - 1);
  });

  it('reads on past a short page (entries dropped after paging) and stops at an empty one', async () => {
    const sizes = [100, 60, 100, 0, 100];
    answer = (page) => ({
      err_no: 0,
      data: { total: 500, comments: Array.from({ length: sizes[page] ?? 0 }, (_, n) => item(page * 100 + n)) },
    });
    await expect(shopWithCap(1_000).pullWindow(window, async () => undefined)).resolves.toBe(2 * 260);
    expect(pages).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
  });
});
