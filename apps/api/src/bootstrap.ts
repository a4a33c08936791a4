import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppConfig } from '@app/config';
import {
  createValidationPipe,
  findNul,
  nulCharacterError,
  PROBLEM_CONTENT_TYPE,
  problemType,
  statusTitle,
} from '@app/http';
import { AppModule, assignRequestId } from './app.module';
import { type MarkedRequest, registerJsonParser, sizeInBytes } from './json-body';
import { mountMetrics } from './metrics';
import { findWebRoot, serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/** Requests whose body the route reads as a stream (POST /api/v1/attendance/imports). */
function isStreamedUpload(req: { method?: string; url?: string }): boolean {
  return req.method === 'POST' && /^\/api\/v1\/attendance\/imports\/?(\?|$)/.test(req.url ?? '');
}

/**
 * Refuses U+0000 anywhere in the path or the query (before routing goes on) and in a JSON body
 * (once parsed), before authentication, for every route: PostgreSQL cannot store it, and no field
 * of this API may hold it. Cheap on the usual request: the query and body are walked only when
 * the URL holds `%00` or the body parser saw a `\u0000` escape.
 */
function nulInUrl(url: string, query: unknown): string | null {
  const [path, search] = url.split('?', 2) as [string, string | undefined];
  if (path.includes('%00')) return 'path';
  return search?.includes('%00') ? findNul(query) : null;
}

/**
 * Builds the HTTP application exactly as it runs in production; main.ts and the e2e tests
 * both use it, so tests exercise the real pipeline. Fastify, not Express: Express itself was most
 * of the CPU time of a small API answer (a bare Nest app costs 0.09–0.44 ms per request on
 * Fastify against 0.51–1.35 ms on Express).
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  /** Extra modules, for tests only (e.g. a route that fails on purpose). */
  extraImports: DynamicModule[] = [],
  /** For tests only: where the logs go instead of stdout. */
  logStream?: DestinationStream,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // request.ip is the forwarded client address only behind the proxies TRUST_PROXY names (sign-in throttle).
    // A hop count trusts that many proxies nearest to us, as Express did (Fastify's own number trusts none).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // The request id (a caller's UUID or a fresh one) is taken before anything else runs.
    genReqId: (req: IncomingMessage) => assignRequestId(req),
    requestIdHeader: false,
    // As Express routed: /api/v1/cases/ is /api/v1/cases, paths match whatever their case, and a
    // long path parameter reaches its validation (a 400) rather than the router's 414.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 2048 },
    // The router's own refusals (a path that does not decode: 400) come before any hook or filter:
    // answered here as problem details too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void reply
        .code(status)
        .header('X-Request-Id', request.id)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: problemType(status),
            title: statusTitle(status),
            status,
            detail: 'The request path is not valid.',
            instance: request.url.split('?')[0],
            requestId: request.id,
          }),
        );
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, extraImports, logStream),
    adapter,
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // No automatic ETag: Fastify makes none (Express hashed every JSON body for one, ≈ 3 % of the busy
  // CPU samples of GET /health/live). Routes with versions (the plan, a pupil) set their own ETag;
  // the web app's files keep theirs (@fastify/static makes them).
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    // Any API answer may hold personal data: no browser or proxy keeps a copy. The web app's
    // hashed assets (outside /api) keep their long cache.
    if (request.url.startsWith('/api/') || request.url === '/api') reply.header('Cache-Control', 'no-store');
    done();
  });
  mountMetrics(app, config);
  // No upgrade-insecure-requests: the demo runs on plain http://localhost (production sits behind TLS).
  await app.register(helmet, { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  fastify.addHook('onRequest', (request, _reply, done) => {
    const field = nulInUrl(request.url, request.query);
    done(field ? nulCharacterError(field) : undefined);
  });
  // Size and depth are limited by the JSON parser, before authentication. The attendance import
  // streams its body (files far larger than the limit): the parser leaves that one path alone.
  registerJsonParser(fastify, sizeInBytes(config.bodyLimit), isStreamedUpload);
  fastify.addHook('preValidation', (request, _reply, done) => {
    const field = (request.raw as MarkedRequest).bodyHasNul ? findNul(request.body) : null;
    done(field ? nulCharacterError(field) : undefined);
  });
  app.setGlobalPrefix(API_PREFIX);
  // The web app, when built (npm run build does it): same origin, so no CORS and no second server.
  const webRoot = findWebRoot();
  if (webRoot) await serveWebApp(app, webRoot);
  app.useGlobalPipes(createValidationPipe());

  // Off by default in production (API_DOCS): the route list is a map for an attacker.
  if (!config.apiDocs) return app;

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Närvaroteam API')
      .setDescription(
        'API of Närvaroteam: school, elevhälsa (student health team), socialtjänsten, BUP and habiliteringen ' +
          'acting together on worrying school absence (frånvaro). Errors are RFC 9457 problem details ' +
          '(application/problem+json). Lists return { items, nextCursor } with ?limit= (1–500, default 50) and ?cursor=.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
