import { tz } from '@date-fns/tz';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxDate,
  MaxLength,
  Min,
  MinDate,
  validateSync,
} from 'class-validator';
import { isValid, parse } from 'date-fns';

import type { PlatformRating } from '@chaping/domain';

import { productKeyOf } from './product-key';

/** Field names of a review as intake understands it, whatever the source calls them. */
export const INCOMING_FIELDS = [
  'platformReviewId',
  'platformOrderId',
  'platformProductId',
  'productTitle',
  'skuName',
  'buyerPlatformId',
  'buyerNickname',
  'rating',
  'text',
  'reviewedAt',
  'followUpText',
  'followUpAt',
  'sellerReply',
  'deleted',
  'orderAmountFen',
] as const;
export type IncomingField = (typeof INCOMING_FIELDS)[number];

/** Values as a source delivers them, before conversion: text, numbers, dates (XLSX), booleans. */
export type RawValue = string | number | boolean | Date | null | undefined;
export type RawReview = Partial<Record<IncomingField, RawValue>>;

export const REJECTION_CODES = [
  'required',
  'too_long',
  'invalid_id',
  'invalid_rating',
  'invalid_date',
  'date_out_of_range',
  'invalid_amount',
  'invalid_boolean',
  'other_shop',
  'duplicate_in_file',
  'control_character',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface FieldRejection {
  field: IncomingField | 'row';
  code: RejectionCode;
  value: string | null;
}

const PLATFORM_ID = /^[0-9A-Za-z_.:*-]{1,64}$/;
const EARLIEST_REVIEW = new Date('2003-01-01T00:00:00Z');
const MARKETPLACE_TIME_ZONE = tz('Asia/Shanghai');

/** A review that passed validation: this is what the importer writes. */
export class IncomingReview {
  @IsString({ context: { code: 'required' } })
  @IsNotEmpty({ context: { code: 'required' } })
  @Matches(PLATFORM_ID, { context: { code: 'invalid_id' } })
  platformReviewId!: string;

  @IsOptional()
  @Matches(PLATFORM_ID, { context: { code: 'invalid_id' } })
  platformOrderId!: string | null;

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

  @IsString({ context: { code: 'required' } })
  @IsNotEmpty({ context: { code: 'required' } })
  @MaxLength(128, { context: { code: 'too_long' } })
  buyerPlatformId!: string;

  @IsString()
  @MaxLength(64, { context: { code: 'too_long' } })
  buyerNickname!: string;

  @IsIn(['positive', 'neutral', 'negative'], { context: { code: 'invalid_rating' } })
  rating!: PlatformRating;

  @IsString({ context: { code: 'required' } })
  @IsNotEmpty({ context: { code: 'required' } })
  @MaxLength(2000, { context: { code: 'too_long' } })
  text!: string;

  @IsDate({ context: { code: 'invalid_date' } })
  @MinDate(EARLIEST_REVIEW, { context: { code: 'date_out_of_range' } })
  @MaxDate(() => new Date(Date.now() + 24 * 3600_000), { context: { code: 'date_out_of_range' } })
  reviewedAt!: Date;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { context: { code: 'too_long' } })
  followUpText!: string | null;

  @IsOptional()
  @IsDate({ context: { code: 'invalid_date' } })
  followUpAt!: Date | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { context: { code: 'too_long' } })
  sellerReply!: string | null;

  @IsBoolean({ context: { code: 'invalid_boolean' } })
  deleted!: boolean;

  @IsOptional()
  @IsInt({ context: { code: 'invalid_amount' } })
  @Min(0, { context: { code: 'invalid_amount' } })
  orderAmountFen!: number | null;
}

/** Marker for a value that could not be converted; validation reports it under its field. */
export class Unconvertible {
  constructor(
    readonly code: RejectionCode,
    readonly raw: RawValue,
  ) {}
}

export const text = (value: RawValue): string | null => {
  if (value === null || value === undefined) return null;
  const result = (value instanceof Date ? value.toISOString() : String(value)).trim();
  return result === '' ? null : result;
};

const RATING_WORDS: Record<string, PlatformRating> = {
  good: 'positive',
  positive: 'positive',
  好评: 'positive',
  neutral: 'neutral',
  中评: 'neutral',
  bad: 'negative',
  negative: 'negative',
  差评: 'negative',
};

/** Ratings arrive as words (good/bad, 好评/差评) or as 1–5 stars: 1–2 negative, 3 neutral, 4–5 positive. */
export function toRating(value: RawValue): PlatformRating | Unconvertible {
  const word = text(value)?.toLowerCase();
  if (!word) return new Unconvertible('required', value);
  const named = RATING_WORDS[word];
  if (named) return named;
  const stars = Number(word);
  if (Number.isInteger(stars) && stars >= 1 && stars <= 5) {
    return stars <= 2 ? 'negative' : stars === 3 ? 'neutral' : 'positive';
  }
  return new Unconvertible('invalid_rating', value);
}

const TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm:ss', 'yyyy/M/d HH:mm', 'yyyy-MM-dd'];

/**
 * Marketplace times are Beijing wall-clock text (`2024-04-18 21:07:42`), ISO 8601, or unix
 * seconds/milliseconds; XLSX cells may already be dates.
 */
export function toTime(value: RawValue): Date | Unconvertible | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return isValid(value) ? value : new Unconvertible('invalid_date', value);
  const raw = String(value).trim();
  if (/^\d{10}$/.test(raw)) return new Date(Number(raw) * 1000);
  if (/^\d{13}$/.test(raw)) return new Date(Number(raw));
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const iso = new Date(raw);
    return isValid(iso) ? iso : new Unconvertible('invalid_date', value);
  }
  for (const format of TIME_FORMATS) {
    const parsed = parse(raw, format, new Date(0), { in: MARKETPLACE_TIME_ZONE });
    if (isValid(parsed)) return new Date(parsed.getTime());
  }
  return new Unconvertible('invalid_date', value);
}

/** Yuan as text or number ("89.00", 89.5) to integer fen, without going through a float product. */
export function toFen(value: RawValue): number | Unconvertible | null {
  const raw = text(value)?.replace(/^[¥￥]/, '');
  if (!raw) return null;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!match) return new Unconvertible('invalid_amount', value);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '已删除']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '']);

export function toBoolean(value: RawValue): boolean | Unconvertible {
  if (typeof value === 'boolean') return value;
  const word = text(value)?.toLowerCase() ?? '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return new Unconvertible('invalid_boolean', value);
}

/**
 * Many sources carry no buyer id (Douyin's comment list, most exports): the order stands for the
 * buyer, then the review itself, so repeat-buyer history is then per order. Never the nickname:
 * platforms mask it (`w**7`), and strangers sharing one would become one buyer — one's
 * do-not-contact stopping the other, one's coupon making the other's compensation need approval.
 */
export function withBuyerIdentity(raw: RawReview): RawReview {
  const present = (value: RawValue) => value !== null && value !== undefined && value !== '';
  if (present(raw.buyerPlatformId)) return raw;
  const fallback = [raw.platformOrderId, raw.platformReviewId].find(present);
  return { ...raw, buyerPlatformId: fallback === undefined ? null : `${String(fallback)}` };
}

/** What a rejection shows of the value: the start of it, without NULs (PostgreSQL text cannot hold them). */
export const preview = (value: RawValue): string | null => {
  const shown = text(value);
  return shown === null ? null : shown.replaceAll('\u0000', '').slice(0, 80);
};

export type Validated = { ok: true; review: IncomingReview } | { ok: false; rejections: FieldRejection[] };

/** Converts and validates one raw review; every problem of the row is reported, not just the first. */
export function validateIncoming(given: RawReview): Validated {
  const raw = withBuyerIdentity(given);
  const converted: Record<IncomingField, unknown> = {
    platformReviewId: text(raw.platformReviewId),
    platformOrderId: text(raw.platformOrderId),
    // A file with the product's title but not its id still ties the review to that product.
    platformProductId: productKeyOf(text(raw.platformProductId), text(raw.productTitle)),
    productTitle: text(raw.productTitle),
    skuName: text(raw.skuName),
    buyerPlatformId: text(raw.buyerPlatformId),
    buyerNickname: text(raw.buyerNickname) ?? '匿名买家',
    rating: toRating(raw.rating),
    text: text(raw.text),
    reviewedAt: toTime(raw.reviewedAt) ?? new Unconvertible('required', raw.reviewedAt),
    followUpText: text(raw.followUpText),
    followUpAt: toTime(raw.followUpAt),
    sellerReply: text(raw.sellerReply),
    deleted: toBoolean(raw.deleted ?? false),
    orderAmountFen: toFen(raw.orderAmountFen),
  };
  const rejections: FieldRejection[] = [];
  for (const field of INCOMING_FIELDS) {
    const value = converted[field];
    // Exports padded with NUL bytes: the row is listed as bad, not the whole import failed.
    if (typeof value === 'string' && value.includes('\u0000')) {
      rejections.push({ field, code: 'control_character', value: preview(raw[field]) });
      converted[field] = undefined;
      continue;
    }
    if (value instanceof Unconvertible) {
      rejections.push({ field, code: value.code, value: preview(value.raw) });
      converted[field] = undefined;
    }
  }
  const review = plainToInstance(IncomingReview, converted);
  for (const error of validateSync(review)) {
    const field = error.property as IncomingField;
    if (rejections.some((rejection) => rejection.field === field)) continue;
    const failed = Object.keys(error.constraints ?? {})[0] ?? '';
    const context = error.contexts?.[failed] as { code?: RejectionCode } | undefined;
    const missing = converted[field] === null || converted[field] === undefined;
    rejections.push({ field, code: missing ? 'required' : (context?.code ?? 'required'), value: preview(raw[field]) });
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, review };
}
