import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyStaticOptions } from '@fastify/static';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Hashed build output (`/assets/<name>-<hash>.js`): its name changes whenever its content does. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: a browser keeps them but asks before each use. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/**
 * JSON and text only: spreadsheets and PDFs are zip/deflate inside already, and binary downloads
 * (octet-stream) are not worth a second pass.
 */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?json(?:;|$)|image\/svg\+xml)/;

/**
 * Compression of whatever is made per request (API JSON, CSV exports, the few small static files
 * without a precompressed twin). Brotli at quality 4 is the usual choice for dynamic answers: 11
 * costs tens of milliseconds per answer for a few percent. Request bodies are never inflated: nothing
 * sends them compressed, and inflating would let a small upload grow past the body limits.
 */
export const compressionOptions: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: COMPRESSION_THRESHOLD_BYTES,
  customTypes: COMPRESSIBLE,
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  globalDecompression: false,
};

/**
 * The built web app: its `.br`/`.gz` twins written at build time (apps/web/vite.config.ts) are sent
 * to a browser that accepts them, and hashed assets are cached for a year without a question.
 */
export function webStaticOptions(root: string): FastifyStaticOptions {
  const assets = path.join(root, 'assets') + path.sep;
  return {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      void reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL);
    },
  };
}
