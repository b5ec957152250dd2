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

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA must be true or false'],
  ])('fails fast on %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
