import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/config';
import { createValidationPipe } from '@app/http';
import { AppModule, assignRequestId } from './app.module';
import { mountMetrics } from './metrics';
import { findWebRoot, serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/** Requests whose body the route reads as a stream (POST /api/v1/attendance/imports). */
function isStreamedUpload(req: { method?: string; url?: string }): boolean {
  return req.method === 'POST' && /^\/api\/v1\/attendance\/imports\/?(\?|$)/.test(req.url ?? '');
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
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, extraImports), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(
    (req: Parameters<typeof assignRequestId>[0], res: Parameters<typeof assignRequestId>[1], next: () => void) => {
      assignRequestId(req, res);
      next();
    },
  );
  mountMetrics(app, config);
  // No upgrade-insecure-requests: the demo runs on plain http://localhost (production sits behind TLS).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // The attendance import streams its body (files far larger than the limit): the JSON parser
  // leaves that one path alone.
  app.useBodyParser('json', {
    limit: config.bodyLimit,
    type: (req) => !isStreamedUpload(req) && /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''),
  });
  app.setGlobalPrefix(API_PREFIX);
  // The web app, when built (npm run build does it): same origin, so no CORS and no second server.
  const webRoot = findWebRoot();
  if (webRoot) serveWebApp(app, webRoot);
  app.useGlobalPipes(createValidationPipe());

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
