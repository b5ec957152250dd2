import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request signing as each marketplace documents it. Framework-free: the connectors, the
 * marketplace simulator (tests and demo) and nothing else use these, so both sides of every
 * request agree by construction and by the published examples in signing.spec.ts.
 */

/** Request parameters as sent: every value already text (TOP signs what goes over the wire). */
export type SignedParams = Readonly<Record<string, string | undefined>>;

/** TOP's `sign_method`: md5, hmac (HMAC-MD5) or hmac-sha256. */
export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export const TOP_SIGN_METHODS: readonly TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

/**
 * Parameter names in ASCII order, each followed by its value, skipping `sign` and empty values —
 * TOP's, JOS's and Pinduoduo's common "key1value1key2value2" text.
 */
export function concatenateSorted(params: SignedParams): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}${params[key]}`)
    .join('');
}

const sortedMd5 = (sorted: string, secret: string) =>
  createHash('md5').update(`${secret}${sorted}${secret}`, 'utf8').digest('hex').toUpperCase();
const hmacUpper = (algorithm: 'md5' | 'sha256', secret: string, text: string) =>
  createHmac(algorithm, Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex').toUpperCase();

/**
 * Taobao/Tmall TOP: md5 is upper-case hex MD5(secret + sorted pairs + secret); hmac and
 * hmac-sha256 key the HMAC with the secret over the sorted pairs alone.
 */
export function signTop(params: SignedParams, secret: string, method: TopSignMethod): string {
  const text = concatenateSorted(params);
  switch (method) {
    case 'md5':
      return sortedMd5(text, secret);
    case 'hmac':
      return hmacUpper('md5', secret, text);
    case 'hmac-sha256':
      return hmacUpper('sha256', secret, text);
  }
}

/**
 * JD JOS (京东宙斯) and Pinduoduo share TOP's md5 scheme: upper-case MD5(secret + sorted pairs +
 * secret) over the common parameters (JOS puts the business ones in `360buy_param_json`).
 */
export function signSortedMd5(params: SignedParams, secret: string): string {
  return sortedMd5(concatenateSorted(params), secret);
}
export const signJos = signSortedMd5;
export const signPinduoduo = signSortedMd5;

export interface DoudianSignInput {
  appKey: string;
  method: string;
  /** The business parameters as JSON with keys sorted (see doudianParamJson). */
  paramJson: string;
  timestamp: string;
  v: string;
}

/**
 * Douyin 抖店: a fixed order — app_key, method, param_json, timestamp, v — wrapped in the secret;
 * lower-case hex MD5 of it, or HMAC-SHA256 of it keyed with the secret.
 */
export function signDoudian(input: DoudianSignInput, secret: string, method: 'md5' | 'hmac-sha256'): string {
  const text = `${secret}app_key${input.appKey}method${input.method}param_json${input.paramJson}timestamp${input.timestamp}v${input.v}${secret}`;
  return method === 'md5'
    ? createHash('md5').update(text, 'utf8').digest('hex')
    : createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex');
}

/** 抖店 signs param_json with its keys sorted at every level, so both sides produce the same text. */
export function doudianParamJson(params: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sorted(record[key])]),
    );
  };
  return JSON.stringify(sorted(params));
}

/** Compares a received signature with the expected one in constant time (case-insensitive hex). */
export function signaturesMatch(received: string | undefined, expected: string): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(received.toUpperCase(), 'utf8');
  const b = Buffer.from(expected.toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
