import type { ReplyFailure } from '@chaping/domain';

import {
  findMarketplaceFormat,
  jdMarkedReplied,
  jdSellerReply,
  type MarketplaceFormat,
} from '../../intake/incoming/marketplace-formats';
import { JosClient } from '../../marketplace/jos-client';
import { beijingTime, MarketplaceError, type MarketplaceClientOptions } from '../../marketplace/marketplace-call';
import {
  authorisationFailure,
  reviewItems,
  type ConnectedShop,
  type MarketplaceAdapter,
  type PullWindow,
  type ReplyToPost,
  type ReviewItem,
  type ShopCredentials,
} from './marketplace-adapter';

export const JD_LIST_METHOD = 'jingdong.pop.PopCommentJsfService.getVenderCommentsForJos';
export const JD_REPLY_METHOD = 'jingdong.pop.PopCommentJsfService.saveReply';
/** formats.md: `pageSize` ≤ 50. */
const PAGE_SIZE = 50;
/**
 * Pages of one score read for one window (a day, as the puller asks) at most: 20,000 comments. JOS
 * documents no cap, so only a `totalItem` and a short page end the list; a gateway that answers full
 * pages without a usable total (or the same page whatever `page` says) would otherwise be read
 * forever. Reaching it fails the pull, keeping the cursor, rather than skipping what is left.
 */
export const JD_MAX_PAGES = 400;
/** The request's `score`: 差评 1, 中评 2 (全部 0, 好评 3) — neutral and negative only. */
const PULLED_SCORES = [1, 2] as const;
/**
 * `resultCode` values are not documented (formats.md: *unverified*); the examples answer "1" with
 * "success". Any other code is taken as the platform refusing, its `resultMsg` shown in words.
 */
const SUCCESS_CODES = new Set(['1', '0', '200']);

const FORMAT = findMarketplaceFormat('jd.getVenderCommentsForJos') as MarketplaceFormat;

/**
 * JD through JOS: `getVenderCommentsForJos` per score (差评, 中评) over a time window, paged to the
 * end; replies by `saveReply`. formats.md documents no result cap for this method, so windows are
 * not split (a day at a time, as the puller asks).
 */
export const jdAdapter: MarketplaceAdapter = {
  platforms: ['jd'],
  format: FORMAT,
  // JOS documents md5 only.
  signMethods: ['md5'],
  defaultSignMethod: 'md5',
  gatewayUrl: (options) => options.josGatewayUrl,
  connect: (credentials: ShopCredentials, options: MarketplaceClientOptions) =>
    new JdShop(
      new JosClient(
        { appKey: credentials.appKey, appSecret: credentials.appSecret, accessToken: credentials.sessionKey },
        options,
      ),
    ),
  replyFailureOf: (error) => authorisationFailure(error) ?? jdReplyFailure(error),
};

function checkResult(answer: Record<string, unknown>): void {
  const code = answer['resultCode'];
  if (code === undefined || code === null || SUCCESS_CODES.has(String(code))) return;
  const message = typeof answer['resultMsg'] === 'string' ? answer['resultMsg'] : null;
  throw new MarketplaceError('platform_refused', String(code), message);
}

class JdShop implements ConnectedShop {
  constructor(private readonly client: JosClient) {}

  async pullWindow(window: PullWindow, take: (items: readonly ReviewItem[]) => Promise<void>): Promise<number> {
    let read = 0;
    for (const score of PULLED_SCORES) {
      for (let page = 1; ; page++) {
        const answer = await this.client.call(JD_LIST_METHOD, {
          score,
          // Time text as the examples write `creationTime`; whether JOS takes it so is *unverified*.
          // Both ends are taken as included: a window ends a second before the next begins.
          beginTime: beijingTime(window.from),
          endTime: beijingTime(new Date(window.to.getTime() - 1000)),
          page,
          pageSize: PAGE_SIZE,
        });
        checkResult(answer);
        const comments = reviewItems(answer['comments']);
        await take(comments);
        read += comments.length;
        const total = Number(answer['totalItem'] ?? 0);
        // A short page ends the list even if `totalItem` says more; JD_MAX_PAGES bounds a gateway giving neither.
        if (comments.length < PAGE_SIZE || page * PAGE_SIZE >= total) break;
        if (page >= JD_MAX_PAGES) {
          throw new MarketplaceError('platform_error', null, `more than ${JD_MAX_PAGES} full pages of one score`);
        }
      }
    }
    return read;
  }

  async postReply(reply: ReplyToPost): Promise<{ platformRequestId: string | null }> {
    // `replyId` answers another reply; a seller's first reply to the comment goes without one.
    const answer = await this.client.call(JD_REPLY_METHOD, { commentId: reply.platformReviewId, content: reply.text });
    checkResult(answer);
    // formats.md documents no field of saveReply's answer; a reply id is kept when one comes back.
    const id = answer['replyId'] ?? answer['requestId'] ?? null;
    return { platformRequestId: id === null ? null : String(id) };
  }

  async replyOnPlatform(reply: ReplyToPost): Promise<string | null> {
    if (!reply.platformOrderId) return null;
    // getVenderCommentsForJos takes no comment id; the order (orderIds ≤ 50) finds the comment.
    const answer = await this.client.call(JD_LIST_METHOD, {
      score: 0,
      orderIds: reply.platformOrderId,
      page: 1,
      pageSize: PAGE_SIZE,
    });
    checkResult(answer);
    const comments = reviewItems(answer['comments']);
    const comment = comments.find((item) => String(item['commentId']) === reply.platformReviewId);
    if (!comment) return null;
    // Others may answer a JD comment too: our text among its replies means ours went out; else
    // `isVenderReply` says whether the seller already answered with something else (and which).
    const replies = reviewItems(comment['replies']);
    const texts = replies.map((item) => (typeof item['content'] === 'string' ? item['content'].trim() : ''));
    if (texts.includes(reply.text.trim())) return reply.text.trim();
    return jdMarkedReplied(comment) ? (jdSellerReply(comment) ?? '(商家已回复)') : null;
  }
}

/** JD's refusal of a reply, from its words: formats.md documents none of saveReply's refusals. */
function jdReplyFailure(error: MarketplaceError): ReplyFailure {
  const said = `${error.platformCode ?? ''} ${error.platformMessage ?? ''}`;
  if (/已回复|already|exist/i.test(said)) return 'already_replied';
  if (/超过|过期|expired|closed/i.test(said)) return 'window_closed';
  if (/敏感|违规|内容|content|forbidden/i.test(said)) return 'text_rejected';
  return 'other';
}
