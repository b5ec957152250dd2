import { DoudianClient, type DoudianSignMethod } from '../../marketplace/doudian-client';
import { MarketplaceError } from '../../marketplace/marketplace-call';
import { DoudianSimulator, type SimulatedDouyinComment } from '../../marketplace/simulator/doudian-simulator';
import { DoudianShop } from './doudian-adapter';
import type { ReviewItem } from './marketplace-adapter';

const APP = { appKey: '7301234567890123456', appSecret: 'spec-doudian-secret' };
const TOKEN = 'spec-doudian-token';
const NOW = new Date('2026-03-10T02:00:00Z');
const CAP = 150;

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
