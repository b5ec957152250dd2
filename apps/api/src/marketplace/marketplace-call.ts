import { parseJsonKeepingBigIntegers } from '../bootstrap/json-body';

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

/**
 * The largest answer read (16 MiB). A page of 100 reviews is well under 1 MiB; a gateway that sends
 * more is broken or hostile, and reading all it sends into one string could take the process down.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

const tooLarge = () =>
  new MarketplaceError('platform_error', null, `the answer was over ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);

/** The answer's text, refused (and the rest left unread) once it passes MAX_ANSWER_BYTES. */
async function cappedText(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length')) > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  // TextDecoder, like response.text(), drops a byte order mark that JSON.parse would choke on.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** What every platform client is built with. */
export interface MarketplaceClientOptions {
  gatewayUrl: string;
  now: () => Date;
  retry?: RetryOptions;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs one call, trying again with doubling waits while the platform is busy or away; refusals are not retried. */
export async function withRetry<T>(options: MarketplaceClientOptions, call: () => Promise<T>): Promise<T> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof MarketplaceError) || !error.transient || attempt >= retry.attempts) throw error;
      await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * Sends one HTTP request and parses the JSON answer without rounding 19-digit ids. HTTP 429 is a
 * rate limit, 5xx an outage, an answer over MAX_ANSWER_BYTES a platform error, a network failure or
 * timeout (the whole answer within timeoutMs) "unreachable".
 */
export async function requestJson(
  options: MarketplaceClientOptions,
  request: { url: string; method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    text = await cappedText(response);
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
  return (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
}

/** Beijing wall-clock text (`yyyy-MM-dd HH:mm:ss`), as TOP, JOS and 抖店 write times; China keeps UTC+8 without summer time. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
