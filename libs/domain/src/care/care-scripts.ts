import type { BilingualText } from '../scripts/script-types';

export interface CareScriptStep {
  readonly id: string;
  readonly title: BilingualText;
  /** What the agent sends or says, with the call scripts' placeholders ({称呼}, {商品}, {店铺}, {客服}). */
  readonly lines: readonly BilingualText[];
  /** Guidance for the agent only. */
  readonly tips: readonly BilingualText[];
}

/**
 * A short care script (2–3 steps). Versioned like the call scripts: an edit adds a version with the
 * same id, and a care contact records the id and version it used.
 */
export interface CareScript {
  readonly id: string;
  readonly version: number;
  /** The first care day this script is for; the script with the highest `fromDay` not after the task's day is used. */
  readonly fromDay: number;
  readonly title: BilingualText;
  readonly steps: readonly CareScriptStep[];
}

export const CARE_SCRIPTS: readonly CareScript[] = [
  {
    id: 'care.arrival',
    version: 1,
    fromDay: 1,
    title: { 'zh-CN': '签收次日回访：东西到得好吗', en: 'Day after delivery: did it arrive well?' },
    steps: [
      {
        id: 'ask',
        title: { 'zh-CN': '问候并询问收货情况', en: 'Greet and ask about the delivery' },
        lines: [
          {
            'zh-CN': '{称呼}您好，我是{店铺}的{客服}。您的{商品}已经签收了，收到时包装和商品都完好吗？',
            en: 'Hello {称呼}, this is {客服} from {店铺}. Your {商品} was delivered: did the parcel and the item arrive intact?',
          },
        ],
        tips: [
          {
            'zh-CN': '只问收货和使用情况，不提评价、评分或任何好处',
            en: 'Ask only about the delivery and use; never mention reviews, ratings or any benefit',
          },
        ],
      },
      {
        id: 'listen',
        title: { 'zh-CN': '听买家怎么说', en: 'Listen to the buyer' },
        lines: [
          {
            'zh-CN': '如果有任何磕碰、少件或用不明白的地方，您直接告诉我，我马上为您处理。',
            en: 'If anything is damaged, missing or unclear, just tell me and I will sort it out at once.',
          },
        ],
        tips: [
          {
            'zh-CN': '买家说有问题：选「发现问题」并写清问题，系统会立即开工单',
            en: 'If the buyer reports a problem, choose "Problem found" and describe it: a case opens at once',
          },
        ],
      },
    ],
  },
  {
    id: 'care.first_week',
    version: 1,
    fromDay: 4,
    title: { 'zh-CN': '使用一周回访：用着还好吗', en: 'After a week: is it working well?' },
    steps: [
      {
        id: 'ask',
        title: { 'zh-CN': '询问使用情况', en: 'Ask how it is working' },
        lines: [
          {
            'zh-CN': '{称呼}您好，我是{店铺}的{客服}。{商品}用了一周左右，使用中有没有遇到什么问题？',
            en: 'Hello {称呼}, this is {客服} from {店铺}. You have had the {商品} for about a week: has anything gone wrong with it?',
          },
        ],
        tips: [
          {
            'zh-CN': '一条消息问清楚即可，24小时内不要再主动发第二条',
            en: 'One message is enough; do not send another within 24 hours',
          },
        ],
      },
      {
        id: 'help',
        title: { 'zh-CN': '给出帮助', en: 'Offer help' },
        lines: [
          {
            'zh-CN': '需要使用说明或售后服务，随时联系我们。',
            en: 'If you need instructions or after-sales service, contact us any time.',
          },
        ],
        tips: [],
      },
    ],
  },
];

/** The script for a care task of `day` (the latest one whose first day has come). */
export function careScriptFor(day: number, scripts: readonly CareScript[] = CARE_SCRIPTS): CareScript {
  const applicable = scripts.filter((script) => script.fromDay <= day).sort((a, b) => b.fromDay - a.fromDay);
  return (applicable[0] ?? scripts[0]) as CareScript;
}
