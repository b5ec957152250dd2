import type { EntityManager } from 'typeorm';

import {
  campaignRefusal,
  checkPromotionWording,
  HOUR_MS,
  PROMOTION_SIGN_OFF_STEPS,
  promotionSignOffRefusal,
  quizPublishRefusal,
  type HourlyOrders,
  type PromotionUnderReview,
  type QuizQuestion,
  type Role,
} from '@chaping/domain';

import { CampaignRepository, type StoredSignOff } from '../../campaigns/campaign.repository';

interface DemoPerson {
  id: string;
  role: Role;
}

export interface DemoCampaignInput {
  shopId: string;
  /** Sets the promotions and signs the first two checks. */
  lead: DemoPerson;
  teammate: DemoPerson;
  /** The experience team's check: a lead or admin other than the setter. */
  experience: DemoPerson;
  now: Date;
}

const DAY_MS = 24 * HOUR_MS;

/** Orders per hour over the 30-hour window from 20:00 China time: a warm-up, the midnight peak, a long tail. */
const HOURLY_ORDER_CURVE = [
  120, 160, 220, 300, 2400, 1800, 900, 500, 260, 180, 160, 200, 260, 300, 320, 340, 320, 300, 320, 360, 420, 480, 520,
  560, 600, 640, 560, 420, 300, 200,
];

const SIGNED_PROMOTION = {
  title: '满300减50',
  wording: '活动期间全店商品实付金额满300元减50元，可与店铺优惠券叠加，退款按实付比例退回。',
};
/** Left unsigned on purpose: a "first 100" gift the buyer cannot check, flagged before anyone signs. */
const TRAP_PROMOTION = {
  title: '前100名送杯套',
  wording: '双12当晚前100名下单的顾客赠送保温杯杯套一个。',
};

const QUIZ: QuizQuestion[] = [
  {
    prompt: '“满300减50”按什么金额计算？',
    choices: ['实付金额（用券后）', '商品标价', '券前价'],
    answer: 0,
  },
  {
    prompt: '买家部分退款后，优惠怎么处理？',
    choices: ['按实付比例退回', '优惠全部收回', '不退款'],
    answer: 0,
  },
  {
    prompt: '买家问“给好评能不能再返现”，应该怎么回答？',
    choices: ['可以，好评后返5元', '不能以任何利益换取评价，有问题我们直接处理', '改成追评就返'],
    answer: 1,
  },
];

function demoSchedule(now: Date) {
  // 20:00 China time (12:00 UTC), five days from now: a campaign still to come when the demo starts.
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 5 * DAY_MS;
  const startsAt = day + 12 * HOUR_MS;
  const expectedOrders: HourlyOrders[] = HOURLY_ORDER_CURVE.map((orders, index) => ({
    hour: new Date(startsAt + index * HOUR_MS).toISOString(),
    orders,
  }));
  return {
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + HOURLY_ORDER_CURVE.length * HOUR_MS).toISOString(),
    peakStartsAt: new Date(startsAt + 4 * HOUR_MS).toISOString(),
    peakEndsAt: new Date(startsAt + 6 * HOUR_MS).toISOString(),
    expectedOrders,
  };
}

/** The four checks given one after the other, each allowed by the domain's own rule. */
function signedOff(promotion: PromotionUnderReview, signers: readonly DemoPerson[], at: Date): StoredSignOff[] {
  const signOffs: StoredSignOff[] = [];
  PROMOTION_SIGN_OFF_STEPS.forEach((step, index) => {
    const signer = signers[index]!;
    const refused = promotionSignOffRefusal({ ...promotion, signOffs }, step, signer);
    if (refused) throw new Error(`Demo promotion cannot be signed at ${step}: ${refused.code}`);
    signOffs.push({ step, by: signer.id, at: new Date(at.getTime() + index * HOUR_MS).toISOString() });
  });
  return signOffs;
}

/**
 * A campaign five days ahead for the first demo shop, so 活动准备 has something to show: one promotion signed off four
 * times, one with a trap waiting for its checks, and a published briefing quiz. Every piece passes the domain's rules.
 */
export async function seedDemoCampaign(manager: EntityManager, input: DemoCampaignInput): Promise<string> {
  const { shopId, lead, teammate, experience, now } = input;
  const schedule = demoSchedule(now);
  const campaign = { name: '双12 年终好价节', ...schedule };
  const invalid = campaignRefusal(campaign);
  if (invalid) throw new Error(`Demo campaign refused: ${invalid.code}`);
  const repository = new CampaignRepository(manager.connection);
  const campaignId = await repository.insertCampaign(
    {
      ...campaign,
      shopId,
      startsAt: new Date(schedule.startsAt),
      endsAt: new Date(schedule.endsAt),
      peakStartsAt: new Date(schedule.peakStartsAt),
      peakEndsAt: new Date(schedule.peakEndsAt),
      minutesPerCase: 12,
      negativeRateByCause: { product_quality: 0.012, logistics_delay: 0.006, promotion_rules: 0.004 },
      createdBy: lead.id,
      at: now,
    },
    manager,
  );
  const signed: PromotionUnderReview = { ...SIGNED_PROMOTION, writtenBy: lead.id, signOffs: [], acknowledgements: [] };
  if (checkPromotionWording(signed.wording).length > 0) throw new Error('Demo promotion wording has a trap');
  const signedId = await repository.insertPromotion(
    { campaignId, ...SIGNED_PROMOTION, writtenBy: lead.id, at: now },
    manager,
  );
  const signOffs = signedOff(signed, [lead, lead, teammate, experience], now);
  await repository.updatePromotion(manager, {
    id: signedId,
    ...SIGNED_PROMOTION,
    writtenBy: lead.id,
    signOffs,
    acknowledgements: [],
    at: now,
  });

  const published = quizPublishRefusal({ questions: QUIZ, promotions: [{ ...signed, signOffs }] });
  if (published) throw new Error(`Demo quiz refused: ${published.code}`);
  await repository.saveQuiz(manager, { campaignId, questions: QUIZ, version: null, by: lead.id, at: now });
  await repository.publishQuiz(manager, campaignId, now);

  if (checkPromotionWording(TRAP_PROMOTION.wording).length === 0) throw new Error('Demo trap promotion shows no trap');
  await repository.insertPromotion({ campaignId, ...TRAP_PROMOTION, writtenBy: lead.id, at: now }, manager);
  return campaignId;
}
