/**
 * Lexicon, model and their combination side by side: top-1, top-2 and macro recall on a split, a learning curve of
 * the model (25/50/100% of dev), the gate measured on dev with cross-validated model answers, and the time one
 * review takes to triage. Printed by `npm run triage:accuracy`.
 */
import {
  classifyRootCause,
  classifyRootCauseWithModel,
  classifyWithModel,
  decideRootCause,
  detectMisclick,
  loadModel,
  refineRootCauseModel,
  trainRootCauseModel,
  triageReview,
  type ModelClassification,
  type RootCause,
  type RootCauseClassification,
} from '@chaping/domain';

import type { LabelledReview } from './triage-accuracy';

type Labelled = Omit<LabelledReview, 'predicted'>;

/** Best first; the first two count for top-2. */
type Ranked = readonly RootCause[];

export interface Scores {
  readonly total: number;
  readonly top1: number;
  readonly top2: number;
  readonly macroRecall: number;
}

export function score(labels: readonly RootCause[], answers: readonly Ranked[]): Scores {
  let top1 = 0;
  let top2 = 0;
  const support = new Map<RootCause, number>();
  const hits = new Map<RootCause, number>();
  labels.forEach((label, index) => {
    const ranked = answers[index] ?? [];
    support.set(label, (support.get(label) ?? 0) + 1);
    if (ranked[0] === label) {
      top1 += 1;
      hits.set(label, (hits.get(label) ?? 0) + 1);
    }
    if (ranked.slice(0, 2).includes(label)) top2 += 1;
  });
  const recalls = [...support].map(([cause, count]) => (hits.get(cause) ?? 0) / count);
  const total = labels.length;
  return {
    total,
    top1: total ? top1 / total : 0,
    top2: total ? top2 / total : 0,
    macroRecall: recalls.length ? recalls.reduce((sum, value) => sum + value, 0) / recalls.length : 0,
  };
}

const misclicked = (text: string) => detectMisclick(text, 'negative').misclick;

/** As triage would have answered with the lexicon alone (mis-click rule included). */
export function lexiconAnswer(text: string, lexicon: RootCauseClassification = classifyRootCause(text)): Ranked {
  const ranked = [lexicon.rootCause, ...lexicon.alternatives.map((cause) => cause.rootCause)];
  return misclicked(text) ? ['other', ...ranked.filter((cause) => cause !== 'other')] : dedupe(ranked);
}

export function modelAnswer(text: string, model: ModelClassification = classifyRootCauseWithModel(text)): Ranked {
  const ranked = model.ranking.map((cause) => cause.rootCause);
  return misclicked(text) ? ['other', ...ranked.filter((cause) => cause !== 'other')] : ranked;
}

export function combinedAnswer(text: string): Ranked {
  const result = triageReview({ text, rating: 'negative' });
  return result.secondCause ? [result.rootCause, result.secondCause] : [result.rootCause];
}

function dedupe(causes: readonly RootCause[]): RootCause[] {
  return [...new Set(causes)];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function row(name: string, scores: Scores): string {
  return `| ${name} | ${scores.total} | ${percent(scores.top1)} | ${percent(scores.top2)} | ${percent(scores.macroRecall)} |`;
}

const HEADER = ['| answer | reviews | top-1 | top-2 | macro recall |', '|---|---:|---:|---:|---:|'];

export function comparisonTable(reviews: readonly Labelled[]): string {
  const labels = reviews.map((review) => review.rootCause);
  return [
    ...HEADER,
    row(
      'lexicon',
      score(
        labels,
        reviews.map((review) => lexiconAnswer(review.text)),
      ),
    ),
    row(
      'model',
      score(
        labels,
        reviews.map((review) => modelAnswer(review.text)),
      ),
    ),
    row(
      'combination',
      score(
        labels,
        reviews.map((review) => combinedAnswer(review.text)),
      ),
    ),
  ].join('\n');
}

/** Every k-th review, so that each share spreads over the whole dev split rather than one stretch of it. */
const share = (reviews: readonly Labelled[], every: number) => reviews.filter((_, index) => index % every === 0);

/** The model trained on 25, 50 and 100% of dev, scored on the given reviews (the holdout). */
export function learningCurve(dev: readonly Labelled[], evaluated: readonly Labelled[]): string {
  const labels = evaluated.map((review) => review.rootCause);
  const rows = [4, 2, 1].map((every) => {
    const training = share(dev, every);
    const model = loadModel(trainRootCauseModel(training, 'curve'));
    const answers = evaluated.map((review) => modelAnswer(review.text, classifyWithModel(model, review.text)));
    return row(`model on ${100 / every}% of dev (${training.length})`, score(labels, answers));
  });
  return [...HEADER, ...rows, ...simulatedCorrections(dev, evaluated)].join('\n');
}

/**
 * Learning from corrections, simulated on dev: a model trained on three quarters of dev, then refined the way a
 * shop's model is (refineRootCauseModel) with the last quarter arriving as the team's corrections.
 */
function simulatedCorrections(dev: readonly Labelled[], evaluated: readonly Labelled[]): string[] {
  const labels = evaluated.map((review) => review.rootCause);
  const base = trainRootCauseModel(
    dev.filter((_, index) => index % 4 !== 0),
    'base',
  );
  const corrections = dev.filter((_, index) => index % 4 === 0);
  const refined = refineRootCauseModel(base, corrections, 'refined');
  const scored = (model: typeof base) => {
    const loaded = loadModel(model);
    return score(
      labels,
      evaluated.map((review) => modelAnswer(review.text, classifyWithModel(loaded, review.text))),
    );
  };
  return [
    row(`model on 75% of dev (${dev.length - corrections.length})`, scored(base)),
    row(`… + the other 25% as simulated corrections (${corrections.length})`, scored(refined)),
  ];
}

const FOLDS = 4;
const GATES = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 1.01];

/**
 * The lexicon's confidence gate measured on dev: each dev review gets the answer of a model trained on the other
 * three quarters, so the model is never scored on what it learnt from.
 */
export function gateSweep(dev: readonly Labelled[]): string {
  const modelAnswers: ModelClassification[] = new Array(dev.length);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const model = loadModel(
      trainRootCauseModel(
        dev.filter((_, index) => index % FOLDS !== fold),
        'fold',
      ),
    );
    dev.forEach((review, index) => {
      if (index % FOLDS === fold) modelAnswers[index] = classifyWithModel(model, review.text);
    });
  }
  const lexicons = dev.map((review) => classifyRootCause(review.text));
  const labels = dev.map((review) => review.rootCause);
  const rows = GATES.map((gate) => {
    const answers = dev.map((review, index) => {
      const decision = decideRootCause(
        lexicons[index] as RootCauseClassification,
        modelAnswers[index] as ModelClassification,
        gate,
      );
      const ranked = dedupe([decision.rootCause, ...(decision.secondCause ? [decision.secondCause] : [])]);
      return misclicked(review.text) ? dedupe(['other', ...ranked]) : ranked;
    });
    const name = gate > 1 ? 'model always' : gate === 0 ? 'lexicon always' : `lexicon when confidence ≥ ${gate}`;
    return row(name, score(labels, answers));
  });
  return [...HEADER, ...rows].join('\n');
}

/** Median and 95th-percentile time of `triageReview` per review, after a warm-up pass. */
export function triageTiming(reviews: readonly Labelled[]): string {
  for (const review of reviews) triageReview({ text: review.text, rating: 'negative' });
  const times = reviews
    .map((review) => {
      const started = process.hrtime.bigint();
      triageReview({ text: review.text, rating: 'negative' });
      return Number(process.hrtime.bigint() - started) / 1e6;
    })
    .sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3);
  return `triage time per review (${times.length} reviews): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}
