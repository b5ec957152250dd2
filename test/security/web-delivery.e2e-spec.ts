import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

import { COMPRESSION_THRESHOLD_BYTES, IMMUTABLE_CACHE_CONTROL, REVALIDATE_CACHE_CONTROL } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

const SCRIPT = `export const greeting = ${JSON.stringify('工单'.repeat(2_000))};\n`;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';

/** A built web app in miniature: index.html and one hashed asset with its build-time twins. */
async function webDist(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'chaping-web-'));
  await mkdir(path.join(dist, 'assets'));
  const script = path.join(dist, 'assets', 'index-AbC123.js');
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(script, SCRIPT);
  await writeFile(`${script}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${script}.gz`, gzipSync(SCRIPT));
  return dist;
}

const decode = (encoding: string | undefined, body: Buffer) =>
  (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');

describe('speed on the wire: compression and caching', () => {
  let app: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await webDist();
    app = await TestApp.start('2026-03-10T02:00:00Z', { webDist: dist });
    for (let index = 0; index < 3; index++) await aNewCase().openIn(app);
  });
  afterAll(async () => {
    await app.stop();
    await rm(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string, cookie?: string) =>
    app.app.inject({
      method: 'GET',
      url,
      headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...(cookie ? { cookie } : {}) },
    });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=0.5, br;q=1', 'br'],
  ])('sends a hashed asset precompressed to "%s" (%s), cached for a year', async (accepted, encoding) => {
    const response = await get('/assets/index-AbC123.js', accepted);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    expect(decode(encoding, response.rawPayload)).toBe(SCRIPT);
  });

  it('sends the plain asset to a client that accepts no encoding, still immutable', async () => {
    const response = await get('/assets/index-AbC123.js');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.body).toBe(SCRIPT);
  });

  it.each(['/', '/index.html', '/cases/0b3a4c1e-6f8d-4c1a-9d2e-1a2b3c4d5e6f'])(
    'has the browser ask again before reusing index.html (%s)',
    async (url) => {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe(REVALIDATE_CACHE_CONTROL);
      expect(decode(response.headers['content-encoding'] as string | undefined, response.rawPayload)).toBe(INDEX);
    },
  );

  it('compresses API JSON above the threshold and keeps it out of every cache', async () => {
    const cookie = await app.sessionCookie(app.users.agent);
    for (const [accepted, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await get('/api/cases?limit=100', accepted, cookie);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['cache-control']).toBe('no-store');
      const json = decode(encoding, response.rawPayload);
      expect(Buffer.byteLength(json)).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
      expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(json));
      expect((JSON.parse(json) as { items: unknown[] }).items).toHaveLength(3);
    }
  });

  it('sends small answers and errors as they are', async () => {
    const me = await get('/api/auth/me', 'br, gzip', await app.sessionCookie(app.users.agent));
    expect(me.statusCode).toBe(200);
    expect(me.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(me.headers['content-encoding']).toBeUndefined();
    const missing = await get('/api/no-such-thing', 'br, gzip');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.json()).toMatchObject({ statusCode: 404 });
  });

  it('does not compress spreadsheet and PDF exports again (they are compressed inside)', async () => {
    const cookie = await app.sessionCookie(app.users.lead);
    for (const format of ['xlsx', 'pdf']) {
      const response = await get(`/api/reports/monthly/export?month=2026-02&format=${format}`, 'br, gzip', cookie);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});
