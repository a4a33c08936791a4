import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { AccessModule } from '@app/access';
import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ProblemDetailsFilter, redactPersonalNumbers } from '@app/http';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { AttendanceModule } from '@app/attendance';
import { CasesModule } from '@app/cases';
import { InterventionsModule } from '@app/interventions';
import { DataProtectionModule } from '@app/dataprotection';
import { SignalsModule } from '@app/signals';
import { StudentsModule } from '@app/students';
import { Ss12000Module } from '@app/ss12000';
import { HealthModule } from './health/health.module';
import { ENTITIES } from './entities';

/** A caller's id is taken only in this shape: free text in a header would go into every log line. */
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One id per request, taken when Fastify builds the request (its `genReqId`), before any hook or
 * the body parser, whose errors need it too; bootstrap.ts echoes it as X-Request-Id. A caller's
 * X-Request-Id is reused when it is a UUID, so a request can be followed across services; anything
 * else is replaced by a fresh one. Kept on the raw request, where the request logger reads it.
 */
export function assignRequestId(req: { id?: unknown; headers: Record<string, string | string[] | undefined> }): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

/** The composition root: wires the libs together. No domain logic lives here. */
@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    extraImports: DynamicModule[] = [],
    /** Where the logs go instead of stdout: tests read them. */
    logStream?: DestinationStream,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Asynchronous stdout (sonic-boom) unless a test passes its own stream: a synchronous write per
            // request line blocked the event loop. pino flushes it synchronously when the process exits.
            stream: logStream ?? pino.destination({ dest: 1, sync: false }),
            // Reuse a caller's X-Request-Id when it is a UUID, so a request can be followed across services.
            genReqId: (req) => assignRequestId(req),
            // Only method, path and status: never headers (Authorization), bodies or query strings;
            // a personnummer typed into the path is redacted. The serializers take the raw request and
            // response (wrapSerializers: false): the wrapped ones first copied every header into an object
            // per request only for ours to drop it (≈ 4 % of the busy CPU samples of GET /health/live),
            // and a redact pass over the serialised line removed what was no longer there.
            wrapSerializers: false,
            serializers: {
              req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({
                id: req.id,
                method: req.method,
                // The raw request's url is the path asked for; originalUrl, where a middleware set it, too.
                path: redactPersonalNumbers((req.originalUrl ?? req.url).split('?')[0]),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.dbPoolSize, entities: ENTITIES }),
        AccessModule,
        NotificationsModule.forRoot({ databaseUrl }),
        IdentityModule,
        StudentsModule,
        AttendanceModule,
        Ss12000Module,
        SignalsModule,
        CasesModule,
        InterventionsModule,
        DataProtectionModule,
        HealthModule,
        ...extraImports,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
