import {
  beijingTime,
  MarketplaceError,
  requestJson,
  withRetry,
  type MarketplaceClientOptions,
} from './marketplace-call';
import { signJos } from './signing';

/** What a connector needs to call JD's JOS for one shop (the secret and token are decrypted only for the call). */
export interface JosCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
}

/** JOS names a method's answer after the method, dots as underscores, with its own spelling "responce". */
export const josResponseKey = (method: string) => `${method.replaceAll('.', '_')}_responce`;

interface JosErrorBody {
  code?: number | string;
  zh_desc?: string;
  en_desc?: string;
}

/**
 * JOS's errors. formats.md documents no JOS error code, so they are classified by their words
 * (the `error_response` {code, zh_desc, en_desc} shape is JOS's common envelope, not verified in
 * ../shared/data): signature, token and call-limit words; anything else is a platform error.
 */
export function classifyJosError(error: JosErrorBody): MarketplaceError {
  const code = error.code === undefined ? null : String(error.code);
  const words = error.zh_desc || error.en_desc || null;
  const said = `${error.en_desc ?? ''} ${error.zh_desc ?? ''}`;
  if (/sign|签名/i.test(said)) return new MarketplaceError('signature_rejected', code, words);
  if (/access_?token|token|授权/i.test(said)) return new MarketplaceError('token_expired', code, words);
  if (/limit|频繁|流控|限流/i.test(said)) return new MarketplaceError('rate_limited', code, words);
  return new MarketplaceError('platform_error', code, words);
}

/**
 * Calls JD's JOS router (routerjson) for one shop: form-encoded POST of the common parameters,
 * the business ones as `360buy_param_json`, signed md5 like TOP (secret + sorted pairs + secret,
 * upper-case). Busy or unreachable platforms are retried with doubling waits; refusals are not.
 */
export class JosClient {
  constructor(
    private readonly credentials: JosCredentials,
    private readonly options: MarketplaceClientOptions,
  ) {}

  /** The method's answer (the `…_responce` object). */
  call(method: string, business: Record<string, unknown>): Promise<Record<string, unknown>> {
    return withRetry(this.options, () => this.callOnce(method, business));
  }

  private async callOnce(method: string, business: Record<string, unknown>): Promise<Record<string, unknown>> {
    const params: Record<string, string> = {
      method,
      app_key: this.credentials.appKey,
      access_token: this.credentials.accessToken,
      timestamp: beijingTime(this.options.now()),
      v: '2.0',
      '360buy_param_json': JSON.stringify(business),
    };
    params['sign'] = signJos(params, this.credentials.appSecret);
    const record = await requestJson(this.options, {
      url: this.options.gatewayUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    if (record['error_response']) throw classifyJosError(record['error_response'] as JosErrorBody);
    const answer = record[josResponseKey(method)];
    if (typeof answer !== 'object' || answer === null) {
      throw new MarketplaceError('platform_error', null, `the answer had no ${josResponseKey(method)}`);
    }
    return answer as Record<string, unknown>;
  }
}
