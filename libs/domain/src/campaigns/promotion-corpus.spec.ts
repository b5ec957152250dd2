import { readFileSync } from 'node:fs';
import path from 'node:path';

import { measurePromotionCorpus, type PromotionCorpusEntry } from './promotion-corpus';
import { checkPromotionWording } from './promotion-wording';

const entries = JSON.parse(
  readFileSync(path.join(__dirname, 'corpus', 'promotion-wording.json'), 'utf8'),
) as PromotionCorpusEntry[];
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('the promotion wording corpus', () => {
  const figures = measurePromotionCorpus(entries);

  it('holds at least 80 distinct wordings, with positives and negatives for every trap read on text', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(entries.map((entry) => entry.text)).size).toBe(entries.length);
    for (const each of figures.filter((figure) => figure.code !== 'promotion.too_long')) {
      expect({ code: each.code, enough: each.positives >= 6 && each.negatives >= 6 }).toEqual({
        code: each.code,
        enough: true,
      });
    }
  });

  it('prints recall and precision per trap', () => {
    console.log(
      figures
        .map(
          (each) =>
            `${each.code}: recall ${percent(each.recall)} (${each.positives} positives), precision ${percent(each.precision)}`,
        )
        .join('\n'),
    );
    expect(figures.length).toBe(6);
  });

  it('finds every trap it should and no other, at 100% recall and precision per code', () => {
    for (const each of figures) {
      expect({ code: each.code, missed: each.missed, falseAlarms: each.falseAlarms }).toEqual({
        code: each.code,
        missed: [],
        falseAlarms: [],
      });
      expect(each.recall).toBe(1);
      expect(each.precision).toBe(1);
    }
  });

  it('labels each wording with exactly the traps it holds', () => {
    const wrong = entries.filter((entry) => {
      const found = [...new Set(checkPromotionWording(entry.text).map((finding) => finding.code))].sort();
      return JSON.stringify(found) !== JSON.stringify([...entry.expect].sort());
    });
    expect(wrong).toEqual([]);
  });
});
