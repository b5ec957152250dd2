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
});
