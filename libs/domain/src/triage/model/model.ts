import { ROOT_CAUSES, type RootCause } from '../../shared/vocabulary';
import type { Evidence, ScoredCause } from '../triage-types';
import { decodeBase64, encodeBase64 } from './base64';
import { softmaxScores, type TrainedWeights } from './logistic';
import { featuresOf, grams, type Gram } from './ngrams';

/** The model as it ships: int8 weights and uint8 IDF, each with one scale, base64-encoded. */
export interface ShippedModel {
  readonly version: string;
  readonly bucketCount: number;
  readonly causes: readonly RootCause[];
  readonly bias: readonly number[];
  readonly weightScale: number;
  /** causes.length × bucketCount signed bytes, cause by cause. */
  readonly weights: string;
  readonly idfScale: number;
  /** bucketCount unsigned bytes: idf = 1 + byte × idfScale. */
  readonly idf: string;
}

export interface ModelClassification {
  /** Every cause, most probable first; scores are probabilities. */
  readonly ranking: readonly ScoredCause[];
  /** The n-grams that pushed the top cause most, merged where they touch, in text order. */
  readonly evidence: readonly Evidence[];
}

export interface LoadedModel {
  readonly version: string;
  readonly bucketCount: number;
  readonly causes: readonly RootCause[];
  readonly weights: TrainedWeights;
  readonly idf: Float64Array;
}

const EVIDENCE_GRAMS = 6;
const EVIDENCE_PHRASES = 3;
const DECIMALS = 1000;

const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS;

export function quantizeModel(input: {
  readonly version: string;
  readonly bucketCount: number;
  readonly weights: TrainedWeights;
  readonly idf: Float64Array;
}): ShippedModel {
  const maxWeight = input.weights.weights.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const weightScale = round(maxWeight / 127 + 1 / DECIMALS);
  const weightBytes = Uint8Array.from(input.weights.weights, (value) => Math.round(value / weightScale) & 255);
  const maxIdf = input.idf.reduce((max, value) => Math.max(max, value), 1);
  const idfScale = round((maxIdf - 1) / 255 + 1 / DECIMALS);
  const idfBytes = Uint8Array.from(input.idf, (value) => Math.round((value - 1) / idfScale));
  return {
    version: input.version,
    bucketCount: input.bucketCount,
    causes: ROOT_CAUSES,
    bias: Array.from(input.weights.bias, round),
    weightScale,
    weights: encodeBase64(weightBytes),
    idfScale,
    idf: encodeBase64(idfBytes),
  };
}

export function loadModel(shipped: ShippedModel): LoadedModel {
  const signed = new Int8Array(decodeBase64(shipped.weights).buffer);
  return {
    version: shipped.version,
    bucketCount: shipped.bucketCount,
    causes: shipped.causes,
    weights: {
      weights: Float64Array.from(signed, (value) => value * shipped.weightScale),
      bias: Float64Array.from(shipped.bias),
    },
    idf: Float64Array.from(decodeBase64(shipped.idf), (value) => 1 + value * shipped.idfScale),
  };
}

/** Causes by probability, and the n-grams behind the winner. */
export function classifyWithModel(model: LoadedModel, text: string): ModelClassification {
  const found = grams(text, model.bucketCount);
  const features = featuresOf(found, model.idf);
  const probabilities = softmaxScores(features, model.weights, model.causes.length, model.bucketCount);
  const ranking = model.causes
    .map((rootCause, index) => ({ rootCause, score: probabilities[index] as number, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const top = ranking[0];
  return {
    ranking: ranking.map(({ rootCause, score }) => ({ rootCause, score: round(score) })),
    evidence: top ? modelEvidence(model, text, found, top.index, features) : [],
  };
}

/**
 * How much each distinct gram moved the review towards `cause` rather than the average cause; the strongest few,
 * at their first place in the text, merged where they overlap or touch.
 */
function modelEvidence(
  model: LoadedModel,
  text: string,
  found: readonly Gram[],
  cause: number,
  features: ReturnType<typeof featuresOf>,
): Evidence[] {
  const { weights } = model.weights;
  const classCount = model.causes.length;
  const valueOf = new Map<number, number>();
  features.buckets.forEach((bucket, index) => valueOf.set(bucket, features.values[index] as number));
  const pushFor = (bucket: number) => {
    let mean = 0;
    for (let c = 0; c < classCount; c += 1) mean += weights[c * model.bucketCount + bucket] as number;
    mean /= classCount;
    return ((weights[cause * model.bucketCount + bucket] as number) - mean) * (valueOf.get(bucket) ?? 0);
  };
  const firstOfEach = new Map<string, { gram: Gram; push: number }>();
  for (const gram of found) {
    const phrase = text.slice(gram.start, gram.end);
    // A single character says little to a person reading the evidence; two or three do.
    if (phrase.length < 2 || firstOfEach.has(phrase) || !/[\p{L}\p{N}]/u.test(phrase)) continue;
    firstOfEach.set(phrase, { gram, push: pushFor(gram.bucket) });
  }
  const strongest = [...firstOfEach.values()]
    .filter(({ push }) => push > 0)
    .sort((a, b) => b.push - a.push || a.gram.start - b.gram.start)
    .slice(0, EVIDENCE_GRAMS)
    .sort((a, b) => a.gram.start - b.gram.start || b.gram.end - a.gram.end);
  const merged: Array<{ start: number; end: number; push: number }> = [];
  for (const { gram, push } of strongest) {
    const last = merged[merged.length - 1];
    if (last && gram.start <= last.end) {
      last.end = Math.max(last.end, gram.end);
      last.push += push;
    } else merged.push({ start: gram.start, end: gram.end, push });
  }
  const rootCause = model.causes[cause] as RootCause;
  return merged
    .sort((a, b) => b.push - a.push || a.start - b.start)
    .slice(0, EVIDENCE_PHRASES)
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, push }) => ({
      phrase: text.slice(start, end),
      start,
      end,
      rootCause,
      subCause: null,
      weight: round(push),
    }));
}
