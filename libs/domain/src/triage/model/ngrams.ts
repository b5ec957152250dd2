/**
 * Character 1–3-grams of a review, hashed into a fixed number of buckets so that the model ships weights, not
 * the (unlicensed) review texts it learnt from. Each gram keeps where it sits in the text, for evidence.
 */
export const MAX_GRAM = 3;

export interface Gram {
  readonly bucket: number;
  readonly start: number;
  readonly end: number;
}

/** A sparse, L2-normalised feature vector: sublinear term frequency per bucket. */
export interface Features {
  readonly buckets: Int32Array;
  readonly values: Float64Array;
}

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_SHIFT = 0xfee0;

/** Full-width Latin to ASCII and upper to lower case, one code unit for one, so offsets stay those of the text. */
function foldUnit(code: number): number {
  const ascii = code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? code - FULL_WIDTH_SHIFT : code;
  return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000;

/** FNV-1a over the gram's code units (with its length mixed in), reduced to a bucket. */
export function grams(text: string, bucketCount: number): Gram[] {
  const units = Array.from({ length: text.length }, (_, index) => foldUnit(text.charCodeAt(index)));
  const found: Gram[] = [];
  for (let start = 0; start < units.length; start += 1) {
    let hash = 0x811c9dc5;
    for (let length = 1; length <= MAX_GRAM && start + length <= units.length; length += 1) {
      const unit = units[start + length - 1] as number;
      if (isBlank(unit)) break;
      hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
      const mixed = Math.imul(hash ^ length, 0x01000193) >>> 0;
      found.push({ bucket: mixed % bucketCount, start, end: start + length });
    }
  }
  return found;
}

/** Smoothed inverse document frequency per bucket, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1. */
export function inverseDocumentFrequency(documents: readonly (readonly Gram[])[], bucketCount: number): Float64Array {
  const frequency = new Float64Array(bucketCount);
  for (const found of documents) {
    for (const bucket of new Set(found.map((gram) => gram.bucket)))
      frequency[bucket] = (frequency[bucket] as number) + 1;
  }
  return frequency.map((df) => Math.log((1 + documents.length) / (1 + df)) + 1);
}

export function featuresOf(found: readonly Gram[], idf?: ArrayLike<number>): Features {
  const counts = new Map<number, number>();
  for (const gram of found) counts.set(gram.bucket, (counts.get(gram.bucket) ?? 0) + 1);
  const buckets = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(
    buckets,
    (bucket) => (1 + Math.log(counts.get(bucket) as number)) * (idf ? (idf[bucket] as number) : 1),
  );
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  if (norm > 0) for (let index = 0; index < values.length; index += 1) values[index] = (values[index] as number) / norm;
  return { buckets, values };
}
