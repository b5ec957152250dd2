import { ConfigError } from '../config/app-config';
import type { RetryOptions } from '../marketplace/marketplace-call';
import type { ConnectionKeyring } from './credential-cipher';

export const CONNECTION_KEYRING = Symbol('CONNECTION_KEYRING');
export const MARKETPLACE_OPTIONS = Symbol('MARKETPLACE_OPTIONS');

export interface MarketplaceOptions {
  /** TOP's REST gateway (TOP_GATEWAY_URL); the simulator's in tests and the demo. */
  topGatewayUrl: string;
  /** JD JOS's router (JOS_GATEWAY_URL). */
  josGatewayUrl: string;
  /** 抖店's gateway (DOUDIAN_GATEWAY_URL); a method's path is appended to it. */
  doudianGatewayUrl: string;
  /** Retries of one call on rate limits and outages (doubling waits). */
  retry: RetryOptions;
  /** How often an instance looks for connections whose pull is due. */
  checkEverySeconds: number;
  /** A new connection's pull interval unless one is given (MARKETPLACE_PULL_SECONDS). */
  defaultPullEverySeconds: number;
  /** How far back a new connection's first pull reaches (TOP keeps 180 days). */
  backfillDays: number;
}

export const DEFAULT_MARKETPLACE_OPTIONS: MarketplaceOptions = {
  topGatewayUrl: 'https://eco.taobao.com/router/rest',
  josGatewayUrl: 'https://api.jd.com/routerjson',
  doudianGatewayUrl: 'https://openapi-fxg.jinritemai.com',
  retry: { attempts: 4, baseDelayMs: 1_000 },
  checkEverySeconds: 15,
  defaultPullEverySeconds: 300,
  backfillDays: 30,
};

/** Gateway URLs whose environment variable may replace the default (the simulator's, say). */
const GATEWAY_VARIABLES = [
  ['TOP_GATEWAY_URL', 'topGatewayUrl'],
  ['JOS_GATEWAY_URL', 'josGatewayUrl'],
  ['DOUDIAN_GATEWAY_URL', 'doudianGatewayUrl'],
] as const;

/** TOP_GATEWAY_URL, JOS_GATEWAY_URL, DOUDIAN_GATEWAY_URL and MARKETPLACE_PULL_SECONDS (60–86400), checked at start-up. */
export function marketplaceOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<MarketplaceOptions> {
  const options: Partial<MarketplaceOptions> = {};
  for (const [variable, option] of GATEWAY_VARIABLES) {
    const gateway = env[variable]?.trim();
    if (!gateway) continue;
    if (!/^https?:\/\/\S+$/.test(gateway))
      throw new ConfigError(`${variable} must be an http(s) URL, got "${gateway}"`);
    options[option] = gateway;
  }
  const seconds = env['MARKETPLACE_PULL_SECONDS']?.trim();
  if (seconds) {
    const parsed = Number(seconds);
    if (!Number.isInteger(parsed) || parsed < 60 || parsed > 86400) {
      throw new ConfigError(`MARKETPLACE_PULL_SECONDS must be whole seconds from 60 to 86400, got "${seconds}"`);
    }
    options.defaultPullEverySeconds = parsed;
  }
  return options;
}

export interface ConnectionsOptions {
  /** Null in production without CONNECTION_KEY: connections cannot be saved. */
  keyring: ConnectionKeyring | null;
  marketplace?: Partial<MarketplaceOptions>;
}
