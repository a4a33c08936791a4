import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '@app/config';
import { createValidationPipe, findNul, inspectJsonBody, jsonTooDeepError, nulCharacterError } from '@app/http';
import { AppModule, assignRequestId } from './app.module';
import { mountMetrics } from './metrics';
import { findWebRoot, serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/** Requests whose body the route reads as a stream (POST /api/v1/attendance/imports). */
function isStreamedUpload(req: { method?: string; url?: string }): boolean {
  return req.method === 'POST' && /^\/api\/v1\/attendance\/imports\/?(\?|$)/.test(req.url ?? '');
}

/**
 * Refuses U+0000 anywhere in the path, the query or a JSON body, before authentication, for
 * every route: PostgreSQL cannot store it, and no field of this API may hold it. Cheap on the
 * usual request: the query and body are walked only when the URL holds `%00` or the body
 * parser saw a `\u0000` escape.
 */
function rejectNulInput(
  req: { url: string; query: unknown; body?: unknown; bodyHasNul?: boolean },
  _res: unknown,
  next: (error?: unknown) => void,
): void {
  const [path, query] = req.url.split('?', 2) as [string, string | undefined];
  let field: string | null = null;
  if (path.includes('%00')) field = 'path';
  else if (query?.includes('%00')) field = findNul(req.query);
  if (!field && req.bodyHasNul) field = findNul(req.body);
  next(field ? nulCharacterError(field) : undefined);
}

/**
 * Builds the HTTP application exactly as it runs in production; main.ts and the e2e tests
 * both use it, so tests exercise the real pipeline.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  /** Extra modules, for tests only (e.g. a route that fails on purpose). */
  extraImports: DynamicModule[] = [],
  /** For tests only: where the logs go instead of stdout. */
  logStream?: DestinationStream,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, extraImports, logStream),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  // req.ip is the forwarded client address only behind the proxies TRUST_PROXY names (sign-in throttle).
  app.set('trust proxy', config.trustProxy);
  // No automatic ETag: every API answer is `no-store`, so no client revalidates with it, and Express
  // hashed each JSON body (SHA-1) and turned it into a Buffer to make one (≈ 3 % of the busy CPU
  // samples of GET /health/live). Routes with versions (the plan, a pupil) set their own ETag; the
  // web app's files keep theirs (serve-static and sendFile make them, not this setting).
  app.set('etag', false);
  app.use(
    (req: Parameters<typeof assignRequestId>[0], res: Parameters<typeof assignRequestId>[1], next: () => void) => {
      assignRequestId(req, res);
      next();
    },
  );
  // Any API answer may hold personal data: no browser or proxy keeps a copy. The web app's
  // hashed assets (outside /api) keep their long cache.
  app.use((req: { url: string }, res: { setHeader(name: string, value: string): unknown }, next: () => void) => {
    if (req.url.startsWith('/api/') || req.url === '/api') res.setHeader('Cache-Control', 'no-store');
    next();
  });
  mountMetrics(app, config);
  // No upgrade-insecure-requests: the demo runs on plain http://localhost (production sits behind TLS).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // The attendance import streams its body (files far larger than the limit): the JSON parser
  // leaves that one path alone. Size and depth are limited here, before authentication.
  // (express.json, as app.useBodyParser would mount it, but with our `verify`, which Nest's typing leaves out.)
  app.use(
    json({
      limit: config.bodyLimit,
      type: (req) => !isStreamedUpload(req) && /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''),
      verify: (req: IncomingMessage & { bodyHasNul?: boolean }, _res, body) => {
        const facts = inspectJsonBody(body);
        if (facts.tooDeep) throw jsonTooDeepError();
        req.bodyHasNul = facts.hasNul;
      },
    }),
  );
  app.use(rejectNulInput);
  app.setGlobalPrefix(API_PREFIX);
  // The web app, when built (npm run build does it): same origin, so no CORS and no second server.
  const webRoot = findWebRoot();
  if (webRoot) serveWebApp(app, webRoot);
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
