import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { UnprocessableError } from '../../common/errors/app-errors';
import type { RawValue } from './incoming-review';

export type TableKind = 'csv' | 'xlsx';

export interface TableRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  readonly rowNumber: number;
  readonly cells: readonly RawValue[];
}

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

async function* readCsv(path: string): AsyncGenerator<TableRow> {
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
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw new UnprocessableError('import.unreadable_file', {
      rowNumber: rowNumber + 1,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

const cellValue = (value: ExcelJS.CellValue): RawValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  }
  return String(value);
};

/** Streams the first worksheet; shared strings are resolved by the reader, rows are never all held. */
async function* readXlsx(path: string): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        // exceljs rows are 1-based: values[0] is always empty.
        yield { rowNumber: row.number, cells: values.slice(1).map(cellValue) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof UnprocessableError) throw error;
    throw new UnprocessableError('import.unreadable_file', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

export function readTable(path: string, kind: TableKind): AsyncGenerator<TableRow> {
  return kind === 'xlsx' ? readXlsx(path) : readCsv(path);
}
