import { plainToInstance } from 'class-transformer';
import {
  IsDate,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxDate,
  MaxLength,
  Min,
  MinDate,
  validateSync,
} from 'class-validator';

import {
  preview,
  text,
  toFen,
  toTime,
  Unconvertible,
  type FieldRejection,
  type RawValue,
  type RejectionCode,
} from './incoming-review';
import { productKeyOf } from './product-key';
import { normaliseHeader } from './table-columns';

/** Field names of a delivered order as the care import understands it (shared with reviews where they mean the same). */
export const ORDER_FIELDS = [
  'platformOrderId',
  'buyerPlatformId',
  'buyerNickname',
  'platformProductId',
  'productTitle',
  'skuName',
  'orderAmountFen',
  'orderedAt',
  'deliveredAt',
  'promisedBy',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
export type RawOrder = Partial<Record<OrderField, RawValue>>;

/**
 * Column headers of order exports (Taobao/Tmall 订单报表, JD, Douyin, Pinduoduo), Chinese or
 * English, matched like review headers. 确认收货时间 counts as delivery: the trade completes
 * when the buyer confirms receipt, which is when the care days start counting.
 */
export const ORDER_COLUMN_ALIASES: Record<OrderField, readonly string[]> = {
  platformOrderId: [
    '订单编号',
    '订单号',
    '订单ID',
    '子订单编号',
    '子订单号',
    '主订单编号',
    'order id',
    'orderId',
    'order_sn',
    'tid',
    'oid',
  ],
  buyerPlatformId: ['买家ID', '用户ID', 'buyer id', 'buyerId', 'ouid', 'open_id_buyer', 'buyer_open_uid', 'pin'],
  buyerNickname: ['买家昵称', '买家会员名', '用户昵称', '昵称', 'nickname', 'nick', 'buyer_nick', 'buyer'],
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
  productTitle: ['商品名称', '宝贝标题', '商品标题', 'product name', 'product', 'item title', 'title', 'goodsName'],
  skuName: ['商品规格', '规格', '商品属性', '宝贝属性', 'SKU', 'sku name', 'specs'],
  orderAmountFen: ['实付金额', '买家实际支付金额', '实收款', '订单金额', '金额', 'amount', 'payment', 'pay amount'],
  orderedAt: [
    '下单时间',
    '订单创建时间',
    '创建时间',
    '付款时间',
    '订单付款时间',
    '支付时间',
    'ordered at',
    'order time',
    'created',
    'pay time',
  ],
  deliveredAt: [
    '签收时间',
    '确认收货时间',
    '收货时间',
    '妥投时间',
    '送达时间',
    '交易完成时间',
    'delivered at',
    'delivery time',
    'sign time',
    'signTime',
    'received at',
    'end_time',
  ],
  promisedBy: ['承诺送达时间', '预计送达时间', '承诺时效', 'promised by', 'promise time', 'expected delivery'],
};

const ALIAS_TO_FIELD = new Map<string, OrderField>(
  (Object.entries(ORDER_COLUMN_ALIASES) as Array<[OrderField, readonly string[]]>).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normaliseHeader(alias), field] as const),
  ),
);

/** An order file needs its order id and its delivery time; the rest only sharpens the care decision. */
export const REQUIRED_ORDER_COLUMNS: readonly OrderField[] = ['platformOrderId', 'deliveredAt'];

export interface OrderColumnMap {
  readonly fields: ReadonlyMap<number, OrderField>;
  readonly missing: readonly OrderField[];
  readonly ignored: readonly string[];
}

export function mapOrderColumns(headers: readonly string[]): OrderColumnMap {
  const fields = new Map<number, OrderField>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = ALIAS_TO_FIELD.get(normaliseHeader(header));
    if (field && ![...fields.values()].includes(field)) fields.set(index, field);
    else ignored.push(header);
  });
  const present = new Set(fields.values());
  return { fields, missing: REQUIRED_ORDER_COLUMNS.filter((field) => !present.has(field)), ignored };
}

export function orderRowToRaw(cells: readonly RawValue[], columns: OrderColumnMap): RawOrder {
  const raw: RawOrder = {};
  for (const [index, field] of columns.fields) raw[field] = cells[index] ?? null;
  return raw;
}

const PLATFORM_ID = /^[0-9A-Za-z_.:*-]{1,64}$/;
const EARLIEST_ORDER = new Date('2003-01-01T00:00:00Z');

/** A delivered order that passed validation: what the care import writes. */
export class IncomingOrder {
  @IsString({ context: { code: 'required' } })
  @IsNotEmpty({ context: { code: 'required' } })
  @Matches(PLATFORM_ID, { context: { code: 'invalid_id' } })
  platformOrderId!: string;

  @IsString({ context: { code: 'required' } })
  @Matches(PLATFORM_ID, { context: { code: 'invalid_id' } })
  buyerPlatformId!: string;

  @IsString()
  @MaxLength(64, { context: { code: 'too_long' } })
  buyerNickname!: string;

  @IsOptional()
  @Matches(PLATFORM_ID, { context: { code: 'invalid_id' } })
  platformProductId!: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200, { context: { code: 'too_long' } })
  productTitle!: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200, { context: { code: 'too_long' } })
  skuName!: string | null;

  @IsOptional()
  @IsInt({ context: { code: 'invalid_amount' } })
  @Min(0, { context: { code: 'invalid_amount' } })
  @Max(100_000_000, { context: { code: 'invalid_amount' } })
  orderAmountFen!: number | null;

  @IsOptional()
  @IsDate({ context: { code: 'invalid_date' } })
  @MinDate(EARLIEST_ORDER, { context: { code: 'date_out_of_range' } })
  @MaxDate(() => new Date(Date.now() + 24 * 3600_000), { context: { code: 'date_out_of_range' } })
  orderedAt!: Date | null;

  @IsOptional()
  @IsDate({ context: { code: 'invalid_date' } })
  @MinDate(EARLIEST_ORDER, { context: { code: 'date_out_of_range' } })
  @MaxDate(() => new Date(Date.now() + 24 * 3600_000), { context: { code: 'date_out_of_range' } })
  deliveredAt!: Date | null;

  @IsOptional()
  @IsDate({ context: { code: 'invalid_date' } })
  @MinDate(EARLIEST_ORDER, { context: { code: 'date_out_of_range' } })
  promisedBy!: Date | null;
}

export interface OrderRejection extends Omit<FieldRejection, 'field'> {
  field: OrderField;
}

export type ValidatedOrder = { ok: true; order: IncomingOrder } | { ok: false; rejections: OrderRejection[] };

/**
 * Converts and validates one order row, reporting every problem of the row. Without a buyer id the
 * order stands for the buyer, as in review intake, so that the buyer's later review finds the same one.
 */
export function validateIncomingOrder(given: RawOrder): ValidatedOrder {
  const present = (value: RawValue) => value !== null && value !== undefined && value !== '';
  const identified: RawOrder = present(given.buyerPlatformId)
    ? given
    : { ...given, buyerPlatformId: present(given.platformOrderId) ? String(given.platformOrderId) : null };
  const values: Record<OrderField, unknown> = {
    platformOrderId: text(identified.platformOrderId),
    buyerPlatformId: text(identified.buyerPlatformId),
    buyerNickname: text(identified.buyerNickname) ?? '匿名买家',
    platformProductId: productKeyOf(text(identified.platformProductId), text(identified.productTitle)),
    productTitle: text(identified.productTitle),
    skuName: text(identified.skuName),
    orderAmountFen: toFen(identified.orderAmountFen),
    orderedAt: toTime(identified.orderedAt),
    deliveredAt: toTime(identified.deliveredAt),
    promisedBy: toTime(identified.promisedBy),
  };
  const rejections: OrderRejection[] = [];
  for (const field of ORDER_FIELDS) {
    const value = values[field];
    if (typeof value === 'string' && value.includes('\u0000')) {
      rejections.push({ field, code: 'control_character', value: preview(identified[field]) });
      values[field] = undefined;
    } else if (value instanceof Unconvertible) {
      rejections.push({ field, code: value.code, value: preview(value.raw) });
      values[field] = undefined;
    }
  }
  const order = plainToInstance(IncomingOrder, values);
  for (const error of validateSync(order)) {
    const field = error.property as OrderField;
    if (rejections.some((rejection) => rejection.field === field)) continue;
    const failed = Object.keys(error.constraints ?? {})[0] ?? '';
    const context = error.contexts?.[failed] as { code?: RejectionCode } | undefined;
    const missing = values[field] === null || values[field] === undefined;
    rejections.push({
      field,
      code: missing ? 'required' : (context?.code ?? 'required'),
      value: preview(identified[field]),
    });
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, order };
}
