import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import type { Locale } from '@chaping/domain';

import { localeOf } from './errors/api-messages';

/** The language the caller reads (Accept-Language: zh-CN by default, en on request). */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): Locale =>
  localeOf(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
