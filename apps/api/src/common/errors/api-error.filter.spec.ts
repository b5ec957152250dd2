import { NotFoundException, PayloadTooLargeException, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

import { REFUSAL_CODES } from '@chaping/domain';

import { errorBody } from './api-error.filter';
import { RefusedError, VersionConflictError } from './app-errors';
import { refusalStatus } from './refusal-status';
import { RequestValidationError } from './validation-error';

const request = (language?: string) =>
  ({ id: 'req-1', headers: language ? { 'accept-language': language } : {} }) as unknown as FastifyRequest;

describe('the one error body', () => {
  it.each(REFUSAL_CODES)('maps refusal %s to a 4xx with a readable message', (code) => {
    const body = errorBody(new RefusedError({ code, params: {} }), request());
    expect(body.statusCode).toBe(refusalStatus(code));
    expect([403, 404, 409, 422]).toContain(body.statusCode);
    expect(body).toMatchObject({ code, requestId: 'req-1' });
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('speaks English when asked', () => {
    const body = errorBody(
      new RefusedError({ code: 'contact.phone_limit_reached', params: { attempt: 4, max: 3 } }),
      request('en'),
    );
    expect(body.message).toBe('Call number 4 exceeds the limit of 3 calls per case');
  });

  it.each([
    [new RequestValidationError([{ field: 'to', messages: ['bad'] }]), 400, 'request.invalid'],
    [new VersionConflictError('c', 1, 2), 409, 'case.version_conflict'],
    [new NotFoundException(), 404, 'route.not_found'],
    [new PayloadTooLargeException(), 413, 'request.too_large'],
    [new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })), 409, 'conflict.duplicate'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      503,
      'database.unavailable',
    ],
    [new ServiceUnavailableException({ status: 'error' }), 503, 'database.unavailable'],
    [new Error('Client has encountered a connection error and is not queryable'), 503, 'database.unavailable'],
    [new QueryRunnerAlreadyReleasedError(), 503, 'database.unavailable'],
    [new Error('boom'), 500, 'internal'],
  ])('maps %p to %i %s', (error, statusCode, code) => {
    expect(errorBody(error, request())).toMatchObject({ statusCode, code });
  });

  it('never leaks an internal error message', () => {
    expect(errorBody(new Error('password=hunter2 at db'), request()).message).not.toContain('hunter2');
  });
});
