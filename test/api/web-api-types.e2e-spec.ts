import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { TestApp } from '../support/test-app';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WEB_TYPES = path.join(REPO_ROOT, 'apps', 'web', 'src', 'shared', 'api-schema.d.ts');
const GENERATOR = path.join(REPO_ROOT, 'node_modules', '.bin', 'openapi-typescript');
const PRETTIER = path.join(REPO_ROOT, 'node_modules', '.bin', 'prettier');

/**
 * The web's API types are generated from the OpenAPI document the API builds from its own code
 * (`npm run api:types`); this fails when the API changed and the types were not regenerated.
 */
describe('the web API types', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  it('match the OpenAPI document of the running API', async () => {
    const document = await app.get('/api/docs-json');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chaping-openapi-'));
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'api-schema.d.ts');
    writeFileSync(input, JSON.stringify(document.body));
    execFileSync(GENERATOR, [input, '--output', output], { stdio: 'pipe' });
    // Formatted like the rest of the code, so that running Prettier anywhere leaves the file alone.
    const generated = execFileSync(PRETTIER, ['--stdin-filepath', WEB_TYPES], {
      input: readFileSync(output, 'utf8'),
      encoding: 'utf8',
    });
    if (process.env['UPDATE_API_TYPES'] === '1') writeFileSync(WEB_TYPES, generated);
    const committed = existsSync(WEB_TYPES) ? readFileSync(WEB_TYPES, 'utf8') : '';
    expect(committed === generated ? 'up to date' : 'stale: run `npm run api:types`').toBe('up to date');
  });
});
