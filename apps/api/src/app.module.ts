import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AccessModule } from '@app/access';
import { AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ProblemDetailsFilter } from '@app/http';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { AttendanceModule } from '@app/attendance';
import { CasesModule } from '@app/cases';
import { SignalsModule } from '@app/signals';
import { StudentsModule } from '@app/students';
import { HealthModule } from './health/health.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One id per request, set before anything else runs (even the body parser, whose errors need
 * it too). A caller's X-Request-Id is reused when sane, so a request can be followed across services.
 */
export function assignRequestId(
  req: { id?: unknown; headers: Record<string, string | string[] | undefined> },
  res: { setHeader(name: string, value: string): unknown },
): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The composition root: wires the libs together. No domain logic lives here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, extraImports: DynamicModule[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Asynchronous stdout (sonic-boom): a synchronous write per request line blocked the event
            // loop. pino flushes it synchronously when the process exits, so no line is lost on exit.
            stream: pino.destination({ dest: 1, sync: false }),
            // Reuse a caller's X-Request-Id when it is sane, so a request can be followed across services.
            genReqId: (req, res) => assignRequestId(req, res),
            // Only method, path and status: never headers (Authorization), bodies or query strings.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: { paths: ['req.headers', 'req.body', 'res.headers'], remove: true },
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
        DatabaseModule.forRoot({ url: databaseUrl, poolSize: config.dbPoolSize }),
        AccessModule,
        NotificationsModule.forRoot({ databaseUrl }),
        IdentityModule,
        StudentsModule,
        AttendanceModule,
        SignalsModule,
        CasesModule,
        HealthModule,
        ...extraImports,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
