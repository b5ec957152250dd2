import { createHmac } from 'node:crypto';

/**
 * DingTalk custom robot "加签": HMAC-SHA256 keyed with the secret over `timestamp + "\n" + secret`,
 * base64; sent as the `timestamp` (milliseconds) and url-encoded `sign` query parameters.
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/**
 * Feishu / Lark custom bot "签名校验": HMAC-SHA256 keyed with `timestamp + "\n" + secret` over an
 * empty message, base64; sent as `timestamp` (seconds, a string) and `sign` in the JSON body.
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The DingTalk webhook with its signature added (the access token is already in the URL). */
export function signedDingtalkUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return url.toString();
}
