import { parseJsonKeepingBigIntegers } from '../bootstrap/json-body';
import { signTop, type TopSignMethod } from './signing';

/** What a connector needs to call TOP for one shop (the secret and session are decrypted only for the call). */
export interface TopCredentials {
  appKey: string;
  appSecret: string;
  sessionKey: string;
  signMethod: TopSignMethod;
}

/** Why a call failed, in the terms a connection's status is shown in. */
export type MarketplaceFailure =
  'signature_rejected' | 'token_expired' | 'rate_limited' | 'platform_refused' | 'platform_error' | 'unreachable';

export class MarketplaceError extends Error {
  constructor(
    readonly failure: MarketplaceFailure,
    /** The platform's own code and words, kept for the case history and the logs (never credentials). */
    readonly platformCode: string | null = null,
    readonly platformMessage: string | null = null,
  ) {
    super(`${failure}${platformCode ? ` (${platformCode})` : ''}${platformMessage ? `: ${platformMessage}` : ''}`);
  }

  /** Worth trying again later: the platform was busy or away, not refusing. */
  get transient(): boolean {
    return this.failure === 'rate_limited' || this.failure === 'unreachable' || this.failure === 'platform_error';
  }
}

export interface RetryOptions {
  /** Tries per call, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles each time. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1_000 };

/** TOP answers times as Beijing wall-clock text; China has kept UTC+8 without summer time since 1991. */
export function topTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

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

export interface TopClientOptions {
  gatewayUrl: string;
  now: () => Date;
  retry?: RetryOptions;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls TOP's REST gateway for one shop: form-encoded POST, signed as `signMethod` says, JSON
 * answers parsed without rounding 19-digit ids. Busy or unreachable platforms are retried with
 * doubling waits; refusals, bad signatures and expired sessions are not.
 */
export class TopClient {
  constructor(
    private readonly credentials: TopCredentials,
    private readonly options: TopClientOptions,
  ) {}

  async call(method: string, business: Record<string, string>): Promise<Record<string, unknown>> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce(method, business);
      } catch (error) {
        if (!(error instanceof MarketplaceError) || !error.transient || attempt >= retry.attempts) throw error;
        await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
      }
    }
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
    let text: string;
    try {
      const response = await fetch(this.options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      text = await response.text();
      if (response.status >= 500 || response.status === 429) {
        throw new MarketplaceError(
          response.status === 429 ? 'rate_limited' : 'platform_error',
          `HTTP ${response.status}`,
        );
      }
    } catch (error) {
      if (error instanceof MarketplaceError) throw error;
      throw new MarketplaceError('unreachable', null, (error as Error).name);
    }
    let body: unknown;
    try {
      body = parseJsonKeepingBigIntegers(text, 64);
    } catch {
      throw new MarketplaceError('platform_error', null, 'the answer was not JSON');
    }
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (record['error_response']) throw classifyTopError(record['error_response'] as TopErrorBody);
    return record;
  }
}
