/**
 * How the compliance rules (libs/domain/src/compliance) fare on the labelled corpus beside them:
 * recall on forbidden phrasings (share refused) and precision on allowed ones (share let through),
 * per kind, for the tuning split (dev) and the held-out split written before the rules were tuned.
 *
 *   npm run compliance:accuracy              # both splits
 *   npm run compliance:accuracy -- --errors  # plus every missed or wrongly refused phrasing
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { measureCorpus, type CorpusEntry, type CorpusFigures } from '@chaping/domain';

const CORPUS = path.join(__dirname, '../../libs/domain/src/compliance/corpus');
const SPLITS = ['dev', 'holdout'] as const;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function table(split: string, figures: readonly CorpusFigures[]): string {
  const rows = figures.map(
    (each) =>
      `| ${split} | ${each.kind} | ${each.size} | ${percent(each.recall)} (${each.forbidden}) | ${percent(each.precision)} (${each.allowed}) |`,
  );
  return rows.join('\n');
}

if (require.main === module) {
  const showErrors = process.argv.includes('--errors');
  const loaded = SPLITS.map((split) => ({
    split,
    entries: JSON.parse(readFileSync(path.join(CORPUS, `${split}.json`), 'utf8')) as CorpusEntry[],
  }));
  const all = loaded.flatMap(({ entries }) => entries);
  console.log(
    `corpus: ${all.length} phrasings (${loaded.map(({ split, entries }) => `${split} ${entries.length}`).join(', ')})\n`,
  );
  console.log('| split | kind | size | recall (forbidden) | precision (allowed) |');
  console.log('|---|---|---:|---:|---:|');
  for (const { split, entries } of [...loaded, { split: 'all', entries: all }]) {
    const figures = measureCorpus(entries);
    console.log(table(split, figures));
    if (showErrors) {
      const overall = figures[0] as CorpusFigures;
      for (const text of overall.missed) console.log(`  missed: ${text}`);
      for (const text of overall.falseAlarms) console.log(`  refused but allowed: ${text}`);
    }
  }
}
