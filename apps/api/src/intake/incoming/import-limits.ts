/**
 * How much one uploaded file may hold once unpacked and read. An XLSX is a zip archive: a 1 MB
 * upload can unpack to gigabytes, or hold millions of tiny texts that all stay in memory, so the
 * upload size alone bounds nothing. Defaults are in DEFAULT_IMPORT_LIMITS; an app option changes
 * them (tests use small ones).
 */
export interface ImportLimits {
  /** Bytes all the parts of an XLSX may unpack to together (headers are checked, then the bytes counted). */
  readonly maxExpandedBytes: number;
  /** How many times its packed size a part larger than 1 MB may unpack to (zip bombs reach 1,000×). */
  readonly maxCompressionRatio: number;
  /** Rows of the sheet or CSV, the header included. */
  readonly maxRows: number;
  /** Columns of any row. */
  readonly maxColumns: number;
  /** Distinct texts an XLSX may share between its cells (all held in memory while the sheet is read). */
  readonly maxSharedStrings: number;
  /** Bytes the shared texts' part may unpack to. */
  readonly maxSharedStringBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  // A 100,000-row review export unpacks to about 60 MB: this leaves room for ~800,000 rows.
  maxExpandedBytes: 500 * MB,
  maxCompressionRatio: 100,
  // Excel itself stops at 1,048,576 rows and 16,384 columns; review exports have 10–40 columns.
  maxRows: 1_000_000,
  maxColumns: 200,
  maxSharedStrings: 500_000,
  maxSharedStringBytes: 64 * MB,
};

/** The longest run of bytes between two XML tags: one cell's text, or a tag's attributes. */
export const MAX_TEXT_RUN_BYTES = 1 * MB;

export const toMegabytes = (bytes: number): number => Math.round((bytes / MB) * 100) / 100;
