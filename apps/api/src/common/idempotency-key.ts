import { createHash } from 'node:crypto';
import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import type { SignedInActor } from './actor/actor';
import { RequestValidationError } from './errors/validation-error';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

/** A client's key for one command, with a digest of what it asked, to tell a retry from a reuse. */
export interface CommandKey {
  key: string;
  requestDigest: string;
}

/** Who sends a case command, and the Idempotency-Key it came with (undefined without one). */
export interface CommandSender {
  actor: SignedInActor;
  key: CommandKey | undefined;
}

/**
 * The optional `Idempotency-Key` header of a command: a client that did not hear back sends the
 * same request with the same key again, and the command is applied once. Undefined without one.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandKey | undefined => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new RequestValidationError([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 8–128 visible ASCII characters'] },
      ]);
    }
    const requestDigest = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('base64url');
    return { key: header, requestDigest };
  },
);

/** Documents the header on an endpoint that honours it. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (8–128 visible ASCII characters, e.g. a UUID). Retrying with the same key applies the ' +
        'command once and answers with the case as it is; the same key with another request is a 422.',
    }),
  );
