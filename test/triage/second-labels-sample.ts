/**
 * The reviews the second labeller labels: a deterministic sample of 240 DEV reviews (never the holdout),
 * printed as id and text only, so that neither the first label nor triage's answer can sway the second one.
 *
 *   npx tsx --conditions @chaping/source test/triage/second-labels-sample.ts
 */
import { loadLabelledTexts } from './triage-accuracy';

export const SECOND_LABEL_SAMPLE_SIZE = 240;
const SAMPLE_SEED = 20261205;

/** mulberry32: a small seeded generator, so that the sample is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ids of the sample, drawn from the dev ids by a seeded Fisher–Yates shuffle. */
export function sampleIds(devIds: readonly string[], size = SECOND_LABEL_SAMPLE_SIZE): string[] {
  const ids = [...devIds];
  const random = seededRandom(SAMPLE_SEED);
  for (let index = ids.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const drawn = ids[other] as string;
    ids[other] = ids[index] as string;
    ids[index] = drawn;
  }
  return ids.slice(0, size);
}

if (require.main === module) {
  const texts = new Map(loadLabelledTexts('dev').map((review) => [review.id, review.text]));
  for (const id of sampleIds([...texts.keys()])) {
    console.log(`${id}\t${(texts.get(id) ?? '').replace(/\s+/g, ' ')}`);
  }
}
