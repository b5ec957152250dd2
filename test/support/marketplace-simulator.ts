import { randomBytes } from 'node:crypto';

import { keyringOf, TopSimulator, type ConnectionsOptions, type SimulatedRate } from '@chaping/api/testing';

import { sampleReviews } from './shared-data';

/**
 * The marketplace simulator for scenarios: its core lives in the API (apps/api/src/marketplace/
 * simulator, so the demo can start it too); this wires it to the tests' clock and the shared
 * review texts.
 */
export { TopSimulator, type SimulatedRate };

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

/** Connection options for a TestApp talking to the simulator: fast retries, a keyring of its own. */
export function simulatorConnections(gatewayUrl: string): ConnectionsOptions {
  return {
    keyring: keyringOf(randomBytes(32)),
    marketplace: { topGatewayUrl: gatewayUrl, retry: { attempts: 3, baseDelayMs: 5 }, backfillDays: 30 },
  };
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
