import type { Locale } from '../refusals';
import type { RootCause } from '../shared/vocabulary';

/** Each root cause's closed list of sub-causes: what the monthly report breaks a cause down into. */
export const SUB_CAUSES = {
  product_quality: [
    'broken',
    'defect',
    'missing_part',
    'smell',
    'workmanship',
    'suspected_fake',
    'spoiled',
    'taste',
    'performance',
    'side_effect',
    'content',
    'undersized',
  ],
  not_as_described: ['wrong_item', 'colour_or_style', 'spec_mismatch', 'smaller_than_shown', 'misleading_listing'],
  size_fit: ['too_small', 'too_large', 'poor_fit'],
  price_value: ['price_drop', 'too_expensive', 'extra_charges'],
  logistics_delay: ['slow_dispatch', 'slow_delivery', 'not_received'],
  logistics_damage: ['crushed', 'leaked', 'poor_packaging'],
  service_attitude: ['rude', 'unresponsive', 'broken_promise'],
  refund_dispute: ['return_refused', 'refund_slow', 'invoice', 'warranty_repair'],
  promotion_rules: ['missing_gift', 'coupon', 'price_protection'],
  malicious: ['boycott', 'extortion', 'competitor', 'abuse', 'spam'],
  other: ['misclick', 'unclear'],
} as const satisfies Record<RootCause, readonly string[]>;

export type SubCauseOf<C extends RootCause> = (typeof SUB_CAUSES)[C][number];
export type SubCause = SubCauseOf<RootCause>;

export function isSubCauseOf(rootCause: RootCause, subCause: string): boolean {
  return (SUB_CAUSES[rootCause] as readonly string[]).includes(subCause);
}

type Labels = Readonly<Record<Locale, string>>;

const ROOT_CAUSE_LABELS: Readonly<Record<RootCause, Labels>> = {
  product_quality: { 'zh-CN': '商品质量', en: 'product quality' },
  not_as_described: { 'zh-CN': '与描述不符', en: 'not as described' },
  size_fit: { 'zh-CN': '尺码不合适', en: 'size and fit' },
  price_value: { 'zh-CN': '价格/性价比', en: 'price and value' },
  logistics_delay: { 'zh-CN': '物流慢', en: 'slow delivery' },
  logistics_damage: { 'zh-CN': '运输破损', en: 'damaged in transit' },
  service_attitude: { 'zh-CN': '服务态度', en: 'service attitude' },
  refund_dispute: { 'zh-CN': '退换货/售后纠纷', en: 'returns and after-sales dispute' },
  promotion_rules: { 'zh-CN': '活动/赠品规则', en: 'promotion and gift terms' },
  malicious: { 'zh-CN': '恶意评价', en: 'malicious review' },
  other: { 'zh-CN': '其他', en: 'other' },
};

const SUB_CAUSE_LABELS: Readonly<Record<SubCause, Labels>> = {
  broken: { 'zh-CN': '损坏/无法使用', en: 'broken or not working' },
  defect: { 'zh-CN': '故障/瑕疵', en: 'defect' },
  missing_part: { 'zh-CN': '缺少配件', en: 'missing part' },
  smell: { 'zh-CN': '异味', en: 'smell' },
  workmanship: { 'zh-CN': '做工/用料差', en: 'poor workmanship' },
  suspected_fake: { 'zh-CN': '疑似假货', en: 'suspected fake' },
  spoiled: { 'zh-CN': '腐烂/不新鲜', en: 'spoiled or not fresh' },
  taste: { 'zh-CN': '口感差', en: 'bad taste' },
  performance: { 'zh-CN': '性能/效果差', en: 'poor performance' },
  side_effect: { 'zh-CN': '使用后不适', en: 'side effect' },
  content: { 'zh-CN': '内容不佳', en: 'poor content' },
  undersized: { 'zh-CN': '个头小/大小不一', en: 'small or uneven produce' },
  wrong_item: { 'zh-CN': '发错/少发', en: 'wrong or missing item sent' },
  colour_or_style: { 'zh-CN': '颜色/款式不符', en: 'colour or style differs' },
  spec_mismatch: { 'zh-CN': '规格不符', en: 'specification differs' },
  smaller_than_shown: { 'zh-CN': '比图片小', en: 'smaller than shown' },
  misleading_listing: { 'zh-CN': '宣传误导', en: 'misleading listing' },
  too_small: { 'zh-CN': '偏小', en: 'too small' },
  too_large: { 'zh-CN': '偏大', en: 'too large' },
  poor_fit: { 'zh-CN': '版型不合身', en: 'poor fit' },
  price_drop: { 'zh-CN': '买后降价', en: 'price dropped after purchase' },
  too_expensive: { 'zh-CN': '价格贵/不值', en: 'too expensive' },
  extra_charges: { 'zh-CN': '额外收费', en: 'extra charges' },
  slow_dispatch: { 'zh-CN': '发货慢', en: 'slow dispatch' },
  slow_delivery: { 'zh-CN': '配送慢', en: 'slow delivery' },
  not_received: { 'zh-CN': '未收到货', en: 'not received' },
  crushed: { 'zh-CN': '压坏/碰伤', en: 'crushed or bruised' },
  leaked: { 'zh-CN': '漏液/破裂', en: 'leaked or burst' },
  poor_packaging: { 'zh-CN': '包装差', en: 'poor packaging' },
  rude: { 'zh-CN': '态度差', en: 'rude' },
  unresponsive: { 'zh-CN': '不回复/推诿', en: 'unresponsive' },
  broken_promise: { 'zh-CN': '承诺未兑现', en: 'broken promise' },
  return_refused: { 'zh-CN': '拒绝退换', en: 'return refused' },
  refund_slow: { 'zh-CN': '退款慢', en: 'slow refund' },
  invoice: { 'zh-CN': '发票问题', en: 'invoice' },
  warranty_repair: { 'zh-CN': '保修/维修', en: 'warranty or repair' },
  missing_gift: { 'zh-CN': '赠品未送', en: 'missing gift' },
  coupon: { 'zh-CN': '优惠券/活动规则', en: 'coupon or promotion terms' },
  price_protection: { 'zh-CN': '价保未兑现', en: 'price protection refused' },
  boycott: { 'zh-CN': '抵制/新闻跟帖', en: 'boycott or news post' },
  extortion: { 'zh-CN': '索要钱财/要挟', en: 'extortion' },
  competitor: { 'zh-CN': '同行引流', en: 'competitor' },
  abuse: { 'zh-CN': '辱骂', en: 'abuse' },
  spam: { 'zh-CN': '广告/刷单', en: 'spam or ads' },
  misclick: { 'zh-CN': '误点差评', en: 'mis-click' },
  unclear: { 'zh-CN': '原因不明', en: 'unclear' },
};

export function rootCauseLabel(cause: RootCause, locale: Locale): string {
  return ROOT_CAUSE_LABELS[cause][locale];
}

/** Unknown ids (e.g. an agent's free-text sub-cause from before the list was closed) are shown as they are. */
export function subCauseLabel(subCause: string, locale: Locale): string {
  return (SUB_CAUSE_LABELS as Readonly<Record<string, Labels>>)[subCause]?.[locale] ?? subCause;
}
