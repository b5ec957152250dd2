import { loadLabelledReviews, measureTriageAccuracy, type LabelledReview } from './triage-accuracy';

/*
 * Floors a little under what the lexicon reached when it was last measured (`npm run triage:accuracy -- holdout`),
 * so that a lexicon change that loses accuracy fails here. Raise them when the lexicon improves. The holdout split
 * is never read while tuning: its figure is the honest one (see README, "Triage accuracy").
 */
const HOLDOUT_ACCURACY_FLOOR = 0.71;
const DEV_ACCURACY_FLOOR = 0.8;
const MIN_SUPPORT_FOR_RECALL = 5;
const RECALL_FLOOR = 0.6;
/**
 * Causes under the recall floor on all labels, with a floor just under what they reach (lexicon 2026.11.3:
 * not_as_described 0.49, other 0.43, refund_dispute 0.55, service_attitude 0.57). Buyers describe a mismatch with
 * the listing in endlessly many ways, and vague rants read like short product complaints. Remove an entry once the
 * cause clears RECALL_FLOOR.
 */
const KNOWN_WEAK_RECALL: Readonly<Record<string, number>> = {
  not_as_described: 0.46,
  other: 0.41,
  refund_dispute: 0.52,
  service_attitude: 0.54,
};

describe('triage accuracy against the hand-labelled reviews', () => {
  let reviews: LabelledReview[];

  beforeAll(() => {
    reviews = loadLabelledReviews('all');
  });

  it('finds the text of every labelled review', () => {
    expect(reviews).toHaveLength(2000);
  });

  it('agrees with the labels often enough, on reviews it was tuned on and on reviews it never saw', () => {
    expect(measureTriageAccuracy('holdout', reviews).accuracy).toBeGreaterThanOrEqual(HOLDOUT_ACCURACY_FLOOR);
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
