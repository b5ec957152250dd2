import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import serveStatic from '@fastify/static';
import { ValidationPipe, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AppModule } from '../app.module';
import { API_KEY_HEADER } from '../common/actor/actor';
import type { Clock } from '../common/clock';
import { ApiErrorFilter, errorBody } from '../common/errors/api-error.filter';
import { RejectedRequestError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';
import { fieldWithNulCharacter, nulCharacterError } from '../common/nul-characters';
import { REPO_ROOT } from '../config/app-config';
import type { ConnectionsOptions } from '../connections/connections.tokens';
import { loadConnectionKeyring } from '../connections/credential-cipher';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../intake/incoming/import-limits';
import { SESSION_COOKIE } from '../users/auth/session.store';
import {
  clientErrorHandler,
  DEFAULT_REQUEST_TIMEOUT_MS,
  frameworkErrors,
  MAX_HEADER_BYTES,
  MAX_PARAM_LENGTH,
  type TrustProxy,
} from './http-edge';
import { parseJsonKeepingBigIntegers } from './json-body';
import { describeValidationLimits } from './openapi-limits';
import { compressionOptions, webStaticOptions } from './web-delivery';

export interface CreateAppOptions {
  databaseUrl: string;
  /** The built web app to serve at `/`; skipped when it does not exist. */
  webDist?: string;
  clock?: Clock;
  logger?: LogLevel[] | false;
  /** Where uploaded import files wait for their job. */
  importSpoolDir: string;
  /** The largest file an upload may carry (default UPLOAD_LIMIT_BYTES). */
  uploadLimitBytes?: number;
  /** What an uploaded file may unpack to and hold (default DEFAULT_IMPORT_LIMITS). */
  importLimits?: Partial<ImportLimits>;
  /** Proxies whose X-Forwarded-For/-Proto are believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** `always`: the session cookie is Secure even over plain HTTP (behind a proxy not trusted). */
  secureCookies?: 'auto' | 'always';
  /** How long a whole request may take to arrive (default DEFAULT_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Marketplace connections: the credentials' keyring and the gateways (default: CONNECTION_KEY or the dev key in .data). */
  connections?: ConnectionsOptions;
}

export const API_PREFIX = 'api';
const BODY_LIMIT_BYTES = 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const ACCEPTED_BODY_TYPES = ['application/json', 'multipart/form-data'];

/** The whole HTTP application — used by `main.ts` and by the tests, so both run the same thing. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const uploadLimitBytes = options.uploadLimitBytes ?? UPLOAD_LIMIT_BYTES;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler: clientErrorHandler(requestTimeout),
    // A body trickled a byte at a time is cut off once the whole request has taken this long.
    requestTimeout,
    http: {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: Math.min(requestTimeout, 60_000),
      // Node looks for overdue requests this often (30 s by default, too coarse for short timeouts).
      connectionsCheckingInterval: Math.min(requestTimeout / 2, 30_000),
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      databaseUrl: options.databaseUrl,
      clock: options.clock,
      importSpoolDir: options.importSpoolDir,
      uploadLimitBytes,
      importLimits: { ...DEFAULT_IMPORT_LIMITS, ...options.importLimits },
      connections: options.connections ?? {
        keyring: loadConnectionKeyring(process.env, {
          production: process.env['NODE_ENV'] === 'production',
          dataDir: path.join(REPO_ROOT, '.data'),
        }),
      },
    }),
    adapter,
    // Nest's own JSON parser is off: the one below keeps 19-digit marketplace ids exact.
    { logger: options.logger ?? ['error', 'warn'], abortOnError: false, bodyParser: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
    }),
  );

  const webIndex = options.webDist ? path.join(options.webDist, 'index.html') : null;
  const serveWeb = webIndex !== null && existsSync(webIndex);
  app.useGlobalFilters(new ApiErrorFilter(serveWeb ? spaFallback : undefined));

  const fastify = app.getHttpAdapter().getInstance();
  // Marketplace ids are JSON numbers above 2^53: parse them without losing digits.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => {
      let parsed: unknown;
      try {
        parsed = parseJsonKeepingBigIntegers(body as string);
      } catch (error) {
        const refused =
          error instanceof RejectedRequestError
            ? error
            : Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
        done(refused, undefined);
        return;
      }
      const nul = fieldWithNulCharacter(parsed);
      if (nul === null) done(null, parsed);
      else done(Object.assign(nulCharacterError(nul), { statusCode: 400 }), undefined);
    },
  );
  // Security headers; CORS stays closed (no CORS plugin): the web is served from the same origin.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  // 'auto': Secure when the request came over TLS (X-Forwarded-Proto counts from a trusted proxy).
  await app.register(cookie, { parseOptions: { secure: options.secureCookies === 'always' ? true : 'auto' } });
  // Before any route exists: the plugin attaches itself to each route as it is added.
  await app.register(compress, compressionOptions);
  await app.register(multipart, {
    limits: { fileSize: uploadLimitBytes, files: 1, fields: 5, parts: 6 },
  });
  // Every API answer may carry personal data (case views, revealed phones, exports): no cache keeps
  // one, in the browser or in a proxy. The web's static files stay cacheable.
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url === `/${API_PREFIX}` || request.url.startsWith(`/${API_PREFIX}/`)) {
      void reply.header('cache-control', 'no-store');
    }
  });
  // Bodies are JSON (multipart for file uploads); anything else is refused before parsing.
  fastify.addHook('onRequest', async (request, reply) => {
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = request.headers['content-type'] ?? '';
    if (hasBody && !ACCEPTED_BODY_TYPES.some((accepted) => type.toLowerCase().startsWith(accepted))) {
      const body = errorBody({ statusCode: 415 }, request);
      return reply.status(415).send(body);
    }
    const nulInQuery = fieldWithNulCharacter(request.query);
    if (nulInQuery !== null) return reply.status(400).send(errorBody(nulCharacterError(nulInQuery), request));
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('差评工单 API')
      .setDescription(
        'Cases for neutral and negative marketplace reviews: the workflow, its policies and its history. ' +
          'Errors always have the shape { statusCode, code, message, details?, requestId }.',
      )
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
      .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, 'api-key')
      .addSecurityRequirements('session')
      .build(),
  );
  describeValidationLimits(document);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  if (serveWeb && options.webDist) {
    // Registered directly, not through useStaticAssets: Nest's copy of the options type predates
    // the plugin's setHeaders(reply, …) signature.
    await app.register(serveStatic, webStaticOptions(options.webDist));
  }
  await app.init();
  await fastify.ready();
  return app;
}

/** Client-side routes of the single-page app get its index.html; unknown /api paths stay 404 JSON. */
function spaFallback(request: FastifyRequest, reply: FastifyReply): boolean {
  const isPage =
    request.method === 'GET' && !request.url.startsWith(`/${API_PREFIX}/`) && request.url !== `/${API_PREFIX}`;
  if (!isPage) return false;
  void reply.type('text/html; charset=utf-8').sendFile('index.html');
  return true;
}
