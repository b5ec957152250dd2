import type { Locale } from '@chaping/domain';

import type { MarketplaceFailure } from '../marketplace/marketplace-call';

/** A connection's last failure in words for the settings page (the platform's own words appended when it gave some). */
const FAILURE_WORDS: Record<MarketplaceFailure, Record<Locale, string>> = {
  signature_rejected: {
    'zh-CN': '平台拒绝了请求签名：请核对 App Key 和 App Secret 是否属于同一个应用',
    en: 'The marketplace rejected the request signature: check that the app key and app secret belong to the same app',
  },
  token_expired: {
    'zh-CN': '店铺授权（SessionKey）已过期或无效，已暂停拉取：请店铺重新授权后更新连接',
    en: "The shop's authorisation (session key) has expired or is invalid; pulling is paused until the connection gets a new one",
  },
  rate_limited: {
    'zh-CN': '平台限流，已自动推迟重试',
    en: 'The marketplace is limiting calls; the next try is postponed',
  },
  platform_refused: { 'zh-CN': '平台拒绝了该操作', en: 'The marketplace refused the request' },
  platform_error: {
    'zh-CN': '平台返回错误，稍后自动重试',
    en: 'The marketplace answered with an error; it will be tried again',
  },
  unreachable: {
    'zh-CN': '无法连接平台接口，稍后自动重试',
    en: 'The marketplace could not be reached; it will be tried again',
  },
};

export function failureWords(failure: MarketplaceFailure, locale: Locale, platformMessage: string | null): string {
  const words = FAILURE_WORDS[failure][locale];
  if (!platformMessage) return words;
  return locale === 'en'
    ? `${words} (the marketplace said: ${platformMessage})`
    : `${words}（平台提示：${platformMessage}）`;
}

export const isMarketplaceFailure = (value: string): value is MarketplaceFailure => value in FAILURE_WORDS;
