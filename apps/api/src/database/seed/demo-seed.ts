import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

import {
  confirmRootCause,
  DEFAULT_POLICY,
  draftReply,
  fileAppeal,
  logContactAttempt,
  markCompensationPaid,
  proposeCompensation,
  recordAndClose,
  recordRemedy,
  ROOT_CAUSES,
  transition,
  triageReview,
  type CaseState,
  type CommandContext,
  type CommandResult,
  type Platform,
  type Rating,
  type Role,
  type RootCause,
  type Stage,
} from '@chaping/domain';

import { toCaseState, type CaseRow } from '../../cases/case-row';
import { CaseRepository } from '../../cases/case.repository';
import { apiKeyDigest } from '../../common/actor/actor';
import { CaseIntakeRepository } from '../../intake/case-intake.repository';
import { triageFields } from '../../intake/intake-input';
import { ProductEntity } from '../../intake/product.entity';
import { hashPassword } from '../../users/auth/passwords';
import { ShopEntity } from '../../users/shop.entity';
import { UserEntity, UserShopEntity } from '../../users/user.entity';
import { dataSourceOptions } from '../data-source';
import { seedDemoCampaign } from './demo-campaign';
import {
  DEMO_AGENT_NOTES,
  DEMO_COMPENSATION_NOTE,
  DEMO_NEUTRAL_SUFFIXES,
  DEMO_REPLY_TEXT,
  DEMO_REVIEW_TEXTS,
} from './demo-texts';

export const DEMO_LOGINS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  { username: 'agent1', role: 'agent', displayName: '李晓雨' },
  { username: 'agent2', role: 'agent', displayName: '陈子航' },
  { username: 'lead', role: 'lead', displayName: '王慧' },
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
];

/** Every demo user signs in with this password (printed at start; change it in a real deployment). */
export const DEMO_PASSWORD = 'chaping-demo';

const DEMO_SHOPS: ReadonlyArray<{ platform: Platform; name: string; products: ReadonlyArray<[string, string]> }> = [
  {
    platform: 'tmall',
    name: '暖居家纺旗舰店',
    products: [
      ['四件套', '纯棉四件套 1.8m 床'],
      ['羽绒被', '白鹅绒羽绒被 冬季加厚'],
      ['乳胶枕', '天然乳胶枕 护颈款'],
    ],
  },
  {
    platform: 'taobao',
    name: '轻氧运动户外',
    products: [
      ['跑鞋', '轻量缓震跑鞋 男款'],
      ['冲锋衣', '三合一冲锋衣 防水'],
      ['瑜伽裤', '高腰瑜伽裤 裸感'],
    ],
  },
  {
    platform: 'jd',
    name: '极客数码专营店',
    products: [
      ['蓝牙耳机', '降噪蓝牙耳机 Pro'],
      ['充电宝', '20000mAh 快充充电宝'],
      ['机械键盘', '87键机械键盘 茶轴'],
    ],
  },
  {
    platform: 'pinduoduo',
    name: '鲜果到家',
    products: [
      ['橙子', '赣南脐橙 5斤装'],
      ['猕猴桃', '徐香猕猴桃 24枚'],
      ['苹果', '烟台红富士 10斤'],
    ],
  },
  {
    platform: 'douyin',
    name: '小橘美妆',
    products: [
      ['面霜', '保湿修护面霜 50g'],
      ['口红', '丝绒雾面口红 #03'],
      ['洗面奶', '氨基酸洗面奶 120g'],
    ],
  },
];

const DEMO_ADDRESSES = [
  '浙江省杭州市西湖区文三路',
  '广东省深圳市南山区科技园',
  '上海市浦东新区张江路',
  '四川省成都市武侯区人民南路',
];
const NICKNAMES = [
  't***7',
  '小***猫',
  'j***n',
  '快***人',
  '阿***宝',
  'w***1',
  '木***子',
  '青***草',
  'z***y',
  '晴***天',
  '大***熊',
  'm***o',
];
const SKUS = ['白色', '灰色 L', '黑色 M', '标准款', '礼盒装', '蓝色 42码'];

/** Share of demo cases per stage (of ~200): every stage is represented. */
const STAGE_PLAN: ReadonlyArray<[Stage, number]> = [
  ['new', 50],
  ['contacting', 30],
  ['apologised', 15],
  ['resolving', 20],
  ['compensating', 15],
  ['replying', 15],
  ['watching', 20],
  ['appealing', 10],
  ['recorded', 25],
];

/** A small seeded PRNG so the demo data is the same on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const HOUR = 3600_000;

/** 09:30 in Shanghai on the day `daysAgo` before `now`. */
function morningInShanghai(now: Date, daysAgo: number): Date {
  const day = new Date(now.getTime() - daysAgo * 24 * HOUR);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 30));
}

export interface SeedSummary {
  shops: number;
  cases: number;
  apiKeyShopId: string;
}

/** An integration key for the first demo shop, printed at start so the intake API can be tried. */
export const DEMO_API_KEY = 'demo-intake-key-0001';

/** Seeds demo shops, users and ~200 cases on first start; returns null when data already exists. */
export async function seedDemoData(databaseUrl: string, now: Date = new Date()): Promise<SeedSummary | null> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      // Serialise concurrent first starts; the second one finds the data and leaves.
      await manager.query('SELECT pg_advisory_xact_lock(727402)');
      if ((await manager.count(ShopEntity)) > 0) return null;
      return seed(manager, now);
    });
  } finally {
    await dataSource.destroy();
  }
}

async function seed(manager: EntityManager, now: Date): Promise<SeedSummary> {
  const random = seededRandom(20261123);
  const intake = new CaseIntakeRepository();
  const users = await manager.save(
    UserEntity,
    await Promise.all(
      DEMO_LOGINS.map(async (login) =>
        manager.create(UserEntity, { ...login, onShift: true, passwordHash: await hashPassword(DEMO_PASSWORD) }),
      ),
    ),
  );
  const agents = users.filter((user) => user.role === 'agent');

  const shops = [];
  for (const [index, shopSpec] of DEMO_SHOPS.entries()) {
    const shop = await manager.save(
      ShopEntity,
      manager.create(ShopEntity, {
        platform: shopSpec.platform,
        name: shopSpec.name,
        platformShopId: `demo-shop-${index + 1}`,
      }),
    );
    const products = await manager.save(
      ProductEntity,
      shopSpec.products.map(([, title], productIndex) =>
        manager.create(ProductEntity, {
          shopId: shop.id,
          platformProductId: `${6_000_000_000_000 + index * 1000 + productIndex}`,
          title,
        }),
      ),
    );
    await manager.insert(
      UserShopEntity,
      users.map((user) => ({ userId: user.id, shopId: shop.id })),
    );
    shops.push({ shop, products, shortNames: shopSpec.products.map(([short]) => short) });
  }

  const repository = new CaseRepository();
  let caseNumber = 0;
  for (const [stage, count] of STAGE_PLAN) {
    for (let i = 0; i < count; i++) {
      caseNumber++;
      const { shop, products, shortNames } = random.pick(shops);
      const productIndex = random.int(products.length);
      const product = products[productIndex] as ProductEntity;
      const rootCause: RootCause =
        stage === 'appealing' ? 'malicious' : random.pick(ROOT_CAUSES.filter((cause) => cause !== 'malicious'));
      const rating: Rating = random.next() < 0.3 ? 'neutral' : 'negative';
      const complaint = random.pick(DEMO_REVIEW_TEXTS[rootCause]).replaceAll('{p}', shortNames[productIndex] ?? '商品');
      const suffix = rating === 'neutral' ? random.pick(DEMO_NEUTRAL_SUFFIXES) : '';
      const text = suffix ? complaint.replace(/。$/, '') + suffix : complaint;
      const triage = triageReview({ text, rating });
      // Later stages have older reviews; new cases are from the last two days.
      const daysAgo = stage === 'new' ? random.int(3) : stage === 'recorded' ? 8 + random.int(20) : 2 + random.int(6);
      const reviewedAt = new Date(morningInShanghai(now, daysAgo).getTime() - random.int(10) * HOUR);

      const assignee = random.next() < 0.15 && stage === 'new' ? null : random.pick(agents);
      const caseId = await intake.openCase(
        manager,
        {
          shopId: shop.id,
          platform: shop.platform,
          buyer: {
            platformBuyerId: `demo-buyer-${caseNumber}`,
            nickname: random.pick(NICKNAMES),
            phone: `13${String(100_000_000 + random.int(899_999_999)).padStart(9, '0')}`,
            address: `${random.pick(DEMO_ADDRESSES)}${1 + random.int(200)}号`,
          },
          product: { platformProductId: product.platformProductId, title: product.title },
          order: {
            platformOrderId: `${3_900_000_000_000_000_000n + BigInt(caseNumber) * 7919n}`,
            skuName: random.pick(SKUS),
            orderedAt: new Date(reviewedAt.getTime() - (3 + random.int(10)) * 24 * HOUR),
            amountFen: 2_000 + random.int(60_000),
          },
          review: { platformReviewId: `demo-review-${caseNumber}`, rating, text, reviewedAt },
          ...triageFields(triage),
          assigneeId: assignee?.id ?? null,
          source: 'demo',
        },
        DEFAULT_POLICY,
      );
      if (!caseId) throw new Error(`Demo review ${caseNumber} already exists`);
      const actor = { id: (assignee ?? random.pick(agents)).id, role: 'agent' as const };
      await driveToStage(manager, repository, {
        caseId,
        target: stage,
        actor,
        reviewedAt,
        choices: {
          temperament: random.pick(DEMO_AGENT_NOTES.temperament),
          rootCause,
          compensate: random.next() < 0.5,
          overLimit: random.next() < 0.4,
        },
      });
    }
  }
  await manager.query(`INSERT INTO api_key (shop_id, name, key_hash) VALUES ($1, $2, $3)`, [
    shops[0]?.shop.id,
    '演示接口密钥',
    apiKeyDigest(DEMO_API_KEY),
  ]);
  const byRole = (role: Role) => users.find((user) => user.role === role)!;
  await seedDemoCampaign(manager, {
    shopId: shops[0]!.shop.id,
    lead: byRole('lead'),
    teammate: byRole('agent'),
    experience: byRole('admin'),
    now,
  });
  return { shops: shops.length, cases: caseNumber, apiKeyShopId: shops[0]?.shop.id ?? '' };
}

type Step = (state: CaseState, ctx: CommandContext) => CommandResult;

/** A demo case to work up to `target` as `actor`, the day after its review. */
interface DemoDrive {
  caseId: string;
  target: Stage;
  actor: { id: string; role: Role };
  reviewedAt: Date;
  /** `rootCause` is what the buyer confirms on the phone; where triage guessed otherwise, that is an override. */
  choices: { temperament: string; rootCause: RootCause; compensate: boolean; overLimit: boolean };
}

/** Works a demo case through the real domain commands, so its history is one the workflow allows. */
async function driveToStage(
  manager: EntityManager,
  repository: CaseRepository,
  { caseId, target, actor, reviewedAt, choices }: DemoDrive,
): Promise<void> {
  // Office hours in Shanghai on the day after the review: 10:00, then later the same day.
  const dayAfter = new Date(morningInShanghai(reviewedAt, -1).getTime() + 0.5 * HOUR);
  let minutes = 0;
  const apply = async (step: Step, advanceMinutes = 5) => {
    minutes += advanceMinutes;
    const row = (await repository.loadRow(manager, caseId)) as CaseRow;
    const state = toCaseState(row);
    const ctx: CommandContext = {
      now: new Date(dayAfter.getTime() + minutes * 60_000),
      actor,
      policy: DEFAULT_POLICY,
      newId: randomUUID,
    };
    const result = step(state, ctx);
    if (!result.ok) throw new Error(`Demo seed step refused for a ${target} case: ${result.refusal.code}`);
    await repository.save(manager, {
      before: state,
      after: result.state,
      events: result.events,
      expectedVersion: row.version,
      policy: DEFAULT_POLICY,
      now: ctx.now,
    });
  };

  if (target === 'new') return;
  if (target === 'appealing') {
    await apply((s, c) => transition(s, { to: 'appealing', maliciousKind: 'extortion', reason: '评价中索要赔偿' }, c));
    await apply((s, c) =>
      fileAppeal(s, { evidenceRefs: ['评价截图', '旺旺聊天记录'], note: '买家以差评要挟索要赔偿' }, c),
    );
    return;
  }
  if (target === 'contacting') {
    await apply((s, c) => logContactAttempt(s, { channel: 'im', outcome: 'no_answer' }, c));
    return;
  }
  if (target === 'replying') {
    for (let call = 0; call < 3; call++) {
      await apply(
        (s, c) => logContactAttempt(s, { channel: 'phone', outcome: 'no_answer', note: '无人接听' }, c),
        call === 0 ? 0 : 240,
      );
    }
    await apply((s, c) => transition(s, { to: 'replying', reason: '三次电话未接通' }, c));
    await apply((s, c) => draftReply(s, { target: 'review', text: DEMO_REPLY_TEXT }, c));
    return;
  }

  await apply((s, c) => logContactAttempt(s, { channel: 'im', outcome: 'reached', note: DEMO_AGENT_NOTES.apology }, c));
  await apply((s, c) => transition(s, { to: 'apologised' }, c));
  if (target === 'apologised') return;
  await apply((s, c) => confirmRootCause(s, { rootCause: choices.rootCause }, c));
  await apply((s, c) => transition(s, { to: 'resolving' }, c));
  const done = target !== 'resolving';
  await apply((s, c) =>
    recordRemedy(s, { type: 'exchange', status: done ? 'done' : 'in_progress', note: DEMO_AGENT_NOTES.remedy }, c),
  );
  if (target === 'resolving') return;

  if (target === 'compensating' || choices.compensate) {
    await apply((s, c) => transition(s, { to: 'compensating' }, c));
    const overLimit = target === 'compensating' && choices.overLimit;
    await apply((s, c) =>
      proposeCompensation(
        s,
        { type: 'coupon', amountFen: overLimit ? 8_000 : 1_000, note: DEMO_COMPENSATION_NOTE },
        { compensationsInPeriod: 0 },
        c,
      ),
    );
    if (target === 'compensating') return;
    await apply((s, c) => markCompensationPaid(s, { compensationId: s.compensations[0]?.id ?? '' }, c), 60);
  }
  await apply((s, c) => transition(s, { to: 'watching' }, c));
  if (target === 'watching') return;
  await apply((s, c) =>
    recordAndClose(
      s,
      { actionsTaken: DEMO_AGENT_NOTES.record, outcome: 'revised_positive', specialNotes: choices.temperament },
      c,
    ),
  );
}
