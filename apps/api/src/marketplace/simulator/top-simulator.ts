import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { signaturesMatch, signTop, TOP_SIGN_METHODS, type TopSignMethod } from '../signing';
import { topTime } from '../top-client';

/** One buyer's rating of one sub-order, as `taobao.traderates.get` serves it. */
export interface SimulatedRate {
  tid: string;
  oid: string;
  nick: string;
  result: 'good' | 'neutral' | 'bad';
  created: Date;
  itemTitle: string;
  itemPrice: string;
  numIid: string;
  ouid: string;
  content: string;
  reply: string;
  /** A follow-up review (追评): after one, TOP no longer takes an explanation. */
  followUp?: { content: string; at: Date };
}

export interface SimulatedApp {
  appKey: string;
  appSecret: string;
}

export interface SimulatedSession {
  appKey: string;
  sessionKey: string;
  expiresAt: Date | null;
}

export interface TopSimulatorOptions {
  now: () => Date;
  apps: readonly SimulatedApp[];
  sessions: readonly SimulatedSession[];
  /** TOP returns at most this many results per query (1,500): split the time window to get more. */
  resultCap?: number;
}

export interface SimulatedRequest {
  method: string;
  params: Record<string, string>;
  /** `ok`, or the TOP error code answered. */
  answer: string;
}

const EXPLAIN_DAYS = 30;
const MAX_PAGE_SIZE = 150;
const BIG_ID_FIELDS = /"(tid|oid|num_iid)":"(\d+)"/g;

/**
 * A local stand-in for Taobao's TOP gateway (tests and the demo): it checks app key, signature
 * and session the way TOP documents, serves `taobao.traderates.get` with paging and the 1,500
 * result cap, takes `taobao.traderate.explain.add` with TOP's refusals (past 30 days, after a
 * follow-up, one explanation per rating), and answers rate limits when told to.
 */
export class TopSimulator {
  readonly rates: SimulatedRate[] = [];
  readonly requests: SimulatedRequest[] = [];
  private readonly sessions: SimulatedSession[];
  private limited = 0;
  private dropped = 0;
  private server: Server | null = null;

  constructor(private readonly options: TopSimulatorOptions) {
    this.sessions = options.sessions.map((session) => ({ ...session }));
  }

  /** Starts on 127.0.0.1 (a free port unless given) and returns the gateway URL. */
  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/router/rest`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Clients keep connections alive between calls; close them too, or close() waits for them.
    server.closeAllConnections();
    await closed;
  }

  addRates(...rates: SimulatedRate[]): void {
    this.rates.push(...rates);
  }

  /** The next `count` calls are refused as over the app's call limit (TOP code 7); 0 lifts the limit. */
  limitNextCalls(count: number): void {
    this.limited = count;
  }

  /**
   * The next `count` explanations are taken but their answers never arrive (the connection is cut),
   * as when the network or the caller fails mid-call: a retry must not post them twice.
   */
  dropNextExplainAnswers(count: number): void {
    this.dropped = count;
  }

  expireSession(sessionKey: string): void {
    for (const session of this.sessions) if (session.sessionKey === sessionKey) session.expiresAt = this.options.now();
  }

  renewSession(sessionKey: string, appKey: string): void {
    this.sessions.push({ appKey, sessionKey, expiresAt: null });
  }

  callsOf(method: string): SimulatedRequest[] {
    return this.requests.filter((request) => request.method === method && request.answer === 'ok');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(
      new URLSearchParams(
        `${new URL(request.url ?? '/', 'http://x').search.slice(1)}&${Buffer.concat(chunks).toString('utf8')}`,
      ),
    );
    const method = params['method'] ?? '';
    const answer = this.answer(method, params);
    const error = 'error_response' in answer ? String((answer['error_response'] as { code: number }).code) : 'ok';
    this.requests.push({ method, params, answer: error });
    if (method === 'taobao.traderate.explain.add' && error === 'ok' && this.dropped > 0) {
      this.dropped -= 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    // TOP writes ids as bare JSON numbers, beyond 2^53 too.
    response.end(JSON.stringify(answer).replace(BIG_ID_FIELDS, '"$1":$2'));
  }

  private answer(method: string, params: Record<string, string>): Record<string, unknown> {
    const app = this.options.apps.find((candidate) => candidate.appKey === params['app_key']);
    if (!app) return topError(29, 'Invalid app Key');
    const signMethod = params['sign_method'] as TopSignMethod;
    if (!TOP_SIGN_METHODS.includes(signMethod)) return topError(25, 'Invalid signature');
    if (!signaturesMatch(params['sign'], signTop(params, app.appSecret, signMethod))) {
      return topError(25, 'Invalid signature');
    }
    const now = this.options.now();
    const session = this.sessions.find(
      (candidate) => candidate.sessionKey === params['session'] && candidate.appKey === app.appKey,
    );
    if (!session || (session.expiresAt !== null && session.expiresAt <= now)) {
      return topError(27, 'Invalid session', 'invalid-sessionkey', 'SessionKey非法或已过期');
    }
    if (this.limited > 0) {
      this.limited -= 1;
      return topError(
        7,
        'App Call Limited',
        'accesscontrol.limited-by-app-access-count',
        'This ban will last for 1 more seconds',
      );
    }
    switch (method) {
      case 'taobao.traderates.get':
        return this.traderates(params);
      case 'taobao.traderate.explain.add':
        return this.explain(params, now);
      default:
        return topError(22, 'Invalid method');
    }
  }

  private traderates(params: Record<string, string>): Record<string, unknown> {
    if (params['rate_type'] !== 'get' || params['role'] !== 'buyer') {
      return topError(40, 'Missing required arguments: rate_type/role');
    }
    const from = params['start_date'] ?? '';
    const to = params['end_date'] ?? '9999';
    const matching = this.rates
      .filter((rate) => (params['tid'] ? rate.tid === params['tid'] : true))
      .filter((rate) => (params['result'] ? rate.result === params['result'] : true))
      .filter((rate) => topTime(rate.created) >= from && topTime(rate.created) <= to)
      .sort((a, b) => b.created.getTime() - a.created.getTime() || a.oid.localeCompare(b.oid))
      .slice(0, this.options.resultCap ?? 1500);
    const pageSize = Math.min(Number(params['page_size'] ?? 40) || 40, MAX_PAGE_SIZE);
    const pageNo = Math.max(Number(params['page_no'] ?? 1) || 1, 1);
    const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    return {
      traderates_get_response: {
        trade_rates: { trade_rate: page.map(toTradeRate) },
        total_results: matching.length,
        request_id: `sim${this.requests.length}`,
      },
    };
  }

  private explain(params: Record<string, string>, now: Date): Record<string, unknown> {
    const rate = this.rates.find((candidate) => candidate.oid === params['oid']);
    const reply = params['reply'] ?? '';
    if (!rate || reply.trim() === '' || [...reply].length > 500) {
      return topError(15, 'Remote service error', 'isv.invalid-parameter', '参数错误：oid 或 reply 不正确');
    }
    if (rate.reply !== '') {
      return topError(15, 'Remote service error', 'isv.traderate-explain-exist', '该评价已有解释，不能重复解释');
    }
    if (rate.followUp) {
      return topError(15, 'Remote service error', 'isv.traderate-explain-after-append', '买家已追评，不能再做解释');
    }
    if (now.getTime() - rate.created.getTime() > EXPLAIN_DAYS * 86_400_000) {
      return topError(15, 'Remote service error', 'isv.traderate-explain-expired', '评价已超过30天，不能再做解释');
    }
    rate.reply = reply;
    return { traderate_explain_add_response: { is_success: true, request_id: `sim${this.requests.length}` } };
  }
}

const topError = (code: number, msg: string, subCode?: string, subMsg?: string) => ({
  error_response: { code, msg, ...(subCode ? { sub_code: subCode, sub_msg: subMsg } : {}), request_id: 'sim' },
});

const toTradeRate = (rate: SimulatedRate) => ({
  tid: rate.tid,
  oid: rate.oid,
  role: 'buyer',
  nick: rate.nick,
  result: rate.result,
  created: topTime(rate.created),
  rated_nick: '模拟店铺',
  item_title: rate.itemTitle,
  item_price: rate.itemPrice,
  content: rate.content,
  reply: rate.reply,
  valid_score: true,
  num_iid: rate.numIid,
  ouid: rate.ouid,
});
