import {
  actionItemStatusLabel,
  compensationTypeLabel,
  departmentLabel,
  outcomeLabel,
  reportText,
  rootCauseLabel,
  subCauseLabel,
  type ActionItemStatus,
  type CompensationType,
  type Department,
  type Locale,
  type ReportOutcome,
  type ReportTextKey,
  type RootCause,
} from '@chaping/domain';

import type { MonthlyReportDto } from './dto/monthly-report.dto';

/** How a column's values read: counts and money as numbers, shares as percentages. */
export type ColumnKind = 'text' | 'count' | 'decimal' | 'percent' | 'yuan';

export interface ReportColumn {
  title: string;
  kind: ColumnKind;
}

/** One table of the report, the same for the CSV, the XLSX sheets and the PDF. */
export interface ReportTable {
  key: ReportTextKey;
  title: string;
  /** How many leading columns name the row (item, then detail); the rest are its measures. */
  labels: 0 | 1 | 2;
  columns: ReportColumn[];
  rows: Array<Array<string | number | null>>;
}

const causeName = (cause: string | null, locale: Locale) =>
  cause ? rootCauseLabel(cause as RootCause, locale) : reportText('unclassified', locale);

/** The report as tables, labelled in the reader's language (the one source of every export). */
export function reportTables(report: MonthlyReportDto, locale: Locale): ReportTable[] {
  const text = (key: ReportTextKey) => reportText(key, locale);
  const column = (key: ReportTextKey, kind: ColumnKind = 'text'): ReportColumn => ({ title: text(key), kind });
  return [
    {
      key: 'cases',
      title: text('overview'),
      labels: 1,
      columns: [column('month'), column('cases', 'count'), column('previous', 'count'), column('change', 'percent')],
      rows: [[report.month, report.cases, report.previousCases, report.change.ratio]],
    },
    {
      key: 'causes',
      title: text('causes'),
      labels: 2,
      columns: [
        column('cause'),
        column('subCause'),
        column('cases', 'count'),
        column('share', 'percent'),
        column('previous', 'count'),
        column('change', 'percent'),
        column('whoShouldAct'),
      ],
      rows: report.causes.flatMap((cause) => [
        [
          causeName(cause.rootCause, locale),
          '',
          cause.cases,
          cause.share,
          cause.previousCases,
          cause.change.ratio,
          cause.whoShouldAct,
        ],
        ...cause.subCauses.map((sub) => [
          causeName(cause.rootCause, locale),
          sub.subCause ? subCauseLabel(sub.subCause, locale) : '—',
          sub.cases,
          sub.share * cause.share,
          null,
          null,
          '',
        ]),
      ]),
    },
    {
      key: 'products',
      title: text('products'),
      labels: 1,
      columns: [
        column('product'),
        column('complaints', 'count'),
        column('orders', 'count'),
        column('perThousand', 'decimal'),
        column('topCause'),
      ],
      rows: report.topProducts.map((product) => [
        product.title,
        product.complaints,
        product.orders,
        product.complaintsPerThousandOrders,
        causeName(product.topCause, locale),
      ]),
    },
    {
      key: 'skus',
      title: text('skus'),
      labels: 2,
      columns: [column('product'), column('sku'), column('complaints', 'count')],
      rows: report.topSkus.map((sku) => [sku.title, sku.skuName, sku.complaints]),
    },
    {
      key: 'outcomes',
      title: text('outcomes'),
      labels: 1,
      columns: [column('outcome'), column('cases', 'count'), column('share', 'percent')],
      rows: report.outcomes.map((row) => [outcomeLabel(row.outcome as ReportOutcome, locale), row.cases, row.share]),
    },
    {
      key: 'compensation',
      title: text('compensation'),
      labels: 1,
      columns: [column('type'), column('count', 'count'), column('amount', 'yuan')],
      rows: [
        ...report.compensation.map((row) => [
          compensationTypeLabel(row.type as CompensationType, locale),
          row.count,
          row.amountFen,
        ]),
        [text('total'), report.compensation.reduce((sum, row) => sum + row.count, 0), report.compensationTotalFen],
      ],
    },
    {
      key: 'firstContact',
      title: text('firstContact'),
      labels: 0,
      columns: [column('median', 'decimal'), column('p90', 'decimal'), column('cases', 'count')],
      rows: [[report.firstContact.medianHours, report.firstContact.p90Hours, report.firstContact.cases]],
    },
    {
      key: 'actionItems',
      title: text('actionItems'),
      labels: 1,
      columns: [
        column('action'),
        column('cause'),
        column('product'),
        column('department'),
        column('status'),
        column('started'),
        column('before', 'decimal'),
        column('after', 'decimal'),
      ],
      rows: report.actionItems.map((item) => [
        item.title,
        [causeName(item.rootCause, locale), item.subCause ? subCauseLabel(item.subCause, locale) : null]
          .filter(Boolean)
          .join(' · '),
        [item.productTitle, item.skuName].filter(Boolean).join(' · '),
        departmentLabel(item.department as Department, locale),
        actionItemStatusLabel(item.status as ActionItemStatus, locale),
        item.startedMonth,
        item.beforePerMonth,
        item.afterPerMonth,
      ]),
    },
    {
      key: 'quotes',
      title: text('quotes'),
      labels: 1,
      columns: [column('cause'), column('quote')],
      rows: report.causes.flatMap((cause) =>
        cause.quotes.map((quote) => [causeName(cause.rootCause, locale), quote.text]),
      ),
    },
  ];
}
