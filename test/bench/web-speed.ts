/**
 * Web speed, measured in Debian's Chromium against the built app:
 *  1. the JavaScript the first page needs (entry chunk and what it imports statically), gzipped;
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

import { createApp, openCase } from '@chaping/api/testing';
import { DEFAULT_POLICY } from '@chaping/domain';

import { launchBrowser } from '../support/browser';
import { BENCH_PASSWORD, startBenchDatabase } from './bench-database';

const WEB_DIST = path.resolve(__dirname, '..', '..', 'apps', 'web', 'dist');
const EVENTS = 200;
const RUNS = 7;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The entry script of index.html and every chunk it imports statically, transitively. */
function initialChunks(): Array<{ file: string; gzip: number }> {
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('No entry script in apps/web/dist/index.html: run `npx nx run web:build`');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(WEB_DIST, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); dynamic import() loads later.
    for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(path.join('assets', match[1] ?? ''));
    }
  };
  visit(entry);
  return [...seen].map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(WEB_DIST, file))).length }));
}

async function main(): Promise<void> {
  const chunks = initialChunks();
  const initial = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const all = readdirSync(path.join(WEB_DIST, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(WEB_DIST, 'assets', file))).length }));

  const database = await startBenchDatabase('web', 'jd', ['bench']);
  const browser = await launchBrowser();
  try {
    const { shop, dataSource } = database;
    const agent = database.agents[0];
    if (!agent) throw new Error('no bench agent');
    const caseId = await dataSource.transaction((manager) =>
      openCase(
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
    console.log(`| initial JavaScript (gzip), ${chunks.length} chunks | ${kb(initial)} |`);
    console.log(
      `| all JavaScript (gzip), ${all.length} chunks | ${kb(all.reduce((sum, chunk) => sum + chunk.gzip, 0))} |`,
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
