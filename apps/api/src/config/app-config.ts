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
  seedDemoData: boolean;
  /** Uploaded import files wait here until their job has read them (so a restart can resume). */
  importSpoolDir: string;
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

/** Reads and validates the environment once at start-up; a bad value stops the app with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL']?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://`);
  }
  return {
    port: port('PORT', env['PORT'], 3000),
    host: env['HOST']?.trim() || '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(env['EMBEDDED_PG_DATA'] || path.join(REPO_ROOT, '.data', 'postgres')),
    embeddedPort: port('EMBEDDED_PG_PORT', env['EMBEDDED_PG_PORT'], 54329),
    webDist: path.resolve(env['WEB_DIST'] || path.join(REPO_ROOT, 'apps', 'web', 'dist')),
    seedDemoData: flag('SEED_DEMO_DATA', env['SEED_DEMO_DATA'], true),
    importSpoolDir: path.resolve(env['IMPORT_SPOOL_DIR'] || path.join(REPO_ROOT, '.data', 'imports')),
  };
}
