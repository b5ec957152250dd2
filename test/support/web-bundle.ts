import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most JavaScript (gzip -9) a first visit may download before the app can draw anything. */
export const INITIAL_JS_LIMIT_BYTES = 250 * 1024;

export interface Chunk {
  file: string;
  gzipBytes: number;
}

/**
 * What index.html makes a browser fetch at once: its module script and modulepreloads, plus any
 * chunk those import statically (a preload Vite left out would still be fetched before the first
 * paint). Sizes are gzip -9, the precompressed `.gz` the API sends.
 */
export function initialJavaScript(webDist: string): Chunk[] {
  const html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const linked = [
    ...html.matchAll(/<(?:script type="module"[^>]*\bsrc|link rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  if (linked.length === 0) throw new Error(`No entry script in ${webDist}/index.html: run \`npx nx run web:build\``);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(webDist, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); dynamic import() loads later.
    for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), match[1] ?? ''));
    }
  };
  linked.forEach(visit);
  return [...seen].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(webDist, file)), { level: 9 }).length,
  }));
}
