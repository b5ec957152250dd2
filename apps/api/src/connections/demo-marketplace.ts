import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';

import { DEMO_REVIEW_TEXTS } from '../database/seed/demo-texts';
import { TopSimulator, type SimulatedRate } from '../marketplace/simulator/top-simulator';
import { ConnectionRepository } from './connection.repository';
import { ConnectionsService } from './connections.service';

const DEMO_APP = { appKey: 'demo-app-key', appSecret: randomBytes(18).toString('base64url') };
const DEMO_SESSION = randomBytes(18).toString('base64url');
const TEXTS = Object.values(DEMO_REVIEW_TEXTS).flat();

/** Starts the TOP simulator for `DEMO_MARKETPLACE=1`: a few new reviews a minute for the demo's Taobao shop. */
export async function startDemoMarketplace(): Promise<{ gatewayUrl: string; stop: () => Promise<void> }> {
  const simulator = new TopSimulator({
    now: () => new Date(),
    apps: [DEMO_APP],
    sessions: [{ appKey: DEMO_APP.appKey, sessionKey: DEMO_SESSION, expiresAt: null }],
  });
  const gatewayUrl = await simulator.start();
  let next = Date.now() % 1_000_000;
  const arrive = () => {
    const count = 1 + (next % 3);
    simulator.addRates(...Array.from({ length: count }, () => demoRate((next += 1))));
  };
  arrive();
  const timer = setInterval(arrive, 60_000);
  timer.unref();
  return {
    gatewayUrl,
    stop: async () => {
      clearInterval(timer);
      await simulator.stop();
    },
  };
}

function demoRate(n: number): SimulatedRate {
  const text = (TEXTS[n % TEXTS.length] ?? '质量一般').replaceAll('{p}', '跑鞋');
  return {
    tid: `4${String(n).padStart(18, '0')}`,
    oid: `4${String(n).padStart(18, '1')}`,
    nick: `d**${n % 10}`,
    result: n % 4 === 0 ? 'neutral' : 'bad',
    created: new Date(Date.now() - 5_000),
    itemTitle: '轻量缓震跑鞋 男款',
    itemPrice: '299.00',
    numIid: '600000000001',
    ouid: `demo-${n}`,
    content: text,
    reply: '',
  };
}

/**
 * Connects the demo's Taobao shop to the simulator (as its first admin), pulling every minute. The
 * simulator's keys are new on each start, so the connection is replaced each time.
 */
export async function connectDemoShop(app: INestApplication): Promise<string | null> {
  const { shop, admin } = await app.get(ConnectionRepository).demoShopAndAdmin();
  if (!shop || !admin) return null;
  await app
    .get(ConnectionsService)
    .create(
      { id: admin.id, role: 'admin', displayName: admin.display_name, shopIds: [] },
      shop.id,
      { appKey: DEMO_APP.appKey, appSecret: DEMO_APP.appSecret, sessionKey: DEMO_SESSION, pullEverySeconds: 60 },
      'zh-CN',
    );
  return shop.id;
}
