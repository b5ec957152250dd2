import type { Features } from './ngrams';

/**
 * Multinomial logistic regression, class-weighted so that rare causes count as much as product_quality, trained
 * full-batch with Adam for a fixed number of steps: no sampling, so the same labels always give the same weights.
 */
export interface TrainingOptions {
  readonly classCount: number;
  readonly bucketCount: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly l2: number;
  /**
   * Weights to start from and to be pulled back towards (the L2 penalty then measures the distance from them, not
   * from zero): a model refined with a few corrections stays the model it was wherever they say nothing.
   */
  readonly prior?: TrainedWeights;
}

export interface TrainedWeights {
  /** weights[class * bucketCount + bucket] */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** Balanced class weights: n / (classes present × count of the class). */
export function balancedClassWeights(labels: readonly number[], classCount: number): Float64Array {
  const counts = new Float64Array(classCount);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  const present = counts.filter((count) => count > 0).length;
  return Float64Array.from(counts, (count) => (count > 0 ? labels.length / (present * count) : 0));
}

export function softmaxScores(features: Features, model: TrainedWeights, classCount: number, bucketCount: number) {
  const scores = Float64Array.from(model.bias);
  for (let c = 0; c < classCount; c += 1) {
    let sum = scores[c] as number;
    const offset = c * bucketCount;
    for (let k = 0; k < features.buckets.length; k += 1) {
      sum += (model.weights[offset + (features.buckets[k] as number)] as number) * (features.values[k] as number);
    }
    scores[c] = sum;
  }
  return softmax(scores);
}

export function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const exps = Float64Array.from(scores, (score) => Math.exp(score - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

export function trainLogistic(
  examples: readonly Features[],
  labels: readonly number[],
  options: TrainingOptions,
): TrainedWeights {
  const { classCount, bucketCount, steps, learningRate, l2, prior } = options;
  const size = classCount * bucketCount;
  const model = {
    weights: prior ? Float64Array.from(prior.weights) : new Float64Array(size),
    bias: prior ? Float64Array.from(prior.bias) : new Float64Array(classCount),
  };
  const classWeights = balancedClassWeights(labels, classCount);
  const totalWeight = labels.reduce((sum, label) => sum + (classWeights[label] as number), 0);
  const moment1 = new Float64Array(size + classCount);
  const moment2 = new Float64Array(size + classCount);
  const gradient = new Float64Array(size + classCount);
  for (let step = 1; step <= steps; step += 1) {
    gradient.fill(0);
    examples.forEach((features, index) => {
      const label = labels[index] as number;
      const weight = (classWeights[label] as number) / totalWeight;
      const probabilities = softmaxScores(features, model, classCount, bucketCount);
      for (let c = 0; c < classCount; c += 1) {
        const error = weight * ((probabilities[c] as number) - (c === label ? 1 : 0));
        gradient[size + c] = (gradient[size + c] as number) + error;
        const offset = c * bucketCount;
        for (let k = 0; k < features.buckets.length; k += 1) {
          const at = offset + (features.buckets[k] as number);
          gradient[at] = (gradient[at] as number) + error * (features.values[k] as number);
        }
      }
    });
    const correction1 = 1 - BETA1 ** step;
    const correction2 = 1 - BETA2 ** step;
    for (let at = 0; at < size + classCount; at += 1) {
      const isWeight = at < size;
      // Refining keeps the prior's biases: a handful of corrections says little about how common each cause is.
      if (!isWeight && prior) continue;
      const value = isWeight ? (model.weights[at] as number) : (model.bias[at - size] as number);
      const anchor = isWeight && prior ? (prior.weights[at] as number) : 0;
      const g = (gradient[at] as number) + (isWeight ? l2 * (value - anchor) : 0);
      if (g === 0 && moment1[at] === 0) continue;
      moment1[at] = BETA1 * (moment1[at] as number) + (1 - BETA1) * g;
      moment2[at] = BETA2 * (moment2[at] as number) + (1 - BETA2) * g * g;
      const update =
        (learningRate * ((moment1[at] as number) / correction1)) /
        (Math.sqrt((moment2[at] as number) / correction2) + EPSILON);
      if (isWeight) model.weights[at] = value - update;
      else model.bias[at - size] = value - update;
    }
  }
  return model;
}
