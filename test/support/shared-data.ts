import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The team's shared test data (real review texts and marketplace payloads) lives next to the
 * repository, never in it: it carries no licence to be copied. CHAPING_SHARED_DATA overrides.
 */
export function sharedDataDir(): string {
  const dir = process.env['CHAPING_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(
      `Shared test data not found at ${dir}; set CHAPING_SHARED_DATA to the folder with reviews-sample.csv`,
    );
  }
  return dir;
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
