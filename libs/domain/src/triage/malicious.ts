import { findReviewExtortion } from '../compliance/extortion';
import { findInsult } from '../compliance/rules';
import { compilePattern, findLongestMatches } from './phrase-matcher';
import type { SubCauseOf } from './sub-causes';
import type { MaliciousSignal } from './triage-types';

export type MaliciousSignalKind = MaliciousSignal['kind'];

interface MaliciousPattern {
  readonly kind: MaliciousSignalKind;
  readonly pattern: RegExp;
  /** How strongly the phrase says "this is not a purchase experience" when the root cause is scored. */
  readonly weight: number;
}

const MONEY = String.raw`[\d一二三四五六七八九十百千万几]+\s*(?:元|块|块钱|rmb)`;

/*
 * 投诉到工商 / 12315 / 消协 is a consumer's right and deliberately not listed. 假一赔十 and 退一赔三 are
 * legal remedies, so a money amount alone is only a demand, not extortion.
 */
const MALICIOUS_PATTERNS: readonly MaliciousPattern[] = [
  {
    kind: 'extortion',
    weight: 3,
    pattern: new RegExp(
      [
        String.raw`(?:不|再不|要是不|如果不)(?:赔|给|补偿|退)[^。！？]{0,12}(?:就|我就)[^。！？]{0,10}(?:差评|曝光|闹|天天|一直|每天)`,
        String.raw`给(?:我)?${MONEY}[^，。！？]{0,6}(?:就|才)(?:改|删|追评|给好评|撤)`,
        String.raw`(?:改|删|撤)(?:成)?(?:好)?评[^，。！？]{0,6}(?:要|得|需要)${MONEY}`,
        String.raw`不给(?:个)?(?:说法|补偿|赔偿)(?:就|我就)`,
        String.raw`要挟|威胁|勒索|敲诈`,
        String.raw`赔(?:偿)?(?:我)?[^。！？]{0,12}(?:否则|不然|要不然)`,
        String.raw`(?:天天|一直|每天都?|永远)(?:给(?:你们?)?)?(?:打)?差评|(?:所有|全部)(?:订单|商品)?都?(?:给)?差评`,
        String.raw`曝光你们?|让你们?(?:店|家)?[^，。！？]{0,4}(?:开不下去|关门|倒闭|做不下去)|(?:发|放)(?:到)?(?:网上|微博|抖音)(?:去)?曝光`,
        String.raw`(?:找|叫)人(?:刷|给你)差评`,
      ].join('|'),
    ),
  },
  {
    kind: 'unreasonable_demand',
    weight: 2,
    pattern: new RegExp(String.raw`(?<!假一|退一)(?:赔|补偿|给)(?:我)?${MONEY}|赔(?:我)?[\d一二三四五六七八九十百]+倍`),
  },
  {
    kind: 'competitor',
    weight: 2.5,
    pattern:
      /(?:推荐|建议)(?:大家)?(?:去|到)[^，。！？]{1,10}(?:家|店)(?:买)?|隔壁(?:店|家)|同行|去[^，。！？]{1,8}(?:旗舰店|专卖店|那家)买|搜[^，。！？]{1,10}(?:店|家)/,
  },
  {
    kind: 'third_party_fraud',
    weight: 2.5,
    pattern:
      /加(?:我)?(?:微信|微|v信|vx|wx|qq|扣扣)|微信(?:号)?[:：]?\s*[a-z0-9_-]{5,}|qq(?:号)?[:：]?\s*\d{5,}|代刷|刷单|刷信誉|刷好评|兼职日赚|招代理|https?:\/*\S+|www\.\S+|t\.cn\/\S+/i,
  },
  {
    kind: 'boycott',
    weight: 2.5,
    pattern:
      /抵制|(?:不(?:再)?(?:买|喝|吃|用)[^，。！？\s]{0,6})?\+1|(?:蒙牛|伊利|三鹿)[^，。！？]{0,6}(?:不(?:敢|能|会)?(?:再)?(?:买|喝|吃)|滚)|(?:不(?:再)?(?:买|喝|吃)|拒绝|远离)[^，。！？]{0,3}(?:蒙牛|伊利|三鹿)/,
  },
  {
    kind: 'boycott',
    weight: 1.5,
    pattern:
      /三聚氰胺|黄曲霉|致癌|毒奶|结石宝宝|质检总局|抽查|抽检|央视|新闻|315晚会|丑闻|无良(?:企业|商家)|良心企业|^回复|回复\s*@|转发|\/\/@/,
  },
];

const COMPILED = MALICIOUS_PATTERNS.map((entry) => compilePattern(entry.pattern, entry));

export interface WeightedMaliciousSignal {
  readonly signal: MaliciousSignal;
  readonly weight: number;
}

const ABUSE_WEIGHT = 1;
const EXTORTION_WEIGHT = 3;

export function findWeightedMaliciousSignals(text: string): WeightedMaliciousSignal[] {
  const found = findLongestMatches(text, COMPILED).map(({ start, end, phrase, source }) => ({
    signal: { kind: source.kind, phrase, start, end },
    weight: source.weight,
  }));
  // Money demanded for a review change ("退我一半钱我就改好评") is extortion, whatever patterns it overlaps.
  const traded = findReviewExtortion(text);
  const withExtortion =
    traded === null
      ? found
      : [
          ...found.filter(({ signal }) => signal.end <= traded.start || signal.start >= traded.end),
          { signal: { kind: 'extortion' as const, ...traded }, weight: EXTORTION_WEIGHT },
        ];
  const abuse = findInsult(text);
  if (abuse !== null && withExtortion.every(({ signal }) => abuse.end <= signal.start || abuse.start >= signal.end)) {
    withExtortion.push({
      signal: { kind: 'privacy_or_abuse', phrase: abuse.phrase, start: abuse.start, end: abuse.end },
      weight: ABUSE_WEIGHT,
    });
  }
  return withExtortion.sort((a, b) => a.signal.start - b.signal.start);
}

/** Phrases that mark a review as extortion, a threat, a competitor's plant, spam, a boycott post or abuse. */
export function detectMaliciousSignals(text: string): MaliciousSignal[] {
  return findWeightedMaliciousSignals(text).map(({ signal }) => signal);
}

const SUB_CAUSE_OF_KIND: Readonly<Record<MaliciousSignalKind, SubCauseOf<'malicious'>>> = {
  extortion: 'extortion',
  unreasonable_demand: 'extortion',
  competitor: 'competitor',
  third_party_fraud: 'spam',
  privacy_or_abuse: 'abuse',
  boycott: 'boycott',
};

export function maliciousSubCause(kind: MaliciousSignalKind): SubCauseOf<'malicious'> {
  return SUB_CAUSE_OF_KIND[kind];
}
