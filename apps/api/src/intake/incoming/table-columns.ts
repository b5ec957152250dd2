import type { IncomingField, RawReview, RawValue } from './incoming-review';

/**
 * Column headers of review exports, as seller back-offices and tools name them, in Chinese or
 * English. Matching ignores case, spaces, underscores and brackets, so `评价内容`, `content`,
 * `Review Text` and `comment` all find the text. The full table is in apps/api/src/intake/FORMATS.md.
 */
export const COLUMN_ALIASES: Record<IncomingField, readonly string[]> = {
  platformReviewId: ['评价ID', '评价编号', '评论ID', 'review id', 'reviewId', 'commentId', 'comment_id', 'rate id'],
  platformOrderId: [
    '订单ID',
    '订单号',
    '订单编号',
    '子订单号',
    'order id',
    'orderId',
    'order_sn',
    'orderSn',
    'tid',
    'oid',
  ],
  platformProductId: [
    '商品ID',
    '宝贝ID',
    '商品编号',
    'product id',
    'productId',
    'item id',
    'num_iid',
    'skuid',
    'goodsId',
  ],
  productTitle: [
    '商品名称',
    '宝贝标题',
    '商品标题',
    'product name',
    'product',
    'item title',
    'item_title',
    'skuName',
    'goodsName',
  ],
  skuName: ['商品规格', '规格', 'SKU', 'sku name', 'specs'],
  buyerPlatformId: ['买家ID', '用户ID', 'buyer id', 'buyerId', 'ouid', 'open_id_buyer', 'xid_buyer', 'pin'],
  buyerNickname: ['买家昵称', '用户昵称', '昵称', 'nickname', 'nick', 'nickName', 'buyer', 'user_nick', 'name'],
  rating: [
    '评价等级',
    '评价结果',
    '评价类型',
    '商品评价得分',
    '评分',
    '星级',
    'rating',
    'result',
    'score',
    'rate',
    'descScore',
  ],
  text: ['评价内容', '评论内容', '评价', '内容', 'review text', 'review', 'content', 'comment', 'text'],
  reviewedAt: [
    '评价时间',
    '评价日期',
    '评论时间',
    'reviewed at',
    'review time',
    'created',
    'creationTime',
    'comment_time',
    'createTime',
  ],
  followUpText: ['追评内容', '追评', 'follow up', 'follow-up review', 'append_content'],
  followUpAt: ['追评时间', 'follow up at', 'append_time'],
  sellerReply: ['回复内容', '商家回复', '卖家回复', '解释', 'seller reply', 'reply', 'reply_content'],
  deleted: ['已删除', '是否删除', 'deleted'],
  orderAmountFen: ['实付金额', '商品价格', '金额', '单价', 'amount', 'price', 'item_price'],
};

export const normaliseHeader = (header: string): string => header.toLowerCase().replace(/[\s_\-()（）【】[\]]/g, '');

const ALIAS_TO_FIELD = new Map<string, IncomingField>(
  (Object.entries(COLUMN_ALIASES) as Array<[IncomingField, readonly string[]]>).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normaliseHeader(alias), field] as const),
  ),
);

/** Columns every file needs; a review id may instead come from the order and product (see `reviewIdOf`). */
export const REQUIRED_COLUMNS: readonly IncomingField[] = ['rating', 'text', 'reviewedAt'];

export interface ColumnMap {
  /** Column index → field, for the headers that were recognised. */
  readonly fields: ReadonlyMap<number, IncomingField>;
  readonly missing: readonly IncomingField[];
  readonly ignored: readonly string[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const fields = new Map<number, IncomingField>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = ALIAS_TO_FIELD.get(normaliseHeader(header));
    if (field && ![...fields.values()].includes(field)) fields.set(index, field);
    else ignored.push(header);
  });
  const present = new Set(fields.values());
  const missing = REQUIRED_COLUMNS.filter((field) => !present.has(field));
  const hasIdentity =
    present.has('platformReviewId') || (present.has('platformOrderId') && present.has('platformProductId'));
  return { fields, missing: hasIdentity ? missing : [...missing, 'platformReviewId'], ignored };
}

/**
 * Douyin's and some other shop exports have no review id: a buyer reviews a sub-order's product
 * once, so order + product identify the review. Without an order, the row has no identity.
 */
export function reviewIdOf(row: RawReview): RawValue {
  if (row.platformReviewId !== null && row.platformReviewId !== undefined && row.platformReviewId !== '') {
    return row.platformReviewId;
  }
  if (row.platformOrderId && row.platformProductId) return `${row.platformOrderId}:${row.platformProductId}`;
  return null;
}

export function rowToRaw(cells: readonly RawValue[], columns: ColumnMap): RawReview {
  const raw: RawReview = {};
  for (const [index, field] of columns.fields) raw[field] = cells[index] ?? null;
  raw.platformReviewId = reviewIdOf(raw);
  return raw;
}
