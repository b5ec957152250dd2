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

    // 活动准备 has something to show: a campaign five days ahead, one promotion signed off four times, one
    // waiting with its trap, and a published quiz.
    const { rows: campaigns } = await client.query<{ name: string; starts_at: Date; hours: number }>(
      `SELECT name, starts_at, jsonb_array_length(expected_orders) AS hours FROM campaign`,
    );
    expect(campaigns).toEqual([{ name: '双12 年终好价节', starts_at: new Date('2026-11-28T12:00:00Z'), hours: 30 }]);
    const { rows: promotions } = await client.query<{ title: string; steps: string[] }>(
      `SELECT title, ARRAY(SELECT s->>'step' FROM jsonb_array_elements(sign_offs) s) AS steps
         FROM campaign_promotion ORDER BY jsonb_array_length(sign_offs) DESC`,
    );
    expect(promotions).toEqual([
      { title: '满300减50', steps: ['setter', 'self_review', 'teammate', 'experience'] },
      { title: '前100名送杯套', steps: [] },
    ]);
    const { rows: quizzes } = await client.query(
      `SELECT jsonb_array_length(questions) AS questions, published_at IS NOT NULL AS published FROM campaign_quiz`,
    );
    expect(quizzes).toEqual([{ questions: 3, published: true }]);
  }, 120_000);
});
