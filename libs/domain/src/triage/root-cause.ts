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
}

/** What follows 但是/就是/不过 is usually what the buyer is really upset about. */
export const CONTRAST_BOOST = 1.5;
const NOTHING_MATCHED_CONFIDENCE = 0.1;

const COMPILED_LEXICON = LEXICON.map((entry) => compilePattern(entry.pattern, entry));

/** Lexicon phrases and malicious signals found in the text, negated phrases left out, contrast weighed in. */
export function findEvidence(text: string): Evidence[] {
  const contrast = contrastSpans(text);
  const boosted = (weight: number, start: number) => round(weight * (isInside(contrast, start) ? CONTRAST_BOOST : 1));

  const malicious: Evidence[] = findWeightedMaliciousSignals(text).map(({ signal, weight }) => ({
    phrase: signal.phrase,
    start: signal.start,
    end: signal.end,
    rootCause: 'malicious',
    subCause: maliciousSubCause(signal.kind),
    weight,
  }));
  const lexical: Evidence[] = findLongestMatches(text, COMPILED_LEXICON)
    .filter(({ start, source }) => !(source.negatable && isNegatedAt(text, start)))
    .filter(({ start, end }) => malicious.every((signal) => end <= signal.start || start >= signal.end))
    .map(({ start, end, phrase, source }) => ({
      phrase,
      start,
      end,
      rootCause: source.rootCause,
      subCause: source.subCause,
      weight: boosted(source.weight, start),
    }));
  return [...lexical, ...malicious].sort((a, b) => a.start - b.start);
}

export function classifyRootCause(text: string): RootCauseClassification {
  const evidence = findEvidence(text);
  const alternatives = scoreCauses(evidence);
  const best = alternatives[0];
  if (!best) {
    return {
      rootCause: 'other',
      subCause: 'unclear',
      confidence: NOTHING_MATCHED_CONFIDENCE,
      evidence,
      alternatives,
    };
  }
  const runnerUpScore = alternatives[1]?.score ?? 0;
  return {
    rootCause: best.rootCause,
    subCause: strongestSubCause(evidence.filter((item) => item.rootCause === best.rootCause)),
    confidence: confidenceFrom(best.score, runnerUpScore),
    evidence,
    alternatives,
  };
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
