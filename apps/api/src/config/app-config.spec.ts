import path from 'node:path';

import { ConfigError, loadConfig, REPO_ROOT } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000 and an embedded database in the repository', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, seedDemoData: true });
    expect(config.embeddedDataDir).toBe(path.join(REPO_ROOT, '.data', 'postgres'));
    expect(config.webDist).toBe(path.join(REPO_ROOT, 'apps', 'web', 'dist'));
  });

  it('uses DATABASE_URL and PORT when given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', PORT: '8080' })).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/x',
      port: 8080,
    });
  });

  it('trusts no proxy, sets Secure cookies over TLS and allows 60 s per request by default', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: false, secureCookies: 'auto', requestTimeoutMs: 60_000 });
  });

  it.each([
    ['2', 2],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['::1,192.168.1.10', ['::1', '192.168.1.10']],
  ])('reads TRUST_PROXY=%p', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA must be true or false'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY as a hop count must be 1–10'],
    [{ TRUST_PROXY: '10.0.0.0/8,evil host' }, 'TRUST_PROXY must be a hop count or addresses'],
    [{ SESSION_COOKIE_SECURE: 'yes' }, 'SESSION_COOKIE_SECURE must be auto or always'],
    [{ REQUEST_TIMEOUT_SECONDS: '1' }, 'REQUEST_TIMEOUT_SECONDS must be whole seconds from 5 to 3600'],
  ])('fails fast on %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
