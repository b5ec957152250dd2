import { readFileSync } from 'node:fs';
import path from 'node:path';

import { measureCorpus, type CorpusEntry, type CorpusFigures } from './corpus-accuracy';

const load = (split: string): CorpusEntry[] =>
  JSON.parse(readFileSync(path.join(__dirname, 'corpus', `${split}.json`), 'utf8')) as CorpusEntry[];

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const line = (split: string, figures: CorpusFigures) =>
  `${split} ${figures.kind}: ${figures.size} phrasings, recall ${percent(figures.recall)} (${figures.forbidden} forbidden), precision ${percent(figures.precision)} (${figures.allowed} allowed)`;

/**
 * The labelled corpus (DESIGN §4, issue 13): every forbidden phrasing refused, at least 98% of the
 * allowed ones let through — on the tuning split and on the held-out split written before tuning.
 */
describe.each(['dev', 'holdout'])('the %s compliance corpus', (split) => {
  const entries = load(split);
  const figures = measureCorpus(entries);
  const all = figures[0] as CorpusFigures;

  it('prints its figures', () => {
    console.log(figures.map((each) => line(split, each)).join('\n'));
    expect(all.size).toBe(entries.length);
  });

  it('refuses every forbidden phrasing', () => {
    expect(figures.flatMap((each) => (each.kind === 'all' ? [] : each.missed))).toEqual([]);
  });

  it('lets at least 98% of the allowed phrasings through', () => {
    expect({ precision: all.precision, falseAlarms: all.falseAlarms }).toEqual({
      precision: expect.any(Number),
      falseAlarms: all.falseAlarms,
    });
    expect(all.precision).toBeGreaterThanOrEqual(0.98);
  });
});

describe('the corpus as a whole', () => {
  it('holds at least 400 phrasings of every kind, a quarter held out', () => {
    const [dev, holdout] = [load('dev'), load('holdout')];
    expect(dev.length + holdout.length).toBeGreaterThanOrEqual(400);
    expect(holdout.length / (dev.length + holdout.length)).toBeGreaterThan(0.2);
    const texts = [...dev, ...holdout].map((entry) => entry.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
