import { Client } from 'pg';

import { hashPassword, seedLargeData } from '@chaping/api/testing';
import { REPORT_OUTCOMES, reportOutcome } from '@chaping/domain';

import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectQueueCountsToMatchCases } from '../support/queue-counts';

/**
 * The generator behind `npm run seed:large` and the benchmarks, at a small size: the data it writes
 * must be what the app itself would have stored, or the benchmark figures measure a fiction.
 */
describe('the large-history generator', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedLargeData(database.url, {
      cases: 3_000,
      months: 3,
      shops: 2,
      productsPerShop: 20,
      buyersPerShop: 500,
      agentsPerShop: 2,
      now: new Date('2026-11-20T00:00:00Z'),
      textsByCause: { product_quality: ['杯盖漏水，质量太差'] },
      passwordHash: await hashPassword('seed password 1'),
    });
    client = new Client({ connectionString: database.url });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('writes the cases asked for, each under the report outcome the domain gives its facts', async () => {
    const cases: Array<{
      review_outcome: string | null;
      appeal_won: boolean;
      reply_published: boolean;
      report_outcome: string;
    }> = (
      await client.query(
        `SELECT c.review_outcome, c.report_outcome,
                EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.result = 'won') AS appeal_won,
                EXISTS (SELECT 1 FROM public_reply r WHERE r.case_id = c.id AND r.status = 'published') AS reply_published
           FROM support_case c`,
      )
    ).rows;
    expect(cases).toHaveLength(3_000);
    const wrong = cases.filter(
      (row) =>
        row.report_outcome !==
        reportOutcome({
          reviewOutcome: row.review_outcome,
          appealWon: row.appeal_won,
          replyPublished: row.reply_published,
        }),
    );
    expect(wrong).toEqual([]);
    expect(new Set(cases.map((row) => row.report_outcome))).toEqual(new Set(REPORT_OUTCOMES));
  });

  it('leaves the queue counters equal to the cases (the triggers saw every insert)', async () => {
    await expectQueueCountsToMatchCases(async (sql) => (await client.query(sql)).rows);
  });
});
