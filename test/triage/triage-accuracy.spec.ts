import { loadLabelledReviews, measureTriageAccuracy, type LabelledReview } from './triage-accuracy';
import { combinedAnswer, score } from './triage-comparison';

/*
 * Floors a little under what triage (lexicon and model combined) reached when it was last measured
 * (`npm run triage:accuracy -- holdout`, lexicon 2026.11.3 + model 2026.12.1: holdout top-1 76.3%, top-2 90.7%,
 * macro recall 67.2%; dev top-1 85.4%), so that a lexicon or model change that loses accuracy fails here. Raise them
 * when triage improves. The holdout split is never read while tuning or trained on: its figure is the honest one
 * (see README, "Triage accuracy").
 */
const HOLDOUT_ACCURACY_FLOOR = 0.75;
const HOLDOUT_TOP2_FLOOR = 0.9;
const HOLDOUT_MACRO_RECALL_FLOOR = 0.66;
const DEV_ACCURACY_FLOOR = 0.84;
const MIN_SUPPORT_FOR_RECALL = 5;
const RECALL_FLOOR = 0.6;
/**
 * Causes under the recall floor on all labels, with a floor just under what they reach (lexicon 2026.11.3 + model
 * 2026.12.1: refund_dispute 0.55). Returns, refunds and repairs are told in the words of the product's faults. Remove
 * an entry once the cause clears RECALL_FLOOR.
 */
const KNOWN_WEAK_RECALL: Readonly<Record<string, number>> = {
  refund_dispute: 0.52,
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

  it('has the right cause among its two suggestions, and finds rare causes too, on the holdout', () => {
    const holdout = reviews.filter((review) => review.split === 'holdout');
    const scores = score(
      holdout.map((review) => review.rootCause),
      holdout.map((review) => combinedAnswer(review.text)),
    );
    expect(scores.top2).toBeGreaterThanOrEqual(HOLDOUT_TOP2_FLOOR);
    expect(scores.macroRecall).toBeGreaterThanOrEqual(HOLDOUT_MACRO_RECALL_FLOOR);
  });

  it('finds every frequent cause at least most of the time', () => {
    const weak = measureTriageAccuracy('all', reviews)
      .perCause.filter((cause) => cause.support >= MIN_SUPPORT_FOR_RECALL)
      .filter((cause) => cause.recall < (KNOWN_WEAK_RECALL[cause.rootCause] ?? RECALL_FLOOR))
      .map((cause) => `${cause.rootCause}: ${cause.recall.toFixed(2)}`);
    expect(weak).toEqual([]);
  });
});
