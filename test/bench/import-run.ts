import { createWriteStream, openAsBlob } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

import { sampleReviews } from '../support/shared-data';

/** Writes a CSV export of `rowCount` reviews as a seller back-office would, from the real review texts. */
export async function writeExport(file: string, rowCount: number): Promise<void> {
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

export interface Job {
  id: string;
  status: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** Uploads the file over HTTP and polls its job as the web does; the server's RSS is sampled meanwhile. */
export async function runImport(baseUrl: string, session: string, shopId: string, file: string, label: string) {
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
