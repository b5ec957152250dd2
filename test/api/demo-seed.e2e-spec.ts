import { Client } from 'pg';

import { seedDemoData } from '@chaping/api/testing';
import { STAGES } from '@chaping/domain';

import { createTestDatabase, type TestDatabase } from '../support/database';

describe('demo data', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  // Seeding hashes four passwords and writes 200 cases: over 30 s under the whole npm test.
  it('seeds ~200 triaged cases over every stage once, and nothing on a second start', async () => {
    const first = await seedDemoData(database.url, new Date('2026-11-23T02:00:00Z'));
    expect(first).toMatchObject({ shops: 5, cases: 200 });
    expect(await seedDemoData(database.url)).toBeNull();

    const { rows: stages } = await client.query<{ stage: string }>(`SELECT DISTINCT stage FROM support_case`);
    expect(stages.map((row) => row.stage).sort()).toEqual([...STAGES].sort());
    const { rows } = await client.query<{ cases: number; triaged: number; platforms: number }>(
      `SELECT count(*)::int AS cases, count(triage)::int AS triaged, count(DISTINCT platform)::int AS platforms
       FROM support_case`,
    );
    expect(rows[0]).toEqual({ cases: 200, triaged: 200, platforms: 5 });
  }, 120_000);
});
