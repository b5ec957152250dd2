import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import os from 'node:os';

import { DEFAULT_IMPORT_LIMITS } from '@chaping/api/testing';

import { waitForJob, type ImportResult } from '../support/imports';
import { TestApp } from '../support/test-app';
import { bombXlsx, inlineRow, reviewRow, sharedStrings, type Stretch } from '../support/xlsx-bombs';

interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, number>;
}

const MB = 1024 * 1024;

/** Small limits, so that each bomb is built and refused in milliseconds; the defaults are tested at the end. */
const LIMITS = {
  maxExpandedBytes: 4 * MB,
  maxCompressionRatio: 100,
  maxRows: 300,
  maxColumns: 50,
  maxSharedStrings: 2_000,
  maxSharedStringBytes: 1 * MB,
};

/** Rows that pack about 10:1 (ids differ), `bytes` long in all. */
const manyRows = (bytes: number): Stretch[] => {
  const rows: string[] = [];
  let size = 0;
  for (let n = 2; size < bytes; n++) {
    const row = reviewRow(n);
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return [{ data: rows.join('') }];
};

/** Temp files exceljs's own unzipping leaves behind (`tmp-<pid>-…`), to see that none appear. */
const tempFiles = async () => (await readdir(os.tmpdir())).filter((name) => /^tmp-\d+-/.test(name)).sort();

describe('XLSX bombs and oversized spreadsheets', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z', { importLimits: LIMITS });
  });
  afterAll(() => app.stop());

  const counts = async () => {
    const [row] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM import_job) AS jobs, (SELECT count(*)::int FROM review) AS reviews,
              (SELECT count(*)::int FROM import_file_chunk) AS chunks`,
    );
    return row as { jobs: number; reviews: number; chunks: number };
  };

  // Refused at upload: nothing is unpacked past the limit, no job is created.
  it.each([
    {
      name: 'unpacks to more than the total',
      file: () => bombXlsx({ rows: manyRows(5 * MB) }),
      code: 'import.file_too_large_expanded',
      details: { maxExpandedMegabytes: 4, maxCompressionRatio: 100 },
    },
    {
      name: 'packs one part more than 100:1 (a zip bomb)',
      file: () => bombXlsx({ rows: [{ data: ' '.repeat(MB), times: 3 }] }),
      code: 'import.file_too_large_expanded',
      details: { maxExpandedMegabytes: 4, maxCompressionRatio: 100 },
    },
    {
      name: 'unpacks to more than its header declares',
      file: () => bombXlsx({ rows: [{ data: ' '.repeat(MB), times: 3 }], declaredSize: 1000 }),
      code: 'import.file_too_large_expanded',
      details: { maxExpandedMegabytes: 4, maxCompressionRatio: 100 },
    },
    {
      name: 'has a header row wider than the column limit',
      file: () =>
        bombXlsx({
          headerExtra: [
            {
              data: inlineRow(
                Array.from({ length: 60 }, (_, n) => `列${n}`),
                1,
              ),
            },
          ],
        }),
      code: 'import.too_many_columns',
      details: { maxColumns: 50 },
    },
    {
      name: 'has a row of 100,000 empty cells',
      file: () => bombXlsx({ headerExtra: [{ data: '<c r="E1"/>', times: 100_000 }] }),
      code: 'import.too_many_columns',
      details: { maxColumns: 50 },
    },
    {
      name: 'has a cell in the last column (XFD)',
      file: () => bombXlsx({ headerExtra: [{ data: '<c r="XFD1" t="inlineStr"><is><t>备注</t></is></c>' }] }),
      code: 'import.too_many_columns',
      details: { maxColumns: 50 },
    },
    {
      name: 'shares more texts than the limit',
      file: () => bombXlsx({ extraParts: [sharedStrings(3_000)] }),
      code: 'import.too_many_strings',
      details: { maxStrings: 2_000, maxStringMegabytes: 1 },
    },
    {
      name: 'shares more bytes of text than the limit',
      file: () => bombXlsx({ extraParts: [sharedStrings(120_000, { repetitive: true })] }),
      code: 'import.too_many_strings',
      details: { maxStrings: 2_000, maxStringMegabytes: 1 },
    },
    {
      name: 'has one cell of 1.5 MB',
      file: () =>
        bombXlsx({
          headerExtra: [
            { data: `<c r="E1" t="inlineStr"><is><t>${randomBytes(1.1 * MB).toString('base64')}</t></is></c>` },
          ],
        }),
      code: 'import.cell_too_long',
      details: { maxCellKilobytes: 1024 },
    },
  ])('refuses a file that $name with 413 and the limit, and keeps nothing', async ({ file, code, details }) => {
    const tempBefore = await tempFiles();
    const response = await app.upload<ErrorBody>(`/api/imports?shopId=${app.shops.taobao.id}`, 'bomb.xlsx', file());

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code, details });
    // The limit in words, in the language asked for (zh-CN by default).
    for (const value of Object.values(details)) expect(response.body.message).toContain(String(value));
    expect(await counts()).toEqual({ jobs: 0, reviews: 0, chunks: 0 });
    expect(await readdir(app.importSpoolDir)).toEqual([]);
    expect(await tempFiles()).toEqual(tempBefore);
  });

  it('fails the job of a file with more rows than the limit, says why, and keeps no file', async () => {
    const tempBefore = await tempFiles();
    const rows = Array.from({ length: 400 }, (_, n) => reviewRow(n + 2)).join('');
    const response = await app.upload<ImportResult>(
      `/api/imports?shopId=${app.shops.taobao.id}`,
      'long.xlsx',
      bombXlsx({ rows: [{ data: rows }] }),
    );
    expect(response.status).toBe(202);

    const job = await waitForJob(app, response.body.id);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('import.too_many_rows {"maxRows":300}');
    // The limit is met before the first batch of 500 rows is written.
    expect(job.imported).toBe(0);
    expect(await counts()).toMatchObject({ reviews: 0, chunks: 0 });
    expect(await readdir(app.importSpoolDir)).toEqual([]);
    expect(await tempFiles()).toEqual(tempBefore);
    await app.dataSource.query(`DELETE FROM import_job`);
  });

  describe('with the default limits', () => {
    let defaults: TestApp;
    beforeAll(async () => {
      defaults = await TestApp.start('2026-03-10T02:00:00Z');
    });
    afterAll(() => defaults.stop());

    // The two files of the report: each was accepted and left the process 0.5–1.7 GB larger.
    it.each([
      {
        name: 'a 1 MB file that unpacks to 1 GB',
        file: () => bombXlsx({ rows: [{ data: Buffer.alloc(MB, 0x20), times: 1024 }] }),
        code: 'import.file_too_large_expanded',
      },
      {
        name: 'a file of 9 million shared texts',
        file: () => bombXlsx({ extraParts: [sharedStrings(9_000_000, { repetitive: true })] }),
        code: 'import.too_many_strings',
      },
      {
        name: 'a file of 9 million shared texts whose header says 1 MB',
        file: () => bombXlsx({ extraParts: [{ ...sharedStrings(9_000_000, { repetitive: true }), declaredSize: MB }] }),
        code: 'import.file_too_large_expanded',
      },
      {
        name: 'a file of 600,000 shared texts',
        file: () => bombXlsx({ extraParts: [sharedStrings(600_000)] }),
        code: 'import.too_many_strings',
      },
    ])('refuses $name at once, with memory flat', async ({ file, code }) => {
      const bomb = file();
      expect(bomb.length).toBeLessThan(5 * MB);
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();

      const response = await defaults.upload<ErrorBody>(
        `/api/imports?shopId=${defaults.shops.jd.id}`,
        'bomb.xlsx',
        bomb,
      );

      expect(response.status).toBe(413);
      expect(response.body.code).toBe(code);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The upload itself is held once or twice in this process (test and server share it).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * MB);
      expect(await readdir(defaults.importSpoolDir)).toEqual([]);
    });

    it('states the defaults that SECURITY.md gives', () => {
      expect(DEFAULT_IMPORT_LIMITS).toEqual({
        maxExpandedBytes: 500 * MB,
        maxCompressionRatio: 100,
        maxRows: 1_000_000,
        maxColumns: 200,
        maxSharedStrings: 500_000,
        maxSharedStringBytes: 64 * MB,
      });
    });
  });
});
