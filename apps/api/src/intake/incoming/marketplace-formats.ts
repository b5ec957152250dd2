import type { Platform } from '@chaping/domain';

import type { RawReview, RawValue } from './incoming-review';

/**
 * The marketplace review interfaces intake accepts as JSON, in their own shapes
 * (see apps/api/src/intake/FORMATS.md and ../shared/data/formats.md for where each was found).
 * Each format finds its review items in an envelope, a bare array or a single item,
 * and maps one item to intake's fields. Ids arrive as strings even when the JSON had
 * numbers above 2^53 (the body parser keeps them lossless).
 */
export interface MarketplaceFormat {
  readonly id: string;
  readonly platforms: readonly Platform[];
  /** Path of the item array inside the response envelope. */
  readonly envelope: readonly string[];
  /** A key only this format's items have, used to accept a bare item or array. */
  readonly itemKey: string;
  readonly toRaw: (item: Item, options: FormatOptions) => RawReview;
}

type Item = Record<string, unknown>;

export interface FormatOptions {
  /** Tmall's feed API answers for one child order given in the request, not in the response. */
  childTradeId?: string;
}

const value = (item: Item, key: string): RawValue => {
  const found = item[key];
  if (found === null || found === undefined) return null;
  if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean') return found;
  return String(found);
};

const isItem = (candidate: unknown): candidate is Item =>
  typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);

const firstPresent = (item: Item, ...keys: string[]): RawValue => {
  for (const key of keys) {
    const found = value(item, key);
    if (found !== null && found !== '') return found;
  }
  return null;
};

const TAOBAO_RESULT: Record<string, string> = { good: 'positive', neutral: 'neutral', bad: 'negative' };
/** Douyin `rate`: 1 差评, 2 中评, 3 好评 (JD and PDD use 1–5 stars, handled by the rating parser). */
const DOUYIN_RATE: Record<string, string> = { '1': 'negative', '2': 'neutral', '3': 'positive' };

const pddSpecs = (specs: RawValue): string | null => {
  if (typeof specs !== 'string' || !specs.trim()) return null;
  try {
    const parsed = JSON.parse(specs) as Array<{ spec_key?: string; spec_value?: string }>;
    return parsed.map((spec) => [spec.spec_key, spec.spec_value].filter(Boolean).join(':')).join(' ') || null;
  } catch {
    return specs;
  }
};

const lastReply = (replies: unknown): string | null => {
  if (!Array.isArray(replies) || replies.length === 0) return null;
  const last = replies[replies.length - 1] as Item | string;
  if (typeof last === 'string') return last;
  const content = last['content'] ?? last['reply_content'] ?? last['comment'];
  return typeof content === 'string' ? content : null;
};

const replyText = (reply: Item): string | null => {
  const content = reply['content'];
  return typeof content === 'string' && content.trim() !== '' ? content : null;
};

/** Whether JD marks the comment as answered by the seller (`isVenderReply`, a boolean or its text). */
export const jdMarkedReplied = (comment: Item): boolean =>
  comment['isVenderReply'] === true || comment['isVenderReply'] === 'true';

/**
 * The seller's reply among a JD comment's `replies[]`. Other buyers answer comments too, and JOS
 * marks no single reply as the seller's (a reply is {content, replyId, creationTime, nickName,
 * parentReply}): it marks the comment, `isVenderReply`. Without that mark no reply is the
 * seller's. With it, the seller's is one made to the comment itself (no `parentReply`); where
 * several are, the one whose nickname JD does not mask (buyers show as "j***3", the shop by its
 * name, as in the examples — *unverified*), else the earliest.
 */
export function jdSellerReply(comment: Item): string | null {
  if (!jdMarkedReplied(comment)) return null;
  const replies = (Array.isArray(comment['replies']) ? comment['replies'] : []).filter(isItem);
  const toComment = replies
    .filter((reply) => reply['parentReply'] === null || reply['parentReply'] === undefined)
    .filter((reply) => replyText(reply) !== null)
    .sort((a, b) => String(a['creationTime'] ?? '').localeCompare(String(b['creationTime'] ?? '')));
  const byShop = toComment.find((reply) => typeof reply['nickName'] === 'string' && !reply['nickName'].includes('*'));
  const chosen = byShop ?? toComment[0];
  return chosen ? replyText(chosen) : null;
}

export const MARKETPLACE_FORMATS: readonly MarketplaceFormat[] = [
  {
    id: 'taobao.traderates.get',
    platforms: ['taobao', 'tmall'],
    envelope: ['traderates_get_response', 'trade_rates', 'trade_rate'],
    itemKey: 'tid',
    // A buyer rates each sub-order once, and TOP gives rates no id of their own: the sub-order is the key.
    toRaw: (item) => ({
      platformReviewId: firstPresent(item, 'oid', 'tid'),
      platformOrderId: value(item, 'tid'),
      platformProductId: value(item, 'num_iid'),
      productTitle: value(item, 'item_title'),
      buyerPlatformId: value(item, 'ouid'),
      buyerNickname: value(item, 'nick'),
      rating: TAOBAO_RESULT[String(value(item, 'result'))] ?? value(item, 'result'),
      text: value(item, 'content'),
      reviewedAt: value(item, 'created'),
      sellerReply: value(item, 'reply'),
      orderAmountFen: value(item, 'item_price'),
    }),
  },
  {
    id: 'tmall.traderate.feeds.get',
    platforms: ['tmall'],
    envelope: ['tmall_traderate_feeds_get_response', 'tmall_rate_info'],
    itemKey: 'comment_time',
    // The feed has no rating field: `has_negtv` (the platform's own negative tag) is all there is.
    toRaw: (item, options) => ({
      platformReviewId: options.childTradeId ?? null,
      platformOrderId: options.childTradeId ?? null,
      buyerPlatformId: value(item, 'ouid'),
      buyerNickname: value(item, 'user_nick'),
      rating: item['has_negtv'] === true ? 'negative' : 'neutral',
      text: value(item, 'content'),
      reviewedAt: value(item, 'comment_time'),
      followUpText: value(item, 'append_content'),
      followUpAt: value(item, 'append_time'),
    }),
  },
  {
    id: 'jd.getVenderCommentsForJos',
    platforms: ['jd'],
    envelope: ['jingdong_pop_PopCommentJsfService_getVenderCommentsForJos_responce', 'comments'],
    itemKey: 'commentId',
    toRaw: (item) => ({
      platformReviewId: value(item, 'commentId'),
      platformOrderId: value(item, 'orderId'),
      platformProductId: value(item, 'skuid'),
      productTitle: value(item, 'skuName'),
      buyerPlatformId: firstPresent(item, 'xid_buyer', 'open_id_buyer', 'pin'),
      buyerNickname: value(item, 'nickName'),
      rating: value(item, 'score'),
      text: value(item, 'content'),
      reviewedAt: value(item, 'creationTime'),
      sellerReply: jdSellerReply(item),
    }),
  },
  {
    id: 'douyin.comment.list',
    platforms: ['douyin'],
    envelope: ['data', 'comments'],
    itemKey: 'comment_id',
    toRaw: (item) => ({
      platformReviewId: value(item, 'comment_id'),
      platformOrderId: value(item, 'order_id'),
      platformProductId: value(item, 'product_id'),
      productTitle: value(item, 'product_name'),
      rating: DOUYIN_RATE[String(value(item, 'rate'))] ?? value(item, 'rate'),
      text: value(item, 'content'),
      reviewedAt: value(item, 'comment_time'),
      followUpText: value(item, 'append_content'),
      followUpAt: value(item, 'append_time'),
      sellerReply: value(item, 'reply_content'),
    }),
  },
  {
    id: 'pdd.mms.reviews.list',
    platforms: ['pinduoduo'],
    envelope: ['result', 'data'],
    itemKey: 'reviewId',
    toRaw: (item) => ({
      platformReviewId: value(item, 'reviewId'),
      platformOrderId: value(item, 'orderSn'),
      platformProductId: value(item, 'goodsId'),
      productTitle: value(item, 'goodsName'),
      skuName: pddSpecs(value(item, 'specs')),
      buyerNickname: value(item, 'name'),
      rating: value(item, 'descScore'),
      text: value(item, 'comment'),
      reviewedAt: value(item, 'createTime'),
      sellerReply: lastReply(item['replyList']),
    }),
  },
];

export const MARKETPLACE_FORMAT_IDS = MARKETPLACE_FORMATS.map((format) => format.id);

export function findMarketplaceFormat(id: string): MarketplaceFormat | undefined {
  return MARKETPLACE_FORMATS.find((format) => format.id === id);
}

/** The review items of a payload: the platform's envelope, a bare array of items, or one item. Null if none fit. */
export function extractItems(format: MarketplaceFormat, payload: unknown): Item[] | null {
  let node: unknown = payload;
  for (const key of format.envelope) {
    if (!isItem(node) || !(key in node)) {
      node = undefined;
      break;
    }
    node = node[key];
  }
  const candidate = node !== undefined ? node : payload;
  if (Array.isArray(candidate)) return candidate.every(isItem) ? candidate : null;
  if (isItem(candidate) && format.itemKey in candidate) return [candidate];
  return null;
}
