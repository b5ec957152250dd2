import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';

import { ImportLimitError, UnprocessableError } from '../../common/errors/app-errors';
import type { ImportLimits } from './import-limits';
import { readXlsx, type SheetRow } from './xlsx-reader';

export type TableKind = 'csv' | 'xlsx';

/** A row as a spreadsheet numbers it (the header is row 1) with its cells. */
export type TableRow = SheetRow;

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const SNIFF_BYTES = 64 * 1024;

/** XLSX files are zip archives; everything else is treated as CSV text. */
export async function sniffTableKind(path: string): Promise<TableKind> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * Chinese back-offices export CSV in UTF-8 (often with a BOM) or GBK for Excel. The start of the
 * file decides: if it is not valid UTF-8 it is read as GB18030 (a superset of GBK).
 */
async function csvEncoding(path: string): Promise<'utf8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    let sample = buffer.subarray(0, bytesRead);
    // Do not judge a multi-byte character cut at the end of the sample.
    if (bytesRead === SNIFF_BYTES) sample = sample.subarray(0, Math.max(0, sample.lastIndexOf(0x0a)));
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
      return 'utf8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

async function* readCsv(path: string, limits: ImportLimits): AsyncGenerator<TableRow> {
  const encoding = await csvEncoding(path);
  const source: NodeJS.ReadableStream =
    encoding === 'utf8' ? createReadStream(path) : createReadStream(path).pipe(iconv.decodeStream('gb18030'));
  const parser = source.pipe(
    parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: 64 * 1024 }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (rowNumber > limits.maxRows) throw new ImportLimitError('import.too_many_rows', { maxRows: limits.maxRows });
      if (record.length > limits.maxColumns) {
        throw new ImportLimitError('import.too_many_columns', { maxColumns: limits.maxColumns });
      }
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    throw new UnprocessableError('import.unreadable_file', {
      rowNumber: rowNumber + 1,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The file's rows, header first, within the import limits (see import-limits.ts). */
export function readTable(path: string, kind: TableKind, limits: ImportLimits): AsyncGenerator<TableRow> {
  return kind === 'xlsx' ? readXlsx(path, limits) : readCsv(path, limits);
}
