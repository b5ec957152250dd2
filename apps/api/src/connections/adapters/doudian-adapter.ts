import type { ReplyFailure } from '@chaping/domain';

import { findMarketplaceFormat, type MarketplaceFormat } from '../../intake/incoming/marketplace-formats';
import {
  DOUDIAN_MAX_PAGE_SIZE,
  DOUDIAN_RESULT_CAP,
  DoudianClient,
  type DoudianSignMethod,
} from '../../marketplace/doudian-client';
import { beijingTime, type MarketplaceClientOptions, type MarketplaceError } from '../../marketplace/marketplace-call';
import {
  authorisationFailure,
  pullCappedWindow,
  reviewItems,
  type CappedListQuery,
  type ConnectedShop,
  type ListPage,
  type MarketplaceAdapter,
  type PullWindow,
  type ReplyToPost,
  type ReviewItem,
  type ShopCredentials,
} from './marketplace-adapter';

export const DOUDIAN_LIST_METHOD = 'comment.list';
export const DOUDIAN_REPLY_METHOD = 'comment.reply';
/** The request's `rate` (formats.md §3): 1 差评, 2 中评 (3 好评 never opens a case). */
const PULLED_RATES = [1, 2] as const;

const FORMAT = findMarketplaceFormat('douyin.comment.list') as MarketplaceFormat;

export interface DoudianShopLimits {
  /** Results one query reaches; a window at it is halved (DOUDIAN_RESULT_CAP). */
  resultCap: number;
}

/**
 * Douyin 抖店: `comment.list` per rate (差评, 中评) over a window of comment times, pages from 0
 * of 100, the window halved while its total reaches the query cap; replies by `comment.reply`.
 * Signs hmac-sha256 (the SDKs' choice) or md5, as the connection says.
 */
export const doudianAdapter: MarketplaceAdapter = {
  platforms: ['douyin'],
  format: FORMAT,
  signMethods: ['hmac-sha256', 'md5'],
  defaultSignMethod: 'hmac-sha256',
  gatewayUrl: (options) => options.doudianGatewayUrl,
  // The SDK formats.md cites answers 30001 "app_key格式不正确，应为19位纯数字".
  appKeyDigits: 19,
  connect: (credentials: ShopCredentials, options: MarketplaceClientOptions) =>
    new DoudianShop(
      new DoudianClient(
        {
          appKey: credentials.appKey,
          appSecret: credentials.appSecret,
          accessToken: credentials.sessionKey,
          // The connection's method was checked against signMethods when it was saved.
          signMethod: credentials.signMethod as DoudianSignMethod,
        },
        options,
      ),
    ),
  replyFailureOf: (error) => authorisationFailure(error) ?? doudianReplyFailure(error),
};

export class DoudianShop implements ConnectedShop {
  constructor(
    private readonly client: DoudianClient,
    private readonly limits: DoudianShopLimits = { resultCap: DOUDIAN_RESULT_CAP },
  ) {}

  async pullWindow(window: PullWindow, take: (items: readonly ReviewItem[]) => Promise<void>): Promise<number> {
    let read = 0;
    for (const rate of PULLED_RATES) read += await this.pullRate(window, rate, take);
    return read;
  }

  private pullRate(
    window: PullWindow,
    rate: number,
    take: (items: readonly ReviewItem[]) => Promise<void>,
  ): Promise<number> {
    const query: CappedListQuery = {
      resultCap: this.limits.resultCap,
      pageSize: DOUDIAN_MAX_PAGE_SIZE,
      firstPage: 0,
      page: (part, page) => this.page(part, rate, page),
    };
    return pullCappedWindow(query, window, take);
  }

  private async page(window: PullWindow, rate: number, page: number): Promise<ListPage> {
    const data = await this.client.call(DOUDIAN_LIST_METHOD, {
      // Both ends are taken as included: a window ends a second before the next begins.
      start_time: beijingTime(window.from),
      end_time: beijingTime(new Date(window.to.getTime() - 1000)),
      order_by: 'create_time',
      // Oldest first: a comment arriving while the window is read lands after the pages already read.
      is_desc: '0',
      rate,
      page,
      size: DOUDIAN_MAX_PAGE_SIZE,
    });
    return {
      items: reviewItems(data['comments']),
      total: Number(data['total'] ?? 0),
    };
  }

  async postReply(reply: ReplyToPost): Promise<{ platformRequestId: string | null }> {
    // 抖店 answers a reply with no id of its own (formats.md); the case records the call.
    await this.client.call(DOUDIAN_REPLY_METHOD, { comment_id: reply.platformReviewId, content: reply.text });
    return { platformRequestId: null };
  }

  async replyOnPlatform(reply: ReplyToPost): Promise<string | null> {
    if (!reply.platformOrderId) return null;
    // comment.list takes no comment id; the (sub-)order finds the comment, whatever its rate.
    const data = await this.client.call(DOUDIAN_LIST_METHOD, {
      order_id: reply.platformOrderId,
      page: 0,
      size: DOUDIAN_MAX_PAGE_SIZE,
    });
    const comments = reviewItems(data['comments']);
    const comment = comments.find((item) => String(item['comment_id']) === reply.platformReviewId);
    if (!comment) return null;
    const text = typeof comment['reply_content'] === 'string' ? comment['reply_content'].trim() : '';
    return text !== '' ? text : comment['is_reply'] === true ? '(商家已回复)' : null;
  }
}

/** 抖店's refusal of a reply, from its words: formats.md documents none of comment.reply's refusals. */
function doudianReplyFailure(error: MarketplaceError): ReplyFailure {
  const said = `${error.platformMessage ?? ''}`;
  if (/已回复|重复|already/i.test(said)) return 'already_replied';
  if (/超过|过期|期限|expired|closed/i.test(said)) return 'window_closed';
  if (/敏感|违规|内容|content|forbidden/i.test(said)) return 'text_rejected';
  return 'other';
}
