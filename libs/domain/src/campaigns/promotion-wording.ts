import { normalizeText, originalSpan, type NormalizedText } from '../compliance/normalize';
import { checkText } from '../compliance/rules';
import { allMatches, sentenceAround, type Span } from '../compliance/spans';
import type { Locale } from '../refusals/labels';

export const PROMOTION_TRAP_CODES = [
  'promotion.too_long',
  'promotion.review_benefit',
  'promotion.absolute_claim',
  'promotion.first_n_unverifiable',
  'promotion.threshold_without_paid',
  'promotion.gift_stock_unstated',
] as const;
export type PromotionTrapCode = (typeof PROMOTION_TRAP_CODES)[number];

/** `block`: no one may sign until the wording changes; `warn`: a signer may go on with a written acknowledgement. */
export type PromotionTrapSeverity = 'block' | 'warn';

export interface PromotionFinding {
  readonly code: PromotionTrapCode;
  /** Offsets into the wording as typed. */
  readonly span: Span;
  readonly severity: PromotionTrapSeverity;
}

/** The longest wording the check reads; a longer one is a finding on its own, unread. */
export const PROMOTION_WORDING_MAX_LENGTH = 2000;

export const PROMOTION_TRAP_SEVERITY: Readonly<Record<PromotionTrapCode, PromotionTrapSeverity>> = {
  'promotion.too_long': 'block',
  // Unlawful wording is never signed off; the other traps are ambiguities a team may accept in writing.
  'promotion.review_benefit': 'block',
  'promotion.absolute_claim': 'block',
  'promotion.first_n_unverifiable': 'warn',
  'promotion.threshold_without_paid': 'warn',
  'promotion.gift_stock_unstated': 'warn',
};

const TRAP_LABELS: Readonly<Record<PromotionTrapCode, Readonly<Record<Locale, string>>>> = {
  'promotion.too_long': { 'zh-CN': '活动文案过长', en: 'wording too long' },
  'promotion.review_benefit': { 'zh-CN': '以利益换取评价', en: 'a benefit tied to a review' },
  'promotion.absolute_claim': { 'zh-CN': '绝对化用语（最低价、第一）', en: 'an absolute claim (lowest price, No. 1)' },
  'promotion.first_n_unverifiable': {
    'zh-CN': '“前N名”未说明以何为准',
    en: '"first N" without saying how the order is verified',
  },
  'promotion.threshold_without_paid': { 'zh-CN': '“满N”未写明按实付金额', en: '"spend N" without saying amount paid' },
  'promotion.gift_stock_unstated': { 'zh-CN': '赠品未说明数量或送完即止', en: 'a gift without its stock stated' },
};

export function promotionTrapLabel(code: PromotionTrapCode, locale: Locale): string {
  return TRAP_LABELS[code][locale];
}

/** A count as the wording writes it: digits or Chinese numerals (前一百名), bounded so a long run stays linear. */
const COUNT = String.raw`[0-9一二两三四五六七八九十百千万]{1,8}`;
const CLAUSE = String.raw`[^,。!?;:\n、]`;

const FIRST_N = new RegExp(String.raw`前${COUNT}(?:名|位|件|单|笔|个)`, 'gu');
const FIRST_N_BENEFIT = new RegExp(
  String.raw`送|赠|免单|免费|半价|[0-9一二三四五六七八九](?:\.[0-9])?折|立减|减|返|礼|包邮|特价|秒杀|优惠|抽奖`,
  'u',
);
/** How the order of buyers is decided: 以付款时间为准, 以系统记录为准, 按下单顺序. */
const ORDER_VERIFIED = new RegExp(
  String.raw`以${CLAUSE}{0,10}(?:时间|记录|顺序|排名|数据)${CLAUSE}{0,4}为准|按${CLAUSE}{0,6}(?:付款|支付|下单|拍下)${CLAUSE}{0,2}(?:时间|顺序)`,
  'u',
);

/** "满300送", "每满200减20", "满300元赠": a threshold that buys something, but not a count of items (满2件). */
const THRESHOLD = new RegExp(
  String.raw`满${COUNT}(?:\.[0-9]{1,2})?(?:元|块|rmb)?(?![0-9件个瓶盒套])${CLAUSE}{0,2}?(?:送|赠|减|返|享|打|包邮)`,
  'gu',
);
const PAID = /实付|实际支付|实际付款|到手价|券后/u;

/** A gift given away; not 送货/配送/送达 (delivery) and not 送完 (the stock statement itself). */
const GIFT = new RegExp(
  String.raw`赠品|赠送|(?<![配运发递快护传])送(?![货达到出去修检往来完])|赠(?![完品送])|礼品|礼物|礼包|小样`,
  'gu',
);
const STOCK_STATED = new RegExp(
  [
    String.raw`[送赠]完即止|[送赠]完为止|售完即止|数量有限|限量|先到先得|库存`,
    String.raw`(?:仅|限|共)[送赠]?${COUNT}(?:份|件|个|套|名)`,
    String.raw`前${COUNT}(?:名|位|件|单|笔|个)`,
  ].join('|'),
  'u',
);

const ABSOLUTE = new RegExp(
  [
    String.raw`(?:全网|史上|历史|全年|全国|全平台)最低|最低价|最便宜|底价`,
    String.raw`(?:全网|全国|全球|行业|销量|类目|排名|同类|全平台)第一|第一品牌|\bno\.?\s?1\b`,
  ].join('|'),
  'gu',
);

type SpanFinder = (normalized: NormalizedText) => Span[];

const firstNUnverifiable: SpanFinder = ({ text }) => {
  if (ORDER_VERIFIED.test(text)) return [];
  return allMatches(text, FIRST_N).filter((span) => {
    const sentence = sentenceAround(text, span, 30);
    return FIRST_N_BENEFIT.test(text.slice(span.end, sentence.end));
  });
};

const thresholdWithoutPaid: SpanFinder = ({ text }) =>
  allMatches(text, THRESHOLD).filter((span) => {
    const sentence = sentenceAround(text, span, 30);
    return !PAID.test(text.slice(sentence.start, sentence.end));
  });

const giftStockUnstated: SpanFinder = ({ text }) => {
  if (STOCK_STATED.test(text)) return [];
  return allMatches(text, GIFT).slice(0, 1);
};

const absoluteClaims: SpanFinder = ({ text }) => allMatches(text, ABSOLUTE);

const FINDERS: ReadonlyArray<readonly [PromotionTrapCode, SpanFinder]> = [
  ['promotion.absolute_claim', absoluteClaims],
  ['promotion.first_n_unverifiable', firstNUnverifiable],
  ['promotion.threshold_without_paid', thresholdWithoutPaid],
  ['promotion.gift_stock_unstated', giftStockUnstated],
];

const finding = (code: PromotionTrapCode, span: Span): PromotionFinding => ({
  code,
  span,
  severity: PROMOTION_TRAP_SEVERITY[code],
});

/**
 * The known traps of a marketplace promotion's wording, read on the normalised text (full-width,
 * spacing, traditional characters, capital numerals) with offsets into the wording as typed. A
 * benefit tied to a review is whatever the compliance engine refuses.
 */
export function checkPromotionWording(text: string): PromotionFinding[] {
  if (text.length > PROMOTION_WORDING_MAX_LENGTH)
    return [finding('promotion.too_long', { start: 0, end: text.length })];
  const normalized = normalizeText(text);
  // Two compliance rules may flag the same words; the promotion reports them once.
  const reviewSpans = new Map(
    checkText(text, ['review_link']).map((each) => [`${each.start}:${each.end}`, { start: each.start, end: each.end }]),
  );
  const reviewBenefits = [...reviewSpans.values()].map((span) => finding('promotion.review_benefit', span));
  return [
    ...reviewBenefits,
    ...FINDERS.flatMap(([code, find]) =>
      find(normalized).map((span) => finding(code, originalSpan(normalized, span.start, span.end))),
    ),
  ];
}
