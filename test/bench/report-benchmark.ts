/**
 * `npm run bench:report`: the monthly report, its aggregates, the queue and its counters on the
 * 1,000,000-case history of `npm run seed:large` (seeded first if .data/large-pg is empty).
 *
 * - The whole report over HTTP as a lead of all 20 shops: p50 / p90 of 30 runs (target p50 < 300 ms).
 * - Each aggregate as the app runs it (MonthlyReportRepository, through TypeORM) against the same
 *   question asked by straightforward hand-written SQL on a bare `pg` client, in the same run
 *   (target: no aggregate worse than 3× its hand-written equivalent).
 * - The queue page (50 cases) and the queue counters over HTTP for an agent and for the lead
 *   (targets < 20 ms and < 10 ms).
 * Figures are printed and written to test-artifacts/bench-report.json.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

import { createApp, MonthlyReportRepository } from '@chaping/api/testing';
import { monthRange, previousMonth, ROOT_CAUSES, type ReportMonth } from '@chaping/domain';

import { signIn } from '../support/app-process';
import { LARGE_PASSWORD, openLargeDatabase } from './large-database';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function time(runs: number, task: () => Promise<unknown>): Promise<{ p50: number; p90: number }> {
  for (let warm = 0; warm < 3; warm++) await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p90: percentile(samples, 90) };
}

async function main(): Promise<void> {
  const database = await openLargeDatabase();
  const spool = await mkdtemp(path.join(os.tmpdir(), 'chaping-bench-report-'));
  const app = await createApp({ databaseUrl: database.url, importSpoolDir: spool });
  const raw = new Client({ connectionString: database.url });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    await raw.connect();
    const lead = await signIn(baseUrl, 'lead', LARGE_PASSWORD);
    const agent = await signIn(baseUrl, 'agent1-1', LARGE_PASSWORD);
    const get = (cookie: string) => async (url: string) => {
      const response = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<unknown>;
    };
    const asLead = get(lead);
    const asAgent = get(agent);

    const [{ newest }] = (await raw.query(`SELECT max(reviewed_at) AS newest FROM support_case`)).rows;
    const month = previousMonth(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
        .format(newest)
        .slice(0, 7) as ReportMonth,
    );
    const range = monthRange(month);
    const [{ total, in_month: inMonth }] = (
      await raw.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE reviewed_at >= $1 AND reviewed_at < $2)::int AS in_month FROM support_case`,
        [range.start, range.end],
      )
    ).rows;
    const shopIds: string[] = (await raw.query(`SELECT id FROM shop ORDER BY id`)).rows.map((row) => row.id);
    console.log(`\n${total.toLocaleString('en')} cases; report month ${month} holds ${inMonth.toLocaleString('en')}\n`);

    const report = await time(RUNS, () => asLead(`/api/reports/monthly?month=${month}`));

    // Each aggregate as the app runs it, and the same question in plain SQL on a bare client.
    const repository = app.get(MonthlyReportRepository);
    const slice = { shopIds, platforms: [], start: range.start, end: range.end };
    const bounds = [range.start, range.end, shopIds];
    const hand =
      (sql: string, params: unknown[] = bounds) =>
      () =>
        raw.query(sql, params);
    const aggregates: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      [
        'causes and sub-causes',
        () => repository.causeCounts(slice),
        hand(`SELECT report_cause, report_sub_cause, count(*)
                FROM support_case WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3) GROUP BY 1, 2`),
      ],
      [
        'top products',
        () => repository.topProducts(slice, range.start),
        hand(`SELECT p.id, p.title, t.complaints, o.orders FROM (
                SELECT product_id, count(*) AS complaints FROM support_case
                 WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3)
                 GROUP BY product_id ORDER BY complaints DESC LIMIT 10) t
                JOIN product p ON p.id = t.product_id
                LEFT JOIN product_month_orders o ON o.product_id = p.id AND o.month = ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`),
      ],
      [
        'top SKUs',
        () => repository.topSkus(slice),
        hand(`SELECT product_id, sku_name, count(*) AS complaints FROM support_case
               WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3) AND sku_name IS NOT NULL
               GROUP BY 1, 2 ORDER BY complaints DESC LIMIT 10`),
      ],
      [
        'outcomes',
        () => repository.outcomes(slice),
        hand(`SELECT report_outcome, count(*) FROM support_case
               WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3) GROUP BY 1`),
      ],
      [
        'compensation by type',
        () => repository.compensationSpent(slice),
        hand(`SELECT type, count(*), sum(amount_fen) FROM compensation
               WHERE status IN ('approved', 'paid') AND proposed_at >= $1 AND proposed_at < $2 AND shop_id = ANY($3) GROUP BY type`),
      ],
      [
        'first contact median/p90',
        () => repository.firstContactHours(slice),
        hand(`SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - reviewed_at))
                FROM support_case WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3) AND first_contact_at IS NOT NULL`),
      ],
      [
        'quotes per cause',
        () => repository.quotes(slice, ROOT_CAUSES),
        hand(`SELECT q.report_cause, r.text FROM (
                SELECT report_cause, review_id, row_number() OVER (PARTITION BY report_cause ORDER BY reviewed_at DESC) AS n
                  FROM support_case WHERE reviewed_at >= $1 AND reviewed_at < $2 AND shop_id = ANY($3)) q
                JOIN review r ON r.id = q.review_id WHERE q.n <= 3`),
      ],
    ];
    const rows: Array<{ aggregate: string; app: number; hand: number; ratio: number }> = [];
    for (const [name, ours, theirs] of aggregates) {
      const mine = await time(RUNS, ours);
      const baseline = await time(RUNS, theirs);
      rows.push({ aggregate: name, app: mine.p50, hand: baseline.p50, ratio: mine.p50 / baseline.p50 });
    }

    const queueAgent = await time(RUNS, () => asAgent('/api/cases?limit=50'));
    const queueLead = await time(RUNS, () => asLead('/api/cases?limit=50'));
    const countsAgent = await time(RUNS, () => asAgent('/api/cases/counts'));
    const countsLead = await time(RUNS, () => asLead('/api/cases/counts'));
    const dashboard = await time(RUNS, () => asLead('/api/dashboard'));
    const kpis = await time(RUNS, () =>
      asLead(`/api/kpis?from=${month}-01&to=${new Date(range.end.getTime() - 1).toISOString().slice(0, 10)}`),
    );

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `Monthly report over HTTP (lead, 20 shops): p50 ${ms(report.p50)}, p90 ${ms(report.p90)}  [target p50 < 300 ms]`,
    );
    console.log('\nAggregate                     app p50    hand-written p50   ratio  [target ≤ 3×]');
    for (const row of rows)
      console.log(
        `${row.aggregate.padEnd(28)} ${ms(row.app).padStart(9)} ${ms(row.hand).padStart(14)} ${row.ratio.toFixed(2).padStart(10)}×`,
      );
    console.log(`\nQueue page (50): agent p50 ${ms(queueAgent.p50)}, lead p50 ${ms(queueLead.p50)}  [target < 20 ms]`);
    console.log(`Queue counters:  agent p50 ${ms(countsAgent.p50)}, lead p50 ${ms(countsLead.p50)}  [target < 10 ms]`);
    console.log(`Team dashboard p50 ${ms(dashboard.p50)}; agent KPIs for the month p50 ${ms(kpis.p50)}\n`);

    const out = path.resolve(__dirname, '../../test-artifacts');
    await mkdir(out, { recursive: true });
    await writeFile(
      path.join(out, 'bench-report.json'),
      JSON.stringify(
        {
          cases: total,
          month,
          casesInMonth: inMonth,
          runs: RUNS,
          report,
          aggregates: rows,
          queueAgent,
          queueLead,
          countsAgent,
          countsLead,
          dashboard,
          kpis,
        },
        null,
        2,
      ),
    );
  } finally {
    await raw.end().catch(() => undefined);
    await app.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
