import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { WEB_DIST } from '../support/browser';
import { INITIAL_JS_LIMIT_BYTES, initialJavaScript } from '../support/web-bundle';

describe('the built web app on the wire', () => {
  it(`needs at most ${INITIAL_JS_LIMIT_BYTES / 1024} kB of JavaScript (gzip) before its first paint`, () => {
    const chunks = initialJavaScript(WEB_DIST);
    const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
    // Named in the failure, so it says which chunks to look at.
    const sizes = chunks.map((chunk) => `${chunk.file} ${(chunk.gzipBytes / 1024).toFixed(1)} kB`);
    expect({ total, sizes }).toEqual({ total: Math.min(total, INITIAL_JS_LIMIT_BYTES), sizes });
  });

  it('has a .br and a .gz twin of every script and stylesheet, holding the same bytes', () => {
    const assets = path.join(WEB_DIST, 'assets');
    const texts = readdirSync(assets).filter((file) => /\.(?:js|css)$/.test(file));
    expect(texts.length).toBeGreaterThan(0);
    const missing = texts.filter(
      (file) =>
        statSync(path.join(assets, file)).size >= 1024 &&
        !(existsSync(path.join(assets, `${file}.br`)) && existsSync(path.join(assets, `${file}.gz`))),
    );
    expect(missing).toEqual([]);
    const entry = initialJavaScript(WEB_DIST)[0]?.file ?? '';
    const original = readFileSync(path.join(WEB_DIST, entry));
    expect(brotliDecompressSync(readFileSync(path.join(WEB_DIST, `${entry}.br`)))).toEqual(original);
    expect(gunzipSync(readFileSync(path.join(WEB_DIST, `${entry}.gz`)))).toEqual(original);
  });
});
