import type { Rating } from '../shared/vocabulary';
import { compilePattern, findLongestMatches, isNegatedAt } from './phrase-matcher';
import { findEvidence } from './root-cause';

export interface MisclickDetection {
  readonly misclick: boolean;
  /** The positive phrases found (none when the text also complains). */
  readonly evidence: readonly string[];
}

const PRAISE =
  /好评|五星|5星|满分|很好|挺好|非常好|特别好|真好|蛮好|最好|好极了|不错|满意|喜欢|推荐|物美价廉|超值|值得|好用|好吃|好喝|好看|漂亮|很赞|点赞|棒|完美|给力|惊喜|实惠|划算|放心|信赖|正品|质量好|速度快|发货快|物流快|送货快|很快|有趣|精彩|受益|学到|很有用|帮助很大|谢谢|感谢|好书/;

/** Lukewarm words: a mis-click under a negative rating, but an honest verdict under a neutral one. */
const LUKEWARM = /还行|还可以|还好|凑合|过得去|可以吧|将就/;

const COMPILED_PRAISE = [compilePattern(PRAISE, 'praise' as const), compilePattern(LUKEWARM, 'lukewarm' as const)];

/**
 * Positive words and no complaint at all: the buyer most likely meant a good rating.
 * "不太满意" is not praise, and one complaint phrase ("很好，就是物流慢") rules a mis-click out.
 */
export function detectMisclick(text: string, rating: Rating): MisclickDetection {
  const praise = findLongestMatches(text, COMPILED_PRAISE)
    .filter(({ source }) => source === 'praise' || rating === 'negative')
    .filter(({ start }) => !isNegatedAt(text, start))
    .map(({ phrase }) => phrase);
  if (praise.length === 0 || findEvidence(text).length > 0) return { misclick: false, evidence: [] };
  return { misclick: true, evidence: praise };
}
