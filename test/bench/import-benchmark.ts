/**
 * Import throughput and memory: builds a CSV export of N reviews (default 100,000) from the real
 * review texts in ../shared/data, uploads it over HTTP to the real app on an embedded PostgreSQL,
 * polls the job like the web does, and prints rows per second and the server's memory while it
 * runs. Then uploads the same file again (every row a duplicate) and times that too.
 *
 *   npm run bench:import            # 100,000 rows
 *   npm run bench:import -- 20000   # another size
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createApp } from '@chaping/api/testing';

import { signIn } from '../support/app-process';
import { BENCH_PASSWORD, startBenchDatabase } from './bench-database';
import { runImport, writeExport } from './import-run';

const rowCount = Number(process.argv[2] ?? 100_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const database = await startBenchDatabase('import', 'tmall', ['bench-agent', 'bench-agent-2', 'bench-agent-3']);
  const file = path.join(database.workDir, 'reviews.csv');
  process.stdout.write(`Writing a CSV export of ${rowCount.toLocaleString()} reviews… `);
  await writeExport(file, rowCount);
  console.log(mb((await stat(file)).size));
  try {
    const { shop } = database;
    const app = await createApp({ databaseUrl: database.url, importSpoolDir: path.join(database.workDir, 'spool') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = await app.getUrl();
    const session = await signIn(baseUrl, 'bench-agent', BENCH_PASSWORD);
    const rssBefore = process.memoryUsage().rss;

    const first = await runImport(baseUrl, session, shop.id, file, 'new reviews (triage, assignment, case + event)');
    const again = await runImport(baseUrl, session, shop.id, file, 'same file again (all duplicates)');
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
