import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import {
  DoudianSimulator,
  JosSimulator,
  keyringOf,
  TopSimulator,
  type ConnectionsOptions,
  type SimulatedDouyinComment,
  type SimulatedJdComment,
  type SimulatedRate,
} from '@chaping/api/testing';

import { sampleReviews, sharedDataPath } from './shared-data';

/**
 * The marketplace simulator for scenarios: its core lives in the API (apps/api/src/marketplace/
 * simulator, so the demo can start it too); this wires it to the tests' clock and the shared
 * review texts.
 */
export {
  DoudianSimulator,
  JosSimulator,
  TopSimulator,
  type SimulatedDouyinComment,
  type SimulatedJdComment,
  type SimulatedRate,
};

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
export function simulatorConnections(
  gatewayUrl: string,
  others: { josGatewayUrl?: string; doudianGatewayUrl?: string } = {},
): ConnectionsOptions {
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

/** 抖店 app keys are 19 digits. */
export const DY_APP = { appKey: '7301234567890123456', appSecret: 'dy-sim-app-secret-2c8e41' };
export const DY_TOKEN = 'dy-sim-access-token-9a4f7d03';

export function startDoudianSimulator(now: () => Date): { simulator: DoudianSimulator; url: Promise<string> } {
  const simulator = new DoudianSimulator({
    now,
    apps: [DY_APP],
    tokens: [{ appKey: DY_APP.appKey, token: DY_TOKEN, expiresAt: null }],
  });
  return { simulator, url: simulator.start() };
}

interface DouyinExample {
  comment_id: string;
  product_id: string;
  product_name: string;
  order_id: string;
  rate: 1 | 2 | 3;
  content: string;
  append_content: string;
  is_reply: boolean;
  reply_content: string;
}

/**
 * The comments of ../shared/data's `douyin-comment-list-{1,2,3}.json` (ids kept exact: they are
 * 19-digit JSON numbers), each commented `minutesAgo` before `end` (a follow-up a minute later).
 */
export function douyinExampleComments(end: Date, minutesAgo = 30): SimulatedDouyinComment[] {
  return [1, 2, 3].flatMap((n) => {
    const text = readFileSync(sharedDataPath('examples', `douyin-comment-list-${n}.json`), 'utf8');
    const body = JSON.parse(text.replace(/"(comment_id|product_id|order_id)": (\d+)/g, '"$1": "$2"')) as {
      data: { comments: DouyinExample[] };
    };
    return body.data.comments.map((item, index) => {
      const commentTime = new Date(end.getTime() - (minutesAgo + n * 3 + index) * 60_000);
      return {
        commentId: item.comment_id,
        productId: item.product_id,
        productName: item.product_name,
        orderId: item.order_id,
        commentTime,
        rate: item.rate,
        content: item.content,
        appendContent: item.append_content,
        appendTime: item.append_content ? new Date(commentTime.getTime() + 60_000) : null,
        isReply: item.is_reply,
        replyContent: item.reply_content,
      };
    });
  });
}

/**
 * `count` 抖店 comments rated 差评 or 中评 (and every third 好评, which is never pulled) with the
 * shared data's real texts, spread evenly over the `days` before `end`; ids are 19 digits.
 */
export function douyinComments(count: number, end: Date, days: number, offset = 0): SimulatedDouyinComment[] {
  const texts = sampleReviews();
  const span = days * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    return {
      commentId: `73581${String(n).padStart(14, '0')}`,
      productId: '3651234567890123456',
      productName: '加绒加厚男士休闲裤 冬季保暖',
      orderId: `69212${String(n).padStart(14, '0')}`,
      commentTime: new Date(end.getTime() - span + Math.floor(((index + 0.5) * span) / count)),
      rate: ((n % 3) + 1) as 1 | 2 | 3,
      content: texts[n % texts.length]?.text ?? '质量一般',
      appendContent: '',
      appendTime: null,
      isReply: false,
      replyContent: '',
    };
  });
}
