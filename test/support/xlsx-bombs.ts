import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * XLSX files built byte by byte for the import-limit tests: a zip holding the few parts an XLSX
 * reader needs, whose parts may unpack to far more than they weigh — or to more than their
 * headers say. No zip library writes lying headers, hence this small writer (tests only).
 */

/** A stretch of a part: `data` written `times` times over (default once). */
export interface Stretch {
  data: string | Buffer;
  times?: number;
}

export interface XlsxPart {
  name: string;
  stretches: Stretch[];
  /** The unpacked size the headers declare, when it should not be the real one. */
  declaredSize?: number;
}

interface PackedPart {
  name: Buffer;
  packed: Buffer;
  size: number;
  crc: number;
}

/**
 * Deflates a part stretch by stretch without ever holding it unpacked: each stretch is
 * compressed once, ending on a byte boundary with a fresh dictionary (Z_FULL_FLUSH), so its
 * compressed bytes can be repeated; an empty final block ends the stream.
 */
function pack(part: XlsxPart): PackedPart {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const stretch of part.stretches) {
    const data = Buffer.from(stretch.data);
    const block = deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });
    for (let time = 0; time < (stretch.times ?? 1); time++) {
      chunks.push(block);
      crc = crc32(data, crc);
    }
    size += data.length * (stretch.times ?? 1);
  }
  chunks.push(Buffer.from([0x03, 0x00]));
  return { name: Buffer.from(part.name), packed: Buffer.concat(chunks), size: part.declaredSize ?? size, crc };
}

/** A zip archive of deflated parts (no zip64: every part stays under 4 GB). */
export function zipOf(parts: XlsxPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts.map(pack)) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(part.crc >>> 0, 14);
    header.writeUInt32LE(part.packed.length, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(part.name.length, 26);
    local.push(header, part.name, part.packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.packed.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(part.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, part.name);
    offset += header.length + part.name.length + part.packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const HEADERS = ['评价ID', '评价等级', '评价内容', '评价时间'];

/** Column letters as cell references write them: 0 → A, 25 → Z, 26 → AA. */
const column = (index: number): string =>
  (index >= 26 ? column(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

const inlineCells = (cells: readonly string[], rowNumber: number): string =>
  cells.map((cell, index) => `<c r="${column(index)}${rowNumber}" t="inlineStr"><is><t>${cell}</t></is></c>`).join('');

/** A row of inline-string cells (no shared strings needed). */
export const inlineRow = (cells: readonly string[], rowNumber: number): string =>
  `<row r="${rowNumber}">${inlineCells(cells, rowNumber)}</row>`;

/** A valid review row: row `rowNumber` of the sheet, its review id unique. */
export const reviewRow = (rowNumber: number): string =>
  inlineRow([`bomb-${rowNumber}`, '差评', '质量很差，用了两天就坏了', '2026-03-01 10:00:00'], rowNumber);

export interface BombSheet {
  /** More of the header row, after its review headers (a bomb there is met at upload). */
  headerExtra?: Stretch[];
  /** The rows after the header (from row 2). */
  rows?: Stretch[];
  /** Parts to add (e.g. xl/sharedStrings.xml). */
  extraParts?: XlsxPart[];
  /** The sheet's declared unpacked size, when it should lie. */
  declaredSize?: number;
}

/** A minimal XLSX: workbook, its relationships and one sheet whose first row is a review header. */
export function bombXlsx({ headerExtra = [], rows = [], extraParts = [], declaredSize }: BombSheet = {}): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    {
      name: 'xl/workbook.xml',
      stretches: [
        {
          data: `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="评价" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      stretches: [
        {
          data: `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        },
      ],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      declaredSize,
      stretches: [
        { data: `${xml}<worksheet xmlns="${main}"><sheetData><row r="1">${inlineCells(HEADERS, 1)}` },
        ...headerExtra,
        { data: '</row>' },
        ...rows,
        { data: '</sheetData></worksheet>' },
      ],
    },
    ...extraParts,
  ]);
}

/**
 * A shared-texts part of `count` short texts; `repetitive` ones pack about 300:1, like the
 * reported 3.5 MB file of 9 million, the others (numbers) about 6:1.
 */
export function sharedStrings(count: number, { repetitive = false } = {}): XlsxPart {
  const perUnit = repetitive ? 10_000 : 1_000;
  const unit = Array.from({ length: perUnit }, (_, index) => `<si><t>${repetitive ? 'x' : index}</t></si>`).join('');
  return {
    name: 'xl/sharedStrings.xml',
    stretches: [
      { data: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` },
      { data: unit, times: Math.ceil(count / perUnit) },
      { data: '</sst>' },
    ],
  };
}
