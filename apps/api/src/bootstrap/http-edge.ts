import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { errorBody } from '../common/errors/api-error.filter';
import { RejectedRequestError } from '../common/errors/app-errors';

/** The largest request head (request line and headers) Node reads before answering 431. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The longest path parameter; ids are UUIDs (36 characters). */
export const MAX_PARAM_LENGTH = 100;
/** How long a whole request (headers and body) may take to arrive by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Errors Fastify's router raises before any route or hook runs: answered in the one error body. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const rejected =
    error.code === 'FST_ERR_BAD_URL'
      ? new RejectedRequestError(400, 'request.bad_url')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new RejectedRequestError(414, 'request.param_too_long', { maxLength: MAX_PARAM_LENGTH })
        : new RejectedRequestError(400, 'request.client_error');
  const body = errorBody(rejected, request);
  void reply
    .status(body.statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * Errors Node's HTTP parser raises on a connection (headers too large, a request too slow, bytes
 * that are not HTTP). No request object exists yet, so the answer is written to the socket by
 * hand — still the one error body, with a request id of its own for the logs.
 */
export function clientErrorHandler(requestTimeoutMs: number) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const rejected =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new RejectedRequestError(431, 'request.headers_too_large', { maxKilobytes: MAX_HEADER_BYTES / 1024 })
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new RejectedRequestError(408, 'request.timeout', { seconds: requestTimeoutMs / 1000 })
          : new RejectedRequestError(400, 'request.client_error');
    // Without parsed headers the language is unknown: the default (Chinese) is used.
    const body = JSON.stringify(errorBody(rejected, { id: randomUUID(), headers: {} } as FastifyRequest));
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    // end() rather than destroy(): the answer is flushed before the connection closes.
    socket.end(
      `HTTP/1.1 ${rejected.statusCode} ${statusText[rejected.statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

const statusText: Record<RejectedRequestError['statusCode'], string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

/**
 * `TRUST_PROXY` as Fastify takes it: a hop count, or the addresses/CIDRs (or proxy-addr names
 * such as `loopback`) whose X-Forwarded-* headers are believed; false trusts none.
 */
export type TrustProxy = false | number | string[];
