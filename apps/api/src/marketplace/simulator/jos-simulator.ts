import type { IncomingMessage } from 'node:http';

import { josResponseKey } from '../jos-client';
import { beijingTime } from '../marketplace-call';
import { signaturesMatch, signJos } from '../signing';
import { GatewaySimulator, type GatewaySimulatorOptions, type SimulatedAnswer } from './gateway-simulator';

/** One buyer's comment on one SKU of an order, as `getVenderCommentsForJos` serves it. */
export interface SimulatedJdComment {
  commentId: string;
  orderId: string;
  skuid: string;
  skuName: string;
  nickName: string;
  xidBuyer: string;
  content: string;
  creationTime: Date;
  /** 1–5 stars (formats.md: *likely*, unverified). */
  score: number;
  replies: Array<{ replyId: string; content: string; nickName: string; creationTime: Date }>;
  isVenderReply: boolean;
  /** When set, JD refuses a reply to this comment with these words (its rules are not documented). */
  refuseRepliesWith?: string;
}

const LIST = 'jingdong.pop.PopCommentJsfService.getVenderCommentsForJos';
const REPLY = 'jingdong.pop.PopCommentJsfService.saveReply';
const MAX_PAGE_SIZE = 50;
/** The simulator's own limit: formats.md documents no length for a JD reply. */
const MAX_REPLY_CHARS = 500;

/**
 * JD's request `score` (差评 1, 中评 2, 好评 3) against a comment's stars: 1 star 差评, 2–3 中评,
 * 4–5 好评 — JD's usual banding, *not* confirmed by formats.md.
 */
const band = (stars: number) => (stars <= 1 ? 1 : stars <= 3 ? 2 : 3);

/**
 * A local stand-in for JD's JOS router (tests and the demo): it checks app key, md5 signature
 * and access token, serves `getVenderCommentsForJos` with paging (≤ 50 a page), takes `saveReply`
 * (refusing a second seller reply, an empty or over-long one, or any the test marks refused), and
 * answers rate limits when told to. JOS's error codes are not in formats.md: the simulator's codes
 * are its own and only the words (which the client reads) follow JOS's `error_response` shape.
 */
export class JosSimulator extends GatewaySimulator {
  readonly comments: SimulatedJdComment[] = [];
  private replies = 0;

  constructor(options: GatewaySimulatorOptions) {
    super(options, '/routerjson', REPLY);
  }

  addComments(...comments: SimulatedJdComment[]): void {
    this.comments.push(...comments);
  }

  protected read(_request: IncomingMessage, params: Record<string, string>): string {
    return params['method'] ?? '';
  }

  protected write(body: Record<string, unknown>): string {
    return JSON.stringify(body).replace(/"orderId":"(\d+)"/g, '"orderId":$1');
  }

  protected answer(method: string, params: Record<string, string>): SimulatedAnswer {
    const app = this.app(params['app_key']);
    if (!app) return josError('app_key_invalid', '无效的app_key', 'Invalid app_key');
    if (!signaturesMatch(params['sign'], signJos(params, app.appSecret))) {
      return josError('sign_invalid', '签名无效', 'Invalid signature');
    }
    if (!this.tokenValid(app.appKey, params['access_token'])) {
      return josError('token_invalid', 'access_token无效或已过期', 'Invalid access_token');
    }
    if (this.overLimit()) return josError('call_limited', '调用频率超限，请稍后再试', 'Call limit exceeded');
    let business: Record<string, unknown>;
    try {
      business = JSON.parse(params['360buy_param_json'] ?? '{}') as Record<string, unknown>;
    } catch {
      return josError('param_invalid', '360buy_param_json 不是合法的JSON', 'Invalid 360buy_param_json');
    }
    switch (method) {
      case LIST:
        return ok(method, this.list(business));
      case REPLY:
        return this.reply(business);
      default:
        return josError('method_invalid', '无效的方法', 'Invalid method');
    }
  }

  private list(business: Record<string, unknown>): Record<string, unknown> {
    const score = Number(business['score'] ?? 0);
    const from = String(business['beginTime'] ?? '');
    const to = String(business['endTime'] ?? '9999');
    const orders = business['orderIds'] ? String(business['orderIds']).split(',') : null;
    const matching = this.comments
      .filter((comment) => (orders ? orders.includes(comment.orderId) : true))
      .filter((comment) => score === 0 || band(comment.score) === score)
      .filter(
        (comment) =>
          orders !== null || (beijingTime(comment.creationTime) >= from && beijingTime(comment.creationTime) <= to),
      )
      .sort((a, b) => b.creationTime.getTime() - a.creationTime.getTime() || a.commentId.localeCompare(b.commentId));
    const pageSize = Math.min(Number(business['pageSize'] ?? 10) || 10, MAX_PAGE_SIZE);
    const page = Math.max(Number(business['page'] ?? 1) || 1, 1);
    return {
      comments: matching.slice((page - 1) * pageSize, page * pageSize).map(toComment),
      totalItem: matching.length,
      page,
      resultCode: '1',
      resultMsg: 'success',
    };
  }

  private reply(business: Record<string, unknown>): SimulatedAnswer {
    const comment = this.comments.find((item) => item.commentId === String(business['commentId'] ?? ''));
    const content = String(business['content'] ?? '');
    if (!comment || content.trim() === '' || [...content].length > MAX_REPLY_CHARS) {
      return refused(REPLY, '参数错误：commentId 或 content 不正确');
    }
    if (comment.isVenderReply) return refused(REPLY, '该评价商家已回复，不能重复回复');
    if (comment.refuseRepliesWith) return refused(REPLY, comment.refuseRepliesWith);
    this.replies += 1;
    const replyId = `9${String(this.replies).padStart(10, '0')}`;
    comment.replies.push({ replyId, content, nickName: '商家', creationTime: this.options.now() });
    comment.isVenderReply = true;
    return ok(REPLY, { resultCode: '1', resultMsg: 'success', replyId });
  }
}

const ok = (method: string, answer: Record<string, unknown>): SimulatedAnswer => ({
  body: { [josResponseKey(method)]: answer },
  outcome: 'ok',
});

const refused = (method: string, words: string): SimulatedAnswer => ({
  body: { [josResponseKey(method)]: { resultCode: '0001', resultMsg: words } },
  outcome: 'refused',
});

const josError = (code: string, zh: string, en: string): SimulatedAnswer => ({
  body: { error_response: { code, zh_desc: zh, en_desc: en } },
  outcome: code,
});

const toComment = (comment: SimulatedJdComment) => ({
  commentId: comment.commentId,
  skuid: comment.skuid,
  content: comment.content,
  creationTime: beijingTime(comment.creationTime),
  skuImage: '',
  skuName: comment.skuName,
  replyCount: comment.replies.length,
  status: 1,
  score: comment.score,
  usefulCount: 0,
  isVenderReply: comment.isVenderReply,
  nickName: comment.nickName,
  replies: comment.replies.map((reply) => ({
    content: reply.content,
    replyId: reply.replyId,
    creationTime: beijingTime(reply.creationTime),
    nickName: reply.nickName,
    parentReply: null,
  })),
  images: [],
  videos: [],
  imiageStatus: 0,
  pin: '',
  orderId: comment.orderId,
  open_id_buyer: '',
  xid_buyer: comment.xidBuyer,
  encrypt_orderId: '',
});
