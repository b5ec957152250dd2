import type { Locale, RobotPlatform } from '@chaping/domain';

import { feishuSign, signedDingtalkUrl } from './robot-signing';

export interface RobotTarget {
  platform: RobotPlatform;
  webhookUrl: string;
  secret: string | null;
}

export type RobotAnswer = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 10_000;

const ROBOT_NAMES: Record<RobotPlatform, Record<Locale, string>> = {
  dingtalk: { 'zh-CN': '钉钉', en: 'DingTalk' },
  wecom: { 'zh-CN': '企业微信', en: 'WeCom' },
  feishu: { 'zh-CN': '飞书', en: 'Feishu' },
};

/** The platforms' codes for a refused signature (DingTalk 310000, Feishu 19021) and a bad WeCom key (93000). */
const SIGNATURE_CODES = new Set([310000, 19021, 93000]);

/** The request each platform expects for one text message, signed as it documents. */
export function robotRequest(target: RobotTarget, text: string, now: Date): { url: string; body: unknown } {
  switch (target.platform) {
    case 'dingtalk':
      return {
        url: target.secret ? signedDingtalkUrl(target.webhookUrl, target.secret, now.getTime()) : target.webhookUrl,
        body: { msgtype: 'text', text: { content: text } },
      };
    case 'wecom':
      return { url: target.webhookUrl, body: { msgtype: 'text', text: { content: text } } };
    case 'feishu': {
      const seconds = Math.floor(now.getTime() / 1000);
      const signature = target.secret ? { timestamp: String(seconds), sign: feishuSign(target.secret, seconds) } : {};
      return { url: target.webhookUrl, body: { ...signature, msg_type: 'text', content: { text } } };
    }
  }
}

/**
 * Posts one message and says how it went in words (the platform's refusal, a timeout…), never
 * echoing the webhook URL or the secret. Redirects are refused: the checked host is the only host.
 */
export async function sendToRobot(target: RobotTarget, text: string, now: Date, locale: Locale): Promise<RobotAnswer> {
  const zh = locale === 'zh-CN';
  const name = ROBOT_NAMES[target.platform][locale];
  const request = robotRequest(target, text, now);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut
        ? zh
          ? `${name}机器人 ${TIMEOUT_MS / 1000} 秒内没有应答`
          : `The ${name} robot did not answer within ${TIMEOUT_MS / 1000} seconds`
        : zh
          ? `无法连接${name}机器人`
          : `Could not reach the ${name} robot`,
    };
  }
  const answer = (await response.json().catch(() => ({}))) as {
    errcode?: number;
    code?: number;
    errmsg?: string;
    msg?: string;
  };
  const code = answer.errcode ?? answer.code ?? (response.ok ? 0 : response.status);
  if (response.ok && code === 0) return { ok: true };
  const detail = String(answer.errmsg ?? answer.msg ?? `HTTP ${response.status}`).slice(0, 200);
  if (SIGNATURE_CODES.has(code)) {
    return {
      ok: false,
      reason: zh
        ? `${name}拒绝了消息：签名或密钥不正确，请核对机器人的加签密钥和 Webhook 地址（${code} ${detail}）`
        : `${name} refused the message: the signature or key is wrong; check the robot's secret and webhook address (${code} ${detail})`,
    };
  }
  return {
    ok: false,
    reason: zh ? `${name}拒绝了消息（${code} ${detail}）` : `${name} refused the message (${code} ${detail})`,
  };
}
