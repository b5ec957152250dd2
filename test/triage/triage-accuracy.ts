/**
 * How often triage's root cause agrees with the hand labels of test/triage/labelled-reviews.json.
 * The review texts are read at run time from the shared data directory (they carry no licence and
 * must not be copied into the repository).
 *
 *   npm run triage:accuracy                    # markdown table for the dev split (the default)
 *   npm run triage:accuracy -- dev --errors    # plus every misclassified dev review (dev only)
 *   npm run triage:accuracy -- holdout         # holdout or all: for the lead, once tuning is over
 *   CHAPING_SHARED_DATA=/path/to/data npm run triage:accuracy
 *
 * Only the dev split may be read while the lexicon is tuned: `--errors` refuses any other split, so that
 * holdout texts and holdout mistakes are never shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { findEvidence, ROOT_CAUSES, triageReview, type RootCause } from '@chaping/domain';

import { sampleReviews } from '../support/shared-data';
import { comparisonTable, gateSweep, learningCurve, triageTiming } from './triage-comparison';

export type Split = 'dev' | 'holdout' | 'all';

export interface CauseAccuracy {
  readonly rootCause: RootCause;
  /** How many reviews carry this label. */
  readonly support: number;
  /** How many reviews triage gave this cause. */
  readonly predicted: number;
  readonly precision: number;
  readonly recall: number;
}

export interface TriageAccuracy {
  readonly split: Split;
  readonly total: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly perCause: readonly CauseAccuracy[];
  /** confusion[label][predicted] = count. */
  readonly confusion: Readonly<Record<RootCause, Readonly<Record<RootCause, number>>>>;
}

export interface LabelledReview {
  readonly id: string;
  readonly rootCause: RootCause;
  readonly split: 'dev' | 'holdout';
  readonly text: string;
  readonly predicted: RootCause;
}

const LABELS_FILE = path.join(__dirname, 'labelled-reviews.json');

interface LabelRow {
  readonly id: string;
  readonly rootCause: RootCause;
  readonly split: 'dev' | 'holdout';
}

function readLabels(): LabelRow[] {
  const parsed: unknown = JSON.parse(readFileSync(LABELS_FILE, 'utf8'));
  const reviews = (parsed as { reviews?: unknown }).reviews;
  if (!Array.isArray(reviews)) throw new Error(`${LABELS_FILE} has no "reviews" list`);
  return reviews.map((row: unknown, index) => {
    const { id, rootCause, split } = (row ?? {}) as Record<string, unknown>;
    const knownCause = (ROOT_CAUSES as readonly unknown[]).includes(rootCause);
    if (typeof id !== 'string' || !knownCause || (split !== 'dev' && split !== 'holdout')) {
      throw new Error(`${LABELS_FILE}: review #${index} is malformed`);
    }
    return { id, rootCause: rootCause as RootCause, split };
  });
}

function readReviewTexts(): Map<string, string> {
  return new Map(sampleReviews().map((row) => [row.id, row.text]));
}

/** The labelled reviews (of one split, or all of them) with their texts, in the order of the labels file. */
export function loadLabelledTexts(split: Split = 'all'): Array<Omit<LabelledReview, 'predicted'>> {
  const texts = readReviewTexts();
  const labels = readLabels().filter((label) => split === 'all' || label.split === split);
  return labels.map((label) => {
    const text = texts.get(label.id);
    if (text === undefined) throw new Error(`review ${label.id} is not in reviews-sample.csv`);
    return { ...label, text };
  });
}

/** The labelled reviews (of one split, or all of them) with their texts and triage's prediction. */
export function loadLabelledReviews(split: Split = 'all'): LabelledReview[] {
  // What `POST /api/triage` answers for the review, mis-click rule included (every labelled review is negative).
  return loadLabelledTexts(split).map((review) => ({
    ...review,
    predicted: triageReview({ text: review.text, rating: 'negative' }).rootCause,
  }));
}

export function measureTriageAccuracy(
  split: Split = 'dev',
  reviews: readonly LabelledReview[] = loadLabelledReviews(split),
): TriageAccuracy {
  const selected = reviews.filter((review) => split === 'all' || review.split === split);
  const confusion = Object.fromEntries(
    ROOT_CAUSES.map((label) => [label, Object.fromEntries(ROOT_CAUSES.map((predicted) => [predicted, 0]))]),
  ) as Record<RootCause, Record<RootCause, number>>;
  for (const review of selected) confusion[review.rootCause][review.predicted] += 1;

  const perCause = ROOT_CAUSES.map((rootCause) => {
    const support = selected.filter((review) => review.rootCause === rootCause).length;
    const predicted = selected.filter((review) => review.predicted === rootCause).length;
    const hits = confusion[rootCause][rootCause];
    return {
      rootCause,
      support,
      predicted,
      precision: predicted === 0 ? 0 : hits / predicted,
      recall: support === 0 ? 0 : hits / support,
    };
  });
  const correct = selected.filter((review) => review.predicted === review.rootCause).length;
  return {
    split,
    total: selected.length,
    correct,
    accuracy: selected.length === 0 ? 0 : correct / selected.length,
    perCause,
    confusion,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function accuracyTable(results: readonly TriageAccuracy[]): string {
  const header = `| root cause | ${results.map((result) => `${result.split} support | ${result.split} recall`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---:|---:').join('|')}|`;
  const rows = ROOT_CAUSES.map((rootCause) => {
    const cells = results.map((result) => {
      const cause = result.perCause.find((item) => item.rootCause === rootCause);
      return cause && cause.support > 0 ? `${cause.support} | ${percent(cause.recall)}` : '0 | –';
    });
    return `| ${rootCause} | ${cells.join(' | ')} |`;
  });
  const totals = `| **top-1 accuracy** | ${results
    .map((result) => `${result.total} | **${percent(result.accuracy)}** (${result.correct})`)
    .join(' | ')} |`;
  return [header, rule, ...rows, totals].join('\n');
}

const SPLITS: readonly Split[] = ['dev', 'holdout', 'all'];

export interface CliOptions {
  readonly split: Split;
  readonly errors: boolean;
}

/** `[dev|holdout|all] [--errors]`; the split defaults to dev, and `--errors` is only allowed on dev. */
export function parseCliArguments(args: readonly string[]): CliOptions {
  let split: Split = 'dev';
  let errors = false;
  let splitGiven = false;
  for (const arg of args) {
    if (arg === '--errors') errors = true;
    else if ((SPLITS as readonly string[]).includes(arg) && !splitGiven) {
      split = arg as Split;
      splitGiven = true;
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)}; usage: triage-accuracy [dev|holdout|all] [--errors]`);
    }
  }
  if (errors && split !== 'dev') {
    throw new Error(`--errors lists review texts and is only allowed on the dev split, not on ${split}`);
  }
  return { split, errors };
}

export function precisionTable(result: TriageAccuracy): string {
  const rows = result.perCause.map(
    (cause) =>
      `| ${cause.rootCause} | ${cause.support} | ${cause.predicted} | ${cause.support > 0 ? percent(cause.recall) : '–'} | ${cause.predicted > 0 ? percent(cause.precision) : '–'} |`,
  );
  return ['| root cause | support | predicted | recall | precision |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

/** The misclassified reviews of the dev split, with the phrases triage read as evidence. */
export function errorListing(reviews: readonly LabelledReview[]): string {
  const wrong = reviews.filter((review) => review.split === 'dev' && review.predicted !== review.rootCause);
  return wrong
    .map((review) => {
      const evidence = findEvidence(review.text)
        .map((item) => `${item.phrase}→${item.rootCause}(${item.weight})`)
        .join(' ');
      return `${review.id}\tgold=${review.rootCause}\tpredicted=${review.predicted}\tevidence=[${evidence}]\n  ${review.text}`;
    })
    .join('\n');
}

if (require.main === module) {
  let options: CliOptions;
  try {
    options = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const reviews = loadLabelledReviews(options.split);
  const result = measureTriageAccuracy(options.split, reviews);
  console.log(accuracyTable([result]));
  console.log();
  console.log(precisionTable(result));
  console.log();
  console.log(`Lexicon, model and combination (${options.split}):`);
  console.log(comparisonTable(reviews));
  const dev = options.split === 'dev' ? reviews : loadLabelledTexts('dev');
  if (options.split !== 'dev') {
    // Scored on reviews the model never saw; on dev it would only show how well it remembers its lessons.
    console.log();
    console.log(`Learning curve of the model (${options.split}):`);
    console.log(learningCurve(dev, reviews));
  } else {
    console.log();
    console.log('Gate between lexicon and model (dev, model answers cross-validated in 4 folds):');
    console.log(gateSweep(dev));
  }
  console.log();
  console.log(triageTiming(reviews));
  if (options.errors) {
    console.log();
    console.log(errorListing(reviews.filter((review) => review.split === 'dev')));
  }
}
