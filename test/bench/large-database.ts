import path from 'node:path';
import { Client } from 'pg';

import {
  hashPassword,
  LARGE_SEED_DEFAULTS,
  runMigrations,
  seedLargeData,
  startEmbeddedPostgres,
} from '@chaping/api/testing';
import { triageReview, type RootCause } from '@chaping/domain';

import { sampleReviews } from '../support/shared-data';

/** The password of every account the large seed creates (lead, admin, agent<shop>-<n>). */
export const LARGE_PASSWORD = 'chaping-demo';

const REPO_ROOT = path.resolve(__dirname, '../..');
export const LARGE_DATA_DIR = path.resolve(process.env['LARGE_PG_DATA'] || path.join(REPO_ROOT, '.data', 'large-pg'));
const PORT = Number(process.env['LARGE_PG_PORT'] || 54339);

/** Real review texts from ../shared/data, grouped by the cause triage gives them. */
function textsByCause(): Partial<Record<RootCause, string[]>> {
  const grouped: Partial<Record<RootCause, string[]>> = {};
  for (const review of sampleReviews()) {
    const cause = triageReview({ text: review.text, rating: 'negative' }).rootCause ?? 'other';
    (grouped[cause] ??= []).push(review.text);
  }
  return grouped;
}

/**
 * The embedded PostgreSQL holding the 1M-case history (kept in .data/large-pg between runs),
 * migrated and seeded if empty. The same data directory serves `EMBEDDED_PG_DATA=.data/large-pg npm start`.
 */
export async function openLargeDatabase(
  log: (line: string) => void = console.log,
): Promise<{ url: string; stop(): Promise<void> }> {
  const database = await startEmbeddedPostgres({ dataDir: LARGE_DATA_DIR, port: PORT, database: 'chaping', log });
  try {
    await runMigrations(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const [{ cases }] = (await client.query(`SELECT count(*)::int AS cases FROM support_case`)).rows;
    // A migration that rewrote rows leaves the visibility map cold until autovacuum comes by;
    // measure what a running installation sees, with index-only scans that skip the heap.
    if (cases > 0) await client.query(`VACUUM (ANALYZE) support_case`);
    await client.end();
    if (cases > 0) {
      log(`${LARGE_DATA_DIR} already holds ${cases.toLocaleString('en')} cases (delete it to seed again)`);
    } else {
      log(`Seeding ${LARGE_SEED_DEFAULTS.cases.toLocaleString('en')} cases into ${LARGE_DATA_DIR} …`);
      const seeded = await seedLargeData(database.url, {
        ...LARGE_SEED_DEFAULTS,
        now: new Date(),
        textsByCause: textsByCause(),
        passwordHash: await hashPassword(LARGE_PASSWORD),
        log,
      });
      log(`Seeded ${seeded.cases.toLocaleString('en')} cases in ${seeded.seconds.toFixed(0)} s`);
    }
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
