import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

import { safeCell, type Locale } from '@chaping/domain';

import type { OrderField } from './incoming/incoming-order';
import type { IncomingField, RejectionCode } from './incoming/incoming-review';
import type { RejectionRow } from './jobs/import-job.store';

type Labels = Readonly<Record<Locale, string>>;

const HEADER: Readonly<Record<'row' | 'column' | 'reason' | 'value', Labels>> = {
  row: { 'zh-CN': '行号', en: 'Row' },
  column: { 'zh-CN': '列', en: 'Column' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  value: { 'zh-CN': '内容', en: 'Value' },
};

const FIELD_LABELS: Readonly<Record<IncomingField | OrderField | 'row', Labels>> = {
  row: { 'zh-CN': '整行', en: 'Whole row' },
  platformReviewId: { 'zh-CN': '评价ID', en: 'Review ID' },
  platformOrderId: { 'zh-CN': '订单号', en: 'Order ID' },
  platformProductId: { 'zh-CN': '商品ID', en: 'Product ID' },
  productTitle: { 'zh-CN': '商品名称', en: 'Product' },
  skuName: { 'zh-CN': 'SKU', en: 'SKU' },
  buyerPlatformId: { 'zh-CN': '买家ID', en: 'Buyer ID' },
  buyerNickname: { 'zh-CN': '买家昵称', en: 'Buyer nickname' },
  rating: { 'zh-CN': '评价等级', en: 'Rating' },
  text: { 'zh-CN': '评价内容', en: 'Review text' },
  reviewedAt: { 'zh-CN': '评价时间', en: 'Reviewed at' },
  followUpText: { 'zh-CN': '追评内容', en: 'Follow-up text' },
  followUpAt: { 'zh-CN': '追评时间', en: 'Follow-up at' },
  sellerReply: { 'zh-CN': '商家回复', en: 'Seller reply' },
  deleted: { 'zh-CN': '已删除', en: 'Deleted' },
  orderAmountFen: { 'zh-CN': '订单金额', en: 'Order amount' },
  orderedAt: { 'zh-CN': '下单时间', en: 'Order time' },
  deliveredAt: { 'zh-CN': '签收时间', en: 'Delivered at' },
  promisedBy: { 'zh-CN': '承诺送达时间', en: 'Promised by' },
};

const REASON_LABELS: Readonly<Record<RejectionCode, Labels>> = {
  required: { 'zh-CN': '必填，但是空的', en: 'Required but empty' },
  too_long: { 'zh-CN': '内容过长', en: 'Too long' },
  invalid_id: { 'zh-CN': '编号格式不对', en: 'Not a valid id' },
  invalid_rating: {
    'zh-CN': '评价等级无法识别（应为好评、中评、差评或 1–5 星）',
    en: 'Rating not recognised (good, neutral, negative or 1–5 stars)',
  },
  invalid_date: { 'zh-CN': '时间无法识别', en: 'Time not recognised' },
  date_out_of_range: {
    'zh-CN': '时间不合理（早于 2003 年或晚于现在）',
    en: 'Time out of range (before 2003 or in the future)',
  },
  invalid_amount: { 'zh-CN': '金额无法识别', en: 'Amount not recognised' },
  invalid_boolean: { 'zh-CN': '应为是或否', en: 'Should be yes or no' },
  other_shop: { 'zh-CN': '属于其他店铺', en: 'Belongs to another shop' },
  duplicate_in_file: { 'zh-CN': '文件中重复出现', en: 'Appears twice in the file' },
  control_character: { 'zh-CN': '含有不可见的控制字符', en: 'Contains invisible control characters' },
};

const label = (labels: Readonly<Record<string, Labels>>, key: string, locale: Locale): string =>
  labels[key]?.[locale] ?? key;

/** Reads the rejections page by page after the given one; an empty page ends the file. */
export type RejectionPages = (after: RejectionRow | null) => Promise<RejectionRow[]>;

/**
 * An import's rejected rows as a CSV stream (row number as the spreadsheet shows it, column,
 * reason, value), read page by page so that memory stays flat. Values are formula-safe; the BOM
 * makes Excel read the file as UTF-8.
 */
export function rejectionsCsv(pages: RejectionPages, locale: Locale): Readable {
  const csv = stringify({ bom: true });
  async function* records() {
    yield (['row', 'column', 'reason', 'value'] as const).map((key) => HEADER[key][locale]);
    let last: RejectionRow | null = null;
    for (;;) {
      const page = await pages(last);
      if (page.length === 0) return;
      for (const rejection of page) {
        yield [
          rejection.row_number,
          label(FIELD_LABELS, rejection.field, locale),
          label(REASON_LABELS, rejection.reason, locale),
          rejection.value,
        ].map(safeCell);
      }
      last = page[page.length - 1] ?? null;
    }
  }
  // pipeline, not pipe: a failed read must end the download with an error rather than leave it hanging.
  pipeline(Readable.from(records()), csv, () => undefined);
  return csv;
}
