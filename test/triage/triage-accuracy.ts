/**
 * How often triage's root cause agrees with the hand labels of test/triage/labelled-reviews.json.
 * The review texts are read at run time from the shared data directory (they carry no licence and
 * must not be copied into the repository).
 *
 *   npm run triage:accuracy            # markdown tables for dev, holdout and all
 *   CHAPING_SHARED_DATA=/path/to/data npm run triage:accuracy
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

import { classifyRootCause, ROOT_CAUSES, type RootCause } from '@chaping/domain';

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

const REPO_ROOT = path.resolve(__dirname, '../..');
const LABELS_FILE = path.join(__dirname, 'labelled-reviews.json');

export function sharedDataDirectory(): string {
  return process.env['CHAPING_SHARED_DATA'] ?? path.resolve(REPO_ROOT, '../shared/data');
}

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
  const file = path.join(sharedDataDirectory(), 'reviews-sample.csv');
  const rows: Array<{ id: string; text: string }> = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
  return new Map(rows.map((row) => [row.id, row.text]));
}

/** The labelled reviews with their texts and triage's prediction. */
export function loadLabelledReviews(): LabelledReview[] {
  const texts = readReviewTexts();
  return readLabels().map((label) => {
    const text = texts.get(label.id);
    if (text === undefined) throw new Error(`review ${label.id} is not in reviews-sample.csv`);
    return { ...label, text, predicted: classifyRootCause(text).rootCause };
  });
}

export function measureTriageAccuracy(
  split: Split = 'all',
  reviews: readonly LabelledReview[] = loadLabelledReviews(),
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

if (require.main === module) {
  const reviews = loadLabelledReviews();
  const results = (['dev', 'holdout', 'all'] as const).map((split) => measureTriageAccuracy(split, reviews));
  console.log(accuracyTable(results));
}
