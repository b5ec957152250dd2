import path from 'node:path';

/** The repository root, found from this file whether it runs from src (tests) or dist. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface AppConfig {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent an embedded one is started. */
  databaseUrl: string | null;
  embeddedDataDir: string;
  embeddedPort: number;
  webDist: string;
  /** NODE_ENV=production: no demo data, and no start while demo credentials exist (see start-checks.ts). */
  production: boolean;
  /** SEED_DEMO_DATA: demo shops, users and cases on a first start; default on, except in production (refused). */
  seedDemoData: boolean;
  /** Uploaded import files wait here until their job has read them (so a restart can resume). */
  importSpoolDir: string;
  /** TRUST_PROXY: proxies whose X-Forwarded-For/-Proto are believed (hop count or addresses); none by default. */
  trustProxy: false | number | string[];
  /** SESSION_COOKIE_SECURE: `auto` (Secure over TLS, seen through a trusted proxy) or `always`. */
  secureCookies: 'auto' | 'always';
  /** REQUEST_TIMEOUT_SECONDS: how long a whole request (headers and body) may take to arrive. */
  requestTimeoutMs: number;
}

export class ConfigError extends Error {}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new ConfigError(`${name} must be a port number (0–65535), got "${value}"`);
  }
  return parsed;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/**
 * `TRUST_PROXY`: empty/`false` trusts no proxy; a number is how many proxies in front of the app
 * are trusted (hops); otherwise a comma-separated list of addresses, CIDRs or `loopback`,
 * `linklocal`, `uniquelocal`.
 */
function trustProxy(value: string | undefined): AppConfig['trustProxy'] {
  const text = value?.trim() ?? '';
  if (text === '' || text.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUST_PROXY as a hop count must be 1–10, got "${value}"`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const address = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;
  const bad = entries.find((entry) => !address.test(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a hop count or addresses/CIDRs separated by commas (e.g. 10.0.0.0/8,loopback), got "${bad}"`,
    );
  }
  return entries;
}

function secureCookies(value: string | undefined): AppConfig['secureCookies'] {
  const text = value?.trim().toLowerCase() || 'auto';
  if (text === 'auto' || text === 'always') return text;
  throw new ConfigError(`SESSION_COOKIE_SECURE must be auto or always, got "${value}"`);
}

function seconds(name: string, value: string | undefined, fallback: number, range: [number, number]): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range[0] || parsed > range[1]) {
    throw new ConfigError(`${name} must be whole seconds from ${range[0]} to ${range[1]}, got "${value}"`);
  }
  return parsed;
}

/** Reads and validates the environment once at start-up; a bad value stops the app with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL']?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://`);
  }
  const production = env['NODE_ENV']?.trim() === 'production';
  const seedDemoData = flag('SEED_DEMO_DATA', env['SEED_DEMO_DATA'], !production);
  if (production && seedDemoData) {
    throw new ConfigError(
      'SEED_DEMO_DATA=true is refused with NODE_ENV=production (the demo users share a published password); create the first admin with `npm run admin:create -- --username NAME`',
    );
  }
  return {
    port: port('PORT', env['PORT'], 3000),
    host: env['HOST']?.trim() || '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(env['EMBEDDED_PG_DATA'] || path.join(REPO_ROOT, '.data', 'postgres')),
    embeddedPort: port('EMBEDDED_PG_PORT', env['EMBEDDED_PG_PORT'], 54329),
    webDist: path.resolve(env['WEB_DIST'] || path.join(REPO_ROOT, 'apps', 'web', 'dist')),
    production,
    seedDemoData,
    importSpoolDir: path.resolve(env['IMPORT_SPOOL_DIR'] || path.join(REPO_ROOT, '.data', 'imports')),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    secureCookies: secureCookies(env['SESSION_COOKIE_SECURE']),
    requestTimeoutMs: seconds('REQUEST_TIMEOUT_SECONDS', env['REQUEST_TIMEOUT_SECONDS'], 60, [5, 3600]) * 1000,
  };
}
