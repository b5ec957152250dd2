import { existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

import { reportText, safeCell, type Locale } from '@chaping/domain';

import { UnavailableError } from '../common/errors/app-errors';
import type { MonthlyReportDto } from './dto/monthly-report.dto';
import type { ExportFormat } from './dto/report-query.dto';
import { reportTables, type ColumnKind, type ReportTable } from './report-tables';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A value as people read it in the CSV and the PDF. */
function shown(value: string | number | null, kind: ColumnKind): string | number {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'yuan':
      return (value / 100).toFixed(2);
    case 'decimal':
      return Number(value.toFixed(2));
    default:
      return value;
  }
}

function toCsv(tables: ReportTable[], locale: Locale): Buffer {
  const header = (['section', 'item', 'detail', 'measure', 'value'] as const).map((key) => reportText(key, locale));
  const rows: Array<Array<string | number>> = [header];
  // One line per value: section, what the row is about (item, detail), which measure, the value.
  for (const table of tables) {
    for (const row of table.rows) {
      const [item, detail] = row.slice(0, table.labels).map((cell) => String(cell ?? ''));
      row.forEach((cell, index) => {
        const column = table.columns[index];
        if (!column || index < table.labels || cell === null || cell === '') return;
        rows.push([table.title, item ?? '', detail ?? '', column.title, shown(cell, column.kind)]);
      });
    }
  }
  // The BOM makes Excel read the file as UTF-8 (Chinese would otherwise show as mojibake).
  return Buffer.from(`\ufeff${stringify(rows.map((row) => row.map(safeCell)))}`, 'utf8');
}

async function toXlsx(tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    // Sheet names may not hold \\ / ? * [ ] : and have at most 31 characters.
    const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, '-').slice(0, 31));
    sheet.columns = table.columns.map((column) => ({
      header: column.title,
      width: column.kind === 'text' ? 28 : 14,
      style:
        column.kind === 'percent'
          ? { numFmt: '0.0%' }
          : column.kind === 'yuan' || column.kind === 'decimal'
            ? { numFmt: '0.00' }
            : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(
        row.map((cell, index) => {
          const kind = table.columns[index]?.kind;
          if (cell === null) return null;
          if (kind === 'yuan' && typeof cell === 'number') return cell / 100;
          return safeCell(cell);
        }),
      );
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Where Debian's fonts-noto-cjk puts its fonts; CHAPING_PDF_FONT_DIR overrides. */
const FONT_DIRS = [process.env['CHAPING_PDF_FONT_DIR'], '/usr/share/fonts/opentype/noto'].filter(
  (dir): dir is string => !!dir,
);

function cjkFont(): { regular: string; bold: string } {
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/NotoSansCJK-Regular.ttc`;
    const bold = `${dir}/NotoSansCJK-Bold.ttc`;
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  throw new UnavailableError('export.pdf_font_missing');
}

let fontsReady = false;
function preparePdfFonts(): void {
  if (fontsReady) return;
  const { regular, bold } = cjkFont();
  // A .ttc holds several fonts: pdfmake takes [file, font name] (its types only know a plain file).
  const inCollection = (file: string, name: string) => [file, name] as unknown as string;
  pdfmake.setFonts({
    NotoSansSC: {
      normal: inCollection(regular, 'NotoSansCJKsc-Regular'),
      bold: inCollection(bold, 'NotoSansCJKsc-Bold'),
    },
  });
  // Documents are built from our own data only: no remote resources, and only the two font files.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path === regular || path === bold);
  fontsReady = true;
}

/** A horizontal bar for a share, drawn with vectors so that it prints sharply. */
const shareBar = (share: number): Content => ({
  canvas: [
    { type: 'rect', x: 0, y: 2, w: 80, h: 7, color: '#e8edf5' },
    { type: 'rect', x: 0, y: 2, w: Math.max(0.5, 80 * Math.min(1, share)), h: 7, color: '#1554ad' },
  ],
});

async function toPdf(report: MonthlyReportDto, tables: ReportTable[], locale: Locale): Promise<Buffer> {
  preparePdfFonts();
  const content: Content[] = [
    { text: `${reportText('title', locale)} · ${report.month}`, style: 'title' },
    { text: reportText('maskedNote', locale), style: 'note' },
  ];
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    const shareColumn = table.key === 'causes' ? table.columns.findIndex((column) => column.kind === 'percent') : -1;
    const header: TableCell[] = table.columns.map((column) => ({
      text: column.title,
      style: 'header',
      alignment: column.kind === 'text' ? 'left' : 'right',
    }));
    if (shareColumn >= 0) header.splice(shareColumn + 1, 0, { text: '', style: 'header' });
    const body: TableCell[][] = [
      header,
      ...table.rows.map((row) => {
        const cells: TableCell[] = row.map((cell, index) => {
          const kind = table.columns[index]?.kind ?? 'text';
          return { text: String(shown(cell, kind)), alignment: kind === 'text' ? 'left' : 'right' };
        });
        if (shareColumn >= 0) {
          const share = row[shareColumn];
          const isCause = row[1] === '';
          cells.splice(shareColumn + 1, 0, isCause && typeof share === 'number' ? shareBar(share) : { text: '' });
        }
        return cells;
      }),
    ];
    const section: Content[] = [
      { text: table.title, style: 'section', headlineLevel: 1 },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          // Numbers stay next to their labels; only a closing text column (who should act, a quote) stretches.
          widths: body[0]?.map((_, index) =>
            index === body[0]!.length - 1 && table.columns.at(-1)?.kind === 'text' && table.columns.length > 1
              ? '*'
              : 'auto',
          ),
          body,
        },
        layout: 'lightHorizontalLines',
        fontSize: 8.5,
      },
    ];
    // A short table stays on one page with its title; a long one may break between rows.
    content.push(table.rows.length <= 12 ? { stack: section, unbreakable: true } : { stack: section });
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    info: { title: `${reportText('title', locale)} ${report.month}` },
    defaultStyle: { font: 'NotoSansSC', fontSize: 9, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      note: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
      section: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      header: { bold: true, fillColor: '#eef2f8' },
    },
    footer: (page: number, pages: number) => ({
      text: `${report.month} · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#666666',
    }),
    content,
    // A section title never ends a page on its own.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** The monthly report as a file: CSV (one value per line), XLSX (one sheet per table) or a printable PDF. */
export async function exportReport(
  report: MonthlyReportDto,
  format: ExportFormat,
  locale: Locale,
): Promise<ExportFile> {
  const tables = reportTables(report, locale);
  const body =
    format === 'csv'
      ? toCsv(tables, locale)
      : format === 'xlsx'
        ? await toXlsx(tables)
        : await toPdf(report, tables, locale);
  return { body, contentType: CONTENT_TYPES[format], fileName: `report-${report.month}.${format}` };
}
