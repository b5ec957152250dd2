/**
 * How far two labellers agree on the root causes of the double-labelled dev sample (issue 16: the ceiling a
 * classifier can be held to is the labels' own agreement), and how triage's top-1 fares against each labeller.
 *
 *   npm run triage:agreement
 *
 * The first labels are test/triage/labelled-reviews.json; the second are test/triage/second-labels.json (ids and
 * causes only), drawn by second-labels-sample.ts from the dev split.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT_CAUSES, type RootCause } from '@chaping/domain';

import { loadLabelledReviews } from './triage-accuracy';

export interface LabelPair {
  readonly id: string;
  readonly first: RootCause;
  readonly second: RootCause;
  /** Triage's top-1 answer for the review. */
  readonly predicted: RootCause;
}

export interface CauseAgreement {
  readonly rootCause: RootCause;
  readonly first: number;
  readonly second: number;
  readonly both: number;
  /** Specific agreement 2·both / (first + second): how often one labeller's use of the cause is shared by the other. */
  readonly agreement: number;
}

export interface Disagreement {
  readonly first: RootCause;
  readonly second: RootCause;
  readonly count: number;
}

export interface LabellerAgreement {
  readonly total: number;
  readonly agreed: number;
  readonly rawAgreement: number;
  /** Agreement expected by chance from the two labellers' own cause frequencies. */
  readonly chanceAgreement: number;
  readonly kappa: number;
  readonly perCause: readonly CauseAgreement[];
  /** Pairs of differing labels, most frequent first. */
  readonly disagreements: readonly Disagreement[];
  readonly triageTop1: { readonly first: number; readonly second: number; readonly either: number };
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

export function measureAgreement(pairs: readonly LabelPair[]): LabellerAgreement {
  const total = pairs.length;
  const agreed = pairs.filter((pair) => pair.first === pair.second).length;
  const perCause = ROOT_CAUSES.map((rootCause) => {
    const first = pairs.filter((pair) => pair.first === rootCause).length;
    const second = pairs.filter((pair) => pair.second === rootCause).length;
    const both = pairs.filter((pair) => pair.first === rootCause && pair.second === rootCause).length;
    return { rootCause, first, second, both, agreement: share(2 * both, first + second) };
  });
  const rawAgreement = share(agreed, total);
  const chanceAgreement = perCause.reduce(
    (sum, cause) => sum + share(cause.first, total) * share(cause.second, total),
    0,
  );
  // Both labellers gave one and the same cause to everything: agreement is perfect, though chance explains it.
  const kappa = chanceAgreement === 1 ? 1 : (rawAgreement - chanceAgreement) / (1 - chanceAgreement);

  const counts = new Map<string, Disagreement>();
  for (const pair of pairs.filter((item) => item.first !== item.second)) {
    const key = `${pair.first}→${pair.second}`;
    const count = (counts.get(key)?.count ?? 0) + 1;
    counts.set(key, { first: pair.first, second: pair.second, count });
  }
  const disagreements = [...counts.values()].sort(
    (a, b) => b.count - a.count || `${a.first}${a.second}`.localeCompare(`${b.first}${b.second}`),
  );

  const triageTop1 = {
    first: share(pairs.filter((pair) => pair.predicted === pair.first).length, total),
    second: share(pairs.filter((pair) => pair.predicted === pair.second).length, total),
    either: share(
      pairs.filter((pair) => pair.predicted === pair.first || pair.predicted === pair.second).length,
      total,
    ),
  };
  return { total, agreed, rawAgreement, chanceAgreement, kappa, perCause, disagreements, triageTop1 };
}

export interface SecondLabel {
  readonly id: string;
  readonly rootCause: RootCause;
}

/** Joins the second labels to the first ones; refuses unknown causes, duplicates and ids outside the dev split. */
export function pairLabels(
  secondLabels: readonly unknown[],
  firstLabels: ReadonlyMap<string, { readonly rootCause: RootCause; readonly predicted: RootCause }>,
): LabelPair[] {
  const seen = new Set<string>();
  return secondLabels.map((row, index) => {
    const { id, rootCause } = (row ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !(ROOT_CAUSES as readonly unknown[]).includes(rootCause)) {
      throw new Error(`second label #${index} is malformed`);
    }
    if (seen.has(id)) throw new Error(`second label #${index}: review ${id} is labelled twice`);
    seen.add(id);
    const first = firstLabels.get(id);
    if (!first) throw new Error(`second label #${index}: review ${id} is not a labelled dev review`);
    return { id, first: first.rootCause, second: rootCause as RootCause, predicted: first.predicted };
  });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function agreementReport(result: LabellerAgreement): string {
  const summary = [
    `Double-labelled reviews: ${result.total}`,
    `Raw agreement: ${percent(result.rawAgreement)} (${result.agreed}/${result.total})`,
    `Chance agreement: ${percent(result.chanceAgreement)}`,
    `Cohen's kappa: ${result.kappa.toFixed(3)}`,
    `Triage top-1 vs label 1: ${percent(result.triageTop1.first)}; vs label 2: ${percent(result.triageTop1.second)}; vs either label: ${percent(result.triageTop1.either)}`,
  ];
  const causes = [
    '| root cause | label 1 | label 2 | both | specific agreement |',
    '|---|---:|---:|---:|---:|',
    ...result.perCause
      .filter((cause) => cause.first + cause.second > 0)
      .map(
        (cause) =>
          `| ${cause.rootCause} | ${cause.first} | ${cause.second} | ${cause.both} | ${percent(cause.agreement)} |`,
      ),
  ];
  const confusion = [
    '| label 1 | label 2 | reviews |',
    '|---|---|---:|',
    ...result.disagreements.map((item) => `| ${item.first} | ${item.second} | ${item.count} |`),
  ];
  return [...summary, '', ...causes, '', 'Disagreements:', ...confusion].join('\n');
}

if (require.main === module) {
  const parsed: unknown = JSON.parse(readFileSync(path.join(__dirname, 'second-labels.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('second-labels.json is not a list');
  const first = new Map(loadLabelledReviews('dev').map((review) => [review.id, review]));
  console.log(agreementReport(measureAgreement(pairLabels(parsed, first))));
}
