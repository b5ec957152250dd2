import { randomBytes } from 'node:crypto';

import {
  JosSimulator,
  keyringOf,
  TopSimulator,
  type ConnectionsOptions,
  type SimulatedJdComment,
  type SimulatedRate,
} from '@chaping/api/testing';

import { sampleReviews } from './shared-data';

/**
 * The marketplace simulator for scenarios: its core lives in the API (apps/api/src/marketplace/
 * simulator, so the demo can start it too); this wires it to the tests' clock and the shared
 * review texts.
 */
export { JosSimulator, TopSimulator, type SimulatedJdComment, type SimulatedRate };

export const SIM_APP = { appKey: '12345678', appSecret: 'sim-app-secret-4f9c2a' };
export const SIM_SESSION = 'sim-session-6100e2f8a7b';

export function startTopSimulator(now: () => Date): { simulator: TopSimulator; url: Promise<string> } {
  const simulator = new TopSimulator({
    now,
    apps: [SIM_APP],
    sessions: [{ appKey: SIM_APP.appKey, sessionKey: SIM_SESSION, expiresAt: null }],
  });
  return { simulator, url: simulator.start() };
}

/** Connection options for a TestApp talking to the simulators: fast retries, a keyring of its own. */
export function simulatorConnections(gatewayUrl: string, others: { josGatewayUrl?: string } = {}): ConnectionsOptions {
  return {
    keyring: keyringOf(randomBytes(32)),
    marketplace: { topGatewayUrl: gatewayUrl, ...others, retry: { attempts: 3, baseDelayMs: 5 }, backfillDays: 30 },
  };
}

export const JD_APP = { appKey: 'JD7C2A91E04B', appSecret: 'jd-sim-app-secret-81d3' };
export const JD_TOKEN = 'jd-sim-access-token-5e02c9f1';

export function startJosSimulator(now: () => Date): { simulator: JosSimulator; url: Promise<string> } {
  const simulator = new JosSimulator({
    now,
    apps: [JD_APP],
    tokens: [{ appKey: JD_APP.appKey, token: JD_TOKEN, expiresAt: null }],
  });
  return { simulator, url: simulator.start() };
}

/**
 * `count` JD comments of 1–3 stars (差评 and 中评) with the shared data's real texts, spread evenly
 * over the `days` before `end`.
 */
export function jdComments(count: number, end: Date, days: number, offset = 0): SimulatedJdComment[] {
  const texts = sampleReviews();
  const span = days * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    return {
      commentId: `157288${String(n).padStart(8, '0')}`,
      orderId: `2851${String(n).padStart(8, '0')}`,
      skuid: '100012345678',
      skuName: '示例品牌 10.4英寸平板电脑 4GB+64GB WiFi版 灰色',
      nickName: `j***${n % 10}`,
      xidBuyer: `o*AAxJ${n}`,
      content: texts[n % texts.length]?.text ?? '质量一般',
      creationTime: new Date(end.getTime() - span + Math.floor(((index + 0.5) * span) / count)),
      score: 1 + (n % 3),
      replies: [],
      isVenderReply: false,
    };
  });
}

/**
 * `count` neutral/negative ratings with the shared data's real texts, spread evenly over the
 * `days` before `end` (ids are 19 digits, beyond 2^53, as TOP's are).
 */
export function rates(count: number, end: Date, days: number, offset = 0): SimulatedRate[] {
  const texts = sampleReviews();
  const span = days * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    const text = texts[n % texts.length];
    return {
      tid: `37814522901${String(n).padStart(8, '0')}`,
      oid: `37814522902${String(n).padStart(8, '0')}`,
      nick: `t**${n % 10}`,
      result: n % 3 === 0 ? 'neutral' : 'bad',
      created: new Date(end.getTime() - span + Math.floor(((index + 0.5) * span) / count)),
      itemTitle: '春季男士直筒弹力牛仔裤',
      itemPrice: '89.00',
      numIid: '712345678901',
      ouid: `AAHk5d-${n}`,
      content: text?.text ?? '质量一般',
      reply: '',
    };
  });
}
