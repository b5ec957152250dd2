import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The team's shared test data (real review texts and marketplace payloads) lives next to the
 * repository, never in it: it carries no licence to be copied. CHAPING_SHARED_DATA overrides.
 */
export function sharedDataDir(): string {
  const given = process.env['CHAPING_SHARED_DATA'];
  if (given) return given;
  // The team's checkout keeps shared/ beside the repository; a CI clone may sit deeper or elsewhere.
  const candidates: string[] = [];
  for (let dir = path.resolve(__dirname, '..', '..'); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, '..', 'shared', 'data'), path.join(dir, 'shared', 'data'));
    if (path.dirname(dir) === dir) break;
  }
  candidates.push('/work/shared/data');
  const found = candidates.find((dir) => existsSync(path.join(dir, 'reviews-sample.csv')));
  if (!found) {
    throw new Error('Shared test data not found; set CHAPING_SHARED_DATA to the folder with reviews-sample.csv');
  }
  return found;
}

export const sharedDataPath = (...parts: string[]): string => path.join(sharedDataDir(), ...parts);

export interface SampleReview {
  id: string;
  category: string;
  text: string;
}

export function sampleReviews(): SampleReview[] {
  return parse(readFileSync(sharedDataPath('reviews-sample.csv')), { columns: true, bom: true }) as SampleReview[];
}
