/**
 * `npm run bench`: the API under load against the raw ceiling, on the embedded PostgreSQL with the
 * 1M-case history of `npm run seed:large` (seeded first when missing).
 *
 * The run works on a copy of that database (CREATE DATABASE … TEMPLATE), so the transitions it
 * makes never wear the history down. The app (`node apps/api/dist/main.js`) and the ceiling — a
 * bare Node HTTP server doing the same primary-key and keyset queries with `pg` (bare-server.mjs) —
 * each run in a process of their own; autocannon drives them from this one, 50 connections,
 * 10 s after a 3 s warm-up. Then a CSV import is timed for its rows per second.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';

import { isTickedByAction, SCRIPT_LIBRARY } from '@chaping/domain';

import { API_MAIN, signIn, startNodeProcess, stopNodeProcess } from '../support/app-process';
import { freePort } from '../support/free-port';
import { runImport, writeExport } from './import-run';
import { LARGE_PASSWORD, openLargeDatabase } from './large-database';

const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const IMPORT_ROWS = 20_000;
const REPO_ROOT = path.resolve(__dirname, '../..');

interface Measure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  ceiling?: string;
  ratio?: number;
  target?: string;
}

/** One autocannon run; `pick` gives each request its path (and body), in turn. */
async function load(
  name: string,
  baseUrl: string,
  options: {
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    pick: () => { path: string; body?: string };
    amount?: number;
    warmUp?: boolean;
  },
): Promise<Measure> {
  const run = (duration: number | undefined, amount?: number) =>
    autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      ...(amount ? { amount } : { duration }),
      headers: { ...options.headers, ...(options.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      method: options.method ?? 'GET',
      requests: [
        {
          setupRequest: (request) => {
            const next = options.pick();
            return { ...request, path: next.path, ...(next.body ? { body: next.body } : {}) };
          },
        },
      ],
    });
  if (options.warmUp !== false) await run(WARM_UP_SECONDS);
  const result = await run(SECONDS, options.amount);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const database = await openLargeDatabase();
  const adminUrl = database.url.replace(/\/[^/]*$/, '/postgres');
  const benchUrl = database.url.replace(/\/[^/]*$/, '/chaping_bench');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const children: ChildProcess[] = [];
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'chaping-bench-api-'));
  try {
    process.stdout.write('Copying the 1M-case database for this run… ');
    const copyStarted = performance.now();
    await admin.query('DROP DATABASE IF EXISTS chaping_bench');
    await admin.query('CREATE DATABASE chaping_bench TEMPLATE chaping STRATEGY FILE_COPY');
    console.log(`${((performance.now() - copyStarted) / 1000).toFixed(0)} s`);

    const raw = new Client({ connectionString: benchUrl });
    await raw.connect();
    const ids: string[] = (await raw.query(`SELECT id FROM support_case TABLESAMPLE SYSTEM (1) LIMIT 2000`)).rows.map(
      (row) => row.id,
    );
    const fresh: Array<{ id: string; version: number }> = (
      await raw.query(`SELECT id, version FROM support_case WHERE stage = 'new' ORDER BY urgency_at`)
    ).rows;
    const [{ shop_id: importShop }] = (await raw.query(`SELECT id AS shop_id FROM shop ORDER BY id LIMIT 1`)).rows;
    // The agents prepared these cases by their script, so the API's script gate lets them move on.
    for (const template of SCRIPT_LIBRARY.filter((candidate) => candidate.stage === 'new')) {
      for (const check of template.steps.flatMap((step) => step.checks).filter((item) => !isTickedByAction(item.id))) {
        await raw.query(
          `INSERT INTO case_script_tick (case_id, shop_id, script_id, script_version, check_id, ticked_by, ticked_at)
           SELECT c.id, c.shop_id, $1, $2, $3, (SELECT id FROM app_user ORDER BY id LIMIT 1), now()
             FROM support_case c WHERE c.stage = 'new' ON CONFLICT DO NOTHING`,
          [template.id, template.version, check.id],
        );
      }
    }
    await raw.end();

    const appPort = await freePort();
    const barePort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    children.push(
      await startNodeProcess(
        [API_MAIN],
        {
          DATABASE_URL: benchUrl,
          PORT: String(appPort),
          HOST: '127.0.0.1',
          SEED_DEMO_DATA: 'false',
          IMPORT_SPOOL_DIR: path.join(workDir, 'spool'),
          NODE_ENV: 'production',
        },
        `${appUrl}/api/health`,
      ),
    );
    children.push(
      await startNodeProcess(
        [path.join(__dirname, 'bare-server.mjs')],
        { DATABASE_URL: benchUrl, PORT: String(barePort) },
        `${bareUrl}/case?id=${ids[0]}`,
      ),
    );
    const cookie = await signIn(appUrl, 'lead', LARGE_PASSWORD);
    const headers = { cookie };
    let next = 0;
    const anyCase = () => ids[next++ % ids.length] as string;

    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per run after ${WARM_UP_SECONDS} s of warm-up\n`);
    const bareCase = await load('bare: case by primary key', bareUrl, {
      pick: () => ({ path: `/case?id=${anyCase()}` }),
    });
    const appCase = await load('GET /api/cases/:id (lead)', appUrl, {
      headers,
      pick: () => ({ path: `/api/cases/${anyCase()}` }),
    });
    const bareQueue = await load('bare: queue keyset page of 50', bareUrl, { pick: () => ({ path: '/queue' }) });
    const appQueue = await load('GET /api/cases?limit=50 (lead)', appUrl, {
      headers,
      pick: () => ({ path: '/api/cases?limit=50' }),
    });
    let transitioned = 0;
    const transitions = await load('POST /api/cases/:id/transitions', appUrl, {
      headers,
      method: 'POST',
      warmUp: false,
      amount: fresh.length,
      pick: () => {
        const target = fresh[transitioned++ % fresh.length] as { id: string; version: number };
        return {
          path: `/api/cases/${target.id}/transitions`,
          body: JSON.stringify({ expectedVersion: target.version, to: 'contacting' }),
        };
      },
    });

    appCase.ceiling = bareCase.name;
    appCase.ratio = appCase.requestsPerSecond / bareCase.requestsPerSecond;
    appCase.target = '≥ 40% of the ceiling, p99 ≤ 50 ms';
    appQueue.ceiling = bareQueue.name;
    appQueue.ratio = appQueue.requestsPerSecond / bareQueue.requestsPerSecond;
    appQueue.target = '≥ 45% of the ceiling, p99 ≤ 50 ms';
    transitions.target = `p99 ≤ 50 ms (${fresh.length.toLocaleString('en')} cases moved new → contacting)`;
    const measures = [bareCase, appCase, bareQueue, appQueue, transitions];

    const file = path.join(workDir, 'reviews.csv');
    await writeExport(file, IMPORT_ROWS);
    const imported = await runImport(appUrl, cookie, importShop, file, 'import');

    console.log('| endpoint | requests/s | p50 | p99 | errors + non-2xx | vs the ceiling | target |');
    console.log('|---|---:|---:|---:|---:|---:|---|');
    for (const measure of measures) {
      console.log(
        `| ${measure.name} | ${Math.round(measure.requestsPerSecond).toLocaleString('en')} | ${measure.p50} ms | ` +
          `${measure.p99} ms | ${measure.errors + measure.non2xx} | ` +
          `${measure.ratio === undefined ? '' : `${(measure.ratio * 100).toFixed(0)}%`} | ${measure.target ?? 'ceiling'} |`,
      );
    }
    console.log(
      `\nImport: ${imported.job.rowsRead.toLocaleString('en')} rows in ${imported.seconds.toFixed(1)} s = ` +
        `${Math.round(imported.rowsPerSecond).toLocaleString('en')} rows/s (${imported.job.imported.toLocaleString('en')} new cases)`,
    );
    console.log(
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, embedded PostgreSQL 18`,
    );

    const out = path.join(REPO_ROOT, 'test-artifacts');
    await mkdir(out, { recursive: true });
    await writeFile(
      path.join(out, 'bench-api.json'),
      JSON.stringify(
        {
          connections: CONNECTIONS,
          seconds: SECONDS,
          measures,
          // Rows and time only: runImport samples this process's memory, and the app runs in another.
          import: { rows: imported.job.rowsRead, seconds: imported.seconds, rowsPerSecond: imported.rowsPerSecond },
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.all(children.map((child) => stopNodeProcess(child)));
    await admin.query('DROP DATABASE IF EXISTS chaping_bench WITH (FORCE)').catch(() => undefined);
    await admin.end();
    await rm(workDir, { recursive: true, force: true });
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
