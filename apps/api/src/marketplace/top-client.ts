import {
  beijingTime,
  MarketplaceError,
  requestJson,
  withRetry,
  type MarketplaceClientOptions,
} from './marketplace-call';
import { signTop, type TopSignMethod } from './signing';

/** What a connector needs to call TOP for one shop (the secret and session are decrypted only for the call). */
export interface TopCredentials {
  appKey: string;
  appSecret: string;
  sessionKey: string;
  signMethod: TopSignMethod;
}

/** TOP answers times as Beijing wall-clock text. */
export const topTime = beijingTime;

interface TopErrorBody {
  code?: number | string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
}

/**
 * TOP's error codes (open.taobao.com "错误码"): 7 app call limited, 11/12 no permission, 25 invalid
 * signature, 26/27 missing or invalid session, 15 a business refusal told in sub_code/sub_msg.
 */
export function classifyTopError(error: TopErrorBody): MarketplaceError {
  const code = String(error.code ?? '');
  const subCode = error.sub_code ?? '';
  const words = error.sub_msg || error.msg || null;
  const platformCode = subCode || code || null;
  if (code === '7' || subCode.startsWith('accesscontrol.limited'))
    return new MarketplaceError('rate_limited', platformCode, words);
  if (code === '25') return new MarketplaceError('signature_rejected', platformCode, words);
  if (code === '26' || code === '27' || /session/i.test(subCode))
    return new MarketplaceError('token_expired', platformCode, words);
  if (subCode.startsWith('isv.') || code === '15') return new MarketplaceError('platform_refused', platformCode, words);
  return new MarketplaceError('platform_error', platformCode, words);
}

/**
 * Calls TOP's REST gateway for one shop: form-encoded POST, signed as `signMethod` says, JSON
 * answers parsed without rounding 19-digit ids. Busy or unreachable platforms are retried with
 * doubling waits; refusals, bad signatures and expired sessions are not.
 */
export class TopClient {
  constructor(
    private readonly credentials: TopCredentials,
    private readonly options: MarketplaceClientOptions,
  ) {}

  call(method: string, business: Record<string, string>): Promise<Record<string, unknown>> {
    return withRetry(this.options, () => this.callOnce(method, business));
  }

  private async callOnce(method: string, business: Record<string, string>): Promise<Record<string, unknown>> {
    const params: Record<string, string> = {
      ...business,
      method,
      app_key: this.credentials.appKey,
      session: this.credentials.sessionKey,
      timestamp: topTime(this.options.now()),
      format: 'json',
      v: '2.0',
      sign_method: this.credentials.signMethod,
    };
    params['sign'] = signTop(params, this.credentials.appSecret, this.credentials.signMethod);
    const record = await requestJson(this.options, {
      url: this.options.gatewayUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    if (record['error_response']) throw classifyTopError(record['error_response'] as TopErrorBody);
    return record;
  }
}
