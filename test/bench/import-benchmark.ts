/**
 * Import throughput and memory: builds a CSV export of N reviews (default 100,000) from the real
 * review texts in ../shared/data, uploads it over HTTP to the real app on an embedded PostgreSQL,
 * polls the job like the web does, and prints rows per second and the server's memory while it
 * runs. Then uploads the same file again (every row a duplicate) and times that too.
 *
 *   npm run bench:import            # 100,000 rows
 *   npm run bench:import -- 20000   # another size
 */
import { createWriteStream, openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

import { createApp } from '@chaping/api/testing';

import { sampleReviews } from '../support/shared-data';
import { signIn, startBenchDatabase } from './bench-database';

const rowCount = Number(process.argv[2] ?? 100_000);
let session = '';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function writeExport(file: string): Promise<void> {
  const texts = sampleReviews().map((review) => review.text);
  const csv = stringify({
    header: true,
    bom: true,
    columns: ['评价ID', '订单号', '买家昵称', '评价等级', '评价内容', '评价时间'],
  });
  const out = csv.pipe(createWriteStream(file));
  for (let index = 0; index < rowCount; index++) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const ok = csv.write([
      `bench-${index}`,
      String(5_000_000_000_000_000_000n + BigInt(index)),
      `买家${index % 20_000}`,
      index % 7 === 0 ? '中评' : '差评',
      texts[index % texts.length],
      `2026-10-${day} ${String(index % 24).padStart(2, '0')}:15:00`,
    ]);
    if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await finished(out);
}

interface Job {
  id: string;
  status: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

async function runImport(baseUrl: string, shopId: string, file: string, label: string) {
  const form = new FormData();
  form.append('file', await openAsBlob(file), 'bench.csv');
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}/api/imports?shopId=${shopId}`, {
    method: 'POST',
    headers: { cookie: session },
    body: form,
  });
  let job = (await response.json()) as Job;
  if (response.status !== 202) throw new Error(`Upload refused: ${JSON.stringify(job)}`);
  const uploadedMs = performance.now() - startedAt;
  const rss: number[] = [];
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rss.push(process.memoryUsage().rss);
    job = (await (await fetch(`${baseUrl}/api/imports/${job.id}`, { headers: { cookie: session } })).json()) as Job;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const sorted = [...rss].sort((a, b) => a - b);
  return {
    label,
    job,
    seconds,
    uploadedMs,
    rowsPerSecond: job.rowsRead / seconds,
    rssMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
    rssPeak: sorted[sorted.length - 1] ?? 0,
  };
}

async function main(): Promise<void> {
  const database = await startBenchDatabase('import', 'tmall', ['bench-agent', 'bench-agent-2', 'bench-agent-3']);
  const file = path.join(database.workDir, 'reviews.csv');
  process.stdout.write(`Writing a CSV export of ${rowCount.toLocaleString()} reviews… `);
  await writeExport(file);
  console.log(mb((await stat(file)).size));
  try {
    const { shop } = database;
    const app = await createApp({ databaseUrl: database.url, importSpoolDir: path.join(database.workDir, 'spool') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    session = await signIn(baseUrl, 'bench-agent');
    const rssBefore = process.memoryUsage().rss;

    const first = await runImport(baseUrl, shop.id, file, 'new reviews (triage, assignment, case + event)');
    const again = await runImport(baseUrl, shop.id, file, 'same file again (all duplicates)');
    await app.close();

    console.log(
      `\nImport of ${rowCount.toLocaleString()} rows on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}`,
    );
    console.log('| run | rows | imported | duplicates | rejected | seconds | rows/s | server RSS median | RSS peak |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const run of [first, again]) {
      console.log(
        `| ${run.label} | ${run.job.rowsRead} | ${run.job.imported} | ${run.job.duplicates} | ${run.job.rejected} | ` +
          `${run.seconds.toFixed(1)} | ${Math.round(run.rowsPerSecond).toLocaleString()} | ${mb(run.rssMedian)} | ${mb(run.rssPeak)} |`,
      );
    }
    console.log(
      `RSS before the first upload: ${mb(rssBefore)} (the app, the client and the polling loop share the process)`,
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
