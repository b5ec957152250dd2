import type { ReplyFailure } from '@chaping/domain';

import { extractItems, findMarketplaceFormat, type MarketplaceFormat } from '../../intake/incoming/marketplace-formats';
import { MarketplaceError, type MarketplaceClientOptions } from '../../marketplace/marketplace-call';
import { TOP_SIGN_METHODS } from '../../marketplace/signing';
import { TopClient, topTime } from '../../marketplace/top-client';
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

/** TOP answers at most this many results per query; a window with that many is split in two. */
export const TOP_RESULT_CAP = 1500;
const PAGE_SIZE = 150;
const TRADERATE_FIELDS =
  'tid,oid,role,nick,result,created,rated_nick,item_title,item_price,content,reply,valid_score,num_iid,ouid';
/** Neutral and negative ratings only: a good one never opens a case. */
const PULLED_RESULTS = ['neutral', 'bad'] as const;

const FORMAT = findMarketplaceFormat('taobao.traderates.get') as MarketplaceFormat;

/**
 * Taobao/Tmall through TOP: `taobao.traderates.get` (rate_type=get, role=buyer) per rating, a
 * window TOP caps at 1,500 results halved until it fits; replies by `taobao.traderate.explain.add`.
 */
export const taobaoAdapter: MarketplaceAdapter = {
  platforms: ['taobao', 'tmall'],
  format: FORMAT,
  signMethods: TOP_SIGN_METHODS,
  defaultSignMethod: 'hmac-sha256',
  gatewayUrl: (options) => options.topGatewayUrl,
  connect: (credentials: ShopCredentials, options: MarketplaceClientOptions) =>
    new TaobaoShop(new TopClient(credentials, options)),
  replyFailureOf: (error) => authorisationFailure(error) ?? topReplyFailure(error),
};

class TaobaoShop implements ConnectedShop {
  constructor(private readonly client: TopClient) {}

  async pullWindow(window: PullWindow, take: (items: readonly ReviewItem[]) => Promise<void>): Promise<number> {
    let read = 0;
    for (const result of PULLED_RESULTS) read += await this.pullRating(window, result, take);
    return read;
  }

  private pullRating(
    window: PullWindow,
    result: string,
    take: (items: readonly ReviewItem[]) => Promise<void>,
  ): Promise<number> {
    const query: CappedListQuery = {
      resultCap: TOP_RESULT_CAP,
      pageSize: PAGE_SIZE,
      firstPage: 1,
      page: (part, pageNo) => this.page(part, result, pageNo),
    };
    return pullCappedWindow(query, window, take);
  }

  private async page(window: PullWindow, result: string, pageNo: number): Promise<ListPage> {
    const answer = await this.client.call('taobao.traderates.get', {
      fields: TRADERATE_FIELDS,
      rate_type: 'get',
      role: 'buyer',
      result,
      // TOP's dates are whole seconds, both ends included: a window ends a second before the next begins.
      start_date: topTime(window.from),
      end_date: topTime(new Date(window.to.getTime() - 1000)),
      page_no: String(pageNo),
      page_size: String(PAGE_SIZE),
    });
    const envelope = answer['traderates_get_response'] as
      { total_results?: number | string; trade_rates?: { trade_rate?: unknown } } | undefined;
    if (!envelope) throw new MarketplaceError('platform_error', null, 'the answer had no traderates_get_response');
    // A list with an odd entry keeps its length (the entry read as empty), so the page does not end the list.
    const items = extractItems(FORMAT, answer) ?? reviewItems(envelope.trade_rates?.trade_rate);
    return { items, total: Number(envelope.total_results ?? 0) };
  }

  async postReply(reply: ReplyToPost): Promise<{ platformRequestId: string | null }> {
    const answer = await this.client.call('taobao.traderate.explain.add', {
      oid: reply.platformReviewId,
      reply: reply.text,
    });
    const body = answer['traderate_explain_add_response'] as { request_id?: string } | undefined;
    return { platformRequestId: body?.request_id ?? null };
  }

  async replyOnPlatform(reply: ReplyToPost): Promise<string | null> {
    const answer = await this.client.call('taobao.traderates.get', {
      fields: 'tid,oid,reply',
      rate_type: 'get',
      role: 'buyer',
      ...(reply.platformOrderId ? { tid: reply.platformOrderId } : {}),
    });
    const envelope = answer['traderates_get_response'] as { trade_rates?: { trade_rate?: unknown } } | undefined;
    const rates = reviewItems(envelope?.trade_rates?.trade_rate);
    const rate = rates.find((item) => String(item['oid']) === reply.platformReviewId);
    const text = typeof rate?.['reply'] === 'string' ? rate['reply'].trim() : '';
    return text === '' ? null : text;
  }
}

/** TOP's refusal of an explanation, from its sub-code and words (the simulator's are modelled on the documented rules). */
function topReplyFailure(error: MarketplaceError): ReplyFailure {
  const said = `${error.platformCode ?? ''} ${error.platformMessage ?? ''}`;
  if (/expired|超过30天|超过 30 天/i.test(said)) return 'window_closed';
  if (/append|追评/i.test(said)) return 'after_follow_up';
  if (/exist|已有解释|已解释/i.test(said)) return 'already_replied';
  if (/invalid-parameter|参数|forbidden|敏感/i.test(said)) return 'text_rejected';
  return 'other';
}
