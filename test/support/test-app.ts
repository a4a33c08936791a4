import { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '@app/config';
import { DEMO_PASSWORD } from '@app/demo';

interface TestState {
  /** The server's superuser (maintenance database): creates and drops databases, arranges any state. */
  adminUrl: string;
  /** The owner of every table (migrations), and the runtime role the app connects as. */
  ownerUrl: string;
  appUrl: string;
  template: string;
}

export const API = '/api/v1';

export function testState(): TestState {
  return JSON.parse(
    readFileSync(process.env.NARVARO_TEST_STATE ?? join(__dirname, '../../.data/test-run.json'), 'utf8'),
  ) as TestState;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE, pg_terminate_backend…). */
export async function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = new Pool({ connectionString: testState().adminUrl, max: 1 });
  try {
    return (await pool.query(sql, params)).rows as T[];
  } finally {
    await pool.end();
  }
}

/**
 * A fresh database for one test file: a copy of the migrated, seeded template (or empty), owned
 * by the owner role. `url` is the superuser's, `appUrl` the runtime role's, `ownerUrl` the owner's.
 */
export async function createTestDatabase(
  fromTemplate = true,
): Promise<{ name: string; url: string; appUrl: string; ownerUrl: string }> {
  const { adminUrl, ownerUrl, appUrl, template } = testState();
  const owner = new URL(ownerUrl).username;
  const name = `${template.replace('tpl', 't')}_${randomBytes(5).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${template}` : ''} OWNER ${owner}`);
      break;
    } catch (error) {
      // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
      if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    appUrl: withDatabase(appUrl, name),
    ownerUrl: withDatabase(ownerUrl, name),
  };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /**
   * A direct connection to this app's database as the server's superuser, for arranging and
   * checking state (also in append-only tables). The app itself runs as the runtime role.
   */
  db: Pool;
  dbName: string;
  /** The connection string the app itself uses: the runtime role's. */
  appUrl: string;
  close(): Promise<void>;
}

/** The real application (same bootstrap as production) on its own copy of the demo database. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { imports?: DynamicModule[]; logStream?: DestinationStream } = {},
): Promise<TestApp> {
  const { name, url, appUrl } = await createTestDatabase();
  // The application connects exactly as in production: as the runtime role.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
    // Tests drive the reminder sweep and the mail worker themselves; a test that wants pg-boss turns it on.
    JOBS_ENABLED: 'false',
    DATABASE_URL: appUrl,
    ...env,
  });
  const app = await createApp(config, appUrl, options.imports, options.logStream);
  await app.init();
  // Fastify adds the routes to its router when it is ready (listen() waits for it; supertest does not).
  await app.getHttpAdapter().getInstance().ready();
  const db = new Pool({ connectionString: url, max: 2 });
  // An idle client killed from outside (an outage test, a forced drop) must not crash the suite.
  db.on('error', () => undefined);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    dbName: name,
    appUrl,
    async close() {
      await app.close();
      await db.end();
      await dropTestDatabase(name);
    },
  };
}

/** Logs a demo user in and returns the Authorization header value. */
export async function bearer(http: TestAgent, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await http.post(`${API}/auth/login`).send({ username, password });
  if (response.status !== 200) throw new Error(`login of ${username} failed with ${response.status}`);
  return `Bearer ${response.body.accessToken as string}`;
}
