import {
  beijingTime,
  MarketplaceError,
  requestJson,
  withRetry,
  type MarketplaceClientOptions,
} from './marketplace-call';
import { doudianParamJson, signDoudian } from './signing';

export type DoudianSignMethod = 'md5' | 'hmac-sha256';

/** What a connector needs to call 抖店 for one shop (the secret and token are decrypted only for the call). */
export interface DoudianCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  signMethod: DoudianSignMethod;
}

/** The API version the signature covers (`v`): 2 in the guide and the SDKs. */
export const DOUDIAN_VERSION = '2';

/** formats.md §3: `comment.list` pages from 0, at most 100 a page. */
export const DOUDIAN_MAX_PAGE_SIZE = 100;
/**
 * Results one `comment.list` query can reach. formats.md documents no cap for it: this is an
 * assumption (10,000, the page × size ceiling usual for 抖店's list APIs, *unverified*, to check
 * against a real app). A window whose total reaches it is halved until it fits.
 */
export const DOUDIAN_RESULT_CAP = 10_000;

/** 抖店 routes a method by path: `comment.list` is served at `/comment/list`. */
export const doudianPath = (method: string) => `/${method.replaceAll('.', '/')}`;

/**
 * 抖店's `err_no` values as the third-party SDK formats.md cites lists them
 * (`Lesible/retrofit-doudian-sdk` `common/ErrorCode.java`): 7 server error, 8 busy, 9 too many
 * requests, 11 signature check failed, 30001–30007 authorisation (app key or token unknown,
 * token expired, shop authorisation lapsed or closed, app key and token not matching). 30004
 * (app disabled by the platform) needs a person as much as an expired token does. Any other
 * non-zero `err_no` is the platform refusing the request, its `message` shown in words.
 */
const RATE_LIMITED = new Set([9]);
const BUSY = new Set([7, 8]);
const SIGNATURE = new Set([11]);
const AUTHORISATION = new Set([30001, 30002, 30003, 30004, 30005, 30006, 30007]);

export function classifyDoudianError(errNo: number, message: string | null): MarketplaceError {
  const code = String(errNo);
  if (RATE_LIMITED.has(errNo)) return new MarketplaceError('rate_limited', code, message);
  if (BUSY.has(errNo)) return new MarketplaceError('platform_error', code, message);
  if (SIGNATURE.has(errNo)) return new MarketplaceError('signature_rejected', code, message);
  if (AUTHORISATION.has(errNo)) return new MarketplaceError('token_expired', code, message);
  return new MarketplaceError('platform_refused', code, message);
}

/**
 * Calls 抖店 (op.jinritemai.com) for one shop as its guide describes: the method's path on the
 * gateway, the common parameters (app_key, method, access_token, timestamp, v, sign_method, sign)
 * in the query, the business parameters as `param_json` (keys sorted) in a JSON body, signed with
 * signDoudian over exactly that text. Answers are `{err_no, message, log_id, data}`; 19-digit ids
 * are kept exact. Busy or unreachable platforms are retried with doubling waits; refusals are not.
 */
export class DoudianClient {
  constructor(
    private readonly credentials: DoudianCredentials,
    private readonly options: MarketplaceClientOptions,
  ) {}

  /** The answer's `data` (an empty object when the method answers none). */
  call(method: string, business: Record<string, unknown>): Promise<Record<string, unknown>> {
    return withRetry(this.options, () => this.callOnce(method, business));
  }

  private async callOnce(method: string, business: Record<string, unknown>): Promise<Record<string, unknown>> {
    const paramJson = doudianParamJson(business);
    const timestamp = beijingTime(this.options.now());
    const { appKey, appSecret, accessToken, signMethod } = this.credentials;
    const sign = signDoudian({ appKey, method, paramJson, timestamp, v: DOUDIAN_VERSION }, appSecret, signMethod);
    const query = new URLSearchParams({
      app_key: appKey,
      method,
      access_token: accessToken,
      timestamp,
      v: DOUDIAN_VERSION,
      sign_method: signMethod,
      sign,
    });
    const record = await requestJson(this.options, {
      url: `${this.options.gatewayUrl.replace(/\/+$/, '')}${doudianPath(method)}?${query.toString()}`,
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: paramJson,
    });
    const errNo = Number(record['err_no'] ?? NaN);
    if (!Number.isInteger(errNo)) throw new MarketplaceError('platform_error', null, 'the answer had no err_no');
    if (errNo !== 0) {
      throw classifyDoudianError(errNo, typeof record['message'] === 'string' ? record['message'] : null);
    }
    const data = record['data'];
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  }
}
