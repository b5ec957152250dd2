/**
 * Web speed, measured in Debian's Chromium against the built app:
 *  1. the JavaScript the first page needs (index.html's script, its preloads and their static imports),
 *     gzip -9 — the limit is INITIAL_JS_LIMIT_BYTES, checked by test/web/initial-javascript;
 *  2. how long the case view of a case with 200 events takes until the agent can act
 *     (navigation start → the script's check-offs on screen and enabled, the whole history rendered),
 *     median of runs.
 *
 *   npm run bench:web
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { CaseIntakeRepository, createApp } from '@chaping/api/testing';
import { DEFAULT_POLICY } from '@chaping/domain';

import { launchBrowser } from '../support/browser';
import { INITIAL_JS_LIMIT_BYTES, initialJavaScript } from '../support/web-bundle';
import { BENCH_PASSWORD, startBenchDatabase } from './bench-database';

const WEB_DIST = path.resolve(__dirname, '..', '..', 'apps', 'web', 'dist');
const EVENTS = 200;
const RUNS = 7;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  const chunks = initialJavaScript(WEB_DIST);
  const initial = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const all = readdirSync(path.join(WEB_DIST, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(WEB_DIST, 'assets', file)), { level: 9 }).length }));

  const database = await startBenchDatabase('web', 'jd', ['bench']);
  const browser = await launchBrowser();
  try {
    const { shop, dataSource } = database;
    const agent = database.agents[0];
    if (!agent) throw new Error('no bench agent');
    const caseId = await dataSource.transaction((manager) =>
      new CaseIntakeRepository().openCase(
        manager,
        {
          shopId: shop.id,
          platform: 'jd',
          buyer: { platformBuyerId: 'bench-buyer', nickname: '买家' },
          product: { platformProductId: '1', title: '保温杯' },
          order: { platformOrderId: '2', skuName: '白色' },
          review: {
            platformReviewId: 'bench-review',
            rating: 'negative',
            text: '保温杯漏水，杯盖拧不紧',
            reviewedAt: new Date(),
          },
          severity: 'medium',
          suggestedRootCause: 'product_quality',
          assigneeId: agent.id,
          source: 'bench',
        },
        DEFAULT_POLICY,
      ),
    );
    // A long history: 199 more events after case_opened (notes, as a busy case collects them).
    await dataSource.query(
      `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
       SELECT $1, $2, 1, 'triage_overridden', $3, now() - make_interval(mins => g), jsonb_build_object('field', 'severity', 'before', 'medium', 'after', 'medium', 'reason', '基准测试 ' || g)
       FROM generate_series(1, $4) AS g`,
      [caseId, shop.id, agent.id, EVENTS - 1],
    );
    const app = await createApp({
      databaseUrl: database.url,
      webDist: WEB_DIST,
      importSpoolDir: path.join(database.workDir, 'spool'),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名', { exact: true }).fill('bench');
    await page.getByLabel('密码', { exact: true }).fill(BENCH_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '工单队列' }).waitFor();

    const usable = async () => {
      await page.getByTestId('script-panel').getByRole('checkbox').first().and(page.locator(':enabled')).waitFor();
      await page
        .locator('.ant-timeline-item')
        .nth(EVENTS - 1)
        .waitFor({ state: 'attached' });
    };
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    // Cold: the case opened from a link (a new page load: code, sign-in check, case and policy).
    const cold: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`/cases/${caseId}`);
      await usable();
      cold.push(Date.now() - started);
    }
    // Warm: the agent clicks the case in the queue (the app is loaded; the case is fetched).
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('/');
      const link = page.locator('.ant-table-row').first().getByRole('link');
      await link.waitFor();
      const started = Date.now();
      await link.click();
      await usable();
      warm.push(Date.now() - started);
    }
    await app.close();

    console.log(`\nWeb speed on ${os.cpus().length} cores, Debian Chromium (headless), built app served by the API`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(
      `| initial JavaScript (gzip -9), ${chunks.length} chunks, limit ${kb(INITIAL_JS_LIMIT_BYTES)} | ${kb(initial)} |`,
    );
    console.log(
      `| all JavaScript (gzip -9), ${all.length} chunks | ${kb(all.reduce((sum, chunk) => sum + chunk.gzip, 0))} |`,
    );
    const range = (values: number[]) => `${median(values)} ms (${Math.min(...values)}–${Math.max(...values)} ms)`;
    console.log(
      `| case view with ${EVENTS} events, opened from the queue: click → usable (median, min–max of ${RUNS}) | ${range(warm)} |`,
    );
    console.log(
      `| case view with ${EVENTS} events, opened from a link: page load → usable (median, min–max of ${RUNS}) | ${range(cold)} |`,
    );
  } finally {
    await browser.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
