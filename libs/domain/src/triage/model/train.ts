import { ROOT_CAUSES, type RootCause } from '../../shared/vocabulary';
import { trainLogistic } from './logistic';
import { quantizeModel, type ShippedModel } from './model';
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
