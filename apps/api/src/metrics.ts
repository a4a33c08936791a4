import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { metricsRegistry } from '@app/http';
import { JobQueueRepository } from '@app/notifications';

/**
 * Operators' metrics in Prometheus text format (GET /metrics, outside /api/v1), in the registry
 * the libraries count into (`@app/http`'s `metricsRegistry`: imports, sync runs). Labels are route
 * patterns, statuses and fixed names only: never a raw path, id or personnummer.
 */
const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** The pg Pool inside TypeORM's driver (typed loosely: it is the driver's internal). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
let dataSource: DataSource | null = null;
let jobs: JobQueueRepository | null = null;
const pool = () => (dataSource?.driver as unknown as { master?: PgPool } | undefined)?.master;

new Gauge({
  name: 'db_pool_connections_in_use',
  help: 'Application pool connections checked out',
  registers: [metricsRegistry],
  collect() {
    const p = pool();
    this.set(p ? p.totalCount - p.idleCount : 0);
  },
});
new Gauge({
  name: 'db_pool_waiting_requests',
  help: 'Queries waiting for a pool connection',
  registers: [metricsRegistry],
  collect() {
    this.set(pool()?.waitingCount ?? 0);
  },
});
new Gauge({
  name: 'job_queue_jobs',
  help: 'pg-boss jobs by queue and state (created/retry = waiting, failed = given up)',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const r of (await jobs?.jobCounts()) ?? []) this.set({ queue: r.queue, state: r.state }, r.n);
  },
});

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Times every request (by the route pattern Fastify matched) and, when METRICS_TOKEN is set,
 * answers GET /metrics to a caller presenting it as a Bearer token. Without the setting the
 * path is not served at all (the web app's fallback or 404 answers it).
 */
export function mountMetrics(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    // The matched route's pattern, never the path with ids in it; the web app and 404s have none.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  if (!config.metricsToken) return;
  const token = config.metricsToken;
  fastify.get('/metrics', async (request, reply) => {
    dataSource ??= app.get<DataSource>(getDataSourceToken());
    jobs ??= app.get(JobQueueRepository);
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: '/problems/unauthorized',
            title: 'Unauthorized',
            status: 401,
            detail: 'The metrics token is missing or wrong.',
            instance: '/metrics',
            requestId: request.id,
          }),
        );
    }
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}
