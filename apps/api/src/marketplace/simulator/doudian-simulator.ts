import type { IncomingMessage } from 'node:http';

import { DOUDIAN_MAX_PAGE_SIZE, DOUDIAN_RESULT_CAP, DOUDIAN_VERSION, doudianPath } from '../doudian-client';
import { beijingTime } from '../marketplace-call';
import { signaturesMatch, signDoudian } from '../signing';
import { GatewaySimulator, type GatewaySimulatorOptions, type SimulatedAnswer } from './gateway-simulator';

/** One buyer's comment on one sub-order's product, as `comment.list` serves it (formats.md §3). */
export interface SimulatedDouyinComment {
  commentId: string;
  productId: string;
  productName: string;
  /** The sub-order. */
  orderId: string;
  commentTime: Date;
  /** 1 差评, 2 中评, 3 好评. */
  rate: 1 | 2 | 3;
  content: string;
  appendContent: string;
  appendTime: Date | null;
  isReply: boolean;
  replyContent: string;
  /** When set, 抖店 refuses a reply to this comment with these words (its rules are not documented). */
  refuseRepliesWith?: string;
}

export interface DoudianSimulatorOptions extends GatewaySimulatorOptions {
  /** Results one query can reach (default the connector's assumed DOUDIAN_RESULT_CAP). */
  resultCap?: number;
}

const LIST = 'comment.list';
const REPLY = 'comment.reply';
/** formats.md §3: a reply is at most 100 (Chinese) characters. */
const MAX_REPLY_CHARS = 100;
/** Ids 抖店 writes as bare JSON numbers (19 digits, beyond 2^53). */
const NUMERIC_IDS = /"(comment_id|product_id|order_id)":"(\d+)"/g;

/**
 * A local stand-in for the 抖店 gateway (tests and the demo): the method's path, app key,
 * signature (md5 or hmac-sha256 over the documented text, param_json as sent) and access token
 * are checked; `comment.list` pages from 0 (≤ 100 a page, the query's results capped),
 * `comment.reply` takes one reply per comment (refusing a second, an empty or over-long one, or
 * any the test marks refused); rate limits on demand. Error numbers are those of the SDK
 * formats.md cites (9 too frequent, 11 signature, 30002 token expired, 4 bad parameter); the
 * words are the simulator's own.
 */
export class DoudianSimulator extends GatewaySimulator {
  readonly comments: SimulatedDouyinComment[] = [];
  private readonly resultCap: number;

  constructor(options: DoudianSimulatorOptions) {
    super(options, '', REPLY);
    this.resultCap = options.resultCap ?? DOUDIAN_RESULT_CAP;
  }

  addComments(...comments: SimulatedDouyinComment[]): void {
    this.comments.push(...comments);
  }

  protected override params(url: URL, body: string): Record<string, string> {
    return { ...Object.fromEntries(url.searchParams), param_json: body, path: url.pathname };
  }

  protected read(_request: IncomingMessage, params: Record<string, string>): string {
    return params['method'] ?? '';
  }

  protected write(body: Record<string, unknown>): string {
    return JSON.stringify(body).replace(NUMERIC_IDS, '"$1":$2');
  }

  protected answer(method: string, params: Record<string, string>): SimulatedAnswer {
    if (params['path'] !== doudianPath(method)) return failure(4, `路径与 method 不符：${params['path'] ?? ''}`);
    const app = this.app(params['app_key']);
    if (!app) return failure(30001, '认证失败，app_key不存在');
    const signMethod = params['sign_method'] === 'hmac-sha256' ? 'hmac-sha256' : 'md5';
    const expected = signDoudian(
      {
        appKey: app.appKey,
        method,
        paramJson: params['param_json'] ?? '',
        timestamp: params['timestamp'] ?? '',
        v: params['v'] ?? '',
      },
      app.appSecret,
      signMethod,
    );
    if (params['v'] !== DOUDIAN_VERSION || !signaturesMatch(params['sign'], expected)) {
      return failure(11, '签名校验失败');
    }
    if (!this.tokenValid(app.appKey, params['access_token'])) return failure(30002, 'access_token已过期');
    if (this.overLimit()) return failure(9, '访问太频繁，请稍后再试');
    let business: Record<string, unknown>;
    try {
      business = JSON.parse(params['param_json'] || '{}') as Record<string, unknown>;
    } catch {
      return failure(6, '业务参数json解析失败');
    }
    switch (method) {
      case LIST:
        return this.list(business);
      case REPLY:
        return this.reply(business);
      default:
        return failure(4, '不存在的方法');
    }
  }

  private list(business: Record<string, unknown>): SimulatedAnswer {
    const size = Number(business['size'] ?? 10);
    const page = Number(business['page'] ?? 0);
    if (!Number.isInteger(size) || size < 1 || size > DOUDIAN_MAX_PAGE_SIZE) {
      return failure(4, `size 应为 1–${DOUDIAN_MAX_PAGE_SIZE}`);
    }
    if (!Number.isInteger(page) || page < 0) return failure(4, 'page 从 0 开始');
    const rate = business['rate'] === undefined ? null : Number(business['rate']);
    const order = business['order_id'] === undefined ? null : String(business['order_id']);
    const from = typeof business['start_time'] === 'string' ? business['start_time'] : '';
    const to = typeof business['end_time'] === 'string' ? business['end_time'] : '9999';
    const matching = this.comments
      .filter((comment) => order === null || comment.orderId === order)
      .filter((comment) => rate === null || comment.rate === rate)
      .filter((comment) => beijingTime(comment.commentTime) >= from && beijingTime(comment.commentTime) <= to)
      .sort((a, b) => a.commentTime.getTime() - b.commentTime.getTime() || a.commentId.localeCompare(b.commentId));
    const reachable = matching.slice(0, this.resultCap);
    return ok({
      total: matching.length,
      comments: reachable.slice(page * size, (page + 1) * size).map(toComment),
    });
  }

  private reply(business: Record<string, unknown>): SimulatedAnswer {
    const comment = this.comments.find((item) => item.commentId === String(business['comment_id'] ?? ''));
    const content = String(business['content'] ?? '');
    if (!comment) return failure(4, '评价不存在');
    if (content.trim() === '' || [...content].length > MAX_REPLY_CHARS) {
      return failure(4, `回复内容需为 1–${MAX_REPLY_CHARS} 个字`);
    }
    if (comment.isReply) return failure(50002, '该评价已回复，不能重复回复');
    if (comment.refuseRepliesWith) return failure(50002, comment.refuseRepliesWith);
    comment.isReply = true;
    comment.replyContent = content;
    return ok({});
  }
}

let logIds = 0;
const logId = () => `2026${String((logIds += 1)).padStart(26, '0')}`;

const ok = (data: Record<string, unknown>): SimulatedAnswer => ({
  body: { err_no: 0, message: 'success', log_id: logId(), data },
  outcome: 'ok',
});

const failure = (errNo: number, message: string): SimulatedAnswer => ({
  body: { err_no: errNo, message, log_id: logId(), data: null },
  outcome: `err_no ${errNo}`,
});

const toComment = (comment: SimulatedDouyinComment) => ({
  comment_id: comment.commentId,
  product_id: comment.productId,
  product_name: comment.productName,
  order_id: comment.orderId,
  comment_time: beijingTime(comment.commentTime),
  update_time: beijingTime(comment.appendTime ?? comment.commentTime),
  rate: comment.rate,
  content: comment.content,
  photos: [],
  append_content: comment.appendContent,
  append_photos: [],
  append_time: comment.appendTime ? beijingTime(comment.appendTime) : '',
  is_changed: false,
  is_reply: comment.isReply,
  reply_content: comment.replyContent,
});
