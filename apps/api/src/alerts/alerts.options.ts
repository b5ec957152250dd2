import path from 'node:path';

import { SecretBox } from '../common/secret-box';
import { REPO_ROOT } from '../config/app-config';

export interface AlertsOptions {
  /** ALERTS_ALLOW_LOCAL_HTTP=1 (never in production): robots may be plain-http on this machine (tests, demos). */
  allowLocalHttp: boolean;
  /** ALERTS_LINK_BASE_URL: the web app's address, so an alert links to its case; without it, no links. */
  linkBaseUrl: string | null;
}

export const ALERTS_OPTIONS = Symbol('ALERTS_OPTIONS');

export function alertsOptionsFromEnv(env: NodeJS.ProcessEnv): AlertsOptions {
  const production = env['NODE_ENV'] === 'production';
  return {
    allowLocalHttp: !production && env['ALERTS_ALLOW_LOCAL_HTTP'] === '1',
    linkBaseUrl: env['ALERTS_LINK_BASE_URL']?.trim().replace(/\/+$/, '') || null,
  };
}

/** The app's one secret box (SECRET_BOX_KEYS; a generated key file outside production). */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv): SecretBox {
  return SecretBox.fromEnvironment(env, {
    production: env['NODE_ENV'] === 'production',
    keyFile: path.join(REPO_ROOT, '.data', 'secret-box.keys'),
  });
}
