import type { RootCause } from '../shared/vocabulary';
import { LEXICON } from './lexicon';
import { findWeightedMaliciousSignals, maliciousSubCause } from './malicious';
import { compilePattern, contrastSpans, findLongestMatches, isInside, isNegatedAt } from './phrase-matcher';
import type { Evidence, ScoredCause } from './triage-types';

export interface RootCauseClassification {
  readonly rootCause: RootCause;
  readonly subCause: string | null;
  readonly confidence: number;
  /** Every phrase that scored, for any cause, in text order. */
  readonly evidence: readonly Evidence[];
  readonly alternatives: readonly ScoredCause[];
  /**
   * What decided: phrases naming a cause, complaint tone alone, the product_quality prior for a review with no
   * phrase, or nothing at all (other/unclear).
   */
  readonly basis: 'phrases' | 'tone' | 'prior' | 'nothing';
}

/** What follows 但是/就是/不过 is usually what the buyer is really upset about. */
export const CONTRAST_BOOST = 1.5;
const NOTHING_MATCHED_CONFIDENCE = 0.1;
/**
 * Complaint tone with no cause named ("很失望，不推荐") files the review under product_quality, the cause of most
 * neutral/negative reviews; however many tone phrases there are, they weigh no more than this.
 */
export const TONE_CAP = 0.75;
const TONE_ONLY_CONFIDENCE = 0.25;
/**
 * A review with no phrase at all but something to say (more than this many letters, and no praise) is most
 * likely about the product too: product_quality, with the lowest confidence and no evidence, so that the agent
 * reads it. Shorter texts, filler ("。。。") and praise stay other/unclear.
 */
export const PRIOR_MIN_CONTENT = 8;
const PRIOR_CONFIDENCE = 0.15;
/**
 * A review whose only phrases are tone and that says next to nothing else ("差评！垃圾垃圾", "不满意") is a bare
 * rating: other/unclear, as the labelling guideline asks. Up to this many letters may be left over.
 */
const BARE_RATING_RESIDUE = 1;
/** Rating words, particles and pronouns that carry no reason once the tone phrases are taken out. */
const RATING_FILLER =
  /差评|好评|中评|评价|[一二三四五12345]星|给|我|你|们|的|了|啊|吧|呀|呢|哦|嘛|哈|就|想|很|太|真|非常|特别|是|这|那|个|次|都|也|还|又|一|点|么|什么|有|没|不|买|卖家|商家|店家|京东|淘宝|天猫|东西/g;
/**
 * Praise, wishes and "not tried yet": with no phrase that names a cause, they make a review a mis-click, a
 * suggestion or a neutral remark (other) rather than a complaint about the product.
 */
const NOT_A_COMPLAINT =
  /如果能|要是能|就更好|就好了|听说|还没(?:有)?(?:穿|用|吃|喝|看|读|试|拆|开|装|安装)|待(?:续|观察)|好评|五星|5星|满分|很好|挺好|非常好|特别好|真好|蛮好|最好|不错|满意|喜欢|推荐|物美价廉|超值|值得|好用|好吃|好喝|好看|漂亮|很赞|点赞|棒|完美|给力|惊喜|实惠|划算|放心|正品|质量好|很快|有趣|精彩|受益|学到|很有用|帮助很大|谢谢|感谢|好书|还行|还可以|还好|可以吧/;
/** Anything that is not a letter or a digit. */
const NON_CONTENT = /[^\p{L}\p{N}]/gu;

const COMPILED_LEXICON = LEXICON.map((entry) => compilePattern(entry.pattern, entry));

interface Found {
  readonly item: Evidence;
  readonly tone: boolean;
}

function collectEvidence(text: string): Found[] {
  const contrast = contrastSpans(text);
  const boosted = (weight: number, start: number) => round(weight * (isInside(contrast, start) ? CONTRAST_BOOST : 1));

  const malicious: Found[] = findWeightedMaliciousSignals(text).map(({ signal, weight }) => ({
    item: {
      phrase: signal.phrase,
      start: signal.start,
      end: signal.end,
      rootCause: 'malicious',
      subCause: maliciousSubCause(signal.kind),
      weight,
    },
    tone: false,
  }));
  const lexical: Found[] = findLongestMatches(text, COMPILED_LEXICON)
    .filter(({ start, source }) => !(source.negatable && isNegatedAt(text, start)))
    .filter(({ start, end }) => malicious.every(({ item }) => end <= item.start || start >= item.end))
    .map(({ start, end, phrase, source }) => ({
      item: {
        phrase,
        start,
        end,
        rootCause: source.rootCause,
        subCause: source.subCause,
        weight: boosted(source.weight, start),
      },
      tone: source.tone === true,
    }));
  return [...lexical, ...malicious].sort((a, b) => a.item.start - b.item.start);
}

/**
 * Lexicon phrases and malicious signals found in the text, negated phrases left out, contrast weighed in;
 * complaint tone ("很失望") included.
 */
export function findEvidence(text: string): Evidence[] {
  return collectEvidence(text).map(({ item }) => item);
}

/**
 * The cause the phrases point at. Phrases that name a cause decide; complaint tone alone means product_quality
 * (weakly); a bare rating, filler or praise is other/unclear; and a review with no phrase but some content is
 * guessed to be product_quality with the lowest confidence and no evidence.
 */
export function classifyRootCause(text: string): RootCauseClassification {
  const found = collectEvidence(text);
  const causal = found.filter(({ tone }) => !tone).map(({ item }) => item);
  if (causal.length > 0) {
    const alternatives = scoreCauses(causal);
    const best = alternatives[0] as ScoredCause;
    return {
      rootCause: best.rootCause,
      subCause: strongestSubCause(causal.filter((item) => item.rootCause === best.rootCause)),
      confidence: confidenceFrom(best.score, alternatives[1]?.score ?? 0),
      evidence: causal,
      alternatives,
      basis: 'phrases',
    };
  }
  const tone = found.map(({ item }) => item);
  if (tone.length > 0 && !isBareRating(text, tone)) {
    const score = Math.min(TONE_CAP, scoreCauses(tone)[0]?.score ?? 0);
    return {
      rootCause: 'product_quality',
      subCause: null,
      confidence: TONE_ONLY_CONFIDENCE,
      evidence: tone,
      alternatives: [{ rootCause: 'product_quality', score: round(score) }],
      basis: 'tone',
    };
  }
  if (tone.length === 0 && !NOT_A_COMPLAINT.test(text) && contentLength(text) > PRIOR_MIN_CONTENT) {
    return {
      rootCause: 'product_quality',
      subCause: null,
      confidence: PRIOR_CONFIDENCE,
      evidence: [],
      alternatives: [{ rootCause: 'product_quality', score: 0 }],
      basis: 'prior',
    };
  }
  return {
    rootCause: 'other',
    subCause: 'unclear',
    confidence: NOTHING_MATCHED_CONFIDENCE,
    evidence: tone,
    alternatives: [],
    basis: 'nothing',
  };
}

function contentLength(text: string): number {
  return text.replace(NON_CONTENT, '').length;
}

/** Only tone, and hardly a word besides: "差评", "垃圾垃圾垃圾", "太差了，不满意". */
function isBareRating(text: string, tone: readonly Evidence[]): boolean {
  let residue = '';
  let at = 0;
  for (const item of tone) {
    residue += text.slice(at, Math.max(at, item.start));
    at = Math.max(at, item.end);
  }
  residue += text.slice(at);
  return residue.replace(NON_CONTENT, '').replace(RATING_FILLER, '').length <= BARE_RATING_RESIDUE;
}

/**
 * Causes by total weight, best first; on a tie the cause mentioned first wins (as the labelling guideline says).
 * A phrase repeated for emphasis ("垃圾垃圾垃圾", "预售…预售") counts once, at its strongest.
 */
function scoreCauses(evidence: readonly Evidence[]): ScoredCause[] {
  const strongestPerPhrase = new Map<string, Evidence>();
  for (const item of evidence) {
    const key = `${item.rootCause}\u0000${item.phrase}`;
    const seen = strongestPerPhrase.get(key);
    if (!seen || item.weight > seen.weight) strongestPerPhrase.set(key, { ...item, start: seen?.start ?? item.start });
  }
  const totals = new Map<RootCause, { score: number; firstAt: number }>();
  for (const item of strongestPerPhrase.values()) {
    const total = totals.get(item.rootCause) ?? { score: 0, firstAt: item.start };
    totals.set(item.rootCause, { score: total.score + item.weight, firstAt: Math.min(total.firstAt, item.start) });
  }
  return [...totals.entries()]
    .sort(([, a], [, b]) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : a.firstAt - b.firstAt))
    .map(([rootCause, { score }]) => ({ rootCause, score: round(score) }));
}

function strongestSubCause(evidence: readonly Evidence[]): string | null {
  const totals = new Map<string, number>();
  for (const item of evidence) {
    if (item.subCause !== null) totals.set(item.subCause, (totals.get(item.subCause) ?? 0) + item.weight);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [subCause, score] of totals) {
    if (score > bestScore + 1e-9) {
      best = subCause;
      bestScore = score;
    }
  }
  return best;
}

/** High when the winner scored well on its own and clearly beat the runner-up. */
function confidenceFrom(bestScore: number, runnerUpScore: number): number {
  const strength = bestScore / (bestScore + 1);
  const margin = (bestScore - runnerUpScore) / bestScore;
  return round(strength * (0.5 + 0.5 * margin));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
