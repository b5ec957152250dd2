import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

import { refusalMessage } from '@chaping/domain';

import { apiMessage, localeOf, type ApiMessageCode } from './api-messages';
import {
  FileTooLargeError,
  ForbiddenShopError,
  ImportLimitError,
  NotFoundError,
  RefusedError,
  RejectedRequestError,
  RequestedConflictError,
  TooManyAttemptsError,
  UnauthenticatedError,
  UnavailableError,
  UnprocessableError,
  VersionConflictError,
  WeakPasswordError,
} from './app-errors';
import { boundedDetails } from './bounded-details';
import type { ErrorBodyDto } from './error-body';
import { refusalStatus } from './refusal-status';
import { RequestValidationError } from './validation-error';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

const BROKEN_MULTIPART = /^(Multipart: Boundary not found|Unexpected end of multipart data)$/;

interface ErrorWithCode {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Turns anything thrown into the one error body: `{ statusCode, code, message, details?, requestId }`. */
export function errorBody(error: unknown, request: FastifyRequest): ErrorBodyDto {
  const locale = localeOf(request.headers['accept-language']);
  const requestId = String(request.id);
  const api = (statusCode: number, code: ApiMessageCode, details?: Record<string, unknown>): ErrorBodyDto => ({
    statusCode,
    code,
    message: apiMessage(code, locale, details),
    ...(details === undefined ? {} : { details: boundedDetails(details) }),
    requestId,
  });

  if (error instanceof RefusedError) {
    return {
      statusCode: refusalStatus(error.refusal.code),
      code: error.refusal.code,
      message: refusalMessage(error.refusal, locale),
      details: boundedDetails(error.refusal.params),
      requestId,
    };
  }
  if (error instanceof RequestValidationError) return api(400, 'request.invalid', { fields: error.fields });
  if (error instanceof RejectedRequestError) return api(error.statusCode, error.code, error.details);
  if (error instanceof VersionConflictError) {
    return api(409, 'case.version_conflict', {
      expectedVersion: error.expectedVersion,
      currentVersion: error.currentVersion,
    });
  }
  if (error instanceof NotFoundError) return api(404, error.code, { id: error.id });
  if (error instanceof UnprocessableError) return api(422, error.code, error.details);
  if (error instanceof RequestedConflictError) return api(409, error.code);
  if (error instanceof ForbiddenShopError) return api(403, 'auth.shop_forbidden', { shopId: error.shopId });
  if (error instanceof UnavailableError) return api(503, error.code);
  if (error instanceof FileTooLargeError)
    return api(413, 'import.file_too_large', { maxMegabytes: error.maxMegabytes });
  if (error instanceof ImportLimitError) return api(413, error.code, error.details);
  if (error instanceof UnauthenticatedError) return api(401, `auth.${error.reason}`);
  if (error instanceof TooManyAttemptsError) {
    return api(429, `auth.${error.reason}`, { retryAfterSeconds: error.retryAfterSeconds });
  }
  if (error instanceof WeakPasswordError) return api(422, `auth.${error.reason}`);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return api(404, 'route.not_found');
    if (status === 413) return api(413, 'request.too_large');
    if (status === 415) return api(415, 'request.unsupported_media_type');
    // The health check answers 503 with what is down.
    if (status === 503) return api(503, 'database.unavailable', error.getResponse() as Record<string, unknown>);
    if (status === 400 && /JSON/i.test(error.message)) return api(400, 'request.malformed');
    return {
      ...api(status, 'http.error'),
      message: `${apiMessage('http.error', locale)}: ${boundedDetails(error.message)}`,
    };
  }
  const withCode = (error ?? {}) as ErrorWithCode;
  // The multipart parser (busboy) throws plain errors without a code, while reading the upload.
  if (error instanceof Error && BROKEN_MULTIPART.test(error.message)) return api(400, 'request.bad_multipart');
  const driverCode = error instanceof QueryFailedError ? (error.driverError as ErrorWithCode).code : withCode.code;
  if (driverCode === '23505') return api(409, 'conflict.duplicate');
  if (driverCode && UNAVAILABLE_CODES.has(driverCode)) return api(503, 'database.unavailable');
  // TypeORM releases a query runner whose connection broke; the transaction's next query says so.
  if (error instanceof QueryRunnerAlreadyReleasedError) return api(503, 'database.unavailable');
  if (
    typeof withCode.message === 'string' &&
    // node-postgres says "not queryable" of a pooled client whose connection broke while it was idle.
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable/i.test(
      withCode.message,
    )
  ) {
    return api(503, 'database.unavailable');
  }
  // Errors raised by Fastify itself before a route runs (body parsing, limits, media type).
  if (typeof withCode.statusCode === 'number' && withCode.statusCode >= 400 && withCode.statusCode < 500) {
    if (withCode.statusCode === 413) return api(413, 'request.too_large');
    if (withCode.statusCode === 415) return api(415, 'request.unsupported_media_type');
    if (
      withCode.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      withCode.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      /JSON/.test(withCode.message ?? '')
    ) {
      return api(400, 'request.malformed');
    }
    return {
      ...api(withCode.statusCode, 'http.error'),
      message: `${apiMessage('http.error', locale)}: ${boundedDetails(withCode.message ?? '')}`,
    };
  }
  return api(500, 'internal');
}

@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  constructor(private readonly notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = errorBody(error, request);
    if (body.statusCode === 404 && body.code === 'route.not_found' && this.notFoundFallback?.(request, reply)) return;
    if (body.statusCode >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof TooManyAttemptsError) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
