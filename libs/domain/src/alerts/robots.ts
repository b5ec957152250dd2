import { refusal, type Refusal } from '../refusals/refusal';

/** The team chat robots alerts go to. */
export const ROBOT_PLATFORMS = ['dingtalk', 'wecom', 'feishu'] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];

/** What a robot may be told about; each robot chooses its own. */
export const ALERT_TRIGGERS = ['critical_case', 'first_contact_due', 'approval_waiting', 'connector_failed'] as const;
export type AlertTrigger = (typeof ALERT_TRIGGERS)[number];

/**
 * Where each platform's group robots live (host and path prefix, over https on the default port).
 * A webhook anywhere else is refused, so the feature cannot be pointed at an internal address.
 */
export const ROBOT_ENDPOINTS: Record<RobotPlatform, readonly { host: string; path: string }[]> = {
  dingtalk: [{ host: 'oapi.dingtalk.com', path: '/robot/send' }],
  wecom: [{ host: 'qyapi.weixin.qq.com', path: '/cgi-bin/webhook/send' }],
  feishu: [
    { host: 'open.feishu.cn', path: '/open-apis/bot/v2/hook/' },
    { host: 'open.larksuite.com', path: '/open-apis/bot/v2/hook/' },
  ],
};

/** Whether a platform's robot is signed with a secret the team enters (WeCom's key is in the URL). */
export const ROBOT_SIGNS_WITH_SECRET: Record<RobotPlatform, boolean> = { dingtalk: true, wecom: false, feishu: true };

// The WHATWG URL parser exists in browsers and Node alike; the library is built without DOM or
// Node types, so only the members read here are declared.
declare const URL: new (input: string) => {
  protocol: string;
  hostname: string;
  port: string;
  pathname: string;
  username: string;
  password: string;
};

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface WebhookCheckOptions {
  /** Tests and local demos only: plain http to this machine, any path (ALERTS_ALLOW_LOCAL_HTTP). */
  allowLocalHttp: boolean;
}

/**
 * Null when `url` is a webhook of `platform`'s group robots; otherwise why not. The API refuses
 * with it and the settings form shows it before saving.
 */
export function checkRobotWebhook(platform: RobotPlatform, url: string, options: WebhookCheckOptions): Refusal | null {
  let parsed: InstanceType<typeof URL>;
  try {
    parsed = new URL(url.trim());
  } catch {
    return refusal('alerts.webhook_invalid');
  }
  const hostname = parsed.hostname.toLowerCase();
  if (options.allowLocalHttp && LOCAL_HOSTS.includes(hostname) && parsed.protocol === 'http:') return null;
  if (parsed.protocol !== 'https:') return refusal('alerts.webhook_not_https');
  const endpoints = ROBOT_ENDPOINTS[platform];
  const known = endpoints.some(
    (endpoint) =>
      endpoint.host === hostname &&
      parsed.pathname.startsWith(endpoint.path) &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === '',
  );
  if (!known) {
    return refusal('alerts.webhook_host_not_allowed', {
      platform,
      hosts: endpoints.map((endpoint) => `${endpoint.host}${endpoint.path}`),
    });
  }
  return null;
}
