import { loadLabelledReviews, measureTriageAccuracy, type LabelledReview } from './triage-accuracy';

/*
 * Floors a few points under what the lexicon reached when it was last tuned (`npm run triage:accuracy`), so that a
 * lexicon change that loses accuracy fails here. Raise them when the lexicon improves; never tune on holdout.
 */
const ALL_ACCURACY_FLOOR = 0.77;
const DEV_ACCURACY_FLOOR = 0.9;
const MIN_SUPPORT_FOR_RECALL = 5;
const RECALL_FLOOR = 0.6;
/**
 * Causes that do not reach the recall floor on 'all', with a floor just under what they do reach (2026.11.1:
 * not_as_described 0.43, refund_dispute 0.59). Both are far better on dev than on holdout: the lexicon has not
 * seen enough ways of saying them. Remove an entry once the cause clears RECALL_FLOOR.
 */
const KNOWN_WEAK_RECALL: Readonly<Record<string, number>> = { not_as_described: 0.4, refund_dispute: 0.55 };

describe('triage accuracy against the hand-labelled reviews', () => {
  let reviews: LabelledReview[];

  beforeAll(() => {
    reviews = loadLabelledReviews();
  });

  it('labels and texts line up', () => {
    expect(reviews).toHaveLength(600);
  });

  it('agrees with the labels often enough', () => {
    expect(measureTriageAccuracy('all', reviews).accuracy).toBeGreaterThanOrEqual(ALL_ACCURACY_FLOOR);
    expect(measureTriageAccuracy('dev', reviews).accuracy).toBeGreaterThanOrEqual(DEV_ACCURACY_FLOOR);
  });

  it('finds every frequent cause at least most of the time', () => {
    const weak = measureTriageAccuracy('all', reviews)
      .perCause.filter((cause) => cause.support >= MIN_SUPPORT_FOR_RECALL)
      .filter((cause) => cause.recall < (KNOWN_WEAK_RECALL[cause.rootCause] ?? RECALL_FLOOR))
      .map((cause) => `${cause.rootCause}: ${cause.recall.toFixed(2)}`);
    expect(weak).toEqual([]);
  });
});
