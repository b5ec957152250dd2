import path from 'node:path';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

import { ImportLimitError, UnprocessableError } from '../../common/errors/app-errors';
import { MAX_TEXT_RUN_BYTES, toMegabytes, type ImportLimits } from './import-limits';
import type { RawValue } from './incoming-review';

export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly RawValue[];
}

/** More parts than any spreadsheet has; the list of parts is read whole before anything else. */
const MAX_ENTRIES = 10_000;
/** Small parts are not judged by their ratio: short, repetitive XML packs 100× and more. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * exceljs 4.4's streaming reader, fed part by part. Its own parse() unzips in file order, so a
 * worksheet stored before the shared strings (as Excel stores it) is spilled to a temp file
 * that is only removed when the sheet is read to its end; reading the parts we need in the
 * order we need avoids temp files altogether.
 */
interface WorkbookReaderParts {
  options: { sharedStrings: 'cache' | 'emit' };
  sharedStrings?: unknown[];
  model?: { sheets?: Array<{ rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

const expandedTooLarge = (limits: ImportLimits) =>
  new ImportLimitError('import.file_too_large_expanded', {
    maxExpandedMegabytes: toMegabytes(limits.maxExpandedBytes),
    maxCompressionRatio: limits.maxCompressionRatio,
  });

const tooManyColumns = (limits: ImportLimits) =>
  new ImportLimitError('import.too_many_columns', { maxColumns: limits.maxColumns });

const tooManyStrings = (limits: ImportLimits) =>
  new ImportLimitError('import.too_many_strings', {
    maxStrings: limits.maxSharedStrings,
    maxStringMegabytes: toMegabytes(limits.maxSharedStringBytes),
  });

/**
 * Watches a part's XML as it is unpacked, before the parser builds anything from it: text
 * between two tags longer than MAX_TEXT_RUN_BYTES, a row with more cells (`<c>` tags) than
 * `maxCells`, or more shared texts (`<si>` tags) than `maxStrings`, stop the read — exceljs
 * would hold the whole text, row or list in memory first.
 */
class XmlShape {
  private run = 0;
  private cells = 0;
  private strings = 0;
  /** The tag name read so far after a `<`, while it may continue in the next chunk. */
  private name: string | null = null;

  constructor(private readonly max: { cells: number; strings: number }) {}

  check(chunk: Buffer, limits: ImportLimits): ImportLimitError | null {
    let at = 0;
    while (at < chunk.length) {
      if (this.name !== null) {
        const byte = chunk[at] as number;
        // A name ends at a space, `>` or `/`; four characters tell `c` and `row` from other tags.
        if (byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d) {
          const crossed = this.tag(this.name, limits);
          if (crossed) return crossed;
          this.name = null;
        } else if (this.name.length >= 4) {
          this.name = null;
        } else {
          this.name += String.fromCharCode(byte);
          at += 1;
        }
        continue;
      }
      const lt = chunk.indexOf(0x3c, at);
      this.run += (lt === -1 ? chunk.length : lt) - at;
      if (this.run > MAX_TEXT_RUN_BYTES) {
        return new ImportLimitError('import.cell_too_long', { maxCellKilobytes: MAX_TEXT_RUN_BYTES / 1024 });
      }
      if (lt === -1) break;
      this.run = 0;
      this.name = '';
      at = lt + 1;
    }
    return null;
  }

  private tag(name: string, limits: ImportLimits): ImportLimitError | null {
    if (name === 'row') this.cells = 0;
    else if (name === 'c') this.cells += 1;
    else if (name === 'si') this.strings += 1;
    if (this.cells > this.max.cells) return tooManyColumns(limits);
    return this.strings > this.max.strings ? tooManyStrings(limits) : null;
  }
}

/**
 * Counts the bytes a part really unpacks to — its header may lie — against its declared size
 * and what is left of the file's budget, and checks its XML shape.
 */
class UnpackGuard extends Transform {
  private seen = 0;

  constructor(
    private readonly entry: yauzl.Entry,
    private readonly budget: { remaining: number },
    private readonly shape: XmlShape,
    private readonly limits: ImportLimits,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    this.budget.remaining -= chunk.length;
    if (this.seen > this.entry.uncompressedSize || this.budget.remaining < 0) {
      done(expandedTooLarge(this.limits));
      return;
    }
    done(this.shape.check(chunk, this.limits), chunk);
  }
}

class Zip {
  private readonly streams: Readable[] = [];
  private readonly budget: { remaining: number };

  private constructor(
    private readonly file: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly limits: ImportLimits,
  ) {
    this.budget = { remaining: limits.maxExpandedBytes };
  }

  /** Reads the central directory (the list of parts and their sizes) and refuses a bomb before unpacking anything. */
  static async open(filePath: string, limits: ImportLimits): Promise<Zip> {
    const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      // Sizes are checked by UnpackGuard, which can say which limit was crossed.
      yauzl.open(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (error, zip) =>
        error || !zip ? reject(error) : resolve(zip),
      ),
    );
    try {
      if (file.entryCount > MAX_ENTRIES) {
        throw new UnprocessableError('import.unreadable_file', { reason: `more than ${MAX_ENTRIES} parts` });
      }
      const entries = new Map<string, yauzl.Entry>();
      await new Promise<void>((resolve, reject) => {
        file.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName, entry);
          file.readEntry();
        });
        file.once('end', resolve);
        file.once('error', reject);
        file.readEntry();
      });
      // The most telling limit first: a bomb of shared texts is also a zip bomb.
      const strings = entries.get(SHARED_STRINGS);
      if (strings && strings.uncompressedSize > limits.maxSharedStringBytes) throw tooManyStrings(limits);
      let declared = 0;
      for (const entry of entries.values()) {
        declared += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
          throw expandedTooLarge(limits);
        }
      }
      if (declared > limits.maxExpandedBytes) throw expandedTooLarge(limits);
      return new Zip(file, entries, limits);
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /** A part, unpacked as it is read; null when the archive has no such part. */
  async read(name: string, maxCellsPerRow = Number.POSITIVE_INFINITY): Promise<Readable | null> {
    return this.unpack(name, this.budget, new XmlShape({ cells: maxCellsPerRow, strings: Number.POSITIVE_INFINITY }));
  }

  /**
   * Counts the shared texts of a part before it is parsed, so that a list of too many is refused
   * without building it. The pass has a budget of its own: it unpacks what the parse unpacks again.
   */
  async countStrings(name: string): Promise<void> {
    const budget = { remaining: this.limits.maxExpandedBytes };
    const unpacked = await this.unpack(
      name,
      budget,
      new XmlShape({ cells: Number.POSITIVE_INFINITY, strings: this.limits.maxSharedStrings }),
    );
    if (unpacked) for await (const _chunk of unpacked);
  }

  private async unpack(name: string, budget: { remaining: number }, shape: XmlShape): Promise<Readable | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.file.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))),
    );
    const guarded = new UnpackGuard(entry, budget, shape, this.limits);
    // pipeline destroys both ends on error; the reader of `guarded` sees the error.
    pipeline(raw, guarded, () => undefined);
    this.streams.push(raw, guarded);
    return guarded;
  }

  close(): void {
    for (const stream of this.streams) stream.destroy();
    this.file.close();
  }
}

/** The first sheet as Excel shows it (the workbook's first tab), else the lowest-numbered one. */
function firstSheet(book: WorkbookReaderParts, entries: ReadonlyMap<string, yauzl.Entry>): string | null {
  const first = book.model?.sheets?.[0];
  const target = first && book.workbookRels?.find((rel) => rel.Id === first.rId)?.Target;
  if (target) {
    const name = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`);
    if (entries.has(name)) return name;
  }
  const sheets = [...entries.keys()]
    .map((name) => ({ name, number: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((sheet): sheet is { name: string; number: string } => sheet.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number));
  return sheets[0]?.name ?? null;
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

/**
 * Streams the first worksheet within the import limits: the archive's part list is checked
 * before anything is unpacked, every part's bytes are counted as they unpack, and the shared
 * texts (held in memory while the sheet is read) are counted as they are parsed. No temp files.
 */
export async function* readXlsx(filePath: string, limits: ImportLimits): AsyncGenerator<SheetRow> {
  let zip: Zip | null = null;
  try {
    zip = await Zip.open(filePath, limits);
    // The cast reaches the reader's part parsers (see WorkbookReaderParts): exceljs declares only parse().
    const book = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
      worksheets: 'emit',
      sharedStrings: 'emit',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    }) as unknown as WorkbookReaderParts;

    const rels = await zip.read('xl/_rels/workbook.xml.rels');
    if (rels) await book._parseRels(rels);
    const workbook = await zip.read('xl/workbook.xml');
    if (workbook) await book._parseWorkbook(workbook);
    // Dates are numbers with a date format: the styles tell which.
    const styles = await zip.read('xl/styles.xml');
    if (styles) await book._parseStyles(styles);
    await zip.countStrings(SHARED_STRINGS);
    const strings = await zip.read(SHARED_STRINGS);
    if (strings) {
      const shared: unknown[] = [];
      for await (const { text } of book._parseSharedStrings(strings)) {
        if (shared.length >= limits.maxSharedStrings) throw tooManyStrings(limits);
        shared.push(text);
      }
      book.sharedStrings = shared;
    }

    const sheetName = firstSheet(book, zip.entries);
    const sheet = sheetName ? await zip.read(sheetName, limits.maxColumns) : null;
    if (!sheetName || !sheet) throw new UnprocessableError('import.unreadable_file', { reason: 'no worksheet' });
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetName)?.[1] ?? '1';
    const [worksheet] = book._parseWorksheet(sheet, sheetNo);
    if (!worksheet) throw new UnprocessableError('import.unreadable_file', { reason: 'no worksheet' });
    for await (const row of worksheet.value) {
      if (row.number > limits.maxRows) throw new ImportLimitError('import.too_many_rows', { maxRows: limits.maxRows });
      const values = row.values as ExcelJS.CellValue[];
      // exceljs rows are 1-based: values[0] is always empty. A far column (XFD1) makes a long, sparse row.
      if (values.length - 1 > limits.maxColumns) throw tooManyColumns(limits);
      yield { rowNumber: row.number, cells: values.slice(1).map(cellValue) };
    }
  } catch (error) {
    if (error instanceof UnprocessableError || error instanceof ImportLimitError) throw error;
    throw new UnprocessableError('import.unreadable_file', {
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    zip?.close();
  }
}
