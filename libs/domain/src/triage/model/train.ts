import { ROOT_CAUSES, type RootCause } from '../../shared/vocabulary';
import { trainLogistic } from './logistic';
import { loadModel, quantizeModel, type ShippedModel } from './model';
import { featuresOf, grams, inverseDocumentFrequency } from './ngrams';

export interface LabelledText {
  readonly text: string;
  readonly rootCause: RootCause;
}

/**
 * Chosen on a quarter of the dev split held out from the rest (never on the holdout): 2^14 buckets keep the
 * weights small with hardly any loss to collisions; the L2 penalty trades a little top-1 for recall of rare causes.
 */
export const MODEL_TRAINING = {
  bucketCount: 16384,
  steps: 100,
  learningRate: 0.2,
  l2: 0.002,
} as const;

/** Trains the root-cause model on labelled texts, in the order given; the same input gives the same bytes. */
export function trainRootCauseModel(labelled: readonly LabelledText[], version: string): ShippedModel {
  const { bucketCount } = MODEL_TRAINING;
  const found = labelled.map(({ text }) => grams(text, bucketCount));
  const idf = inverseDocumentFrequency(found, bucketCount);
  const weights = trainLogistic(
    found.map((item) => featuresOf(item, idf)),
    labelled.map(({ rootCause }) => ROOT_CAUSES.indexOf(rootCause)),
    { classCount: ROOT_CAUSES.length, ...MODEL_TRAINING },
  );
  return quantizeModel({ version, bucketCount, weights, idf });
}

/**
 * How a shop's model is refined with its corrections: from the model in use, pulled back towards it. Adam moves a
 * weight by about the learning rate a step whatever the gradient, so steps × rate bounds how far one correction can
 * move the model; this is the smallest rate that still learns a cause from four corrections (learning.spec.ts).
 */
export const MODEL_REFINING = {
  steps: 60,
  learningRate: 0.05,
  l2: 0.002,
} as const;

export interface RefiningSettings {
  readonly steps: number;
  readonly learningRate: number;
  readonly l2: number;
}

/** The model refined with labelled texts (corrections), in the order given; the same input gives the same bytes. */
export function refineRootCauseModel(
  base: ShippedModel,
  corrections: readonly LabelledText[],
  version: string,
  settings: RefiningSettings = MODEL_REFINING,
): ShippedModel {
  const loaded = loadModel(base);
  const { bucketCount } = loaded;
  const weights = trainLogistic(
    corrections.map(({ text }) => featuresOf(grams(text, bucketCount), loaded.idf)),
    corrections.map(({ rootCause }) => ROOT_CAUSES.indexOf(rootCause)),
    { classCount: ROOT_CAUSES.length, bucketCount, ...settings, prior: loaded.weights },
  );
  return quantizeModel({ version, bucketCount, weights, idf: loaded.idf });
}
