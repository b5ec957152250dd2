import { stringify } from 'csv-stringify/sync';

import type { TestApp } from './test-app';

/** An import job as `GET /api/imports/{id}` answers it. */
export interface ImportResult {
  id: string;
  status: string;
  error: string | null;
  rowsRead: number;
  imported: number;
  updated: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  rejections?: Array<{ row: number; field: string; reason: string; value: string | null }>;
}

/** Polls a job (on the given instance) as the web does, until it is done or failed. */
export async function waitForJob(app: TestApp, jobId: string): Promise<ImportResult> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { body } = await app.get<ImportResult>(`/api/imports/${jobId}`);
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Import ${jobId} did not finish`);
}

/** A review export as a seller back-office writes it: Chinese headers, Beijing time, star ratings. */
export function exportCsv(rows: Array<{ id: string; text: string }>, firstOrder = 1): Buffer {
  return Buffer.from(
    stringify(
      rows.map((row, index) => ({
        评价ID: row.id,
        订单号: String(4_100_000_000_000_000_000n + BigInt(firstOrder + index)),
        商品ID: '600123456789',
        商品名称: '示例商品',
        买家昵称: `买家${index % 50}`,
        评价等级: index % 5 === 0 ? '中评' : '差评',
        评价内容: row.text,
        评价时间: `2026-03-0${1 + (index % 9)} 1${index % 10}:2${index % 6}:00`,
      })),
      { header: true, bom: true },
    ),
  );
}
